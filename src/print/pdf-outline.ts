import { type PDFDict, PDFHexString, PDFName, type PDFObject, PDFString } from 'pdf-lib';

/**
 * Give the outline's bookmarks their titles as written: Chromium builds them
 * from the laid-out text, where a title broken with <br> has no space between
 * its lines, and a title that moved to the next page while being laid out
 * may come out with its first line twice, and one with <wbr>s (rehype-phrase-breaks)
 * with each piece but the last twice (`2021年2021年11月11月…`). Each bookmark is
 * matched, in order, to the next heading whose text (spaces ignored) it contains, or
 * else holds character by character in order; bookmarks without a match keep theirs.
 * `outlines` is the outline's root, `lookup` gives the dictionary a reference points to. Gives the
 * bookmarks retitled, to be written again.
 */
export function retitleOutline(
  outlines: PDFDict | undefined,
  lookup: (ref: PDFObject | undefined) => PDFDict | undefined,
  headings: readonly string[],
): PDFDict[] {
  const retitled: PDFDict[] = [];
  if (!outlines) return retitled;
  const compact = (text: string): string => text.replace(/\s+/g, '');
  let next = 0;
  const walk = (node: PDFDict): void => {
    for (let item = lookup(node.get(PDFName.of('First'))); item; item = lookup(item.get(PDFName.of('Next')))) {
      const title = item.get(PDFName.of('Title'));
      if (title instanceof PDFString || title instanceof PDFHexString) {
        const current = compact(title.decodeText());
        const fits = (test: (heading: string) => boolean) =>
          headings.findIndex((heading, index) => index >= next && compact(heading) !== '' && test(compact(heading)));
        let match = fits((heading) => current.includes(heading));
        if (match < 0) match = fits((heading) => inOrder(heading, current));
        if (match >= 0) {
          item.set(PDFName.of('Title'), PDFHexString.fromText(headings[match] ?? ''));
          retitled.push(item);
          next = match + 1;
        }
      }
      walk(item);
    }
  };
  walk(outlines);
  return retitled;
}

/** Whether the characters of `heading` appear in `title` in the same order. */
function inOrder(heading: string, title: string): boolean {
  const chars = [...heading];
  let at = 0;
  for (const char of title) if (char === chars[at]) at++;
  return at === chars.length;
}
