import type { Options } from 'remark-rehype';

/**
 * GFM footnotes labelled in Chinese for remark-rehype, which labels them in English
 * (`Footnotes`, `Back to reference 1`) on a zh-CN page. The notes come after the last article,
 * numbered through the issue.
 */
export const FOOTNOTE_LABELS: Options = {
  footnoteLabel: '注释',
  footnoteBackLabel: (referenceIndex, rereferenceIndex) => `返回正文 ${referenceIndex + 1}${rereferenceIndex > 1 ? `-${rereferenceIndex}` : ''}`,
};
