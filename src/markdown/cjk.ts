/**
 * What counts as Chinese text for joining lines and for the typography check: Han characters
 * (Extension B and beyond included), kana, the CJK symbols and punctuation block (、。《》「」…),
 * the full-width forms (，；：？！（）), and the punctuation Chinese text shares with English but
 * sets full width: curly quotes “”‘’, the dash — and the ellipsis ….
 */
export const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF\u2018\u2019\u201C\u201D\u2014\u2026]/u;

/**
 * Spaces typed at the start of a line or paragraph: full-width ones (U+3000), as Word drafts hold
 * an indent, and any other (JavaScript's `\s` takes in U+3000).
 */
export const LEADING_SPACES = /^\s+/;

/** Han characters only: what a stray space beside a digit or Latin letter is measured against. */
export const HAN = /\p{Script=Han}/u;

/** Whether the character is Chinese text in the sense of `CJK`; false for undefined (the edge of the text). */
export function isCjk(char: string | undefined): boolean {
  return char !== undefined && CJK.test(char);
}
