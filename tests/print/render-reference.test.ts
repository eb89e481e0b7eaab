/**
 * Renders the reference issue (content/2021/11) through the build's PDF step twice,
 * concurrently, and measures the PDF against GB/T 9704 and the reference bulletin's text.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RenderPdfResult } from '../../src/print/index.ts';
import { REFERENCE_PATH } from '../support/reference.ts';
import { horizontalRules, pageSizes, pageTexts, pdffonts, pdfinfo, words, type Word } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const outDir = fileURLToPath(new URL('../output/pdf/', import.meta.url));
const title = '梅州市城镇老旧小区改造工作简报 2021年第11期';
const issuer = '梅州市住房和城乡建设局';

/** 版心 per page: 订口 (28 mm) on the left of odd pages, on the right of even pages. */
const area = (page: number) => {
  const left = page % 2 === 1 ? 28 : 26;
  return { left, right: left + 156, top: 37, bottom: 37 + 225 };
};
/** One 4号 character, the page number's distance from the 版心 edge. */
const oneChar = 14 * (25.4 / 72);

let first: RenderPdfResult;
let pdf: string;
let allWords: Word[];
let pages: number;

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  // Printed once: that the same issue prints to the same bytes is asserted where the build prints
  // it twice, and `jianbao pdf` once more (tests/pipeline/pdf-build.test.ts).
  first = await printIssue('content', '2021/11/', outDir, 'reference');
  pdf = first.output;
  allWords = words(pdf);
  pages = first.pages;
});

const onPage = (page: number) => allWords.filter((word) => word.page === page);
/** Words in the 版心 (leaves out the page number below it). */
const bodyWords = (page: number) => onPage(page).filter((word) => word.yMax < area(page).bottom + 1);

