import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { syntheticBuild } from '../support/synthetic-build.ts';
import { serveFolder, useServedFixture, useServedSample } from './served-site.ts';

// Search that answers: each hit names its issue and date, a table row reads as its label with its
// header and value pairs, newest first on request, and without JavaScript the page says what to do.

const sample = useServedSample();

async function search(path: string, options: { readonly javascript?: boolean; readonly width?: number } = {}): Promise<Page> {
  const page = await sample.browser.newPage();
  await page.setViewport({ width: options.width ?? 1280, height: 900 });
  if (options.javascript === false) await page.setJavaScriptEnabled(false);
  await page.goto(new URL(path, sample.site.url).href, { waitUntil: 'load' });
  if (options.javascript !== false) await page.waitForSelector('.search-result');
  return page;
}

const hits = (page: Page) =>
  page.$$eval('.search-result', (items) =>
    items.map((item) => ({
      issue: item.querySelector('h2')?.textContent,
      date: item.querySelector('.search-result-date')?.textContent,
      rows: [...item.querySelectorAll('.search-result-row')].map((row) => row.textContent),
    })),
  );

describe('search results', () => {
  it('name each hit’s issue and date, and read a table row as its label with header and value pairs', async () => {
    const page = await search('search/?q=梅县区');
    const found = await hits(page);
    expect(found.map((hit) => `${hit.issue} ${hit.date}`).sort()).toEqual([
      '2021年第11期 总第18期 2021年11月29日',
      '2021年第12期 总第19期 2021年12月30日',
      '2022年第1期 总第20期 2022年1月28日',
    ]);
    const november = found.find((hit) => hit.issue?.startsWith('2021年第11期'))!;
    expect(november.rows).toEqual([
      '梅县区 · 改造计划：涉及户数(户) 2034，小区数(个) 15 · 2. 已完成前期准备、施工单位已进场施工的项目：户数(户) 2034，小区数(个) 15',
    ]);
    // The row's label is set off from its values, and the raw cells are not what the index quotes.
    expect(await page.$eval('.search-result-row strong', (label) => label.textContent)).toBe('梅县区');
    expect(await page.$eval('#search-results', (list) => list.textContent)).not.toMatch(/\d+\. \d+\. 梅县区/);
    // The header's search box holds the query too.
    expect(await page.$eval('#site-search-q', (input) => (input as HTMLInputElement).value)).toBe('梅县区');
    await page.close();
  });

  it('are in order of relevance, newest first at the reader’s choice, kept in the address', async () => {
    const page = await search('search/?q=蕉岭县');
    expect(await page.$eval('input[name=sort]:checked', (radio) => (radio as HTMLInputElement).value)).toBe('relevance');
    // Pagefind may cut an excerpt just after a sentence's end: it starts at the next word, not at
    // the punctuation (2021年第12期's began "；丰顺县、兴宁市…").
    const excerpts = await page.$$eval('.search-result-excerpt', (items) => items.map((item) => item.textContent ?? ''));
    expect(excerpts.some((text) => text.startsWith('丰顺县、兴宁市'))).toBe(true);
    expect(excerpts.filter((text) => /^[\s，。；：、！？）》」』,.;:!?)]/.test(text))).toEqual([]);
    await page.click('input[name=sort][value=newest]');
    // Results are rebuilt: wait for the list that says it is newest first.
    await page.waitForFunction(() => document.getElementById('search-status')?.textContent?.includes('最新在前') && document.querySelector('.search-result'));
    const dates = await page.$$eval('.search-result', (items) => items.map((item) => item.querySelector('.search-result-date')?.textContent ?? ''));
    const days = dates.map((date) => {
      const [, year, month, day] = /(\d+)年(\d+)月(\d+)日/.exec(date)!.map(Number);
      return year! * 10_000 + month! * 100 + day!;
    });
    expect(days.length).toBeGreaterThan(1);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(new URL(page.url()).searchParams.get('sort')).toBe('newest');
    await page.close();

    // The address opens the same order.
    const again = await search('search/?q=蕉岭县&sort=newest', { width: 375 });
    expect(await again.$eval('input[name=sort]:checked', (radio) => (radio as HTMLInputElement).value)).toBe('newest');
    await again.close();
  });

  it('say how many issues hold the query as typed, and never that one holds what it only holds words of', async () => {
    const status = (page: Page) => page.$eval('#search-status', (element) => element.textContent);
    const found = await search('search/?q=梅县区');
    expect(await status(found)).toBe('找到 3 期含有“梅县区”，按相关度排列');
    await found.close();
    // Pagefind matches 区 of 区块链, which no issue holds.
    const words = await search('search/?q=区块链');
    expect(await status(words)).toMatch(/^没有找到含有“区块链”的期号；以下 \d+ 期含有其中的字词，按相关度排列$/);
    await words.close();
  });

  // Two words typed apart were sought as one phrase, 梅县区蕉岭县, which no issue holds: the
  // reader was told no issue held them, above the three that hold both.
  it('take words typed apart with a space each as to be held, not as one phrase', async () => {
    const page = await search('search/?q=梅县区%20蕉岭县');
    expect(await page.$eval('#search-status', (element) => element.textContent)).toBe('找到 3 期含有“梅县区 蕉岭县”，按相关度排列');
    await page.close();
  });

  // No issue holds 2021年第99期: Pagefind marks 2021 and 年 of 2021年11月 one by one, and the two
  // marks' padding read as `2021 年`.
  it('mark words that meet in an excerpt as one', async () => {
    const page = await search('search/?q=2021年第99期');
    const marks = await page.$$eval('.search-result-excerpt mark', (found) =>
      found.map((mark) => ({ text: mark.textContent, next: mark.nextSibling?.nodeName ?? '' })),
    );
    expect(marks.map((mark) => mark.text)).toContain('2021年');
    expect(marks.filter((mark) => mark.next === 'MARK')).toEqual([]);
    await page.close();
  });

  it('link the issue a query names by its number above the hits, typed as a reader may type it', async () => {
    const named = async (query: string) => {
      const page = await search(`search/?q=${encodeURIComponent(query)}`);
      const line = await page.$eval('#search-issue', (element) => ({
        hidden: (element as HTMLElement).hidden,
        text: element.textContent,
        href: element.querySelector('a')?.href,
      }));
      await page.close();
      return line;
    };
    const november = { hidden: false, text: '按期号：2021年第11期 总第18期', href: `${sample.site.url}2021/11/` };
    expect(await named('2021年第11期')).toEqual(november);
    expect(await named('２０２１年 第１１期')).toEqual(november);
    // No such issue: the hits alone, which hold its words.
    expect(await named('2021年第5期')).toEqual({ hidden: true, text: '', href: undefined });
  });

  it('without JavaScript, say so and link to the year pages', async () => {
    const page = await search('search/?q=梅县区', { javascript: false });
    const shown = await page.$eval('.search-noscript', (block) => ({
      text: block.textContent?.replace(/\s+/g, ' ').trim(),
      links: [...block.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      visible: block.getBoundingClientRect().height > 0,
    }));
    expect(shown.text).toContain('检索需要浏览器开启 JavaScript');
    expect(shown.links).toEqual(['../', '../2022/', '../2021/']);
    expect(shown.visible).toBe(true);
    // The sort switch needs the script, so it stays hidden.
    expect(await page.$eval('#search-order', (order) => (order as HTMLElement).hidden)).toBe(true);
    await page.close();
  });

  it('opened from disk, say that search needs the site served over HTTP and link to the year pages’ files', async () => {
    const page = await sample.browser.newPage();
    await page.goto(`${pathToFileURL(join(sample.site.out, 'search', 'index.html')).href}?q=梅县区`, { waitUntil: 'load' });
    const shown = await page.$eval('#search-from-disk', (block) => ({
      text: block.textContent?.replace(/\s+/g, ' ').trim(),
      links: [...block.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      visible: block.getBoundingClientRect().height > 0,
    }));
    expect(shown.text).toContain('检索需要通过网址（http:// 或 https://）访问本站');
    expect(shown.links).toEqual(['../index.html', '../2022/index.html', '../2021/index.html']);
    expect(shown.visible).toBe(true);
    // search.js ran (a module runs before `load`) and started no search: the sort switch stays hidden.
    expect(await page.$eval('#search-order', (order) => (order as HTMLElement).hidden)).toBe(true);
    expect(await page.$eval('#search-status', (status) => status.textContent)).toBe('');
    // A year link opens the year's page, not a listing of its folder.
    await Promise.all([page.waitForNavigation(), page.click('#search-from-disk a[href="../2021/index.html"]')]);
    expect(await page.$eval('h1', (heading) => heading.textContent)).toContain('2021');
    await page.close();
  });
});

describe('search results beyond the first 30', () => {
  // 40 issues, each naming 蕉岭县 in its table: more than a search lists at first.
  let root: string;
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const synthetic = await syntheticBuild('jianbao-search-more-', 40, 24);
    root = synthetic.root;
    await build({ ...synthetic.options, search: true });
    ({ url, close } = await serveFolder(synthetic.options.outDir));
  }, 60_000);
  afterAll(async () => {
    await close?.();
    if (root) await rm(root, { recursive: true, force: true });
  });

  const listed = (page: Page) =>
    page.evaluate(() => ({
      issues: [...document.querySelectorAll('.search-result h2')].map((heading) => heading.textContent ?? ''),
      status: document.getElementById('search-status')?.textContent,
      more: (document.getElementById('search-more') as HTMLButtonElement).hidden ? undefined : document.getElementById('search-more')?.textContent,
      focused: document.activeElement?.closest('.search-result')?.querySelector('h2')?.textContent,
    }));

  it.each([
    ['蕉岭县', '按相关度排列'],
    ['蕉岭县&sort=newest', '最新在前'],
  ])('say how many are listed and list the next ones at 显示更多, from the keyboard: %s', async (query, order) => {
    const page = await sample.browser.newPage();
    await page.setViewport({ width: 375, height: 800 });
    await page.goto(`${url}search/?q=${query}`, { waitUntil: 'load' });
    await page.waitForSelector('.search-result');
    const first = await listed(page);
    expect(first.issues).toHaveLength(30);
    expect(first.status).toBe(`找到 40 期相关内容，显示前 30 期，都含有“蕉岭县”，${order}`);
    expect(first.more).toBe('显示更多（还有 10 期）');

    // Tab from the last hit's last link reaches the button; Enter lists the rest under the others.
    await page.$$eval('.search-result:last-child a', (links) => (links.at(-1) as HTMLElement).focus());
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-more');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 30);
    const all = await listed(page);
    expect(all.issues.slice(0, 30)).toEqual(first.issues);
    expect(new Set(all.issues).size).toBe(40);
    expect(all.status).toBe(`找到 40 期含有“蕉岭县”，${order}`);
    expect(all.more).toBeUndefined();
    // Focus is on the first issue added, where the reader goes on.
    expect(all.focused).toBe(all.issues[30]);
    if (order === '最新在前')
      expect(all.issues.slice(28, 32)).toEqual(['2000年第12期 总第12期', '2000年第11期 总第11期', '2000年第10期 总第10期', '2000年第9期 总第9期']);
    await page.close();
  });
});

