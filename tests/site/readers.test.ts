import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/pipeline.ts';
import { createNunjucksEngine } from '../../src/site/engine.ts';
import { paginate } from '../../src/site/paginate.ts';
import { pngSize } from '../../src/site/png-size.ts';
import { readAssets } from '../../src/site/read-assets.ts';
import { renderPages } from '../../src/site/render-pages.ts';
import { BUNDLED_TEMPLATES } from '../../src/site/templates-folder.ts';
import { seriousAxeViolations, useServedFixture, useServedSample } from './served-site.ts';

// What a reader on a phone or in WeChat meets: tables that keep their row names, a way around the
// archive, pages that share with a picture, dark mode and a visible focus ring.

const sample = useServedSample();

type Scheme = 'light' | 'dark';

async function open(path: string, width = 1280, scheme: Scheme = 'light'): Promise<Page> {
  const page = await sample.browser.newPage();
  await page.setViewport({ width, height: 800 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.goto(new URL(path, sample.site.url).href, { waitUntil: 'load' });
  return page;
}

/** WCAG contrast ratio of two computed `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
      const channel = Number(part) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('a wide table at 375 px', () => {
  it('keeps the district name in view after scrolling to the right end', async () => {
    const page = await open('2021/11/', 375);
    const seen = await page.$eval('.table-wrap', (wrap) => {
      // elementFromPoint sees only what is on the screen.
      wrap.scrollIntoView({ block: 'center' });
      const row = [...wrap.querySelectorAll('tbody tr')].find((tr) => tr.textContent?.includes('梅县区'))!;
      const name = [...row.children].find((cell) => cell.textContent === '梅县区')!;
      const plan = row.children[2]!;
      const planBefore = plan.getBoundingClientRect();
      wrap.scrollLeft = wrap.scrollWidth;
      const box = wrap.getBoundingClientRect();
      const at = name.getBoundingClientRect();
      const hit = document.elementFromPoint(at.left + at.width / 2, at.top + at.height / 2);
      // Where the first number column was is now covered by the label columns or scrolled away.
      const underPlan = document.elementFromPoint(planBefore.left + planBefore.width / 2, planBefore.top + planBefore.height / 2);
      return {
        scrolled: wrap.scrollLeft,
        cut: wrap.scrollWidth > wrap.clientWidth,
        inside: at.left >= box.left && at.right <= box.right,
        hit: hit === name || name.contains(hit),
        planGone: underPlan !== plan,
      };
    });
    expect(seen).toEqual({ scrolled: expect.any(Number), cut: true, inside: true, hit: true, planGone: true });
    expect(seen.scrolled).toBeGreaterThan(100);
    await page.close();
  });

  // 改造进展情况 heads four columns; centred over them, it scrolled out of view (under the label
  // columns, or past the right edge) while its columns were still on the screen.
  it('keeps each group heading in view while any of its columns is, scrolling right step by step', async () => {
    const page = await open('2021/11/', 375);
    const lost = await page.$eval('.table-wrap', (wrap) => {
      wrap.scrollIntoView({ block: 'center' });
      const labels = [...wrap.querySelectorAll('thead .label')];
      const groups = [...wrap.querySelectorAll<HTMLElement>('thead th[colspan]:not(.label)')];
      const missed: string[] = [];
      for (let left = 0; left <= wrap.scrollWidth - wrap.clientWidth; left += 20) {
        wrap.scrollLeft = left;
        const frame = wrap.getBoundingClientRect();
        const from = Math.max(...labels.map((label) => label.getBoundingClientRect().right));
        for (const th of groups) {
          const cell = th.getBoundingClientRect();
          const shown = Math.min(cell.right, frame.right) - Math.max(cell.left, from);
          const text = document.createRange();
          text.selectNodeContents(th);
          const box = text.getBoundingClientRect();
          // Only where the visible part of the cell has room for its heading.
          if (shown < box.width + 16) continue;
          const hit = document.elementFromPoint(box.left + 2, box.top + box.height / 2);
          const whole = box.left >= from && box.right <= frame.right;
          if (!whole || !th.contains(hit)) missed.push(`${th.textContent} at scrollLeft ${wrap.scrollLeft}`);
        }
      }
      return { groups: groups.map((th) => th.textContent), missed };
    });
    expect(lost.groups).toContain('改造进展情况');
    expect(lost.missed).toEqual([]);
    await page.close();
  });

  // The cue and the header cells are read without scrolling or changing the page: one load serves both.
  let page: Page;
  beforeAll(async () => {
    page = await open('2021/11/', 375);
  });
  afterAll(() => page?.close());

  it('shows a scroll cue at the cut edge, in CSS alone', async () => {
    const cue = await page.$eval('.table-wrap', (wrap) => {
      const style = getComputedStyle(wrap);
      return { attachment: style.backgroundAttachment, image: style.backgroundImage };
    });
    // A patch that scrolls with the content (local) over a shadow fixed to the edge (scroll).
    expect(cue.attachment).toMatch(/^local, local, scroll, scroll\b/);
    expect(cue.image.match(/linear-gradient/g)).toHaveLength(4);
    expect(await page.$$eval('script', (scripts) => scripts.length)).toBe(0);
  });

  it('keeps the header cells aligned with their columns and leaves no character alone on a line', async () => {
    const header = await page.$eval('.data-table', (table) => {
      const rows = [...table.querySelectorAll('tbody tr')];
      // Each header cell of the last header row sits over the body cells of its column.
      const last = [...table.querySelectorAll('thead tr:last-child th')].map((th) => Math.round(th.getBoundingClientRect().left));
      const body = [...rows[0]!.children].slice(-last.length).map((td) => Math.round(td.getBoundingClientRect().left));
      // Lines of each header cell, by the tops of its characters.
      const lone: string[] = [];
      for (const th of table.querySelectorAll('thead th')) {
        // Every text of the cell: a group heading holds its text in a span, split by <wbr>s.
        const texts = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
        const lines = new Map<number, number>();
        for (let text = texts.nextNode() as Text | null; text; text = texts.nextNode() as Text | null) {
          for (let index = 0; index < text.length; index++) {
            const range = document.createRange();
            range.setStart(text, index);
            range.setEnd(text, index + 1);
            const top = Math.round(range.getBoundingClientRect().top);
            if (text.data[index]!.trim()) lines.set(top, (lines.get(top) ?? 0) + 1);
          }
        }
        if (lines.size > 1 && [...lines.values()].includes(1)) lone.push(th.textContent ?? '');
      }
      return { last, body, lone };
    });
    expect(header.last).toEqual(header.body);
    expect(header.lone).toEqual([]);
  });
});

describe('the home page of a series with a long issuer', () => {
  // 中共平远县委农村工作领导小组办公室　平远县乡村振兴局编印 · 共4期: at some widths 期 wrapped onto a line alone.
  const site = useServedFixture('tests/fixtures/print-pages/masthead');

  it('keeps 共N期 on one line at every width from 320 to 1280 px', async () => {
    const page = await sample.browser.newPage();
    await page.goto(site.url, { waitUntil: 'load' });
    const broken: number[] = [];
    for (let width = 320; width <= 1280; width += 8) {
      await page.setViewport({ width, height: 800 });
      const lines = await page.$eval('.list-header p', (line) => {
        const text = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        const tops = new Set<number>();
        for (let node = text.nextNode() as Text | null; node; node = text.nextNode() as Text | null) {
          const at = node.data.lastIndexOf('共');
          if (at === -1 || !/共\d+期/.test(node.data.slice(at))) continue;
          for (let index = at; index < node.length; index++) {
            const range = document.createRange();
            range.setStart(node, index);
            range.setEnd(node, index + 1);
            tops.add(Math.round(range.getBoundingClientRect().top));
          }
        }
        return tops.size;
      });
      if (lines !== 1) broken.push(width);
    }
    expect(broken).toEqual([]);
    await page.close();
  });
});

describe('finding your place', () => {
  it('shows the breadcrumb, previous and next with lead titles at the top and the bottom, and a way back to the contents after each article', async () => {
    const page = await open('2021/12/');
    const place = await page.evaluate(() => ({
      crumbs: [...document.querySelectorAll('.breadcrumb li')].map((li) => li.textContent?.trim()),
      current: document.querySelector('.breadcrumb [aria-current="page"]')?.textContent,
      pagers: [...document.querySelectorAll('.issue-pager')].map((nav) =>
        [...nav.querySelectorAll('a')].map((a) => `${a.rel} ${a.querySelector('.pager-lead')?.textContent}`),
      ),
      articles: document.querySelectorAll('.article').length,
      back: [...document.querySelectorAll('.article .to-contents a')].map((a) => a.getAttribute('href')),
      contents: document.getElementById('contents')?.tagName,
    }));
    const pager = ['prev 以党的十九届六中全会精神为指引 扎实推进城镇老旧小区改造“四项工程”', 'next 以更大力度压实工作责任 全力推进2022年城镇老旧小区改造工作'];
    expect(place).toEqual({
      crumbs: ['全部期号', '2021年', '第12期'],
      current: '第12期',
      pagers: [pager, pager],
      articles: 3,
      back: ['#contents', '#contents', '#contents'],
      contents: 'NAV',
    });
    await page.close();
  });

  it('marks the reader’s own page among the page links of a long list', async () => {
    const [, second] = paginate(
      '2020/',
      Array.from({ length: 150 }, (_, index) => index),
      100,
    );
    const links = createNunjucksEngine(BUNDLED_TEMPLATES).render('partials/pagination.njk', { pagination: second!.pagination, root: '../../../' });
    const page = await sample.browser.newPage();
    await page.setContent(`<!doctype html><html lang="zh-CN"><body>${links}</body></html>`);
    await page.addStyleTag({ path: join(BUNDLED_TEMPLATES, 'assets', 'site.css') });
    const looks = await page.$$eval('.pagination a', (links) =>
      links.map((link) => {
        const style = getComputedStyle(link);
        return `${link.textContent} ${style.color} ${style.borderColor} ${style.fontWeight}`;
      }),
    );
    const [previous, first, own] = looks.map((look) => look.replace(/^\S+ /, ''));
    expect(looks).toHaveLength(3);
    expect(previous).toBe(first);
    expect(own).not.toBe(first);
    await page.close();
  });

  // 2021年第12期's next lead, 以更大力度压实工作责任 全力推进2022年城镇老旧小区改造工作, takes two lines
  // and is cut to one at the top. Set right-aligned, its line ended at a <wbr> short of the edge and
  // Chromium drew the ellipsis past it, hidden: the line is set from its start instead.
  it('cuts a lead too long for the top pager’s one line after its text, the box kept at the right under 下一期', async () => {
    const page = await open('2021/12/');
    for (const width of [1280, 375]) {
      await page.setViewport({ width, height: 800 });
      const leads = await page.$$eval('.breadcrumb + .issue-pager a', (links) =>
        links.map((link) => {
          const lead = link.querySelector<HTMLElement>('.pager-lead')!;
          const [outer, inner] = [link.getBoundingClientRect(), lead.getBoundingClientRect()];
          return {
            rel: link.getAttribute('rel'),
            align: getComputedStyle(lead).textAlign,
            cut: lead.scrollHeight > lead.clientHeight + 1,
            inside: inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5,
            flush: Math.abs(link.getAttribute('rel') === 'next' ? outer.right - inner.right : inner.left - outer.left) < 0.5,
          };
        }),
      );
      expect(leads, `${width} px`).toEqual([
        { rel: 'prev', align: 'left', cut: true, inside: true, flush: true },
        { rel: 'next', align: 'left', cut: true, inside: true, flush: true },
      ]);
    }
    // A lead that fits stays at the right edge, under the label.
    const short = await page.$eval('.breadcrumb + .issue-pager a[rel=next]', (link) => {
      const lead = link.querySelector('.pager-lead')!;
      lead.textContent = '短标题';
      const [outer, inner] = [link.getBoundingClientRect(), lead.getBoundingClientRect()];
      return { narrower: inner.width < outer.width - 10, right: Math.round(outer.right - inner.right) };
    });
    expect(short).toEqual({ narrower: true, right: 0 });
    await page.close();
  });
});

describe('issue lists at 375 px', () => {
  it('break article titles only between words, on the home page and in the pager', async () => {
    const page = await open('', 375);
    // The build puts a <wbr> between words, so a word is one text node: a line may start only at a
    // text node's first character, or after the space between a title's lines as written.
    // Each character's line is read from its own rectangle.
    const lines = await page.$$eval('.issue-card-articles a, .pager-lead', (titles) =>
      titles.map((title) => {
        const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
        const starts: { text: string; first: boolean }[] = [];
        let top: number | undefined;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (let at = 0; at < (node.textContent ?? '').length; at++) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + 1);
            const rect = range.getClientRects()[0];
            if (!rect) continue;
            if (top !== undefined && rect.top > top + 2)
              starts.push({ text: (node.textContent ?? '').slice(at), first: at === 0 || node.textContent?.[at - 1] === ' ' });
            top = rect.top;
          }
        }
        return starts;
      }),
    );
    const wrapped = lines.flat();
    expect(wrapped.length).toBeGreaterThan(3);
    expect(wrapped.filter((line) => !line.first)).toEqual([]);
    await page.close();
  });
});

describe('sharing', () => {
  const served = (url: string) => join(sample.site.out, new URL(url).pathname.replace(/^\/jianbao\//, ''));

  it('gives each issue a 1200 × 630 PNG of its first page and a share title with the lead article', async () => {
    const html = await readFile(join(sample.site.out, '2021/11/index.html'), 'utf8');
    const meta = (property: string) => new RegExp(`<meta property="${property}" content="([^"]+)">`).exec(html)?.[1];
    expect(meta('og:image')).toBe('https://example.org/jianbao/2021/11/share.png');
    expect([meta('og:image:width'), meta('og:image:height')]).toEqual(['1200', '630']);
    expect(meta('og:title')).toBe('以党的十九届六中全会精神为指引 扎实推进城镇老旧小区改造“四项工程” · 梅州市城镇老旧小区改造工作简报 2021年第11期');
    expect(pngSize(await readFile(served(meta('og:image')!)))).toEqual({ width: 1200, height: 630 });
  });

  it('falls back to the series picture without PDFs, and names PNG icons for WeChat and iOS', async () => {
    const { site: loaded, issues } = await validateContent('content');
    const assets = await readAssets(BUNDLED_TEMPLATES);
    const shareImage = assets.find((file) => file.path === 'assets/share.png');
    const pages = [...renderPages(createNunjucksEngine(BUNDLED_TEMPLATES), loaded.series!, issues, [], { shareImage })];
    const issue = String(pages.find((file) => file.path === '2021/11/index.html')?.render());
    expect(issue).toContain('<meta property="og:image" content="https://example.org/jianbao/assets/share.png">');
    expect(pngSize(shareImage!.contents as Uint8Array)).toEqual({ width: 1200, height: 630 });

    const icons = [...issue.matchAll(/<link rel="(icon|apple-touch-icon)" href="([^"]+\.png)"/g)].map((match) => [match[1], match[2]]);
    expect(icons).toEqual([
      ['icon', '../../assets/favicon-32.png'],
      ['apple-touch-icon', '../../assets/apple-touch-icon.png'],
    ]);
    const size = async (name: string) => pngSize(await readFile(join(sample.site.out, 'assets', name)));
    expect([await size('favicon-32.png'), await size('apple-touch-icon.png')]).toEqual([
      { width: 32, height: 32 },
      { width: 180, height: 180 },
    ]);
  });
});

describe('printing an issue’s page from the browser', () => {
  it('keeps each article title and subhead with the text under it, and on one page', async () => {
    const page = await open('2021/11/');
    await page.emulateMediaType('print');
    const headings = await page.$$eval('.articles :is(h2, h3, h4, h5, h6)', (elements) =>
      elements.map((heading) => {
        const style = getComputedStyle(heading);
        return `${heading.className} ${style.breakAfter} ${style.breakInside}`;
      }),
    );
    expect(headings).toEqual([
      'article-title avoid avoid',
      ...Array.from({ length: 4 }, () => 'subhead avoid avoid'),
      'article-title avoid avoid',
      'article-title avoid avoid',
    ]);
    await page.close();
  });

  it('keeps the 版记 whole, on one page', async () => {
    const page = await open('2021/11/');
    await page.emulateMediaType('print');
    expect(await page.$eval('footer.distribution', (block) => getComputedStyle(block).breakInside)).toBe('avoid');
    await page.close();
  });

  // A 16-column table (tests/fixtures/print-pages/tables/2021/2) on A4 at 10 mm margins, 718 px
  // wide: on screen its frame scrolls, on paper nothing does.
  const tables = useServedFixture('tests/fixtures/print-pages/tables');

  it('prints a wide table whole, not cut off at its frame, and not so wide the page shrinks by more than a tenth', async () => {
    const page = await sample.browser.newPage();
    await page.setViewport({ width: 718, height: 1000 });
    await page.emulateMediaType('print');
    await page.goto(`${tables.url}2021/2/`, { waitUntil: 'load' });
    const widths = await page.$$eval('.data-table', (tables) =>
      tables.map((table) => {
        const box = table.getBoundingClientRect();
        // The part of the table its frames let show: each box that clips what overflows it.
        let [left, right] = [box.left, box.right];
        for (let frame = table.parentElement; frame; frame = frame.parentElement) {
          if (getComputedStyle(frame).overflowX === 'visible') continue;
          const clip = frame.getBoundingClientRect();
          [left, right] = [Math.max(left, clip.left), Math.min(right, clip.right)];
        }
        return { table: Math.round(box.width), shown: Math.round(right - left) };
      }),
    );
    expect(widths).toHaveLength(2);
    for (const { table, shown } of widths) {
      expect(shown).toBe(table);
      expect(table).toBeLessThanOrEqual(718 * 1.1);
    }
    await page.close();
  });
});

describe('light and dark', () => {
  // Each page is loaded once and checked in each look by resizing it and switching its colour
  // scheme in place (an axe run costs about 0.5 s, loading the page and injecting axe as much
  // again). All of axe's rules run once a page, in light at its first width. The stylesheet
  // (templates/assets/site.css) neither shows nor hides anything by width, so at another width
  // only the rules that read the layout run: what overlaps what, and which regions scroll. The
  // dark stylesheet only redefines colour properties, so in dark only the rules that read colours
  // run, over a layout the light run at that width checked.
  const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
  const LAYOUT_RULES = [...COLOUR_RULES, 'scrollable-region-focusable'];
  const looks: readonly (readonly [path: string, looks: readonly `${number} px ${Scheme}`[]])[] = [
    ['', ['1280 px light', '1280 px dark']],
    ['2021/', ['375 px light', '375 px dark']],
    ['2021/11/', ['1280 px light', '375 px light', '1280 px dark', '375 px dark']],
    ['series/', ['1280 px light', '375 px light', '1280 px dark']],
    ['search/?q=梅县区', ['1280 px light', '375 px light', '375 px dark']],
  ];

  it.each(looks)('has no serious or critical axe violations: /%s at %j', async (path, looks) => {
    const page = await open(path);
    if (path.startsWith('search')) await page.waitForSelector('.search-result');
    const found: string[] = [];
    let checkedInFull = false;
    for (const look of looks) {
      const [width, , scheme] = look.split(' ') as [string, string, Scheme];
      await page.setViewport({ width: Number(width), height: 800 });
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      const rules: readonly string[] | undefined = scheme === 'dark' ? COLOUR_RULES : checkedInFull ? LAYOUT_RULES : undefined;
      checkedInFull ||= rules === undefined;
      const violations = await seriousAxeViolations(page, rules);
      found.push(...violations.map((violation) => `${look}: ${violation}`));
    }
    expect(found).toEqual([]);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('follows the reader’s colour scheme and draws a focus ring of at least 3:1 (%s)', async (scheme) => {
    const page = await open('2021/11/', 1280, scheme);
    // After a key press, focus moved by script shows the ring as keyboard focus does.
    await page.keyboard.press('Tab');
    const colours = await page.evaluate(() => {
      const background = (element: Element) => getComputedStyle(element).backgroundColor;
      const ring = (element: HTMLElement) => {
        element.focus();
        const style = getComputedStyle(element);
        if (!element.matches(':focus-visible') || style.outlineStyle !== 'solid' || style.outlineWidth !== '3px') return `no ring on ${element.className}`;
        return style.outlineColor;
      };
      return {
        paper: background(document.querySelector('main')!),
        wash: background(document.body),
        header: background(document.querySelector('.site-header')!),
        text: getComputedStyle(document.body).color,
        pageRing: ring(document.querySelector<HTMLElement>('.contents a')!),
        washRing: ring(document.querySelector<HTMLElement>('.site-footer a')!),
        headerRing: ring(document.querySelector<HTMLElement>('.site-name')!),
      };
    });
    const dark = contrast(colours.paper, 'rgb(0, 0, 0)') < contrast(colours.paper, 'rgb(255, 255, 255)');
    expect(dark).toBe(scheme === 'dark');
    expect(contrast(colours.text, colours.paper)).toBeGreaterThan(7);
    expect(contrast(colours.pageRing, colours.paper)).toBeGreaterThanOrEqual(3);
    expect(contrast(colours.washRing, colours.wash)).toBeGreaterThanOrEqual(3);
    expect(contrast(colours.headerRing, colours.header)).toBeGreaterThanOrEqual(3);
    await page.close();
  });
});
