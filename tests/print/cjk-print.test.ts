/**
 * One small issue (tests/fixtures/cjk-issue) printed once: the text read back for bold after
 * full-width punctuation, joined lines and Chinese footnotes, and the list items' indents measured.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageTexts, words, type Word } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const outDir = fileURLToPath(new URL('../output/pdf/cjk-print/', import.meta.url));
/** One character on the 28-character grid, in mm. */
const pitch = 156 / 28;

let text: string;
let allWords: Word[];

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  const pdf = (await printIssue('tests/fixtures/cjk-issue', undefined, outDir, 'cjk-issue')).output;
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

  it('numbers a numbered list inside a numbered item as the next level, （1）', () => {
    expect(text).toContain('1．压实责任。');
    expect(text).toContain('（1）市级统筹资金。');
    expect(text).toContain('（2）县级落实配套。');
  });

  it('prints an unordered item as an indented paragraph without a bullet', () => {
    expect(Math.abs(leftOf('无序条目') - leftOf('一是'))).toBeLessThan(0.5);
    expect(text).not.toContain('•');
  });
});
