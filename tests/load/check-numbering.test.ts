import { describe, expect, it } from 'vitest';
import { checkNumbering } from '../../src/load/check-numbering.ts';
import type { Issue } from '../../src/model.ts';

/** An issue at `2021/11/index.md` whose `number`, `total` and `date` are on lines 3, 4 and 5. */
function issue(year: number, number: number, total: number, date: string): Issue {
  return {
    source: `${year}/${number}/index.md`,
    markdown: '',
    year,
    number,
    total,
    date,
    title: '简报',
    issuer: '局',
    distribution: [],
    path: `${year}/${number}/`,
    places: { number: { line: 3, column: 9 }, total: { line: 4, column: 8 }, date: { line: 5, column: 7 } },
  };
}

const lines = (issues: Issue[], gaps?: boolean) =>
  checkNumbering(issues, gaps === undefined ? {} : { gaps }).map((problem) => `${problem.source}:${problem.place?.line}: ${problem.ruleId}: ${problem.reason}`);

describe('checkNumbering', () => {
  it('accepts an archive that starts mid-series and crosses a year, with two issues on one day', () => {
    expect(
      lines([issue(2022, 1, 20, '2022-01-28'), issue(2021, 11, 18, '2021-11-29'), issue(2021, 12, 19, '2021-12-30'), issue(2022, 2, 21, '2022-01-28')]),
    ).toEqual([]);
  });

  it('warns of a year’s last issue dated in the next year, and takes the next year’s first issue after it', () => {
    const late = issue(2023, 12, 60, '2024-01-05');
    expect(lines([issue(2023, 11, 59, '2023-11-28'), late, issue(2024, 1, 61, '2024-01-26')])).toEqual([
      '2023/12/index.md:5: numbering-date-next-year: `date`: 2024-01-05 is in 2024, the year after 2023年第12期 总第60期: right for a year’s last issue sent out late; if this is 2024’s first issue, set `year: 2024` and its number (`jianbao new` numbers an issue by its date)',
    ]);
  });

  it('reports a total that runs against the numbers at the later issue', () => {
    expect(lines([issue(2021, 1, 2, '2021-01-10'), issue(2021, 2, 1, '2021-01-10')])).toEqual([
      '2021/2/index.md:4: numbering-order: `total`: 总第1期 is below the total of 2021年第1期 总第2期 (2021/1/index.md), numbered before it; totals rise with the years and numbers: correct this issue’s total',
    ]);
  });

  it('blames the one total that goes back, not the dates and numbers of the issues around it', () => {
    const issues = [issue(2023, 1, 10, '2023-01-10'), issue(2023, 2, 11, '2023-02-10'), issue(2023, 3, 9, '2023-03-10'), issue(2023, 4, 13, '2023-04-10')];
    expect(lines(issues)).toEqual([
      '2023/3/index.md:4: numbering-order: `total`: 总第9期 is below the total of 2023年第2期 总第11期 (2023/2/index.md), numbered before it; totals rise with the years and numbers: correct this issue’s total to 总第12期',
    ]);
    // The first issue's total, too high, across a year.
    expect(lines([issue(2022, 12, 30, '2022-12-20'), issue(2023, 1, 20, '2023-01-10'), issue(2023, 2, 21, '2023-02-10')])).toEqual([
      '2022/12/index.md:4: numbering-order: `total`: 总第30期 is above the total of 2023年第1期 总第20期 (2023/1/index.md), numbered after it; totals rise with the years and numbers: correct this issue’s total',
    ]);
  });

  it('reports a year that does not restart at 1, but not the first year of the archive', () => {
    expect(lines([issue(2020, 5, 1, '2020-12-10'), issue(2021, 2, 2, '2021-01-10')])).toEqual([
      '2021/2/index.md:3: numbering-gap: `number`: Expected 2021年第1期 as the year’s first issue, got 第2期; numbering restarts at 1 each year',
    ]);
  });

  it('leaves gaps out when asked, keeping duplicates and dates', () => {
    const issues = [issue(2021, 1, 1, '2021-02-10'), issue(2021, 3, 3, '2021-01-10'), issue(2021, 4, 3, '2021-03-10')];
    expect(lines(issues, false)).toEqual([
      '2021/3/index.md:5: numbering-date-order: `date`: 2021-01-10 is before 2021-02-10, the date of 2021年第1期 总第1期 (2021/1/index.md); dates rise with the total',
      '2021/4/index.md:4: numbering-total-duplicate: `total`: 总第3期 is also 2021年第3期 总第3期 (2021/3/index.md); every issue has its own total',
    ]);
    expect(lines(issues).filter((line) => line.includes('gap'))).toHaveLength(2);
  });

  it('counts an issue whose frontmatter has other errors by the numbers it gives, reporting nothing at it', () => {
    const check = (issues: Issue[], fillers: Issue[]) =>
      checkNumbering(issues, { fillers }).map((problem) => `${problem.source}: ${problem.ruleId}: ${problem.reason}`);
    const broken = issue(2021, 2, 2, '');
    expect(check([issue(2021, 1, 1, '2021-01-10'), issue(2021, 3, 3, '2021-03-10')], [broken])).toEqual([]);
    expect(check([issue(2021, 1, 1, '2021-01-10'), issue(2021, 4, 4, '2021-04-10')], [broken])).toEqual([
      '2021/4/index.md: numbering-gap: `number`: Expected 2021年第3期 after 第2期 (2021/2/index.md), got 第4期; numbers within a year have no gaps',
      '2021/4/index.md: numbering-total-gap: `total`: Expected 总第3期 after 2021年第2期 总第2期 (2021/2/index.md), got 总第4期; the total rises by 1 with every issue, across years',
    ]);
    // Without its total, the gap in the totals it may fill is not told.
    const untotalled = { ...broken, total: undefined };
    expect(check([issue(2021, 1, 1, '2021-01-10'), issue(2021, 4, 4, '2021-04-10')], [untotalled])).toEqual([
      '2021/4/index.md: numbering-gap: `number`: Expected 2021年第3期 after 第2期 (2021/2/index.md), got 第4期; numbers within a year have no gaps',
    ]);
  });

  it('has nothing to say about no issues', () => {
    expect(checkNumbering([])).toEqual([]);
  });
});
