/**
 * Typesetting an office would sign off (#17), measured in one printed fixture issue
 * (tests/fixtures/typeset): titles, contents and table headers that break between words, no
 * paragraph ending on a lone character, page 1 on the line grid, the 版头's fine measures,
 * full-width brackets in notes and the 版记, and font subsets named after the weight used.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RenderedIssue } from '../../src/model.ts';
import { validateContent } from '../../src/pipeline.ts';
import { pdfEdition } from '../../src/print/pdf-edition.ts';
import { createNunjucksEngine } from '../../src/site/engine.ts';
import { inkBox, mmPerPt, pdffonts, words, type Word } from './poppler.ts';
import { sharedPrinter } from '../support/shared-browser.ts';

const content = fileURLToPath(new URL('../fixtures/typeset/content/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/typeset/', import.meta.url));
/** Bottom of the 版心, mm from the top of the page. */
const areaBottom = 37 + 225;
const pitch = 225 / 22;

/** Words a title, contents entry (and with them a table header) must never split across lines. */
const compounds = ['老旧小区', '目标任务', '群众工作', '前期准备', '年度', '城镇', '改造', '心坎', '梅州市'];
/** Words a narrow table header may not split, though it may break between them. */
const headerWords = ['群众', '工作', '前期', '准备', '手续', '办理', '户数', '小区', '项目', '施工'];

interface Line {
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
}

let pdf: string;
let rendered: RenderedIssue;
let blocks: Line[][];
let allWords: Word[];

beforeAll(async () => {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const { site, issues, errors } = await validateContent(content);
  expect(errors).toEqual([]);
  rendered = issues[0]!;
  const printer = await sharedPrinter();
  const edition = pdfEdition({
    engine: createNunjucksEngine('templates'),
    series: site.series!,
    templatesDir: 'templates',
    workDir: path.join(outDir, 'work'),
    printer,
  });
  try {
    pdf = (await edition.render(rendered, path.join(outDir, 'typeset.pdf'))).output;
  } finally {
    await printer.close();
  }
  blocks = textBlocks(pdf);
  allWords = words(pdf);
});

/** `pdftotext -bbox-layout`'s blocks (a table cell, a two-line title), each a list of its lines. */
function textBlocks(file: string): Line[][] {
  const xhtml = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const result: Line[][] = [];
  let page = 0;
  for (const match of xhtml.matchAll(/<page\b|<block\b[^>]*>([\s\S]*?)<\/block>/g)) {
    if (match[0] === '<page') {
      page++;
      continue;
    }
    result.push(
      [...(match[1] ?? '').matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)].map((line) => ({
        page,
        xMin: Number(line[1]) * mmPerPt,
        yMin: Number(line[2]) * mmPerPt,
        text: [...(line[3] ?? '').matchAll(/>([^<]*)<\/word>/g)].map((word) => word[1]).join(''),
      })),
    );
  }
  return result;
}

/** The places where `word` is split between one line and the next of a block. */
function splits(lines: readonly Line[], word: string): string[] {
  const found: string[] = [];
  for (let index = 1; index < lines.length; index++) {
    const [above, below] = [lines[index - 1]!.text, lines[index]!.text];
    for (let cut = 1; cut < word.length; cut++) {
      if (above.endsWith(word.slice(0, cut)) && below.startsWith(word.slice(cut))) found.push(`${above} / ${below}`);
    }
  }
  return found;
}

const hanLength = (text: string): number => text.match(/\p{Script=Han}/gu)?.length ?? 0;

