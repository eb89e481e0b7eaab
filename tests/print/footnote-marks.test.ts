/**
 * An issue of one-line paragraphs after a 编者按, the first six ending in footnote marks, with their
 * notes (tests/fixtures/print-pages/footnotes): a mark does not raise its line off the grid, nor
 * does the 编者按's label in its own face, and the notes go on over a page, each note whole, rather
 * than move to a page of their own. One PDF.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import type { RenderPdfResult } from '../../src/print/index.ts';
import { pageTexts, words, type Word } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const content = fileURLToPath(new URL('../fixtures/print-pages/footnotes/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));
/** The line pitch: 225 mm of 版心 for 22 lines. */
const pitch = 225 / 22;

let result: RenderPdfResult;
let all: Word[];
beforeAll(async () => {
  result = await printIssue(content, undefined, outDir, 'footnote-marks');
  all = words(result.output);
});

it('keeps the lines of paragraphs that end in a mark on the grid', () => {
  // The first word of each paragraph on page 1, `第N项：…`: 第1–6项 end in a mark with its note.
  const starts = all.filter((word) => word.page === 1 && /^第\d+/.test(word.text)).map((word) => word.yMax);
  expect(starts.length).toBeGreaterThan(5);
  for (const [index, y] of starts.slice(1).entries()) expect(y - starts[index]!, `line ${index + 2}`).toBeCloseTo(pitch, 0);
});

it('keeps the text after the 编者按 on the grid of the next page', () => {
  const offset = (word: Word) => word.yMin % pitch;
  const first = (page: number) => all.find((word) => word.page === page && /^第\d+项/.test(word.text))!;
  // 0.53 mm off while the label's 黑体 made the 编者按's first line taller than the grid's.
  expect(Math.abs(offset(first(1)) - offset(first(2)))).toBeLessThan(0.25);
});

it('begins the notes on the page the text ends on, each note whole', () => {
  const texts = pageTexts(result.output).map((text) => text.replace(/\s+/g, ''));
  const lastParagraph = texts.findIndex((text) => text.includes('第22项'));
  expect(texts[lastParagraph]).toContain('第1个注释');
  expect(result.pages).toBe(result.layout.pages);
});
