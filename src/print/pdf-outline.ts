import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';

/**
 * Give the outline's bookmarks their titles as written: Chromium builds them
 * from the laid-out text, where a title broken with <br> has no space between
 * its lines, and a title that moved to the next page while being laid out
 * may come out with its first line twice. Each bookmark is matched, in order,
 * to the next heading whose text (spaces ignored) it equals or contains;
 * bookmarks without a match keep theirs.
 */
export function retitleOutline(document: PDFDocument, headings: readonly string[]): void {
  const outlines = document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (!outlines) return;
  const compact = (text: string): string => text.replace(/\s+/g, '');
  let next = 0;
  const walk = (node: PDFDict): void => {
    for (let item = node.lookupMaybe(PDFName.of('First'), PDFDict); item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = item.lookup(PDFName.of('Title'));
      if (title instanceof PDFString || title instanceof PDFHexString) {
        const current = compact(title.decodeText());
        const match = headings.findIndex((heading, index) => index >= next && compact(heading) !== '' && current.includes(compact(heading)));
        if (match >= 0) {
          item.set(PDFName.of('Title'), PDFHexString.fromText(headings[match] ?? ''));
          next = match + 1;
        }
      }
      walk(item);
    }
  };
  walk(outlines);
}
