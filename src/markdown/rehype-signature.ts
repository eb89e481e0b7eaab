import type { Element, ElementContent, Root } from 'hast';
import { headingLines as lineTexts } from './rehype-articles.ts';
import { ATTACHMENTS_CLASS } from './rehype-attachments.ts';
import { hasClass } from './has-class.ts';
import { LEADING_SPACES } from './cjk.ts';

/**
 * A date as a 落款 writes it: `2025年1月17日`, or in Chinese numerals (`二〇二五年一月十七日`), its
 * zero often typed as a look-alike, as Word drafts have it: a circle `○`, a letter `O`, a digit `0`.
 */
const DATE = /^(\d{4}|[〇零○◯OＯ0０一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$/;
/** The end of a closing sentence, which a 落款 follows. */
const CLOSED = /[。！？…」”）)]$/;
/** A 署名: the office, a short line that is no sentence (those end in punctuation). */
const NAME = /^[^。！？；，：、.!?;,:]{2,30}$/;
/** The class of a 落款's `<div>`. */
export const SIGNATURE_CLASS = 'signature';

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
      while (last >= 0 && hasClass(blocks[last]!, 'note')) last--;
      let date = blocks[last];
      if (last < 1 || date?.tagName !== 'p') continue;
      // Typed at the end of the last paragraph, on lines of their own (remark-typed-line-breaks).
      const ending = typedEnding(date);
      if (ending) {
        section.children.splice(section.children.indexOf(date), 1, ending[0], { type: 'text', value: '\n' }, ending[1]);
        blocks.splice(last, 1, ...ending);
        last++;
        date = ending[1];
      }
      if (last < 2) continue;
      const lines = lineTexts(date);
      if (!DATE.test(lines.at(-1) ?? '') || lines.length > 2 || (lines.length === 2 && !NAME.test(lines[0]!))) continue;
      const name = lines.length === 1 && last >= 3 ? blocks[last - 1] : undefined;
      const named = name?.tagName === 'p' && lineTexts(name).length === 1 && NAME.test(lineTexts(name)[0]!);
      const signed = named ? [name, date] : [date];
      // After a paragraph's closing sentence or a list of attachments (rehype-attachments): a date
      // after `会议时间：`, a list or a photo is text.
      const text = blocks[last - signed.length];
      if (!(text && hasClass(text, ATTACHMENTS_CLASS)) && (text?.tagName !== 'p' || !endsText(lineTexts(text)))) continue;
      const at = section.children.indexOf(signed[0]!);
      const end = section.children.indexOf(date);
      for (const block of signed) withoutTypedSpaces(block!);
      section.children.splice(at, end - at + 1, {
        type: 'element',
        tagName: 'div',
        properties: { className: [SIGNATURE_CLASS] },
        children: signed as ElementContent[],
      });
    }
  };
}

/**
 * The paragraph as its text and its 落款 when it ends with them on lines of its own: after a line
 * ending a sentence, the date, or the office and the date (`特此通报。` `　　　　梅州市住建局`
 * `　　　　2021年12月30日`, the spaces typed to set them right). After a list of attachments they
 * are a paragraph of their own already (remark-attachment-lines).
 */
function typedEnding(paragraph: Element): [Element, Element] | undefined {
  const breaks = paragraph.children.flatMap((child, index) => (child.type === 'element' && child.tagName === 'br' ? [index] : []));
  const lines = lineTexts(paragraph);
  if (breaks.length === 0 || lines.length !== breaks.length + 1 || !DATE.test(lines.at(-1)!)) return undefined;
  const signed = lines.length >= 3 && NAME.test(lines.at(-2)!) && endsText(lines.slice(0, -2)) ? 2 : endsText(lines.slice(0, -1)) ? 1 : 0;
  if (signed === 0) return undefined;
  const at = breaks[breaks.length - signed]!;
  return [
    { ...paragraph, children: paragraph.children.slice(0, at) },
    { type: 'element', tagName: 'p', properties: {}, children: paragraph.children.slice(at + 1) },
  ];
}

/** Whether a 落款 may follow these lines: they end a sentence. */
function endsText(lines: readonly string[]): boolean {
  return CLOSED.test(lines.at(-1) ?? '');
}

/** The 落款's lines without the spaces typed before them: the style sheets set it right. */
function withoutTypedSpaces(paragraph: Element): void {
  let leading = true;
  paragraph.children.forEach((child, index) => {
    const before = paragraph.children[index - 1];
    if (child.type === 'element' && child.tagName === 'br') leading = true;
    else if (child.type !== 'text') leading = false;
    else if (leading) {
      // The line ending after a line break stays, as remark-rehype writes it.
      const ending = before?.type === 'element' && child.value.startsWith('\n') ? '\n' : '';
      child.value = ending + child.value.replace(LEADING_SPACES, '');
      leading = child.value.trim() === '';
    }
  });
}
