/**
 * A series title too long for one line at 22 pt, and a joint issuer (tests/fixtures/print-pages/
 * masthead): the title takes two lines in its two grid lines, broken between words, and the
 * issuer and date keep one line, stepped down; nothing runs past the 版心, so Chromium does not
 * shrink the page to fit. A longer issuer still (2025/2) wraps above the red rule, a long 专刊
 * name (2025/3) prints once, above the issue line, and a long issuer with no spaces
 * (2025/4) wraps between words, and joint issuers with spaces between their organs (2025/5, 2025/6)
 * wrap between organs, in balanced lines set close, the red rule and the body where they are for one. A short title (tests/fixtures/print-pages/short-masthead,
 * `工作简报`) is set larger and spread. Five PDFs.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { phrases } from '../../src/markdown/phrases.ts';
import type { RenderPdfResult } from '../../src/print/index.ts';
import { horizontalRules, mmPerPt, pageSizes, words, type Word } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const content = fileURLToPath(new URL('../fixtures/print-pages/masthead/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));

/** The text of each line of page 1 above the red rule (looked for above `bottom` mm), top down. */
function mastheadLines(pdf: string, bottom: number): string[] {
  const [rule] = horizontalRules(pdf, 1, 0.6, { top: 0, bottom });
  const lines = new Map<number, string>();
  for (const word of words(pdf).filter((each) => each.page === 1 && each.yMax < rule!.top)) {
    lines.set(Math.round(word.yMin), `${lines.get(Math.round(word.yMin)) ?? ''}${word.text}`);
  }
  return [...lines.entries()].sort(([a], [b]) => a - b).map(([, text]) => text);
}

let result: RenderPdfResult;
let page1: Word[];
beforeAll(async () => {
  result = await printIssue(content, '2025/1/', outDir, 'long-masthead');
  page1 = words(result.output).filter((word) => word.page === 1);
});

it('prints the title on two lines broken between words, inside the 版心, the page at its size', () => {
  expect(pageSizes(result.output)[0]).toEqual({ width: 594.96, height: 841.92 });
  for (const word of page1) expect(word.xMax, word.text).toBeLessThanOrEqual(184.5);
  const title = page1.filter((word) => word.yMax < 60 && /[\u4e00-\u9fff]{4}/.test(word.text) && !word.text.includes('期'));
  const lines = [...new Set(title.map((word) => Math.round(word.yMin)))];
  expect(lines).toHaveLength(2);
  expect(title.map((word) => word.text).join('')).toBe('平远县巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作简报');
  // Between words: neither line ends inside 攻坚, 成果, 乡村 or 振兴.
  expect(title[0]!.text).toMatch(/(成果|攻坚|脱贫|拓展|巩固|同)$/);
  // The body keeps its 3号 (16 pt): a page shrunk to fit would set it smaller.
  const body = page1.find((word) => word.text.startsWith('全县完成投资'))!;
  expect(body.yMax - body.yMin).toBeGreaterThan(5);
});

it('keeps the joint issuer and the date on one line', () => {
  const issuer = page1.find((word) => word.text.startsWith('中共平远县委'))!;
  // The date prints as words of its own: 2025, 年, 6…
  const date = page1.find((word) => word.text === '2025' && word.xMin > issuer.xMax)!;
  expect(Math.abs(issuer.yMin - date.yMin)).toBeLessThan(1);
  expect(result.pages).toBe(result.layout.pages);
});

it('wraps an issuer too long even at 五号 over the lines it needs above the red rule, the date whole on its last line', async () => {
  const joint = await printIssue(content, '2025/2/', outDir, 'long-issuer');
  const page = words(joint.output).filter((word) => word.page === 1);
  const [rule] = horizontalRules(joint.output, 1, 0.6, { top: 0, bottom: 99 });
  const issuer = page.filter((word) => word.yMax < rule!.top + 2 && /平远县|联合编印/.test(word.text));
  const date = page.filter((word) => word.text === '2025' && word.xMin > 100);
  expect(issuer.map((word) => word.text).join('')).toContain('联合编印');
  for (const word of [...issuer, ...date]) expect(word.yMax, word.text).toBeLessThan(rule!.top);
  expect(date).toHaveLength(1);
  expect(joint.pages).toBe(joint.layout.pages);
});

