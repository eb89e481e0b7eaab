import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { useServedSample } from './served-site.ts';

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
});