describe('typesetting (#17)', () => {
  it('breaks titles and contents entries only between words, keeping the ` / ` line breaks', () => {
    // Page 1 (contents, first title) and the second article's title; the table's header has its own test.
    const lines = blocks.flat().filter((line) => line.page === 1 || /平远县|老旧小区改造改到|梅州市?$|^市?城镇老旧小区改造进展/.test(line.text));
    const texts = lines.map((line) => line.text);
    // The two-line title as written, in the contents and as the article's title.
    expect(texts).toContain('◆全市城镇老旧小区改造工作推进会召开');
    expect(texts.filter((text) => text === '全力冲刺年度目标任务')).toHaveLength(2);
    // Titles and contents entries: the lines that are not a paragraph's (26–28 characters) nor a note.
    const headed = lines.filter((line) => hanLength(line.text) < 24 && !/^[（(]/.test(line.text));
    expect(texts.some((text) => text.startsWith('◆平远县'))).toBe(true);
    for (const word of compounds) expect(splits(headed, word), word).toEqual([]);
  });

  it('breaks table headers between words', () => {
    const header = blocks.filter((block) => block.length > 1 && block.some((line) => /正在开展|已完成前期/.test(line.text)));
    expect(header.length).toBeGreaterThan(0);
    for (const block of header) for (const word of headerWords) expect(splits(block, word), word).toEqual([]);
    // No line of a header cell starts with closing punctuation (`户数(户` / `)`).
    const cells = blocks.filter((block) => block[0]!.page >= 3).flat();
    expect(cells.filter((line) => /^[)）、，]/.test(line.text))).toEqual([]);
  });

  it('ends no paragraph on a line of one character and its punctuation', () => {
    const lines = blocks.flat();
    expect(lines.filter((line) => /^\p{Script=Han}[。，；：！？”’）、]+$/u.test(line.text))).toEqual([]);
    // The fixture's first paragraph would end `群。`: one more character came down with it.
    const start = lines.findIndex((line) => line.text.startsWith('老旧小区改造工作推进有力'));
    expect(lines.slice(start, start + 3).map((line) => line.text.length)).toEqual([26, 27, 3]);
    expect(lines[start + 2]!.text).toBe('力群。');
  });

  it('keeps page 1 on the 28.99 pt line pitch: its body lines sit on the grid of page 2', () => {
    const offset = (line: Line) => (((line.yMin - 37) % pitch) + pitch) % pitch;
    const body = (page: number) => blocks.flat().filter((line) => line.page === page && hanLength(line.text) >= 24);
    const [first, second] = [body(1), body(2)];
    expect(first.length).toBeGreaterThan(3);
    expect(second.length).toBeGreaterThan(0);
    for (const line of first) expect(Math.abs(offset(line) - offset(second[0]!)), line.text).toBeLessThan(0.3);
  });

  it('sets the red rule about 4 mm under the organ/date line', () => {
    const issuer = allWords.find((word) => word.page === 1 && word.text === '梅州市住房和城乡建设局')!;
    const ink = inkBox(pdf, 1, { left: issuer.xMin, right: issuer.xMax, top: issuer.yMin, bottom: issuer.yMax + 2 })!;
    // The first ink under the characters, across the 版心: the red rule.
    const rule = inkBox(pdf, 1, { left: 28, right: 28 + 156, top: ink.bottom + 0.2, bottom: ink.bottom + 8 })!;
    expect(rule.right - rule.left).toBeGreaterThan(155);
    expect(rule.top - ink.bottom).toBeGreaterThan(3.5);
    expect(rule.top - ink.bottom).toBeLessThan(4.5);
  });

  it('numbers pages with full-em bars whose ink sits 7 mm below the 版心', () => {
    const bars = allWords.filter((word) => word.page === 1 && word.yMin > areaBottom && word.text === '―');
    expect(bars).toHaveLength(2);
    for (const bar of bars) {
      expect((bar.xMax - bar.xMin) / mmPerPt).toBeCloseTo(14, 1); // a full em at 14 pt
      const ink = inkBox(pdf, 1, { left: bar.xMin, right: bar.xMax, top: bar.yMin, bottom: bar.yMax })!;
      expect(Math.abs((ink.top + ink.bottom) / 2 - areaBottom - 7)).toBeLessThan(0.3);
    }
  });

  it('prints notes and the 版记 with full-width brackets, and leaves the web page as written', () => {
    const text = blocks
      .flat()
      .map((line) => line.text)
      .join('\n');
    expect(text).toContain('（梅州市住房和城乡建设局供稿）');
    expect(text).toContain('（综合整理）');
    expect(text).toContain('发送：各县（市、区）人民政府。');
    expect(text).not.toMatch(/\((综合整理|梅州市住房|市、区)/u);
    expect(rendered.html).toContain('(综合整理)');
  });

  it('names the font subsets after the weight the text is set in', () => {
    const names = new Set(pdffonts(pdf).map((font) => font.name.replace(/^[A-Z]{6}\+/, '')));
    expect(names).toContain('NotoSerifSC-Regular');
    expect(names).toContain('NotoSerifSC-Black');
    expect(names).toContain('NotoSansSC-Regular');
    expect([...names].filter((name) => /ExtraLight|Thin/.test(name))).toEqual([]);
  });
});
