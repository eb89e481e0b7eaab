/**
 * One small issue (tests/fixtures/cjk-issue) printed once: the text read back for bold after
 * full-width punctuation, joined lines and Chinese footnotes, and the list items' indents measured.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfEdition } from '../../src/print/pdf-edition.ts';
import { createPrinter } from '../../src/print/printer.ts';
import { findBrowser } from '../../src/print/find-browser.ts';
import { validateContent } from '../../src/pipeline.ts';
import { createNunjucksEngine } from '../../src/site/engine.ts';
import { pageTexts, words, type Word } from './poppler.ts';

const outDir = fileURLToPath(new URL('../output/pdf/cjk-print/', import.meta.url));
/** One character on the 28-character grid, in mm. */
const pitch = 156 / 28;

let text: string;
let allWords: Word[];

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  const { site, issues, errors } = await validateContent('tests/fixtures/cjk-issue');
  expect(errors).toEqual([]);
  const printer = createPrinter({ browser: await findBrowser(), profileDir: `${outDir}chromium` });
  const edition = pdfEdition({ engine: createNunjucksEngine('templates'), series: site.series!, templatesDir: 'templates', workDir: outDir, printer });
  const pdf = path.join(outDir, 'cjk-issue.pdf');
  try {
    await edition.render(issues[0]!, pdf);
  } finally {
    await printer.close();
  }
  text = pageTexts(pdf).join('\n');
  allWords = words(pdf);
}, 60_000);

/** The left edge of the first word starting with `start`. */
function leftOf(start: string): number {
  const word = allWords.find((candidate) => candidate.text.startsWith(start));
  expect(word, start).toBeDefined();
  return word!.xMin;
}

describe('Chinese text in print', () => {
  it('prints bold after full-width punctuation without asterisks', () => {
    expect(text).toContain('编者按：近期');
    expect(text).toContain('一是强化组织领导。23个，');
    expect(text).not.toContain('*');
  });

  it('prints a hard-wrapped line with no space between the Han characters', () => {
    expect(text.replace(/\n/g, '')).toContain('现将有关情况报告如下。');
  });

  it('prints footnotes in Chinese, without the web’s label and back-links', () => {
    expect(text).toContain('1．指已完成前期准备');
    expect(text).not.toMatch(/Footnotes|Back to reference|↩|注释/);
  });

  it('prints a numbered item as a paragraph: number inline, two characters in, continuation flush left', () => {
    const item = leftOf('1．高度重视');
    const second = leftOf('2．强化统筹');
    const paragraph = leftOf('一是');
    // The first line of a paragraph: the type area's edge plus two characters.
    expect(Math.abs(item - paragraph)).toBeLessThan(0.5);
    expect(Math.abs(second - paragraph)).toBeLessThan(0.5);
    const itemWord = allWords.find((word) => word.text.startsWith('1．高度重视'))!;
    const continuation = allWords.find((word) => word.page === itemWord.page && word.yMin > itemWord.yMax && word.yMin < itemWord.yMax + 12)!;
    expect(continuation).toBeDefined();
    expect(Math.abs(continuation.xMin - (paragraph - 2 * pitch))).toBeLessThan(0.5);
  });

  it('prints an unordered item as an indented paragraph without a bullet', () => {
    expect(Math.abs(leftOf('无序条目') - leftOf('一是'))).toBeLessThan(0.5);
    expect(text).not.toContain('•');
  });
});
