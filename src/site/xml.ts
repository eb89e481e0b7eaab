/**
 * Characters XML 1.0 does not allow even escaped (controls other than tab and line breaks, lone
 * surrogates, U+FFFE and U+FFFF), one in a feed making feed readers refuse it whole; and the
 * C1 controls it discourages, as invisible.
 */
const NOT_XML = /(?![\t\n\r])[\p{Cc}\p{Cs}\uFFFE\uFFFF]/gu;

/** Text or attribute value safe inside XML: markup escaped, characters XML cannot hold left out. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
