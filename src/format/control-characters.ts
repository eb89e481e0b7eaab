/**
 * Characters that print nothing yet change what a text is or shows: C0 and C1 controls other than
 * tab and line breaks (Word's manual line break is U+000B; a feed cannot hold one), and the
 * bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which show the
 * text after them in another order than it is stored, searched and copied (“Trojan Source”):
 * `改造\u202E0051` shows as 改造1500.
 */
export const CONTROL_CHARACTERS = /(?![\t\n\r])\p{Cc}|[\u202A-\u202E\u2066-\u2069]/gu;

/**
 * What a terminal must not be handed as it is: every control character (a line break in a file
 * name would split a problem over two lines, an escape runs a terminal code), the line and
 * paragraph separators, and the bidirectional controls, which would show a path reversed.
 */
export const UNPRINTABLE = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu;

/** What is wrong with `char`, one of `CONTROL_CHARACTERS`, for a message that ends by saying to delete it. */
export function controlCharacterProblem(char: string): string {
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return /\p{Cc}/u.test(char)
    ? `Unexpected control character ${code}, which prints nothing, or a box, and which a feed cannot hold; delete it`
    : `Unexpected bidirectional control ${code}, which can make text show in another order than it is stored, searched and copied; delete it`;
}
