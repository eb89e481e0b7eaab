import type { Series } from '../model.ts';
import { absoluteUrl, byDate, type SiteIssue } from './site-view.ts';
import { escapeXml as x } from './xml.ts';

/** How many issues the feed carries. */
export const FEED_ENTRIES = 20;

/** Issue dates are Beijing calendar days. */
const timestamp = (date: string) => `${date}T00:00:00+08:00`;

/**
 * An Atom feed of the newest issues: one entry per issue, its contents as the summary, its
 * PDF as an enclosure when there is one. Every URL is absolute, from `url` in bulletin.yaml.
 */
export function renderFeed(series: Series, archive: readonly SiteIssue[]): string {
  const issues = byDate(archive);
  const entries = issues.slice(0, FEED_ENTRIES).map((issue) => {
    const url = absoluteUrl(series, issue.path);
    const enclosure = issue.pdfFile
      ? `\n    <link rel="enclosure" type="application/pdf" href="${x(absoluteUrl(series, issue.pdfFile.path))}" length="${issue.pdfFile.bytes}" title="${x(issue.pdfFile.downloadName)}"/>`
      : '';
    return `  <entry>
    <id>${x(url)}</id>
    <title>${x(entryTitle(issue))}</title>
    <link rel="alternate" type="text/html" href="${x(url)}"/>${enclosure}
    <published>${timestamp(issue.date)}</published>
    <updated>${timestamp(issue.date)}</updated>
    <author><name>${x(issue.issuer)}</name></author>
    <summary>${x(`${issue.dateText}：${issue.summary}`)}</summary>
  </entry>`;
  });
  const updated = issues[0] ? timestamp(issues[0].date) : '1970-01-01T00:00:00Z';
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${x(series.url)}</id>
  <title>${x(series.title)}</title>
  <subtitle>${x(`${series.issuer}编印`)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${x(absoluteUrl(series, 'feed.xml'))}"/>
  <link rel="alternate" type="text/html" href="${x(series.url)}"/>
  <updated>${updated}</updated>
  <author><name>${x(series.issuer)}</name></author>
${entries.join('\n')}
</feed>
`;
}

/**
 * An entry's title: the issue's label and its lead article (`2021年第11期 总第18期：全市…召开`).
 * The feed is named after the series already: its title first would have a reader cut the number off.
 */
function entryTitle(issue: SiteIssue): string {
  const lead = issue.articles[0]?.title;
  return lead ? `${issue.label}：${lead}` : issue.label;
}
