import type { ElementContent } from 'hast';
import type { Options } from 'remark-rehype';

/**
 * GFM footnotes labelled in Chinese for remark-rehype, which labels them in English
 * (`Footnotes`, `Back to reference 1`) on a zh-CN page. The notes come after the last article,
 * numbered through the issue. The hidden label and the back-links' arrows are left out of the
 * search index: a note is found under its article, not as an article `注释` reading `… ↩`.
 */
export const FOOTNOTE_LABELS: Options = {
  footnoteLabel: '注释',
  footnoteLabelProperties: { className: ['sr-only'], dataPagefindIgnore: '' },
  // remark-rehype's own arrow (and the number of a second reference to the note), in an ignored span.
  footnoteBackContent: (_, rereferenceIndex): ElementContent[] => [
    {
      type: 'element',
      tagName: 'span',
      properties: { dataPagefindIgnore: '' },
      children: [
        { type: 'text', value: '↩' },
        ...(rereferenceIndex > 1
          ? [{ type: 'element' as const, tagName: 'sup', properties: {}, children: [{ type: 'text' as const, value: String(rereferenceIndex) }] }]
          : []),
      ],
    },
  ],
  footnoteBackLabel: (referenceIndex, rereferenceIndex) => `返回正文 ${referenceIndex + 1}${rereferenceIndex > 1 ? `-${rereferenceIndex}` : ''}`,
};
