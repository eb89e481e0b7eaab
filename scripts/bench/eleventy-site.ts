// The benchmark's like-for-like static site for the Eleventy + Pagefind comparison: the same
// issues as an Eleventy project, each issue's Markdown body as `src/<year>/<number>/index.md`
// (so its page is `<year>/<number>/index.html`, as ours), its table as a plain Markdown table,
// one nunjucks layout that marks the body for Pagefind, and a home page listing every issue. No
// table directive, checks, charts or print editions: what a general static site generator
// would be asked to do with these files.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import matter from 'gray-matter';

const CONFIG = `export default function () {
  return { dir: { input: 'src', output: '_site' }, markdownTemplateEngine: false, htmlTemplateEngine: 'njk' };
}
`;

const LAYOUT = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ title }}</title></head>
<body>
<header><a href="/">梅州市城镇老旧小区改造工作简报</a></header>
<main data-pagefind-body>
<h1>{{ title }}</h1>
<p><time datetime="{{ issued }}">{{ label }}</time></p>
{{ content | safe }}
</main>
</body>
</html>
`;

const HOME = `---
layout: issue.njk
title: 梅州市城镇老旧小区改造工作简报
eleventyExcludeFromCollections: true
---
<ul>
{%- for issue in collections.issue | reverse %}
<li><a href="{{ issue.url }}">{{ issue.data.label }}</a></li>
{%- endfor %}
</ul>
`;

/**
 * Write the Eleventy project for the synthetic archive in `contentDir` (as
 * `writeSyntheticArchive` wrote it) into `dir`; build it with `eleventy --config eleventy.config.mjs`
 * run in `dir`, into `dir/_site`.
 */
export async function writeEleventySite(contentDir: string, dir: string): Promise<void> {
  await mkdir(join(dir, 'src', '_includes'), { recursive: true });
  await Promise.all([
    writeFile(join(dir, 'eleventy.config.mjs'), CONFIG),
    writeFile(join(dir, 'src', '_includes', 'issue.njk'), LAYOUT),
    writeFile(join(dir, 'src', 'index.njk'), HOME),
  ]);
  const years = (await readdir(contentDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  for (const year of years) {
    const numbers = await readdir(join(contentDir, year));
    await Promise.all(
      numbers.map(async (number) => {
        const source = join(contentDir, year, number);
        const [markdown, csv] = await Promise.all([readFile(join(source, 'index.md'), 'utf8'), readFile(join(source, 'progress.csv'), 'utf8')]);
        const { data, content } = matter(markdown);
        const label = `${year}年第${number}期 总第${data.total}期`;
        const date = new Date(data.date as Date).toISOString().slice(0, 10);
        const front = { layout: 'issue.njk', tags: 'issue', title: `梅州市城镇老旧小区改造工作简报 ${label}`, label, issued: date };
        const body = content.replace(/^::table\{[^}]*\}$/m, markdownTable(csv));
        await mkdir(join(dir, 'src', year, number), { recursive: true });
        await writeFile(join(dir, 'src', year, number, 'index.md'), matter.stringify(body, front));
      }),
    );
  }
}

/** The CSV as a Markdown table under its last header row (the synthetic tables have three). */
function markdownTable(csv: string): string {
  const rows = csv
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));
  const header = rows[2]!;
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.slice(3).map(line)].join('\n');
}
