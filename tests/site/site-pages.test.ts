import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { BUNDLED_TEMPLATES } from '../../src/site/templates-folder.ts';
import { validateContent } from '../../src/pipeline.ts';
import type { RenderedIssue } from '../../src/model.ts';
import { createNunjucksEngine } from '../../src/site/engine.ts';
import { issueView } from '../../src/site/page-data.ts';
import { renderPages } from '../../src/site/render-pages.ts';
import { pageFile } from '../../src/site/site-page.ts';
import { renderSite } from '../../src/site/site-pages.ts';
import { formatBytes } from '../../src/site/site-view.ts';

let out: string;
let issues: readonly RenderedIssue[];
const page = (path: string) => readFile(join(out, path), 'utf8');
const sampleSeries = {
  title: '梅州市城镇老旧小区改造工作简报',
  issuer: '梅州市住房和城乡建设局',
  url: 'https://example.org/jianbao/',
  distribution: [],
  source: '',
};
/** A page the site renders from `rendered` issues of the sample series, without building. */
const sitePage = (rendered: readonly RenderedIssue[], path: string) =>
  String(renderSite(createNunjucksEngine(BUNDLED_TEMPLATES), sampleSeries, rendered.map(issueView)).find((file) => file.path === path)?.contents);

beforeAll(async () => {
  out = join(await mkdtemp(join(tmpdir(), 'jianbao-site-')), 'dist');
  await build({ contentDir: 'content', outDir: out, templatesDir: BUNDLED_TEMPLATES, pdf: false });
  ({ issues } = await validateContent('content'));
});
afterAll(() => rm(join(out, '..'), { recursive: true, force: true }));

