import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../src/model.ts';
import { SearchIndexError, searchBundle } from '../../src/search/pagefind.ts';

/** A year's small issue pages, and beside them a page without a searchable part (a year page). */
function year(year: number): OutputFile[] {
  const issues = Array.from({ length: 4 }, (_, index) => ({
    path: `${year}/${index + 1}/index.html`,
    contents: `<!doctype html><html lang="zh-CN"><body><article data-pagefind-body><h1>${year}年第${index + 1}期</h1><p>梅县区老旧小区改造第${index + 1}项，涉及户数${year + index}户。</p><figure class="chart">图表${year}</figure></article></body></html>`,
  }));
  return [...issues, { path: `${year}/index.html`, contents: `<!doctype html><html lang="zh-CN"><body><h1>${year}年</h1></body></html>` }];
}

let dir: string;
let site: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-pagefind-'));
  site = join(dir, 'site');
  for (const page of [...year(2020), ...year(2021)]) {
    await mkdir(dirname(join(site, page.path)), { recursive: true });
    await writeFile(join(site, page.path), page.contents);
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A bundle's file paths, and the issue pages of a year (not its year page). */
const paths = (files: readonly OutputFile[]) => files.map((file) => file.path);
const pagesOf = (y: number) =>
  year(y)
    .map((page) => page.path)
    .filter((path) => path !== `${y}/index.html`);

describe('a search bundle', () => {
  it('indexes exactly the pages given, with the runtime and without the ready-made interfaces, and leaves no work folder', async () => {
    const workDir = join(dir, 'work-2021');
    const files = await searchBundle(pagesOf(2021), { siteDir: site, workDir });
    expect(paths(files)).toContain('pagefind-entry.json');
    expect(paths(files)).toContain('pagefind.js');
    expect(paths(files).filter((path) => /^pagefind-(ui|component-ui|modular-ui|highlight)\./.test(path))).toEqual([]);
    const entry = JSON.parse(Buffer.from(files.find((file) => file.path === 'pagefind-entry.json')!.contents).toString('utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages['zh-cn']?.page_count).toBe(4);
    // One fragment a page: 2020's pages, beside them in the site folder, are not indexed.
    expect(paths(files).filter((path) => path.startsWith('fragment/'))).toHaveLength(4);
    expect(await readdir(dir)).not.toContain('work-2021');
  });

  it('is the same bytes whichever bundles are made beside it', async () => {
    const alone = await searchBundle(pagesOf(2020), { siteDir: site, workDir: join(dir, 'alone') });
    const [beside] = await Promise.all([
      searchBundle(pagesOf(2020), { siteDir: site, workDir: join(dir, 'beside-2020') }),
      searchBundle(pagesOf(2021), { siteDir: site, workDir: join(dir, 'beside-2021') }),
    ]);
    expect(beside.map((file) => [file.path, Buffer.from(file.contents).toString('base64')])).toEqual(
      alone.map((file) => [file.path, Buffer.from(file.contents).toString('base64')]),
    );
  });

  it('fails with a SearchIndexError when Pagefind cannot start, and leaves no work folder', async () => {
    // As in pagefind-failure.test.ts: the program named by this variable is run.
    process.env.PAGEFIND_EXTENDED_BINARY_PATH = join(dir, 'no-such-pagefind');
    try {
      const error = await searchBundle(pagesOf(2020), { siteDir: site, workDir: join(dir, 'failing') }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SearchIndexError);
      expect((error as Error).message).toMatch(/^Could not build the search index: .*no-such-pagefind/);
    } finally {
      delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
    }
    expect(await readdir(dir)).not.toContain('failing');
  });
});
