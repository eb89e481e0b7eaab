import type { Article, DistributionEntry, Issue, RenderedIssue } from '../model.ts';
import { documentTitle, formatDate, formatRecipients, issueLabel, issueLine, issueName } from '../format/chinese.ts';
import { phrases } from '../markdown/phrases.ts';
import { escapeXml } from './xml.ts';

/** What templates see of an issue: the model plus the strings print and web both show. */
export function issueView(rendered: RenderedIssue) {
  return { ...issueSummary(rendered), html: rendered.html };
}

/**
 * `issueView` without the HTML, which a build keeps on disk until the issue's page is made (see
 * `BuildCache.keepIssue`): what the lists, the feed and the pages around the issue show of it.
 */
export function issueSummary(rendered: RenderedIssue) {
  const { issue } = rendered;
  return {
    ...withoutText(issue),
    label: issueLabel(issue),
    /** `2021年第11期 总第18期`: the masthead's issue line, without a special issue's name, which the masthead prints above it. */
    issueLine: issueLine(issue),
    /** `2021年增刊第1期`, `防汛专刊 2021年第5期`: the label without the total, for links between issues. */
    name: issueName(issue),
    documentTitle: documentTitle(issue),
    dateText: formatDate(issue.date),
    tables: rendered.tables,
    articles: rendered.articles.map(articleView),
    distribution: issue.distribution.map(distributionLine),
  };
}

/**
 * An article with its title in one line and, as `titleHtml`, as HTML with a `<wbr>` between its
 * words for the contents list (see `phrases`). That is made when a template first reads it: most
 * builds make only the pages of changed issues (see `SitePage`). A getter of the class, not a
 * field: left out of JSON, which shows the `lines` it is made from (and cheaper to make than a
 * property defined on each object, for 30,000 articles).
 */
class ArticleView implements Article {
  declare readonly id: string;
  declare readonly printId: string;
  declare readonly lines: readonly string[];
  readonly title: string;
  #html: string | undefined;

  constructor(article: Article) {
    Object.assign(this, article);
    this.title = article.lines.join(' ');
  }

  get titleHtml(): string {
    this.#html ??= phrasedTitle(this.lines);
    return this.#html;
  }
}

function articleView(article: Article): Article & { readonly title: string; readonly titleHtml: string } {
  return new ArticleView(article);
}

/** The title as HTML with a `<wbr>` between its words (see `phrases`). */
function phrasedTitle(lines: readonly string[]): string {
  return lines.map(phrasedHtml).join(' ');
}

/**
 * `text` as HTML with a `<wbr>` between its words (see `phrases`), for an element the style sheets
 * set `word-break: keep-all`: templates' `phrased` filter, for the series title and the issuer.
 */
export function phrasedHtml(text: string): string {
  return phrases(text).map(escapeXml).join('<wbr>');
}

function distributionLine(entry: DistributionEntry) {
  return { role: entry.role, text: formatRecipients(entry.recipients) };
}

export type IssueView = ReturnType<typeof issueView>;
export type IssueSummary = ReturnType<typeof issueSummary>;

/** Relative path from a page at `path` (e.g. `2021/11/`) back to the site root. */
export function rootFrom(path: string): string {
  return '../'.repeat(path.split('/').filter(Boolean).length);
}

/**
 * The issue's fields but its Markdown, which no page shows, without reading it: the text of an
 * issue taken unchanged from the cache is read only when asked for (see `BuildCache.unread`).
 */
function withoutText(issue: Issue): Omit<Issue, 'markdown'> {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(issue)) if (key !== 'markdown') fields[key] = issue[key as keyof Issue];
  return fields as Omit<Issue, 'markdown'>;
}
