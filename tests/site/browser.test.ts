import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { barChart } from '../../src/table/bar-chart.ts';
import { stackedChart } from '../../src/table/stacked-chart.ts';
import { useServedSample } from './served-site.ts';

// Screenshots for a person to look at, with JIANBAO_SHOTS=1, land here (git-ignored). Not by
// default: nothing asserts on them, and encoding full-page PNGs cost Chromium several seconds of CPU.
const SHOTS = 'tests/output';
const TAKE_SHOTS = process.env.JIANBAO_SHOTS === '1';

const sample = useServedSample();
/** Console errors and uncaught exceptions, per page URL. */
const problems: string[] = [];

beforeAll(async () => {
  if (TAKE_SHOTS) await mkdir(SHOTS, { recursive: true });
});

async function open(path: string, width = 1280): Promise<Page> {
  const page = await sample.browser.newPage();
  await page.setViewport({ width, height: 900 });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error}`));
  await page.goto(new URL(path, sample.site.url).href, { waitUntil: 'load' });
  return page;
}

async function searchFor(page: Page, query: string) {
  await page.type('#search-q', query);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.search-result');
}

async function shot(page: Page, name: string): Promise<void> {
  if (TAKE_SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

describe('the sample archive served from a sub-path', () => {
  it('goes from the home page to 2021年第11期 with its masthead and table', async () => {
    const page = await open('');
    expect(await page.title()).toBe('梅州市城镇老旧小区改造工作简报');
    await shot(page, 'home-desktop');
    await Promise.all([page.waitForNavigation(), page.locator('a::-p-text(2021年第11期 总第18期)').click()]);
    expect(page.url()).toBe(`${sample.site.url}2021/11/`);

    const masthead = await page.$eval('.masthead', (element) => ({
      title: element.querySelector('.masthead-title')?.textContent,
      colour: getComputedStyle(element.querySelector('.masthead-title')!).color,
      label: element.querySelector('.masthead-label')?.textContent,
      rule: getComputedStyle(element.querySelector('.masthead-meta')!).borderBottomStyle,
    }));
    expect(masthead).toEqual({ title: '梅州市城镇老旧小区改造工作简报', colour: 'rgb(200, 0, 15)', label: '（2021年第11期 总第18期）', rule: 'solid' });
    expect(await page.$$eval('.data-table tbody tr', (rows) => rows.length)).toBe(10);
    expect(await page.$eval('.data-table tr.total', (row) => row.textContent)).toContain('14736');
    expect(await page.$eval('.chart svg', (svg) => [svg.getAttribute('role'), svg.querySelector('title')?.textContent])).toEqual([
      'img',
      '户数(户)进度（按区县名称）',
    ]);
    expect(await page.$eval('link[rel=stylesheet]', (link) => (link as HTMLLinkElement).sheet !== null)).toBe(true);
    await shot(page, 'issue-desktop');
    await page.close();
  });

  it.each(['蕉岭县', '雨污分流'])('finds %s and lands on the 2021年第11期 article', async (query) => {
    const page = await open('search/');
    await searchFor(page, query);
    const hit = await page.$$eval('.search-result', (items) =>
      items
        .map((item) => ({
          issue: item.querySelector('h2')?.textContent ?? '',
          links: [...item.querySelectorAll<HTMLAnchorElement>('a.search-result-article')].map((a) => ({
            title: a.textContent,
            href: a.href,
            marks: [...(a.parentElement?.querySelectorAll('mark') ?? [])].map((mark) => mark.textContent),
          })),
        }))
        .find((result) => result.issue.includes('2021年第11期')),
    );
    const article = query === '蕉岭县' ? '“绣花功夫”微改造实现老旧小区“逆生长”' : '以党的十九届六中全会精神为指引 扎实推进城镇老旧小区改造“四项工程”';
    const link = hit?.links.find((entry) => entry.title === article);
    expect(link, JSON.stringify(hit)).toBeDefined();
    // The snippet shows the words searched for.
    expect(link?.marks).toContain(query);
    if (query === '蕉岭县') await shot(page, 'search-desktop');

    const anchor = await page.evaluateHandle(
      (href) => [...document.querySelectorAll<HTMLAnchorElement>('a.search-result-article')].find((a) => a.href === href)!,
      link!.href,
    );
    await Promise.all([page.waitForNavigation(), anchor.click()]);
    expect(page.url()).toBe(link!.href);
    const target = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(await page.$eval(`[id="${target}"]`, (heading) => heading.textContent?.replace(/\s+/g, ''))).toBe(article.replace(/\s+/g, ''));
    await page.close();
  });

  it("searches every year: the newest year's bundle with the older ones merged in", async () => {
    const page = await open('search/');
    await searchFor(page, '梅州');
    const issues = await page.$$eval('.search-result h2', (headings) => headings.map((heading) => heading.textContent ?? ''));
    expect(
      issues.some((issue) => issue.includes('2022年第1期')),
      issues.join(' | '),
    ).toBe(true);
    expect(
      issues.some((issue) => issue.includes('2021年第11期')),
      issues.join(' | '),
    ).toBe(true);
    await page.close();
  });

  it('serves the PDF from the issue page as application/pdf', async () => {
    const page = await open('2021/11/');
    const link = await page.$eval('a.pdf-link', (element) => ({
      href: (element as HTMLAnchorElement).href,
      download: element.getAttribute('download'),
      text: element.textContent,
    }));
    expect(link.href).toBe(`${sample.site.url}2021/11/2021-11.pdf`);
    expect(link.download).toBe('梅州市城镇老旧小区改造工作简报2021年第11期.pdf');
    expect(link.text).toMatch(/^下载 PDF 印刷版（\d+(\.\d)? (KB|MB)）$/);
    const response = await fetch(link.href);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await page.close();
  });

  it.each(['', '2021/', '2021/11/', 'search/?q=蕉岭县', 'series/'])('never scrolls sideways at 375 px: /%s', async (path) => {
    const page = await open(path, 375);
    if (path.startsWith('search')) await page.waitForSelector('.search-result');
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    const name = path === '' ? 'home' : path.startsWith('search') ? 'search' : path.replace(/\/$/, '').replaceAll('/', '-');
    await shot(page, `${name}-phone`);
    if (path === '2021/11/') {
      // The wide table scrolls inside its wrapper instead.
      const wrap = await page.$eval('.table-wrap', (element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
      expect(wrap.scroll).toBeGreaterThan(wrap.client);
    }
    await page.close();
  });

  // A reader who set the browser's text to 200 % (Chromium's font size setting: rem and em follow
  // it, px do not). The header's name and search form were as wide as their longest word and
  // their input's default size, and the page scrolled sideways.
  it.each(['', '2021/11/', 'search/?q=蕉岭县'])('wraps the header instead of scrolling sideways with text at 200 % at 375 px: /%s', async (path) => {
    const page = await sample.browser.newPage();
    await page.setViewport({ width: 375, height: 900 });
    await (await page.createCDPSession()).send('Page.setFontSizes', { fontSizes: { standard: 32 } });
    await page.goto(new URL(path, sample.site.url).href, { waitUntil: 'load' });
    if (path.startsWith('search')) await page.waitForSelector('.search-result');
    const laid = await page.evaluate(() => ({
      root: getComputedStyle(document.documentElement).fontSize,
      page: document.documentElement.scrollWidth,
      header: Math.max(...[...document.querySelectorAll('.site-header *')].map((element) => element.getBoundingClientRect().right)),
      inputs: [...document.querySelectorAll<HTMLElement>('form input[type=search], form button')].map((element) =>
        Math.round(element.getBoundingClientRect().width),
      ),
    }));
    expect(laid.root).toBe('32px');
    expect(laid.page).toBeLessThanOrEqual(375);
    expect(laid.header).toBeLessThanOrEqual(375);
    // Each search box keeps room for a few characters, its button beside it.
    for (const width of laid.inputs) expect(width).toBeGreaterThan(100);
    await shot(page, `${path === '' ? 'home' : path.startsWith('search') ? 'search' : path.replace(/\/$/, '').replaceAll('/', '-')}-phone-200`);
    await page.close();
  });

  // The axe checks of these pages, at both widths and in light and dark: readers.test.ts.

  // One load a page: it runs no script, so resized it lays out as one opened at that width.
  it.each(['2021/11/', 'series/'])('draws the chart across the content width, labels ≥ 12 px and apart: /%s at 1280 and 375 px', async (path) => {
    const page = await open(path, 1280);
    for (const width of [1280, 375]) {
      await page.setViewport({ width, height: 900 });
      const chart = await page.$eval('.chart', (figure) => {
        const svg = figure.querySelector('svg')!;
        const box = (element: Element) => element.getBoundingClientRect();
        // A Han character is one em wide: its drawn width is the size a reader sees (no viewBox scales it).
        const han = [...svg.querySelectorAll<SVGTextElement>('.chart-category')].map((text) => {
          const at = [...(text.textContent ?? '')].findIndex((character) => /\p{Script=Han}/u.test(character));
          return text.getExtentOfChar(at).width;
        });
        // Each row's name must end before the numbers at its right begin.
        const gaps = [...svg.querySelectorAll('g')].map((group) => {
          const [name, numbers] = [...group.querySelectorAll('text')];
          return numbers ? box(numbers).left - box(name!).right : Number.POSITIVE_INFINITY;
        });
        return { figure: box(figure).width, column: box(figure.parentElement!).width, svg: box(svg).width, han, gaps };
      });
      expect(chart.figure, `${width} px`).toBe(chart.column);
      expect(chart.figure, `${width} px`).toBeGreaterThan(width === 1280 ? 700 : 330);
      // Laid out anew at the width, not left as it was.
      expect(chart.figure, `${width} px`).toBeLessThanOrEqual(width);
      expect(chart.svg, `${width} px`).toBeGreaterThan(chart.figure - 30);
      expect(chart.han.length).toBeGreaterThanOrEqual(3);
      for (const size of chart.han) expect(size, `${width} px`).toBeGreaterThanOrEqual(12);
      for (const gap of chart.gaps) expect(gap, `${width} px`).toBeGreaterThan(4);
      if (TAKE_SHOTS) await (await page.$('.chart'))!.screenshot({ path: join(SHOTS, `chart-${path.replace(/\/$/, '').replaceAll('/', '-')}-${width}.png`) });
    }
    await page.close();
  });

  // A row name as long as 广东梅州经济开发区管理委员会 ran over `3528 / 3528 100.0%` at 375 px, and a
  // longer one past the chart's edge: SVG text never wraps.
  it('keeps long row names clear of their numbers and inside the chart at 320, 375 and 1280 px', async () => {
    const series = (name: string, values: number[]) => ({ name, values, labels: values.map(String) });
    const names = ['兴宁市', '广东梅州经济开发区管理委员会', '梅州市城区雨污分流管网建设和城镇老旧小区改造工作领导小组办公室'];
    const charts = [
      stackedChart({ title: '进度', categories: names, whole: series('计划', [3528, 3528, 1505]), done: series('进场', [3528, 3528, 0]), others: [] }),
      barChart({ title: '户数', categories: names, series: [series('计划', [3528, 3528, 1505]), series('进场', [3528, 3528, 0])] }),
    ];
    const css = await readFile('templates/assets/site.css', 'utf8');
    const page = await sample.browser.newPage();
    await page.setContent(
      `<!doctype html><html lang="zh-CN"><head><style>${css}</style></head><body><main class="page">${charts.map((chart) => toHtml(chart)).join('')}</main></body></html>`,
    );
    for (const width of [320, 375, 1280]) {
      await page.setViewport({ width, height: 900 });
      const laid = await page.$$eval('.chart svg', (svgs) =>
        svgs.map((svg) => {
          const frame = svg.getBoundingClientRect();
          const clashes: string[] = [];
          const outside: string[] = [];
          for (const group of svg.querySelectorAll('g')) {
            // Each line of text: a wrapped name is one line a <tspan>.
            const lines = [...group.querySelectorAll('text')].flatMap((text) => {
              const parts = text.querySelector('tspan[y]') ? [...text.querySelectorAll('tspan')] : [text];
              return parts.map((part) => ({
                text: part.textContent ?? '',
                box: part.getBoundingClientRect(),
                em: Number.parseFloat(getComputedStyle(text).fontSize),
              }));
            });
            for (const { text, box } of lines) if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5) outside.push(text);
            // Two lines clash where they overlap across and stand less than an em apart down (a
            // line's box is taller than its glyphs, and the bars' values are 1.05 em apart).
            const middle = (box: DOMRect) => (box.top + box.bottom) / 2;
            for (const [at, a] of lines.entries())
              for (const b of lines.slice(at + 1))
                if (a.box.left < b.box.right && b.box.left < a.box.right && Math.abs(middle(a.box) - middle(b.box)) < a.em)
                  clashes.push(`${a.text} × ${b.text}`);
          }
          return { clashes, outside };
        }),
      );
      expect(laid, `${width} px`).toEqual([
        { clashes: [], outside: [] },
        { clashes: [], outside: [] },
      ]);
    }
    await page.close();
  });

  it('logged no console errors on any page it opened', () => {
    expect(problems).toEqual([]);
  });
});
