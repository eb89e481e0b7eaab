import { children, elements, openDocx, W, wordAttribute } from './word-xml.ts';

/** What a style sets that makes a paragraph look like a title: centred, bold, its size in points. */
export interface StyleLook {
  readonly centred?: boolean;
  readonly bold?: boolean;
  readonly points?: number;
}

/**
 * The look of each style of the draft by its id, with what it takes from the style it is based
 * on: an office template's own title style (`简报标题`: centred, bold, 22 pt) sets what a title
 * typed by hand sets directly, and mammoth reads only the direct formatting.
 */
export async function styleLooks(buffer: Buffer): Promise<(styleId: string | null | undefined) => StyleLook> {
  const docx = await openDocx(buffer);
  const xml = await docx.xml('word/styles.xml');
  const own = new Map<string, { look: StyleLook; basedOn?: string }>();
  if (xml !== undefined) {
    for (const style of elements(docx.parse(xml).getElementsByTagNameNS(W, 'style'))) {
      const paragraph = children(style, 'pPr')[0];
      const run = children(style, 'rPr')[0];
      const alignment = wordAttribute(children(paragraph, 'jc')[0], 'val');
      const bold = children(run, 'b')[0];
      const size = wordAttribute(children(run, 'sz')[0], 'val');
      own.set(wordAttribute(style, 'styleId') ?? '', {
        look: {
          ...(alignment !== undefined && { centred: alignment === 'center' }),
          ...(bold !== undefined && { bold: !/^(0|false|off)$/.test(wordAttribute(bold, 'val') ?? '') }),
          ...(size !== undefined && { points: Number(size) / 2 }),
        },
        basedOn: wordAttribute(children(style, 'basedOn')[0], 'val'),
      });
    }
  }
  const look = (styleId: string | null | undefined, seen = new Set<string>()): StyleLook => {
    const style = styleId ? own.get(styleId) : undefined;
    if (!style || seen.has(styleId!)) return {};
    seen.add(styleId!);
    return { ...look(style.basedOn, seen), ...style.look };
  };
  return look;
}
