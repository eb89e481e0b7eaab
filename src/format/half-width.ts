/**
 * The full-width forms of ASCII characters (U+FF01 to U+FF5E) that `chars` (a global pattern)
 * matches, written as those characters: `１２．５％` → `12.5%`. Each caller names the ones it
 * reads as ASCII, as full-width brackets and colons are Chinese punctuation of their own.
 */
export function asHalfWidth(text: string, chars: RegExp): string {
  return text.replace(chars, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}
