import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/load/load-content.ts';
import type { RenderedIssue } from '../../src/model.ts';
import { build, validateContent } from '../../src/pipeline.ts';
import { pdfDownloadName, pdfFileName, pdfMetadata } from '../../src/print/pdf-edition.ts';
import { formatMessage } from '../../src/report/messages.ts';
import { issueView } from '../../src/site/page-data.ts';
import { BUNDLED_TEMPLATES } from '../../src/site/templates-folder.ts';
import { runCli } from '../support/run-cli.ts';

/** 2021: 第1期, 第2期, 增刊第1期 (no total), 第3期 the 防汛专刊; 2022: 第1期. Every issue has a charted table. */
const FIXTURE = 'tests/fixtures/supplements';
const temp: string[] = [];
afterAll(() => Promise.all(temp.map((dir) => rm(dir, { recursive: true, force: true }))));

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'jianbao-supplements-'));
  temp.push(dir);
  return dir;
}

/** A copy of the fixture with `files` written over it (path → contents), without the folders in `remove`. */
async function variant(files: Record<string, string> = {}, remove: readonly string[] = []): Promise<string> {
  const content = join(await tempDir(), 'content');
  await cp(FIXTURE, content, { recursive: true });
  for (const path of remove) await rm(join(content, path), { recursive: true });
  for (const [path, contents] of Object.entries(files)) await writeFile(join(content, path), contents);
  return content;
}

const frontmatter = (...lines: string[]) => `---\n${lines.join('\n')}\n---\n\n## 标题\n\n正文。\n`;

/** `path:line:column: message [rule-id]` for every error `check` finds, paths relative to the content folder. */
async function errors(content: string): Promise<string[]> {
  const { errors: found } = await loadContent(content);
  return found.map((message) => formatMessage(message, content));
}

describe('a built archive with supplements and a special issue', () => {
  let out: string;
  const page = (path: string) => readFile(join(out, path), 'utf8');

  beforeAll(async () => {
    out = join(await tempDir(), 'dist');
    await build({ contentDir: FIXTURE, outDir: out, templatesDir: BUNDLED_TEMPLATES, pdf: false });
  });

  it('lists a year’s supplement after its regular issues, marked, on the year and home pages', async () => {
    const cards = (html: string) =>
      [...html.matchAll(/<li class="(issue-card[^"]*)">\s*<h\d class="issue-card-label"><a href="[^"]*">([^<]+)</g)].map((match) => `${match[1]}: ${match[2]}`);
    const year = [
      'issue-card issue-card-special: 防汛专刊 2021年第3期 总第3期',
      'issue-card: 2021年第2期 总第2期',
      'issue-card: 2021年第1期 总第1期',
      'issue-card issue-card-supplement: 2021年增刊第1期',
    ];
    expect(cards(await page('2021/index.html'))).toEqual(year);
    expect(cards(await page('index.html'))).toEqual(['issue-card: 2022年第1期 总第4期', ...year]);
  });

  it('prints the special issue’s name once in the masthead, under the title, above an issue line of the numbers', async () => {
    const masthead = (html: string) => /<header class="masthead">([\s\S]*?)<div class="masthead-meta">/.exec(html)?.[1]?.replace(/\s+/g, ' ').trim();
    expect(masthead(await page('2021/3/index.html'))).toBe(
      '<h1 class="masthead-title" data-pagefind-ignore>测试工作简报</h1> <p class="masthead-label masthead-special"><strong>防汛专刊</strong></p> <p class="masthead-label">（2021年第3期 总第3期）</p>',
    );
    expect(masthead(await page('2021/s1/index.html'))).toBe(
      '<h1 class="masthead-title" data-pagefind-ignore>测试工作简报</h1> <p class="masthead-label">（2021年增刊第1期）</p>',
    );
    expect(await page('2021/s1/index.html')).toMatch(/<title>[^<]+ · 测试工作简报 2021年增刊第1期<\/title>/);
    expect(await page('2021/s1/index.html')).toContain('data-pagefind-meta="title:测试工作简报 2021年增刊第1期"');
  });

  it('links previous and next in date order, the supplement between the issues around it', async () => {
    // The pager shows at the top and again at the bottom of the page.
    const pager = async (path: string) =>
      [...(await page(path)).matchAll(/rel="(prev|next)" href="([^"]+)"><span class="pager-hint">[^<]+<\/span>([^<]+)</g)].map(
        (match) => `${match[1]} ${match[2]} ${match[3]}`,
      );
    const twice = (links: string[]) => [...links, ...links];
    expect(await pager('2021/2/index.html')).toEqual(twice(['prev ../../2021/1/ 2021年第1期 总第1期', 'next ../../2021/s1/ 2021年增刊第1期']));
    expect(await pager('2021/s1/index.html')).toEqual(twice(['prev ../../2021/2/ 2021年第2期 总第2期', 'next ../../2021/3/ 防汛专刊 2021年第3期 总第3期']));
    expect(await pager('2022/1/index.html')).toEqual(twice(['prev ../../2021/3/ 防汛专刊 2021年第3期 总第3期']));
  });

  it('names every issue in the feed, newest first by date, and every page in the sitemap', async () => {
    const feed = await page('feed.xml');
    expect([...feed.matchAll(/<entry>\s*<id>([^<]+)<\/id>\s*<title>([^<]+)</g)].map((match) => `${match[1]} ${match[2]}`)).toEqual([
      'https://example.org/bulletin/2022/1/ 2022年第1期 总第4期：新年改造工作安排',
      'https://example.org/bulletin/2021/3/ 防汛专刊 2021年第3期 总第3期：汛期安全检查',
      'https://example.org/bulletin/2021/s1/ 2021年增刊第1期：全市改造工作现场会',
      'https://example.org/bulletin/2021/2/ 2021年第2期 总第2期：夏季改造工作推进',
      'https://example.org/bulletin/2021/1/ 2021年第1期 总第1期：春季改造工作启动',
    ]);
    const sitemap = await page('sitemap.xml');
    expect(sitemap).toContain('<url><loc>https://example.org/bulletin/2021/s1/</loc><lastmod>2021-06-20</lastmod></url>');
    expect(sitemap).toContain('<url><loc>https://example.org/bulletin/2021/</loc><lastmod>2021-08-15</lastmod></url>');
  });

  it('leaves the supplement out of the month-by-month totals of the series page', async () => {
    const rows = [
      ...(await page('series/index.html')).matchAll(
        /<tr><th scope="row" class="label">([^<]+)<\/th><td><a href="[^"]+">([^<]+)<\/a><\/td><td class="num">([^<]+)</g,
      ),
    ].map((match) => match.slice(1).join(' '));
    expect(rows).toEqual(['2021年3月 2021年第1期 110', '2021年6月 2021年第2期 210', '2021年8月 防汛专刊 2021年第3期 310', '2022年1月 2022年第1期 410']);
  });
});

