import { describe, expect, it } from 'vitest';
import { totals } from '../../src/table/totals.ts';
import { runCli } from '../support/run-cli.ts';
import { sourceRows } from '../support/source-rows.ts';

const root = 'tests/fixtures/hostile/totals';
/** Body rows from CSV lines; the first body row is on line 2. */
const body = (...lines: string[]) => sourceRows(lines, ',', 2);
const checkOnly = { label: '合计', append: false };

describe('a 合计 row in a column where half the cells are not numbers', () => {
  it('is an error at the total, naming the cells that are not numbers; `/` and blank still count as 0', async () => {
    const result = await runCli('check', '--content', root);
    expect(result.lines).toEqual([
      `${root}/2021/1/progress.csv:5:2: 合计 value 999 in column “户数（户）” cannot be checked: “二十” (line 2), “三十” (line 3) are not numbers; write them as numbers, or \`/\` where a figure does not apply (counted as 0) [table-total-non-number]`,
      `jianbao: checked 1 issue file in ${root}/: 1 error`,
    ]);
    expect(result.code).toBe(1);
  });

  it.each([
    ['a text column with a blank total', ['甲,一', '乙,二', '合计,'], []],
    ['a 序号 column, numbers only, never summed', ['1,甲,2', '2,乙,3', '3,合计,5'], []],
    ['a totals row on top, which sums the rows below', ['合计,9', '甲,多', '乙,4'], ['“多” (line 3) is not a number']],
    ['many text cells, named up to five', ['合计,1', 'a,x', 'b,x', 'c,x', 'd,x', 'e,x', 'f,x', 'g,x'], ['“x” (line 7) and 2 more are not numbers']],
  ])('%s', (_name, lines, expected) => {
    const columns = lines[0]!.split(',').length === 3 ? [['序号'], ['区县'], ['户数']] : [['区县'], ['户数']];
    const reasons = totals(body(...lines), columns, checkOnly).problems.map((problem) => problem.reason);
    expect(reasons.map((reason) => /“[^”]*” \(line \d+\)(?: and \d+ more)? (?:is|are) not (?:a number|numbers)/.exec(reason)?.[0])).toEqual(expected);
  });
});