describe('site pages', () => {
  it('makes every page without reading an issue’s Markdown, which a build does not hold by then (see BuildCache.release)', () => {
    const unread = issues.map((rendered) => ({
      ...rendered,
      issue: Object.defineProperty({ ...rendered.issue }, 'markdown', {
        get: () => {
          throw new Error(`Read the Markdown of ${rendered.issue.source}`);
        },
        enumerable: true,
      }),
    }));
    const pages = [...renderPages(createNunjucksEngine(BUNDLED_TEMPLATES), sampleSeries, unread)].map(pageFile);
    expect(pages.map((file) => file.path)).toContain('2021/11/index.html');
  });

  it('gives every page lang, title, description, canonical and Open Graph', async () => {
    for (const path of ['index.html', '2021/index.html', '2021/11/index.html', 'search/index.html']) {
      const html = await page(path);
      expect(html, path).toContain('<html lang="zh-CN">');
      expect(html, path).toMatch(/<title>[^<]+<\/title>/);
      expect(html, path).toMatch(/<meta name="description" content="[^"]+">/);
      expect(html, path).toMatch(/<meta property="og:title" content="[^"]+">/);
      expect(html, path).toMatch(/<meta property="og:url" content="https:\/\/example\.org\/jianbao\/[^"]*">/);
    }
    expect(await page('2021/11/index.html')).toContain('<link rel="canonical" href="https://example.org/jianbao/2021/11/">');
  });

  it('links relatively, so the site works from any sub-path', async () => {
    const html = await page('2021/11/index.html');
    expect(html).toContain('<link rel="stylesheet" href="../../assets/site.css">');
    expect(html).not.toMatch(/(href|src|action)="\/(?!\/)/);
  });

  it('lets the 404 page link from the site’s own path, wherever it is served', async () => {
    const html = await page('404.html');
    expect(html).toContain('<link rel="stylesheet" href="/jianbao/assets/site.css">');
    // Served at any address, it is none of its own: not indexed, no canonical or og:url.
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toMatch(/rel="canonical"|og:url/);
  });

  it('groups the home page by year, newest first, with each issue’s articles', async () => {
    const html = await page('index.html');
    expect([...html.matchAll(/<h2 id="year-(\d+)"/g)].map((match) => match[1])).toEqual(['2022', '2021']);
    expect(html).toContain('<a href="2021/11/#绣花功夫微改造实现老旧小区逆生长">“绣花功夫”<wbr>微改造<wbr>实现老旧小区<wbr>“逆生长”</a>');
  });

  it('writes a page per year', async () => {
    const html = await page('2021/index.html');
    expect([...html.matchAll(/>(\d{4}年第\d+期 总第\d+期)</g)].map((match) => match[1])).toEqual(['2021年第12期 总第19期', '2021年第11期 总第18期']);
  });

  it('links each issue to the previous and next', async () => {
    const html = await page('2021/12/index.html');
    expect(html).toContain('<a class="pager-older" rel="prev" href="../../2021/11/">');
    expect(html).toContain('<a class="pager-newer" rel="next" href="../../2022/1/">');
  });

  it('marks only the bulletin for the search index', async () => {
    expect(await page('2021/11/index.html')).toContain('<article class="bulletin" data-pagefind-body>');
    expect(await page('index.html')).not.toContain('data-pagefind-body');
  });
});

describe('feed and sitemap', () => {
  it('writes a well-formed Atom feed with absolute links, newest first', async () => {
    const xml = await page('feed.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(feed.entry.map((entry: { id: string }) => entry.id)).toEqual([
      'https://example.org/jianbao/2022/1/',
      'https://example.org/jianbao/2021/12/',
      'https://example.org/jianbao/2021/11/',
    ]);
    expect(feed.entry[2].summary).toContain('“绣花功夫”微改造实现老旧小区“逆生长”');
  });

  it('writes a well-formed sitemap with absolute URLs', async () => {
    const xml = await page('sitemap.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(locs).toContain('https://example.org/jianbao/');
    expect(locs).toContain('https://example.org/jianbao/2021/');
    expect(locs).toContain('https://example.org/jianbao/2021/11/');
    expect(locs.every((loc) => loc?.startsWith('https://example.org/jianbao/'))).toBe(true);
  });
});

describe('PDF links', () => {
  it('shows the PDF with its size on lists, the issue page and as the feed enclosure', () => {
    const engine = createNunjucksEngine(BUNDLED_TEMPLATES);
    const views = issues.map(issueView).map((view) => ({
      ...view,
      downloads: [
        {
          edition: 'pdf',
          path: `${view.path}${view.year}-${view.number}.pdf`,
          downloadName: `${view.title}${view.year}年第${view.number}期.pdf`,
          bytes: 356_000,
        },
      ],
    }));
    const files = new Map(
      renderSite(
        engine,
        { title: '梅州市城镇老旧小区改造工作简报', issuer: '梅州市住房和城乡建设局', url: 'https://example.org/jianbao/', distribution: [], source: '' },
        views,
      ).map((file) => [file.path, String(file.contents)]),
    );
    expect(files.get('index.html')).toContain(
      '<a class="pdf-link" href="2021/11/2021-11.pdf" download="梅州市城镇老旧小区改造工作简报2021年第11期.pdf" type="application/pdf">下载 PDF<span class="visually-hidden">：2021年第11期 总第18期</span>（348 KB）</a>',
    );
    expect(files.get('2021/11/index.html')).toContain('href="../../2021/11/2021-11.pdf" download="梅州市城镇老旧小区改造工作简报2021年第11期.pdf"');
    expect(files.get('feed.xml')).toContain(
      '<link rel="enclosure" type="application/pdf" href="https://example.org/jianbao/2021/11/2021-11.pdf" length="356000"',
    );
  });

  it('writes sizes the way readers read them', () => {
    expect(formatBytes(900)).toBe('900 B');
    expect(formatBytes(356_000)).toBe('348 KB');
    expect(formatBytes(2_500_000)).toBe('2.4 MB');
  });
});

describe('series page', () => {
  it('plots the share done of the stacked table month by month', async () => {
    const html = await page('series/index.html');
    expect(html).toContain('<figcaption>户数(户)进度（按月）</figcaption>');
    expect([...html.matchAll(/<text x="0" y="[\d.]+em" class="chart-category">([^<]+)</g)].map((match) => match[1])).toEqual([
      '2021年11月',
      '2021年12月',
      '2022年1月',
    ]);
    expect([...html.matchAll(/<tspan class="chart-share"[^>]*>([^<]+)</g)].map((match) => match[1])).toEqual(['80.8%', '93.0%', '98.7%']);
    expect(html).toContain('<th scope="col">进度</th>');
    // The table's scrolling frame, a stop in the tab order, is a region named after the chart.
    expect(html).toContain('<section class="table-wrap" tabindex="0" aria-label="户数(户)进度（按月）：各月数据">');
    expect(html).toContain(
      '<tr><th scope="row" class="label">2021年11月</th><td><a href="../2021/11/">2021年第11期</a></td><td class="num">14736</td><td class="num">2825</td><td class="num">11911</td><td class="num">80.8%</td></tr>',
    );
  });

  it('lists an issue of many articles on its card by its first six and their number', () => {
    const [newest, ...rest] = issues;
    const articles = Array.from({ length: 40 }, (_, index) => ({ id: `文章${index + 1}`, printId: `a${index + 1}`, lines: [`第${index + 1}篇文章`] }));
    const home = sitePage([{ ...newest!, articles }, ...rest], 'index.html');
    const card = home.slice(home.indexOf('<li class="issue-card'), home.indexOf('</li>\n{', home.indexOf('issue-card-links')));
    expect(card.match(/<li><a href="2022\/1\/#文章\d+">/g)).toHaveLength(6);
    expect(card).toContain('<li class="issue-card-more"><a href="2022/1/#contents">……共40篇</a></li>');
  });

  it('plots a table under the month its heading names, not its issue’s (a March issue reports February)', () => {
    const categories = (period: string) => {
      const html = sitePage(
        issues.map((rendered) =>
          rendered.issue.path === '2021/12/' ? { ...rendered, tables: rendered.tables.map((table) => ({ ...table, period })) } : rendered,
        ),
        'series/index.html',
      );
      return [...html.matchAll(/<text x="0" y="[\d.]+em" class="chart-category">([^<]+)</g)].map((match) => match[1]);
    };
    expect(categories('2021-10')).toEqual(['2021年10月', '2021年11月', '2022年1月']);
    // A heading carried forward unchanged names a month long past: the issue's month stands.
    expect(categories('2020-11')).toEqual(['2021年11月', '2021年12月', '2022年1月']);
  });

  it('tells readers, not the editor, when no table is charted', () => {
    const html = sitePage(
      issues.map((rendered) => ({ ...rendered, tables: [] })),
      'series/index.html',
    );
    expect(html).toContain('<p>暂无可逐月对照的进展数据。</p>');
    expect(html).not.toContain('chart=');
  });

  it('draws each issue’s chart above its table, whose scrolling frame is a region named by its article', async () => {
    const html = await page('2021/11/index.html');
    expect(html).toContain('<div class="table-chart"><figure class="chart"><figcaption>户数(户)进度（按区县名称）</figcaption>');
    expect(html).toContain('<section class="table-wrap" tabindex="0" aria-label="2021年11月梅州市城镇老旧小区改造进展情况" data-pagefind-ignore="">');
  });
});

describe('search index', () => {
  it('is built into pagefind/ as one Chinese bundle a year, listed newest first', async () => {
    expect(JSON.parse(await page('pagefind/bundles.json'))).toEqual({ bundles: ['2022/', '2021/'] });
    for (const [year, count] of [
      ['2022', 1],
      ['2021', 2],
    ] as const) {
      const entry = JSON.parse(await page(`pagefind/${year}/pagefind-entry.json`)) as { languages: Record<string, { page_count: number }> };
      expect(Object.keys(entry.languages)).toEqual(['zh-cn']);
      expect(entry.languages['zh-cn']?.page_count).toBe(count);
    }
    expect(await page('search/index.html')).toContain('<script type="module" src="../assets/search.js"');
  });
});

describe('a long archive', () => {
  it('keeps the home page short and puts every issue on its year page', () => {
    const engine = createNunjucksEngine(BUNDLED_TEMPLATES);
    const [sample] = issues.map(issueView);
    const views = Array.from({ length: 500 }, (_, index) => {
      const total = 500 - index;
      const year = 2000 + Math.floor((total - 1) / 24);
      const number = ((total - 1) % 24) + 1;
      return { ...sample!, year, number, total, path: `${year}/${number}/`, date: `${year}-01-01`, label: `${year}年第${number}期 总第${total}期` };
    });
    const files = new Map(renderSite(engine, sampleSeries, views).map((file) => [file.path, String(file.contents)]));
    const home = files.get('index.html')!;
    expect(home.match(/<li class="issue-card">/g)).toHaveLength(24);
    expect(home).toContain('<a href="2000/">2000年<span class="year-count">24期</span></a>');
    // 2020's 20 issues are all on the home page, and the newest 4 of 2019's 24: the older 476 are
    // in 2019 and the years before it.
    const years = Array.from({ length: 20 }, (_, index) => 2019 - index);
    expect(home).toContain(`<p class="more">更早的476期见各年份页面：${years.map((year) => `<a href="${year}/">${year}年</a>`).join('、')}。</p>`);
    expect(files.get('2010/index.html')!.match(/<li class="issue-card">/g)).toHaveLength(24);
    expect([...files.keys()].filter((path) => /^\d+\/\d+\/index\.html$/.test(path))).toHaveLength(500);
  });
});
