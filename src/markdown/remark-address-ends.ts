import type { Link, Root, Text } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { reportProblem } from '../report/messages.ts';
import { eachNode, SKIP } from '../util/each-node.ts';

/** GFM's trailing punctuation, which it leaves out of a bare address (`https://a.cn.` links `https://a.cn`). */
const TRAILING = /[?!.,:*_~]+$/;

/** A character outside ASCII: Chinese text, its punctuation, a full-width space. */
const NON_ASCII = /\P{ASCII}/u;

/**
 * GFM makes a link of a bare web address up to the next space, and Chinese text has none between
 * words: `网址：https://www.meizhou.gov.cn。下一步，…` linked the rest of the sentence, a broken
 * link on the page and in the search index. Here a bare address ends before its first character
 * outside ASCII, the sentence's punctuation or words, as an address an office types is ASCII (a
 * browser copies a Chinese path percent-encoded), and then without GFM's trailing punctuation.
 * An address with Chinese in it is written `<https://…/路径>`. Runs right after parsing.
 * Hand-written: remark-gfm ends bare addresses at ASCII whitespace only, and no kept plugin
 * ends them at Chinese text.
 */
export default function remarkAddressEnds(this: Processor) {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    eachNode(tree, (node, index, parent) => {
      if (node.type !== 'link' || !parent || index === undefined) return undefined;
      const text = node.children.length === 1 && node.children[0]!.type === 'text' ? node.children[0] : undefined;
      const start = node.position?.start.offset;
      // `<…>` and `[…](…)` say where the address ends; a bare one made by GFM's pass has no place.
      const bare = start === undefined || (source[start] !== '<' && source[start] !== '[');
      if (!text || !bare || !/^(?:https?:\/\/|www\.)/i.test(text.value) || !node.url.endsWith(text.value)) return SKIP;
      const cut = text.value.search(NON_ASCII);
      if (cut === -1) return SKIP;
      const prefix = node.url.slice(0, node.url.length - text.value.length);
      const parts: (Link | Text)[] = [];
      let done = 0;
      for (const [from, to] of addresses(text.value)) {
        if (from > done) parts.push({ type: 'text', value: text.value.slice(done, from), position: shifted(node, done, from - done) });
        const kept = text.value.slice(from, to);
        const url = from === 0 ? prefix + kept : /^www\./i.test(kept) ? `http://${kept}` : kept;
        parts.push({
          ...node,
          url,
          children: [{ ...text, value: kept, position: shifted(text, from, kept.length) }],
          position: shifted(node, from, kept.length),
        });
        done = to;
      }
      const at = node.position?.start.offset;
      // Not the address of a link GFM took apart (`[通知](https://…)` after one), which its fix mends.
      if (at !== undefined && source.slice(at - 2, at) !== '](' && lostMarkup(this, source.slice(at + cut).split(/\s/, 1)[0]!)) {
        const [address] = addresses(text.value).map(([from, to]) => text.value.slice(from, to));
        const written = address?.startsWith('www.') ? `[${address}](http://${address})` : `<${address}>`;
        const message = reportProblem(
          file,
          `Unexpected Markdown right after the web address ${address}: GFM reads the text after a bare address into it up to the next space, so the marks there print as typed; write the address as ${written}`,
          { place: shifted(node, 0, address?.length ?? 0), ruleId: 'address-markup' },
        );
        message.actual = address;
        message.expected = [written];
      }
      const next = parent.children[index + 1];
      const joined = next?.type === 'text' ? next : undefined;
      const restEnd = joined?.position ?? node.position;
      parts.push({
        type: 'text',
        value: text.value.slice(done) + (joined?.value ?? ''),
        position: restEnd && node.position && { start: shifted(node, done, 0)!.start, end: restEnd.end },
      });
      parent.children.splice(index, joined ? 2 : 1, ...parts);
      return index + parts.length;
    });
  };
}

/** A footnote mark, which a paragraph read on its own, without the notes, leaves as text. */
const FOOTNOTE_MARK = /\[\^[^\]\s]+\]/;

/**
 * Whether `markdown`, the text GFM read into a bare address after its end, holds marks Markdown
 * would have read (a link, bold, code, a footnote mark): read on its own, it is more than text
 * and bare addresses.
 */
function lostMarkup(processor: Processor, markdown: string): boolean {
  const paragraph = (processor.parse(markdown) as Root).children[0];
  if (FOOTNOTE_MARK.test(markdown)) return true;
  return (
    paragraph?.type === 'paragraph' &&
    paragraph.children.some((child) => child.type !== 'text' && (child.type !== 'link' || '[<'.includes(markdown[child.position?.start.offset ?? 0]!)))
  );
}

/** Where an address starts in the text after one: not after a Latin letter, as GFM starts one. */
const ADDRESS_START = /(?<![A-Za-z])(?:https?:\/\/|www\.)/gi;

/**
 * The addresses in the text of a bare one, each from–to: the first at its start, the next where one
 * starts in the Chinese text after it, which GFM took into the first up to the next space
 * (`网站https://a.cn，或访问https://b.cn了解`), each up to its first character outside ASCII,
 * without trailing punctuation, and only with a domain (`www.` or `https://` alone is none).
 */
function addresses(value: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (let from: number | undefined = 0; from !== undefined; ) {
    const cut = value.slice(from).search(NON_ASCII);
    const end = cut === -1 ? value.length : from + cut;
    const kept = value.slice(from, end).replace(TRAILING, '');
    if (/[^/.]\.[^/.]/.test(kept)) found.push([from, from + kept.length]);
    ADDRESS_START.lastIndex = end;
    from = ADDRESS_START.exec(value)?.index;
  }
  return found;
}

/** The place `from` characters into `node` for `length` characters, on its line: a bare address is one line. */
function shifted(node: Link | Text, from: number, length: number): Link['position'] {
  const start = node.position?.start;
  if (start?.offset === undefined) return undefined;
  const at = (by: number) => ({ line: start.line, column: start.column + by, offset: start.offset! + by });
  return { start: at(from), end: at(from + length) };
}
