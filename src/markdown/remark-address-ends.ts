import type { Link, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
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
export default function remarkAddressEnds() {
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
      const kept = text.value.slice(0, cut).replace(TRAILING, '');
      const parts: (Link | Text)[] = [];
      // `www.` or `https://` alone, Chinese after it, is no address.
      if (/[^/.]\.[^/.]/.test(kept)) {
        const url = node.url.slice(0, node.url.length - text.value.length) + kept;
        parts.push({ ...node, url, children: [{ ...text, value: kept, position: shifted(text, 0, kept.length) }], position: shifted(node, 0, kept.length) });
      }
      const next = parent.children[index + 1];
      const joined = next?.type === 'text' ? next : undefined;
      const restStart = parts.length === 0 ? 0 : kept.length;
      const restEnd = joined?.position ?? node.position;
      parts.push({
        type: 'text',
        value: text.value.slice(restStart) + (joined?.value ?? ''),
        position: restEnd && node.position && { start: shifted(node, restStart, 0)!.start, end: restEnd.end },
      });
      parent.children.splice(index, joined ? 2 : 1, ...parts);
      return index + parts.length;
    });
  };
}

/** The place `from` characters into `node` for `length` characters, on its line: a bare address is one line. */
function shifted(node: Link | Text, from: number, length: number): Link['position'] {
  const start = node.position?.start;
  if (start?.offset === undefined) return undefined;
  const at = (by: number) => ({ line: start.line, column: start.column + by, offset: start.offset! + by });
  return { start: at(from), end: at(from + length) };
}