describe('PDF names and metadata of supplements and special issues', () => {
  let issues: readonly RenderedIssue[];
  beforeAll(async () => {
    ({ issues } = await validateContent(FIXTURE));
  });
  const view = (path: string) => issueView(issues.find((rendered) => rendered.issue.path === path)!);

  it('names a supplement’s PDF 2021-s1.pdf and says 增刊 in its title', () => {
    const supplement = view('2021/s1/');
    expect(pdfFileName(supplement)).toBe('2021-s1.pdf');
    expect(pdfDownloadName(supplement)).toBe('测试工作简报2021年增刊第1期.pdf');
    expect(pdfMetadata(supplement)).toEqual({
      title: '测试工作简报 2021年增刊第1期',
      author: '测试市住房和城乡建设局',
      subject: '2021年增刊第1期：全市改造工作现场会',
      keywords: ['测试工作简报', '测试市住房和城乡建设局', '2021年增刊第1期'],
      date: '2021-06-20',
    });
  });

  it('keeps a special issue’s number in its file name and its name in the title', () => {
    const special = view('2021/3/');
    expect(pdfFileName(special)).toBe('2021-3.pdf');
    expect(pdfDownloadName(special)).toBe('测试工作简报防汛专刊2021年第3期.pdf');
    expect(pdfMetadata(special)).toMatchObject({ title: '测试工作简报 防汛专刊 2021年第3期', subject: '防汛专刊 2021年第3期 总第3期：汛期安全检查' });
  });
});

