import { existsSync, readdirSync } from 'node:fs';
import { cp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressCsv, type SyntheticIssue } from '../../scripts/synthetic-archive.ts';
import { build } from '../../src/pipeline.ts';
import { ContentError } from '../../src/report/messages.ts';
import { BUNDLED_TEMPLATES } from '../../src/site/templates-folder.ts';
import { type SyntheticBuildOptions, syntheticBuild } from '../support/synthetic-build.ts';

// 6 issues, three a year (2000–2001), each alone in its month: every issue is on the home page
// and has its month on the series page.
const ISSUES = 6;

/** Pages the site has (assets aside): 6 issues, 2 years, home, series, search, 404, feed, sitemap. */
const PAGES = ISSUES + 2 + 6;

/** Every file under `dir`, by path → its bytes. */
async function files(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
  return new Map(await Promise.all(paths.sort().map(async (path) => [path, await readFile(join(dir, path))] as const)));
}

/** The inode of each page: a page kept from the last build is a link to its file. */
async function inodes(dir: string): Promise<Map<string, number>> {
  const found = await files(dir);
  return new Map(await Promise.all([...found.keys()].map(async (path) => [path, (await stat(join(dir, path))).ino] as const)));
}

// Walked, the output is also seeded from the last one (see `seedOutput`), as an archive's of
// thousands of issues is: the same output, from links `cp -al` made rather than the build.
describe.each([
  { name: 'pages kept from the last build', walkFrom: undefined },
  { name: 'pages kept from the last build, the output walked and seeded', walkFrom: 0 },
])('$name', ({ walkFrom }) => {
  let root: string;
  let issues: SyntheticIssue[];
  let options: SyntheticBuildOptions;

  beforeAll(async () => {
    ({ root, issues, options } = await syntheticBuild('jianbao-kept-', ISSUES));
    const templatesDir = join(root, 'templates');
    await cp(BUNDLED_TEMPLATES, templatesDir, { recursive: true });
    options = { ...options, templatesDir, walkFrom };
    const cold = await build(options);
    expect(cold.counts).toMatchObject({ rendered: ISSUES, pagesMade: PAGES });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  /** A build of the content as it is now from scratch, without a cache, compared file by file with the output. */
  async function expectSameAsCold(name: string): Promise<void> {
    const outDir = join(root, name);
    await build({ ...options, outDir, cacheDir: false });
    const [cold, kept] = await Promise.all([files(outDir), files(options.outDir)]);
    expect([...kept.keys()]).toEqual([...cold.keys()]);
    for (const [path, bytes] of cold) expect(kept.get(path)!.equals(bytes), path).toBe(true);
  }

  it('makes again, after a table of the newest year changed, only the pages that show that issue', async () => {
    const changed = issues.at(-2)!;
    expect(changed.year).toBe(2001);
    const before = await inodes(options.outDir);
    await writeFile(join(changed.dir, 'progress.csv'), progressCsv(changed.total, 7));
    const result = await build(options);
    // Its page, its year's page, the home page and the series page, which show it; not its
    // neighbours, whose pager shows only its label and titles.
    expect(result.counts).toMatchObject({ rendered: 1, pagesMade: 4, pagesChanged: 2 });
    const after = await inodes(options.outDir);
    const rewritten = [...after].filter(([path, ino]) => before.get(path) !== ino).map(([path]) => path);
    // Of those, the files whose bytes changed (with the table's copy); the others are linked.
    expect(rewritten.sort()).toEqual([`${changed.year}/${changed.number}/index.html`, 'series/index.html']);
    await expectSameAsCold('cold-after-table');
  });

  it('makes again the pages of the issues before and after one whose lead title changed, whose pagers show it', async () => {
    const changed = issues.find((issue) => issue.year === 2000 && issue.number === 2)!;
    const markdown = join(changed.dir, 'index.md');
    const text = await readFile(markdown, 'utf8');
    expect(text).toContain('## 以党的十九届六中全会精神为指引');
    await writeFile(markdown, text.replace('## 以党的十九届六中全会精神为指引', '## 以党的二十大精神为指引'));
    const before = await inodes(options.outDir);
    const result = await build(options);
    expect(result.counts).toMatchObject({ rendered: 1 });
    const after = await inodes(options.outDir);
    const rewritten = [...after].filter(([path, ino]) => before.get(path) !== ino).map(([path]) => path);
    for (const number of [1, 2, 3]) {
      expect(rewritten).toContain(`2000/${number}/index.html`);
      // Titles are phrased: a `<wbr>` between words.
      expect((await readFile(join(options.outDir, `2000/${number}/index.html`), 'utf8')).replaceAll('<wbr>', '')).toContain('以党的二十大精神为指引');
    }
    await expectSameAsCold('cold-after-title');
  });

  it('makes again a page whose file in the output was changed since, and only that one', async () => {
    const path = join(options.outDir, '2001/2/index.html');
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('</body>', '<!-- edited --></body>'));
    const result = await build(options);
    expect(result.counts).toMatchObject({ upToDate: false, rendered: 0, pagesMade: 1 });
    expect(await readFile(path, 'utf8')).toBe(text);
  });

  it('makes every page again when a template changed, and keeps them all when nothing did', async () => {
    const footer = join(options.templatesDir!, 'partials/site-footer.njk');
    await writeFile(footer, (await readFile(footer, 'utf8')).replace('编印</p>', '编印，每月两期</p>'));
    expect((await build(options)).counts).toMatchObject({ pagesMade: PAGES });
    expect(await readFile(join(options.outDir, '2000/1/index.html'), 'utf8')).toContain('编印，每月两期</p>');
    await expectSameAsCold('cold-after-template');
    // Nothing changed, but the output is not as the last build left it: every page is kept.
    await rm(join(options.outDir, 'assets/site.css'));
    expect((await build(options)).counts).toMatchObject({ upToDate: false, pagesMade: 0 });
  });

  it('makes every page again when the series file changed', async () => {
    const series = join(options.contentDir, 'bulletin.yaml');
    const text = await readFile(series, 'utf8');
    expect(text).toMatch(/^title: /m);
    await writeFile(series, text.replace(/^title: .*$/m, 'title: 蕉岭县工作简报'));
    const result = await build(options);
    expect(result.counts).toMatchObject({ pagesMade: PAGES });
    expect(await readFile(join(options.outDir, '2000/1/index.html'), 'utf8')).toContain('蕉岭县工作简报');
    await expectSameAsCold('cold-after-series');
  });

  it('leaves the output as it was, and no work folder but the spare of a seeded output, when the content has an error', async () => {
    const broken = issues[0]!;
    const markdown = join(broken.dir, 'index.md');
    const text = await readFile(markdown, 'utf8');
    const before = await files(options.outDir);
    await writeFile(markdown, text.replace(/^year: .*$/m, 'year: 两千'));
    try {
      await expect(build(options)).rejects.toThrow(ContentError);
    } finally {
      await writeFile(markdown, text);
    }
    expect(await files(options.outDir)).toEqual(before);
    // The seed, all or part, is kept for the next build to start from (see spare-output.ts).
    const work = (await readdir(root)).filter((name) => name.includes('jianbao-work'));
    expect(work.flatMap((name) => readdirSync(join(root, name)))).toEqual(walkFrom === 0 ? ['spare'] : []);
  });

  it('removes the pages and folder of an issue removed from the content, and nothing else', async () => {
    const removed = issues.at(-1)!;
    const before = await inodes(options.outDir);
    await rm(removed.dir, { recursive: true });
    await build(options);
    expect(existsSync(join(options.outDir, `${removed.year}/${removed.number}`))).toBe(false);
    const after = await inodes(options.outDir);
    expect([...before.keys()].filter((path) => !after.has(path)).sort()).toEqual([`${removed.year}/${removed.number}/index.html`]);
    await expectSameAsCold('cold-after-removal');
  });
});