/** The text of each excerpt a search lists, without the word breaks Pagefind puts in. */
async function excerptsOf(url: string, query: string): Promise<string[]> {
  const page = await sample.browser.newPage();
  await page.goto(`${url}search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
  await page.waitForSelector('.search-result-excerpt');
  const excerpts = await page.$$eval('.search-result-excerpt', (items) => items.map((item) => (item.textContent ?? '').replaceAll('\u200b', '')));
  await page.close();
  return excerpts;
}

describe('search results of short articles', () => {
  // One article of a paragraph, whose excerpt starts at its title, and a subhead in it.
  const site = useServedFixture('tests/fixtures/search/short-articles');

  it('end a title in the excerpt with a Chinese full stop, not Pagefind’s “. ”', async () => {
    const excerpts = await excerptsOf(site.url, '今年以来');
    expect(excerpts.join('')).toContain('岁末。今年以来');
    expect(excerpts.join('')).toContain('1.5万户');
    expect(excerpts.filter((text) => /\p{Script=Han}\. /u.test(text))).toEqual([]);
  });
});

describe('search results of an issue whose articles are named after towns', () => {
  // Four articles end on 大柘镇、仁居镇…; the last three are titled 东石镇…, 石正镇…, 八尺镇…, so
  // Pagefind, matching 大柘镇 as 大, 柘 and 镇, ranks them above the first and cuts their excerpts
  // around the 镇 of their titles.
  const site = useServedFixture('tests/fixtures/search/town-articles');

  it('quote the articles whose excerpt holds the query as typed, however Pagefind ranks them', async () => {
    expect(await excerptsOf(site.url, '大柘镇')).toEqual([expect.stringContaining('大柘镇')]);
  });

  it('end an excerpt that ends at a title with a Chinese full stop', async () => {
    const excerpts = await excerptsOf(site.url, '镇');
    expect(excerpts).toContainEqual(expect.stringMatching(/质量。$/));
    expect(excerpts.filter((text) => /\p{Script=Han}\.(\s|$)/u.test(text))).toEqual([]);
  });
});

describe('search results for words typed apart', () => {
  // 仁居镇 and 厕所革命 are each in three articles of four, both only in 仁居镇推进厕所革命; Pagefind,
  // matching 仁, 居, 镇, 厕所 and 革命 one by one, ranks the article full of 镇 first.
  const site = useServedFixture('tests/fixtures/search/two-words');

  it('quote first the articles holding every word, each word marked whole', async () => {
    const page = await sample.browser.newPage();
    await page.goto(`${site.url}search/?q=${encodeURIComponent('仁居镇 厕所革命')}`, { waitUntil: 'load' });
    await page.waitForSelector('.search-result-excerpt');
    const articles = await page.$$eval('.search-result-article', (links) => links.map((link) => link.textContent));
    const marks = await page.$$eval('.search-result-excerpt mark', (found) => found.map((mark) => mark.textContent));
    expect(articles).toEqual(['仁居镇推进厕所革命']);
    expect(new Set(marks)).toEqual(new Set(['仁居镇', '厕所革命']));
    await page.close();
  });
});
