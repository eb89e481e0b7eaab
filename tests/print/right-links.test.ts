/**
 * Links in what prints at the right (tests/fixtures/print-pages/right-links): a note's address
 * breaks after a `/` or `.`, where it broke inside a word and left its end alone on the next line
 * (`…/gkmlp` / `t/index）供稿）`), and the note stays under the text it closes, where the empty box
 * a line-ending <wbr> leaves at the 版心's right edge counted as a line on the next page and sent
 * the note there; a 落款's linked office prints as its name, where its address broke the centred
 * block over three lines. One PDF.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { type Word, words } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const content = fileURLToPath(new URL('../fixtures/print-pages/right-links/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));

/** The printed lines, top to bottom, as their words' texts joined, with their page. */
function lines(printed: readonly Word[]): Array<{ page: number; text: string }> {
  const rows: Array<{ page: number; yMin: number; words: Word[] }> = [];
  for (const word of printed) {
    const row = rows.find((candidate) => candidate.page === word.page && Math.abs(candidate.yMin - word.yMin) < 2);
    if (row) row.words.push(word);
    else rows.push({ page: word.page, yMin: word.yMin, words: [word] });
  }
  rows.sort((a, b) => a.page - b.page || a.yMin - b.yMin);
  return rows.map((row) => ({
    page: row.page,
    text: row.words
      .sort((a, b) => a.xMin - b.xMin)
      .map((word) => word.text)
      .join(''),
  }));
}

it('breaks a note’s address after a `/` or `.`, keeps the note under its text, and prints a 落款’s link as its name', async () => {
  const result = await printIssue(content, undefined, outDir, 'right-links');
  expect(result.pages).toBe(result.layout.pages);
  const printed = lines(words(result.output));
  const at = (text: string) => printed.find((line) => line.text.includes(text));
  // Each note's first line ends in its address, after a `/` or `.`, and its second goes on with it.
  for (const [note, end] of [
    ['（来源：', '联系电话0753-8821234）'],
    ['（县气象局', '供稿）'],
  ] as const) {
    const first = printed.findIndex((line) => line.text.startsWith(note));
    expect(printed[first]!.text, note).toMatch(/https:\/\/www\.pingyuan\.gov\.cn\/(?:[a-z]+\/)*$/);
    expect(printed[first + 1]!.text, note).toMatch(new RegExp(`^[a-z]+/?.*${end}$`));
    expect(printed[first + 1]!.page, note).toBe(printed[first]!.page);
  }
  // The notes are on the page of the text they close.
  expect(at('（来源：')!.page).toBe(at('对全县重点水库开展安全')!.page);
  expect(at('（县气象局')!.page).toBe(at('发布暴雨黄色预警信号')!.page);
  // The 落款: the office on a line of its own over the date, no address, the PDF's link still there.
  const office = printed.findIndex((line) => line.text === '平远县防汛防旱防风指挥部办公室');
  expect(printed[office + 1]!.text).toBe('2025年5月20日');
  expect(printed.some((line) => line.text.includes('post_fxkh'))).toBe(false);
  expect(readFileSync(result.output, 'latin1')).toContain('/URI (https://www.pingyuan.gov.cn/pysswj/gkmlpt/content/2/2025/post_fxkh-notice.html)');
});
