import type { Element, ElementContent, Root } from 'hast';
import { headingLines as lineTexts } from './rehype-articles.ts';

/** A date as a 落款 writes it: `2025年1月17日`, or in Chinese numerals (`二〇二五年一月十七日`). */
const DATE = /^(\d{4}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$/;
/** The end of a closing sentence, which a 落款 follows. */
const CLOSED = /[。！？…」”）)]$/;
/** A 署名: the office, a short line that is no sentence (those end in punctuation). */
const NAME = /^[^。！？；，：、.!?;,:]{2,30}$/;

/**
 * An article may end with a 落款 as offices sign: the office on a line of its own and the date
 * under it, after the text and before any notes, typed as two paragraphs or as one with a line
 * break (`平远县乡村振兴局\`), or the date alone. It goes into a `<div class="signature">`, which
 * the style sheets set to the right, each line centred over the other (GB/T 9704 §7.3.5: the
 * date 右空四字, the office centred over it), not indented as a paragraph. Runs after rehype-notes.
 */
export default function rehypeSignature() {
  return (tree: Root) => {
    for (const section of tree.children) {
      if (section.type !== 'element' || section.tagName !== 'section') continue;
      const blocks = section.children.filter((child): child is Element => child.type === 'element');
      // Blocks before the notes: the title, the text (one paragraph at least), then the 落款.
      let last = blocks.length - 1;
      while (last >= 0 && isNote(blocks[last]!)) last--;
      const date = blocks[last];
      if (last < 2 || date?.tagName !== 'p') continue;
      const lines = lineTexts(date);
      if (!DATE.test(lines.at(-1) ?? '') || lines.length > 2 || (lines.length === 2 && !NAME.test(lines[0]!))) continue;
      const name = lines.length === 1 && last >= 3 ? blocks[last - 1] : undefined;
      const named = name?.tagName === 'p' && lineTexts(name).length === 1 && NAME.test(lineTexts(name)[0]!);
      const signed = named ? [name, date] : [date];
      // After a paragraph's closing sentence: a date after `会议时间：`, a list or a photo is text.
      const text = blocks[last - signed.length];
      if (text?.tagName !== 'p' || !CLOSED.test(lineTexts(text).at(-1) ?? '')) continue;
      const at = section.children.indexOf(signed[0]!);
      const end = section.children.indexOf(date);
      section.children.splice(at, end - at + 1, {
        type: 'element',
        tagName: 'div',
        properties: { className: ['signature'] },
        children: signed as ElementContent[],
      });
    }
  };
}

function isNote(block: Element): boolean {
  return ((block.properties.className as string[] | undefined) ?? []).includes('note');
}