it('wraps an issuer with no spaces between words, never inside one', async () => {
  const issuer = '梅州市城镇老旧小区改造和城市更新工作领导小组办公室（梅州市住房和城乡建设局）';
  const long = await printIssue(content, '2025/4/', outDir, 'long-issuer-words');
  // The masthead's lines after the issue line (期), the date at the end of the last.
  const texts = mastheadLines(long.output, 99);
  const printed = texts.slice(texts.findIndex((text) => text.includes('期')) + 1);
  expect(printed.length).toBeGreaterThan(1);
  expect(printed.at(-1)).toMatch(/2025年9月30日$/);
  printed[printed.length - 1] = printed.at(-1)!.replace(/2025年9月30日$/, '');
  expect(printed.join('')).toBe(issuer);
  // Each line ends where phrases() puts a word break (not `…改造和城 / 市更新…`).
  const breaks = new Set(phrases(issuer).map((_, index, all) => all.slice(0, index + 1).join('').length));
  const ends = printed.slice(0, -1).map((_, index) => printed.slice(0, index + 1).join('').length);
  expect(ends.filter((end) => !breaks.has(end)).map((end) => issuer.slice(end - 2, end + 2))).toEqual([]);
  expect(long.pages).toBe(long.layout.pages);
});

it('wraps a joint issuer between its organs in balanced lines set close, the rule and the body where one line leaves them', async () => {
  const [rule] = horizontalRules(result.output, 1, 0.6, { top: 0, bottom: 99 });
  const bodyTop = page1.find((word) => word.text.startsWith('全县完成投资'))!.yMin;
  const cases = [
    [
      '2025/5/',
      ['中共平远县委实施乡村振兴战略领导小组办公室', '平远县农业农村局（县乡村振兴局）2025年10月31日'],
      ['中共平远县委实施乡村振兴战略领导小组办公室', '平远县农业农村局（县乡村振兴局）'],
    ],
    [
      '2025/6/',
      ['平远县防汛抗旱指挥部办公室平远县应急管理局', '平远县水务局平远县气象局联合编印2025年11月30日'],
      ['平远县防汛抗旱指挥部办公室', '平远县水务局'],
    ],
  ] as const;
  for (const [issue, expected, starts] of cases) {
    const joint = await printIssue(content, issue, outDir, `joint-issuer-${issue.slice(5, 6)}`);
    const texts = mastheadLines(joint.output, 99);
    expect(texts.slice(texts.findIndex((text) => text.includes('期')) + 1)).toEqual(expected);
    const page = words(joint.output).filter((word) => word.page === 1);
    const [first, second] = starts.map((text) => page.find((word) => word.text === text)!);
    // At 五号 (10.5 pt) the lines are 1.3 to 1.5 times that apart, not a grid line (29 pt).
    const pitch = (second!.yMin - first!.yMin) / mmPerPt;
    expect(pitch).toBeGreaterThan(1.3 * 10.5 - 0.1);
    expect(pitch).toBeLessThan(1.5 * 10.5 + 0.1);
    const [jointRule] = horizontalRules(joint.output, 1, 0.6, { top: 0, bottom: 99 });
    expect(jointRule!.top).toBeCloseTo(rule!.top, 1);
    expect(page.find((word) => word.text.startsWith('全县完成投资'))!.yMin).toBeCloseTo(bodyTop, 1);
    expect(joint.pages).toBe(joint.layout.pages);
  }
});

it('prints a long 专刊 name once, under the title, above an issue line of the numbers alone', async () => {
  const special = await printIssue(content, '2025/3/', outDir, 'long-special');
  const masthead = mastheadLines(special.output, 150);
  expect(masthead.filter((text) => text.includes('专刊'))).toEqual(['全县城镇老旧小区改造暨城市更新现场推进会议专刊']);
  expect(masthead.indexOf('（2025年第3期总第3期）')).toBe(masthead.indexOf('全县城镇老旧小区改造暨城市更新现场推进会议专刊') + 1);
  expect(special.pages).toBe(special.layout.pages);
});

it('sets a short title at 初号, its characters spread over 60 % of the 版心 and centred on it', async () => {
  const short = await printIssue(fileURLToPath(new URL('../fixtures/print-pages/short-masthead/', import.meta.url)), '2025/1/', outDir, 'short-masthead');
  expect(short.layout.mastheadPt).toBe(42);
  const title = words(short.output).filter((word) => word.page === 1 && /^[工作简报]$/.test(word.text));
  expect(title.map((word) => word.text).join('')).toBe('工作简报');
  // Each character 42 pt (14.8 mm) wide, on one line.
  for (const word of title) expect(word.xMax - word.xMin).toBeCloseTo(42 * mmPerPt, 1);
  expect(new Set(title.map((word) => Math.round(word.yMin))).size).toBe(1);
  // The 版心 is 156 mm wide from the 28 mm 订口 on page 1.
  const left = 28;
  const measure = 156;
  expect(title.at(-1)!.xMax - title[0]!.xMin).toBeCloseTo(0.6 * measure, 0);
  expect((title[0]!.xMin + title.at(-1)!.xMax) / 2).toBeCloseTo(left + measure / 2, 0);
  // Evenly spread.
  const gaps = title.slice(1).map((word, index) => word.xMin - title[index]!.xMax);
  for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0]!, 1);
  expect(short.pages).toBe(short.layout.pages);
});
