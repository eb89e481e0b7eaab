const SUPERSCRIPTS: Readonly<Record<string, string>> = Object.fromEntries([...'0123456789+-'].map((char, index) => [char, '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻'[index]!]));

/**
 * A raised number (m², 10³) in Unicode's superscript digits, as text can hold it where Markdown
 * and a table's cell have no mark for it; undefined for anything but digits and signs.
 */
export function superscript(raised: string): string | undefined {
  return /^[0-9+-]+$/.test(raised) ? [...raised].map((char) => SUPERSCRIPTS[char]).join('') : undefined;
}