describe('reference issue PDF', () => {
  it('renders in a reasonable time and reports its layout', () => {
    expect(first.ms).toBeLessThan(15_000);
    expect(first.blocked).toEqual([]);
    expect(pages).toBeGreaterThanOrEqual(8);
    expect(first.layout.pages).toBe(pages);
    expect(first.layout.distribution?.page).toBe(pages);
    console.info(`reference PDF: ${first.ms} ms, ${first.size} bytes, ${pages} pages`);
  });

  it('is A4 on every page', () => {
    const sizes = pageSizes(pdf);
    expect(sizes).toHaveLength(pages);
    for (const size of sizes) {
      expect(Math.abs(size.width - 595.28)).toBeLessThan(1);
      expect(Math.abs(size.height - 841.89)).toBeLessThan(1);
    }
  });

  it('puts the text in the 版心: 28 mm 订口 on odd pages, mirrored on even pages', () => {
    for (const page of [1, 2, 3]) {
      const box = area(page);
      const left = Math.min(...bodyWords(page).map((word) => word.xMin));
      const right = Math.max(...bodyWords(page).map((word) => word.xMax));
      expect(left).toBeCloseTo(box.left, 0);
      expect(Math.abs(left - box.left)).toBeLessThan(1);
      expect(right).toBeLessThanOrEqual(box.right + 0.5);
      expect(right).toBeGreaterThan(box.right - 1);
    }
  });

  it('starts the text at the 37 mm 天头', () => {
    const top1 = Math.min(...onPage(1).map((word) => word.yMin));
    expect(top1).toBeGreaterThanOrEqual(36.5);
    expect(top1).toBeLessThan(42);
    // Page 2 starts with a line of body text: its glyph box sits in the first grid line.
    const top2 = Math.min(...onPage(2).map((word) => word.yMin));
    expect(top2).toBeGreaterThanOrEqual(36.5);
    expect(top2).toBeLessThan(39.5);
  });

  it('sets body text on the 22-line × 28-character grid', () => {
    // Full lines of pure CJK text are 28 characters and fill the 156 mm measure.
    const lines = onPage(3).filter((word) => word.yMax < 262 && !/[\s\d]/.test(word.text));
    // (A line may hold 27 when the next character cannot start a line; justification fills it.)
    const full = lines.filter((word) => word.xMax - word.xMin > 155);
    expect(full.length).toBeGreaterThan(10);
    const lengths = full.map((line) => [...line.text].length);
    expect(Math.max(...lengths)).toBe(28);
    expect(lengths.filter((length) => length === 28).length).toBeGreaterThan(full.length * 0.75);
    // Every line sits on the grid: 225/22 mm apart, 22 positions a page.
    const pitch = 225 / 22;
    const tops = [
      ...new Set(
        onPage(3)
          .filter((word) => word.yMax < 262)
          .map((word) => word.yMin),
      ),
    ].sort((a, b) => a - b);
    const first = tops[0] ?? 0;
    for (const top of tops) {
      const k = (top - first) / pitch;
      expect(Math.abs(k - Math.round(k)), `line at ${top} mm`).toBeLessThan(0.05);
    }
    expect(Math.round(((tops.at(-1) ?? 0) - first) / pitch)).toBe(21);
  });

  it('numbers pages “― N ―” (full-em bars), 7 mm below the 版心, at the outer edge one character in', () => {
    for (let page = 1; page <= pages; page++) {
      const foot = onPage(page).filter((word) => word.yMin > area(page).bottom);
      expect(foot.map((word) => word.text).join('')).toBe(`―${page}―`);
      const left = Math.min(...foot.map((word) => word.xMin));
      const right = Math.max(...foot.map((word) => word.xMax));
      if (page % 2 === 1) expect(right).toBeCloseTo(area(page).right - oneChar, 0);
      else expect(left).toBeCloseTo(area(page).left + oneChar, 0);
      // The bars sit mid-line: the line's middle is about 7 mm below the 版心 (the ink: tests/print/typesetting.test.ts).
      const middle = ((foot[0]?.yMin ?? 0) + (foot[0]?.yMax ?? 0)) / 2;
      expect(Math.abs(middle - (area(page).bottom + 7))).toBeLessThan(1.5);
    }
  });

  it('carries the document metadata, language and tags', async () => {
    const info = pdfinfo(pdf);
    expect(info.Title).toBe(title);
    expect(info.Author).toBe(issuer);
    expect(info.Subject).toBe(
      '2021年第11期 总第18期：以党的十九届六中全会精神为指引 扎实推进城镇老旧小区改造“四项工程”；“绣花功夫”微改造实现老旧小区“逆生长”；2021年11月梅州市城镇老旧小区改造进展情况',
    );
    expect(info.Keywords).toBe('梅州市城镇老旧小区改造工作简报, 梅州市住房和城乡建设局, 2021年第11期 总第18期');
    expect(info.Tagged).toBe('yes');
    expect(info.CreationDate).toMatch(/Nov 28 16:00:00 2021 UTC/); // 2021-11-29 00:00 +08:00
    const document = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false });
    expect(document.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('zh-CN');
  });

  it('has a bookmark for each article', async () => {
    const document = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false });
    const titles: string[] = [];
    const walk = (node: PDFDict): void => {
      for (let item = node.lookupMaybe(PDFName.of('First'), PDFDict); item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
        const entry = item.lookup(PDFName.of('Title'));
        if (entry instanceof PDFString || entry instanceof PDFHexString) titles.push(entry.decodeText());
        walk(item);
      }
    };
    walk(document.catalog.lookup(PDFName.of('Outlines'), PDFDict));
    expect(titles).toEqual(
      expect.arrayContaining([
        '以党的十九届六中全会精神为指引 扎实推进城镇老旧小区改造“四项工程”',
        '“绣花功夫”微改造实现老旧小区“逆生长”',
        '2021年11月梅州市城镇老旧小区改造进展情况',
      ]),
    );
  });

  it('embeds every font, none of them Type 3, all from the bundled packages', () => {
    const fonts = pdffonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.type, font.name).not.toMatch(/Type 3/);
      expect(font.name).toMatch(/NotoSerifSC|NotoSansSC|LXGWWenKai/);
    }
    const families = new Set(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, '')));
    // 仿宋 and 小标宋 substitutes, 黑体 (subheads, table header), 楷体 (contents, notes).
    // Named after the weight set, not the variable font's default instance (NotoSerifSCExtraLight-…).
    expect(families).toContain('NotoSerifSC-Regular');
    expect(families).toContain('NotoSerifSC-Black');
    expect(families).toContain('NotoSansSC-Regular');
    expect([...families].filter((name) => /ExtraLight|Thin/.test(name))).toEqual([]);
    expect([...families].some((name) => name.includes('LXGWWenKai'))).toBe(true);
  });

  it('contains the whole reference text in order', () => {
    const normalize = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');
    const printed = normalize(pageTexts(pdf).join('')).replace(/―\d+―/g, '');
    const paragraphs = readFileSync(REFERENCE_PATH, 'utf8')
      .split('\n')
      .map((line) => normalize(line.replace(/^\s*-\s+/, '')))
      .filter((line) => line !== '');
    expect(paragraphs.length).toBeGreaterThan(40);
    let from = 0;
    for (const paragraph of paragraphs) {
      const start = paragraph.slice(0, 20);
      const at = printed.indexOf(start, from);
      expect(at, `“${start}” after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at + start.length;
    }
  });

  it('sets the 版记 at the foot of the last page, its last rule on the bottom edge of the 版心', () => {
    const last = onPage(pages);
    const lineOf = (role: string) => last.find((word) => word.text.startsWith(role));
    const roles = ['报送：', '发送：', '抄送：'].map(lineOf);
    for (const line of roles) expect(line).toBeDefined();
    const [sent, issued, copied] = roles as [Word, Word, Word];
    expect(sent.yMin).toBeLessThan(issued.yMin);
    expect(issued.yMin).toBeLessThan(copied.yMin);
    expect(copied.yMax).toBeGreaterThan(262 - 15);
    expect(copied.yMax).toBeLessThan(262);

    // Only the rows from a little above the 报送 line down are rendered (a rule crossing the band's
    // top edge would be cut there, and is left out as starting above the line anyway).
    const rules = horizontalRules(pdf, pages, 0.6, { top: sent.yMin - 12, bottom: 297 }).filter((rule) => rule.top > sent.yMin - 10);
    expect(rules).toHaveLength(4);
    const box = area(pages);
    for (const rule of rules) {
      expect(rule.left).toBeCloseTo(box.left, 0);
      expect(rule.right).toBeCloseTo(box.right, 0);
    }
    const thickness = rules.map((rule) => rule.bottom - rule.top);
    expect(thickness[0]).toBeCloseTo(0.35, 1);
    expect(thickness[1]).toBeCloseTo(0.25, 1);
    expect(thickness[3]).toBeCloseTo(0.35, 1);
    expect(Math.abs((rules[3]?.bottom ?? 0) - box.bottom)).toBeLessThan(0.5);
  });

  it('keeps the red rule under the masthead the full width of the 版心', () => {
    // The 版头 is in the top third of the page: only those rows are rendered.
    const [rule] = horizontalRules(pdf, 1, 0.6, { top: 0, bottom: 99 });
    expect(rule).toBeDefined();
    expect(rule?.left).toBeCloseTo(28, 0);
    expect(rule?.right).toBeCloseTo(184, 0);
  });
});
