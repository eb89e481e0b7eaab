/** Spaces typed before a cell's text to indent it: full-width (U+3000), ASCII, no-break, tabs. */
const INDENT = /^[\p{Zs}\t]+/u;

/**
 * A cell's text without what is typed before it, and the spaces there as an indent in full-width
 * characters: a full-width space (U+3000), as wide as a Han character, is 1, any other ½, so
 * `　　西郊街道` and `    西郊街道` are both indented 2. Only a cell holding text is indented.
 */
export function leadingIndent(text: string): { readonly text: string; readonly indent?: number } {
  const rest = text.trimStart();
  // Most cells start with their text: no match to look for.
  if (rest.length === text.length || rest === '') return { text: rest };
  let indent = 0;
  for (const space of INDENT.exec(text)?.[0] ?? '') indent += space === '\u3000' ? 1 : 0.5;
  return indent > 0 ? { text: rest, indent } : { text: rest };
}
