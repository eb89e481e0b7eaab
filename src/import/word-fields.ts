import { children, elements, mendTextParts, W } from './word-xml.ts';

/**
 * The draft with each simple field (`w:fldSimple`, as Word writes a PAGE, DATE or NUMPAGES field
 * it has not made a complex one) replaced by the runs of its result as last shown: mammoth
 * leaves the element out, text and all, and `当前第1页` came in as `当前第页`. The field's
 * instruction goes, as it does for a complex field; a HYPERLINK field written so keeps its text
 * without its link. The same buffer when no part has one.
 */
export function withFieldResults(buffer: Buffer): Promise<Buffer> {
  return mendTextParts(buffer, /<w:fldSimple\b/, (part) => {
    for (const field of elements(part.getElementsByTagNameNS(W, 'fldSimple'))) unwrap(field);
    return true;
  });
}

/** Put the field's content in its place, but its `w:fldData` (the instruction's binary data). */
function unwrap(field: Element): void {
  for (const data of children(field, 'fldData')) field.removeChild(data);
  while (field.firstChild) field.parentNode!.insertBefore(field.firstChild, field);
  field.parentNode!.removeChild(field);
}
