/**
 * A link written relative to the issue's folder (`[下载统计表](progress.xlsx)`) in the print HTML,
 * as hast-util-to-html writes it: `<a href="…">`, the target with no scheme and no `#`.
 */
const RELATIVE_LINK = /(<a\s(?:[^>]*?\s)?href=")(?![a-z][a-z\d+.-]*:|#)([^"]*)"/gi;

/**
 * The print HTML with each link to a file beside the issue pointing at that file on the site
 * (`https://example.org/jianbao/2021/11/progress.xlsx`). The print page is read from the build's
 * work folder, so such a link printed as a `file://` address there: dead for a reader, and a
 * different PDF from every build. Links within the issue (`#a1`) and to other sites stay.
 * On the serialized HTML, whose links hast-util-to-html writes one way, as the print page is
 * made from that string (`printHtml`).
 */
export function siteLinks(html: string, issueUrl: string): string {
  return html.replace(RELATIVE_LINK, (_, start: string, href: string) => {
    const url = new URL(href.replaceAll('&#x26;', '&').replaceAll('&amp;', '&'), issueUrl).href;
    return `${start}${url.replaceAll('&', '&#x26;').replaceAll('"', '%22')}"`;
  });
}