describe('check on supplements', () => {
  it('passes the fixture', async () => {
    expect(await errors(FIXTURE)).toEqual([]);
  });

  it('reports a duplicate and a missing supplement number at `supplement`', async () => {
    const content = await variant({
      '2021/s2.md': frontmatter('year: 2021', 'supplement: 1', 'date: 2021-07-01'),
      '2022/s2.md': frontmatter('year: 2022', 'supplement: 2', 'date: 2022-02-01'),
    });
    expect(await errors(content)).toEqual([
      '2021/s2.md:3:13: `supplement`: 2021年增刊第1期 is also ' +
        `${content}/2021/s1/index.md; each supplement of a year has its own number [numbering-supplement-duplicate]`,
      '2022/s2.md:3:13: `supplement`: Expected 2022年增刊第1期 as the year’s first supplement, got 增刊第2期; numbering restarts at 1 each year [numbering-supplement-gap]',
    ]);
  });

  it('reports a supplement with `number` as well, and an empty `special`, at their keys', async () => {
    const content = await variant({
      '2021/s1/index.md': frontmatter('year: 2021', 'supplement: 1', 'number: 4', 'date: 2021-06-20'),
      '2022/1/index.md': frontmatter('year: 2022', 'number: 1', 'total: 4', 'date: 2022-01-10', 'special: ""'),
    });
    expect(await errors(content)).toEqual([
      '2021/s1/index.md:4:1: `number`: Expected `supplement` or `number`, not both: a 增刊 is numbered outside the year’s 第N期 sequence; delete `number` for a supplement, or `supplement` for a regular issue [supplement-with-number]',
      '2022/1/index.md:6:1: `special`: Expected the special issue’s name, such as 防汛专刊, got an empty value; write its name, or delete `special` for an ordinary issue [special-empty]',
    ]);
  });

  it('reports a supplement’s total that repeats a regular issue’s', async () => {
    const content = await variant({ '2021/s1/index.md': frontmatter('year: 2021', 'supplement: 1', 'total: 2', 'date: 2021-06-20') });
    expect(await errors(content)).toEqual([
      `2021/s1/index.md:4:8: \`total\`: 总第2期 is also 2021年第2期 总第2期 (${content}/2021/2/index.md); a supplement’s total must not repeat another issue’s: change it or delete it (supplements stand outside the total unless bulletin.yaml sets supplements-count-in-total: true) [numbering-total-duplicate]`,
    ]);
  });

  it('with supplements-count-in-total, requires a supplement’s total and checks it in the sequence', async () => {
    const series = `${await readFile(join(FIXTURE, 'bulletin.yaml'), 'utf8')}supplements-count-in-total: true\n`;
    expect(await errors(await variant({ 'bulletin.yaml': series }))).toEqual([
      '2021/s1/index.md:2:1: `total`: Missing required key (expected a whole number) [frontmatter-schema]',
    ]);
    const counted = await variant({ 'bulletin.yaml': series, '2021/s1/index.md': frontmatter('year: 2021', 'supplement: 1', 'total: 3', 'date: 2021-06-20') });
    expect(await errors(counted)).toEqual([
      `2021/3/index.md:4:8: \`total\`: 总第3期 is also 2021年增刊第1期 总第3期 (${counted}/2021/s1/index.md); every issue has its own total [numbering-total-duplicate]`,
    ]);
  });
});

describe('jianbao new --supplement', () => {
  const fields = (markdown: string) =>
    markdown
      .split('---')[1]!
      .split('\n')
      .filter((line) => /^\w+:/.test(line));

  it('starts the year’s next supplement outside the total, and what it writes passes check', async () => {
    const content = await variant({}, ['2022']);
    const result = await runCli('new', '--content', content, '--supplement', '--date', '2021-09-01');
    expect(result).toMatchObject({ code: 0, stdout: `${content}/2021/s2/index.md\n` });
    expect(fields(await readFile(join(content, '2021/s2/index.md'), 'utf8'))).toEqual(['year: 2021', 'supplement: 2', 'date: 2021-09-01']);
    expect(await errors(content)).toEqual([]);
    // The regular sequence goes on as if the supplement were not there.
    expect((await runCli('new', '--content', content, '--date', '2021-10-01')).stdout).toBe(`${content}/2021/4/index.md\n`);
    expect(fields(await readFile(join(content, '2021/4/index.md'), 'utf8'))).toEqual(['year: 2021', 'number: 4', 'total: 4', 'date: 2021-10-01']);
  });

  it('starts a new year’s supplements at 1, with a total when supplements count in it', async () => {
    const series = `${await readFile(join(FIXTURE, 'bulletin.yaml'), 'utf8')}supplements-count-in-total: true\n`;
    const content = await variant({
      'bulletin.yaml': series,
      '2021/s1/index.md': frontmatter('year: 2021', 'supplement: 1', 'total: 3', 'date: 2021-06-20'),
      '2021/3/index.md': frontmatter('year: 2021', 'number: 3', 'total: 4', 'date: 2021-08-15', 'special: 防汛专刊'),
      '2022/1/index.md': frontmatter('year: 2022', 'number: 1', 'total: 5', 'date: 2022-01-10'),
    });
    expect(await errors(content)).toEqual([]);
    expect((await runCli('new', '--content', content, '--supplement', '--date', '2022-03-01')).stdout).toBe(`${content}/2022/s1/index.md\n`);
    expect(fields(await readFile(join(content, '2022/s1/index.md'), 'utf8'))).toEqual(['year: 2022', 'supplement: 1', 'total: 6', 'date: 2022-03-01']);
  });
});
