import { readdir, readFile, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildCache } from '../../src/cache/build-cache.ts';
import { contentHash } from '../../src/cache/hash.ts';
import type { OutputFile, RenderedIssue } from '../../src/model.ts';
import { openOutput } from '../../src/output/write-output.ts';
import { build, validateContent } from '../../src/pipeline.ts';
import { SearchInput, searchIndex } from '../../src/search/search-index.ts';
import { createNunjucksEngine } from '../../src/site/engine.ts';
import { issueView } from '../../src/site/page-data.ts';
import { paginate } from '../../src/site/paginate.ts';
import { readAssets } from '../../src/site/read-assets.ts';
import { renderSite, sitePages } from '../../src/site/site-pages.ts';
import { BUNDLED_TEMPLATES } from '../../src/site/templates-folder.ts';
import { progressCsv, writeSyntheticArchive } from '../../scripts/synthetic-archive.ts';
import { hashTree } from '../support/hash-tree.ts';

let dir: string;
let sample: readonly RenderedIssue[];
let sampleSite: Awaited<ReturnType<typeof validateContent>>['site'];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-scale-'));
  ({ issues: sample, site: sampleSite } = await validateContent('content', { workers: 0 }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const series = { title: '梅州市城镇老旧小区改造工作简报', issuer: '梅州市住房和城乡建设局', url: 'https://example.org/jianbao/', distribution: [], source: '' };

/** `count` issues shaped like 2021年第11期 (with its charted table), newest first, one a month from January 2001. */
function archive(count: number, perYear = count) {
  const reference = issueView(sample.find((rendered) => rendered.issue.number === 11)!);
  return Array.from({ length: count }, (_, index) => {
    const total = count - index;
    const year = 2001 + Math.floor((total - 1) / perYear);
    const number = ((total - 1) % perYear) + 1;
    const month = ((total - 1) % 12) + 1;
    const date = `${2001 + Math.floor((total - 1) / 12)}-${String(month).padStart(2, '0')}-10`;
    return {
      ...reference,
      year,
      number,
      total,
      date,
      path: `${year}/${number}/`,
      label: `${year}年第${number}期 总第${total}期`,
      name: `${year}年第${number}期`,
    };
  });
}

const cards = (html: string) => [...html.matchAll(/<h2 class="issue-card-label"><a href="[^"]+">([^<]+)</g)].map((match) => match[1]);

describe('lists split over pages', () => {
  it('splits a list into pages of the given size, the first at the list’s own path', () => {
    const pages = paginate('2021/', ['e', 'd', 'c', 'b', 'a'], 2);
    expect(pages.map((page) => [page.path, page.items])).toEqual([
      ['2021/', ['e', 'd']],
      ['2021/page/2/', ['c']],
      ['2021/page/3/', ['b', 'a']],
    ]);
    expect(pages[1]!.pagination).toMatchObject({ number: 2, previous: '2021/', next: '2021/page/3/' });
    expect(paginate('2021/', ['b', 'a'], 2)).toEqual([{ path: '2021/', items: ['b', 'a'], pagination: undefined }]);
  });

  it('links every page of a list of up to 7, else the first, the last and the two either side, with a gap between', () => {
    const shown = (count: number, at: number) =>
      paginate(
        '2021/',
        Array.from({ length: count }, (_, index) => index),
        1,
      )[at]!.pagination!.shown.map((page) => ('gap' in page ? '…' : page.number));
    expect(shown(7, 0)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(shown(10, 0)).toEqual([1, 2, 3, '…', 10]);
    expect(shown(10, 4)).toEqual([1, '…', 3, 4, 5, 6, 7, '…', 10]);
    expect(shown(10, 3)).toEqual([1, 2, 3, 4, 5, 6, '…', 10]);
    expect(shown(10, 9)).toEqual([1, '…', 8, 9, 10]);
    const engine = createNunjucksEngine(BUNDLED_TEMPLATES);
    const files = new Map(renderSite(engine, series, archive(60), { pageSize: 5 }).map((file) => [file.path, String(file.contents)]));
    const links = (html: string) =>
      [...html.matchAll(/<li( class="pagination-gap" aria-hidden="true">…|><a href="[^"]*"[^>]*>第(\d+)页)/g)].map((match) => match[2] ?? '…');
    expect(links(files.get('2001/page/6/index.html')!)).toEqual(['1', '…', '4', '5', '6', '7', '8', '…', '12', '1', '…', '4', '5', '6', '7', '8', '…', '12']);
  });

  it('keeps the older pages as they were when a newer entry comes, until their newest block is full', () => {
    const items = (count: number) => Array.from({ length: count }, (_, index) => count - index);
    const pages = (count: number) => paginate('series/', items(count), 10).map((page) => [page.path, page.items]);
    expect(pages(31)).toEqual([
      ['series/', items(31).slice(0, 10)],
      ['series/page/2/', [21]],
      ['series/page/3/', [20, 19, 18, 17, 16, 15, 14, 13, 12, 11]],
      ['series/page/4/', [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]],
    ]);
    // Only the first page and the block the entry it pushed off joined differ.
    expect(pages(32).slice(2)).toEqual(pages(31).slice(2));
    expect(pages(32)[1]).toEqual(['series/page/2/', [22, 21]]);
    const sizes = (count: number) => paginate('series/', items(count), 10).map((page) => page.items.length);
    expect(sizes(40)).toEqual([10, 10, 10, 10]);
    expect(sizes(41)).toEqual([10, 1, 10, 10, 10]);
  });

  it('puts a year of more issues than the page size on several pages, linked both ways', () => {
    const engine = createNunjucksEngine(BUNDLED_TEMPLATES);
    const files = new Map(renderSite(engine, series, archive(25), { pageSize: 10 }).map((file) => [file.path, String(file.contents)]));
    expect([...files.keys()].filter((path) => path.startsWith('2001/page/'))).toEqual(['2001/page/2/index.html', '2001/page/3/index.html']);
    const first = files.get('2001/index.html')!;
    const second = files.get('2001/page/2/index.html')!;
    const last = files.get('2001/page/3/index.html')!;
    expect(cards(first)).toEqual(Array.from({ length: 10 }, (_, index) => `2001年第${25 - index}期 总第${25 - index}期`));
    expect(cards(second)).toEqual(Array.from({ length: 5 }, (_, index) => `2001年第${15 - index}期 总第${15 - index}期`));
    expect(cards(last)).toEqual(Array.from({ length: 10 }, (_, index) => `2001年第${10 - index}期 总第${10 - index}期`));
    // Every page says how many issues the year has, and where it stands.
    for (const html of [second, last]) expect(html).toContain('<p>共25期</p>');
    // The first, whose page links are at its foot, says it lists the newest, and links the next.
    expect(first).toContain('<p>共25期，本页列出最新的10期，更早的见<a href="../2001/page/2/">下一页</a></p>');
    expect(second).toContain('<title>梅州市城镇老旧小区改造工作简报 2001年（第2页）</title>');
    expect(second).toContain('<link rel="canonical" href="https://example.org/jianbao/2001/page/2/">');
    expect(second).toContain('<li><a rel="prev" href="../../../2001/">上一页</a></li>');
    expect(second).toContain('<li><a href="../../../2001/page/2/" aria-current="page">第2页</a></li>');
    expect(second).toContain('<li><a rel="next" href="../../../2001/page/3/">下一页</a></li>');
    expect(second).toContain('<link rel="stylesheet" href="../../../assets/site.css">');
    expect(first).not.toContain('rel="prev"');
    expect(last).not.toContain('rel="next"');
    // A later page says which it is, under its year's first page, and opens with the page links.
    expect(second).toContain('<h1>2001年（第2页）</h1>');
    expect(second).toContain('<a href="../../../2001/">2001年</a>');
    expect(second.match(/class="year-nav pagination" aria-label="分页（页首）"/g)).toHaveLength(1);
    expect(first).not.toContain('分页（页首）');
  });

  it('leaves a list that fits on one page as it was, with no page links', () => {
    const engine = createNunjucksEngine(BUNDLED_TEMPLATES);
    const files = new Map(renderSite(engine, series, archive(10), { pageSize: 10 }).map((file) => [file.path, String(file.contents)]));
    expect([...files.keys()].filter((path) => path.includes('/page/'))).toEqual([]);
    expect(cards(files.get('2001/index.html')!)).toHaveLength(10);
    expect(files.get('2001/index.html')).not.toContain('class="year-nav pagination"');
  });

  it('shows the series page’s newest months first and older ones on further pages', () => {
    const engine = createNunjucksEngine(BUNDLED_TEMPLATES);
    const files = new Map(renderSite(engine, series, archive(25), { pageSize: 10 }).map((file) => [file.path, String(file.contents)]));
    const months = (html: string) => [...html.matchAll(/<tr><th scope="row" class="label">([^<]+)<\/th>/g)].map((match) => match[1]);
    // Oldest first on each page, as the chart reads.
    expect(months(files.get('series/index.html')!)).toEqual([
      '2002年4月',
      '2002年5月',
      '2002年6月',
      '2002年7月',
      '2002年8月',
      '2002年9月',
      '2002年10月',
      '2002年11月',
      '2002年12月',
      '2003年1月',
    ]);
    expect(months(files.get('series/page/2/index.html')!)).toEqual(['2001年11月', '2001年12月', '2002年1月', '2002年2月', '2002年3月']);
    expect(months(files.get('series/page/3/index.html')!)).toEqual(Array.from({ length: 10 }, (_, index) => `2001年${index + 1}月`));
    expect(files.get('series/page/3/index.html')).toContain('<li><a rel="prev" href="../../../series/page/2/">上一页</a></li>');
    expect(files.has('series/page/4/index.html')).toBe(false);
  });

  it('links only the newest years from every page’s footer, and all of them from the home page', () => {
    const engine = createNunjucksEngine(BUNDLED_TEMPLATES);
    const files = new Map(renderSite(engine, series, archive(30, 2), { navYears: 3 }).map((file) => [file.path, String(file.contents)]));
    const footer = (html: string) => [...html.slice(html.lastIndexOf('<footer class="site-footer">')).matchAll(/>(\d{4})年</g)].map((match) => match[1]);
    expect(footer(files.get('2015/1/index.html')!)).toEqual(['2015', '2014', '2013']);
    expect(footer(files.get('2001/index.html')!)).toEqual(['2015', '2014', '2013']);
    expect([...files.get('index.html')!.matchAll(/<a href="(\d{4})\/">\d{4}年<span class="year-count">/g)]).toHaveLength(15);
  });
});

describe('a new issue', () => {
  it('in the newest year makes again only the pages that show it, none of the other years’ pages', () => {
    const engine = createNunjucksEngine(BUNDLED_TEMPLATES);
    const inputs = (views: ReturnType<typeof archive>) => new Map([...sitePages(engine, series, views)].map((page) => [page.path, page.inputs()]));
    // 2001 and 2002 with 12 issues each, 2003 with 6, then with a 7th.
    const before = inputs(archive(30, 12));
    const after = inputs(archive(31, 12));
    const changed = [...after].filter(([path, hash]) => before.get(path) !== hash).map(([path]) => path);
    expect(changed.sort()).toEqual([
      '2003/6/index.html', // its newer link
      '2003/7/index.html',
      '2003/index.html',
      'feed.xml',
      'index.html',
      'search/index.html', // the years' counts, for readers without JavaScript
      'series/index.html', // its table's month
      'sitemap.xml',
    ]);
  });
});

describe('a build that writes its pages as it makes them', () => {
  it('writes every page the site renders, byte for byte, with the assets and the index (the sample links no file)', async () => {
    const out = join(dir, 'streamed');
    const result = await build({ contentDir: 'content', outDir: out, templatesDir: BUNDLED_TEMPLATES, pdf: false, cacheDir: false });
    const assets = await readAssets(BUNDLED_TEMPLATES);
    const shareImage = assets.find((file) => file.path === 'assets/share.png');
    const held = [...renderSite(createNunjucksEngine(BUNDLED_TEMPLATES), sampleSite.series!, sample.map(issueView), { shareImage }), ...assets];
    for (const file of held) expect(await readFile(join(out, file.path), 'utf8'), file.path).toBe(String(file.contents));
    const written = (await readdir(out, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(out.length + 1));
    const index = written.filter((path) => path.startsWith('pagefind/'));
    expect(index.length).toBeGreaterThan(0);
    expect(written.sort()).toEqual([...held.map((file) => file.path), ...index, '.jianbao-output'].sort());
    expect(result.counts.pages).toBe(held.length + index.length);
  });
});

describe('the search index, a bundle a year', () => {
  let content: string;
  /** The archive's pages, built once (without the index) for the cases that index them. */
  let out: string;
  beforeAll(async () => {
    content = join(dir, 'years');
    out = join(dir, 'pages');
    await writeSyntheticArchive(content, { issues: 6, perYear: 2 });
    await build({ contentDir: content, outDir: out, templatesDir: BUNDLED_TEMPLATES, pdf: false, cacheDir: false, search: false });
  }, 60_000);

  /** The archive's pages written into a new output for `site`, and the search input noted as a build notes it. */
  async function written(site: string): Promise<{ input: SearchInput; dir: string }> {
    const output = await openOutput(site, `${site}-work`);
    const input = new SearchInput();
    for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
      const path = join(entry.parentPath, entry.name).slice(out.length + 1);
      const file: OutputFile = { path, contents: await readFile(join(out, path), 'utf8') };
      input.add(file, contentHash(output.write(file)));
    }
    // Left unswapped: the pages are read back from the work folder, as in a build.
    return { input, dir: output.dir };
  }

  it('builds the same bundles several at once as one after another', async () => {
    const bundles = async (concurrency: number) => {
      const { input, dir: siteDir } = await written(join(dir, `site-${concurrency}`));
      const files: OutputFile[] = [];
      const cache = await BuildCache.open({ dir: undefined, contentDir: content });
      const index = await searchIndex(input, { siteDir, workDir: `${siteDir}-search`, cache, write: (file) => files.push(file), concurrency });
      expect(index).toMatchObject({ built: 3, unchanged: 0 });
      return new Map(files.map((file) => [file.path, contentHash(file.contents)]));
    };
    const one = await bundles(1);
    const three = await bundles(3);
    expect([...one.keys()].filter((path) => path.endsWith('pagefind-entry.json'))).toHaveLength(3);
    expect(new Map([...three].sort())).toEqual(new Map([...one].sort()));
  }, 120_000);

  it('indexes again only the year of a changed issue, and keeps the other years’ files', async () => {
    const options = { contentDir: content, outDir: join(dir, 'dist'), cacheDir: join(dir, 'cache'), templatesDir: BUNDLED_TEMPLATES, pdf: false };
    expect((await build(options)).counts.search).toEqual({ built: 3, unchanged: 0 });
    const bundle = (year: number) => hashTree(join(options.outDir, 'pagefind', String(year)));
    const entry = (year: number) => stat(join(options.outDir, 'pagefind', String(year), 'pagefind-entry.json'));
    const before = { 2000: await bundle(2000), 2001: await bundle(2001), inode: (await entry(2000)).ino };
    await writeFile(join(content, '2001', '1', 'progress.csv'), progressCsv(3, 7));
    expect((await build(options)).counts.search).toEqual({ built: 1, unchanged: 2 });
    expect(await bundle(2000)).toBe(before[2000]);
    expect((await entry(2000)).ino).toBe(before.inode);
    expect(await bundle(2001)).not.toBe(before[2001]);
  }, 120_000);
});
