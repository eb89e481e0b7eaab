// The floor for rendering: the same issues through unified (the same remark/rehype packages and
// Markdown syntax, GFM without pipe tables, without jianbao's other plugins) and nunjucks alone,
// Markdown already in memory, no checks, no cache, no file writes. The `::table` line stays a
// directive that renders to nothing: the floor does not pay for the tables at all. Prints JSON:
// {issues, ms, bytes}.
import { readFile } from 'node:fs/promises';
import nunjucks from 'nunjucks';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { findIssueFiles } from '../../src/load/find-issues.ts';
import remarkGfmNoTables from '../../src/markdown/remark-gfm-no-tables.ts';

const [contentDir, templatesDir] = process.argv.slice(2);
if (!contentDir || !templatesDir) throw new Error('Usage: floor-render.ts CONTENT_DIR TEMPLATES_DIR');

const sources = await Promise.all((await findIssueFiles(contentDir)).paths.map((path) => readFile(path, 'utf8')));
const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfmNoTables).use(remarkDirective).use(remarkRehype).use(rehypeStringify).freeze();
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templatesDir), { autoescape: true, trimBlocks: true, lstripBlocks: true });
const series = { title: '梅州市城镇老旧小区改造工作简报', issuer: '梅州市住房和城乡建设局', url: 'https://example.org/jianbao/' };

const started = performance.now();
let bytes = 0;
for (const [index, markdown] of sources.entries()) {
  const html = String(await processor.process(markdown));
  const issue = {
    ...series,
    year: 2000,
    number: index + 1,
    total: index + 1,
    path: `${index}/`,
    label: '',
    dateText: '',
    html,
    articles: [],
    distribution: [],
  };
  bytes += env.render('issue.njk', { series, issue, root: '../../', page: { path: issue.path }, years: [] }).length;
}
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ issues: sources.length, ms, bytes })}\n`);
