import { placeIn } from '../util/text-place.ts';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { reportProblem } from '../report/messages.ts';
import { eachNode } from '../util/each-node.ts';

/**
 * An image or link Markdown left as text because its file name has a space (`![](现场 照片.jpg)`,
 * as cameras, phones and Windows name files): CommonMark ends an address at a space, so nothing
 * parses and the brackets print as typed. Only a destination ending in a file's extension, to
 * leave alone prose in brackets that happens to follow `[…]`.
 */
export const SPACED_DESTINATION = /(!?)\[([^[\]\n]*)\]\(([^()<>\s][^()<>\n]*?[ \t][^()<>\n]*?\.[A-Za-z0-9]{1,5})\)/g;

/**
 * An image or link whose file name has a space is an error at its place, saying how to write it
 * (`![](<现场 照片.jpg>)`): the photo would silently be missing from the page and the PDF, and
 * the typography check would take its brackets for Chinese text in half-width ones.
 */
export default function remarkSpacedDestinations() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    eachNode(tree, (node) => {
      const start = node.position?.start;
      const end = node.position?.end.offset;
      if (node.type !== 'text' || start?.offset === undefined || end === undefined) return;
      const text = source.slice(start.offset, end);
      for (const match of text.matchAll(SPACED_DESTINATION)) {
        const [typed, bang, label, destination] = match as unknown as [string, string, string, string];
        const kind = bang ? 'image' : 'link';
        reportProblem(
          file,
          `Unexpected space in the file name of the ${kind} \`${typed}\`: Markdown ends an address at a space, so this prints as typed${bang ? ' and the picture is not shown' : ''}; write \`${bang}[${label}](<${destination}>)\`, or rename the file without spaces`,
          { place: placeIn(text, match.index, start), ruleId: 'link-space' },
        );
      }
    });
  };
}
