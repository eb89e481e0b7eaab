import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, normalize } from 'node:path';
import type { Root, RootContent } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Issue } from '../model.ts';
import { localPath } from '../util/local-path.ts';
import { TABLE_DIRECTIVE } from '../table/table-directive.ts';
import { monthsBetween } from '../format/months.ts';
import { movePeriod } from './move-period.ts';
import type { NextIssue } from './next-issue.ts';
import { type IssueContents, STARTER_ARTICLE } from './skeleton.ts';

const parser = unified().use(remarkParse).use(remarkFrontmatter).use(remarkDirective).freeze();

/**
 * The series carried forward from `previous` into `next`: the articles of `previous` that hold
 * `::table` lines keep their headings, the period moved on by the months between the two issues
 * (`2024年2月…进展情况` → `2024年3月…进展情况`), and their `::table` lines as written, every
 * attribute kept; each table file beside `previous` (CSV, a workbook, any source) is copied
 * beside the new issue under the same name. Prose is not carried: it is new every issue. The
 * placeholder article comes first. Undefined when `previous` has no tables.
 */
export async function carryForward(previous: Issue, next: NextIssue, contentDir: string): Promise<IssueContents | undefined> {
  const { markdown } = previous;
  const tree = parser.parse(markdown) as Root;
  const source = (node: RootContent) => markdown.slice(node.position!.start.offset, node.position!.end.offset);
  const months = monthsBetween(previous.date, next.date);

  const articles: RootContent[][] = [];
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) articles.push([node]);
    else (articles.at(-1) ?? articles[articles.push([]) - 1]!).push(node);
  }
  const blocks: string[] = [];
  const sources = new Set<string>();
  for (const article of articles) {
    const tables = article.filter((node) => node.type === 'leafDirective' && node.name === TABLE_DIRECTIVE.name);
    if (tables.length === 0) continue;
    for (const node of article) {
      if (node.type === 'heading') blocks.push(movePeriod(source(node), months, previous.date));
      else if (tables.includes(node)) blocks.push(source(node));
    }
    for (const node of tables) {
      const src = node.type === 'leafDirective' ? node.attributes?.src : undefined;
      if (src) sources.add(src);
    }
  }
  if (blocks.length === 0) return undefined;

  const folder = dirname(previous.source);
  const files = [];
  for (const src of sources) {
    // A source outside the issue's folder is shared between issues: the line alone carries it.
    if (isAbsolute(src) || normalize(src).startsWith('..')) continue;
    // Copied only as `check` would read it: inside the content folder after links are followed,
    // and a regular file (a symlink to a file outside would publish it; a pipe would hang).
    const local = localPath(
      src,
      { from: folder, root: contentDir, cwd: process.cwd() },
      { what: 'table source', written: src, ruleId: 'table-src-outside-root' },
    );
    const contents = 'path' in local ? await readFile(local.path).catch(() => undefined) : undefined;
    // A missing source is left for `check` to name, at the carried line.
    if (contents) files.push({ name: normalize(src), contents });
  }
  return { body: `${STARTER_ARTICLE}\n${blocks.join('\n\n')}\n`, files };
}
