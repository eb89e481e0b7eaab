import { describe, expect, it } from 'vitest';
import { formatDecimal, parseNumberCell } from '../../src/table/number-cell.ts';
import { parseCsv } from '../../src/table/sources/csv.ts';
import { cellTexts } from '../../src/table/sources/source.ts';
import { totals } from '../../src/table/totals.ts';
import { at, sourceRows } from '../support/source-rows.ts';

/** Body rows from CSV-ish lines; the first body row is on line 2. */
const body = (...lines: string[]) => sourceRows(lines, ';', 2);
const paths = (...names: string[]) => names.map((name) => name.split(' / '));
const checkOnly = { label: '合计', append: false };
/** Body rows as the CSV source reads them from `lines` under a header row, indents and all; the first on line 2. */
const csvBody = (...lines: string[]) => parseCsv(new TextEncoder().encode(['序号,单位,完成投资（万元）', ...lines].join('\n')), 'test.csv').rows.slice(1);
const investment = paths('序号', '单位', '完成投资（万元）');

describe('parseNumberCell', () => {
  it.each([
    ['863', 863n, 0, false],
    ['-12', -12n, 0, false],
    ['10.1', 101n, 1, false],
    ['1,234.5', 12345n, 1, true],
    ['12,345,678', 12345678n, 0, true],
    ['0.05', 5n, 2, false],
  ])('reads %s', (text, units, scale, grouped) => {
    expect(parseNumberCell(text)).toEqual({ units, scale, grouped });
  });

  it.each(['', '/', '1,23', '12,3456', '1.', '.5', '+1', '95%', '三十六', '1 000'])('refuses %j', (text) => {
    expect(parseNumberCell(text)).toBeUndefined();
  });
});

describe('formatDecimal', () => {
  it.each([
    [183n, 1, false, '18.3'],
    [5n, 2, false, '0.05'],
    [-5n, 2, false, '-0.05'],
    [32345n, 1, true, '3,234.5'],
    [1000000n, 0, true, '1,000,000'],
    [0n, 0, false, '0'],
  ])('writes %s at scale %s', (units, scale, grouped, text) => {
    expect(formatDecimal(units, scale, grouped)).toBe(text);
  });
});

describe('totals', () => {
  it('accepts 10.1 + 8.2 = 18.3, which floats get wrong', () => {
    expect(10.1 + 8.2).not.toBe(18.3);
    const result = totals(body('甲;10.1', '乙;8.2', '合计;18.3'), paths('区县', '资金'), checkOnly);
    expect(result.problems).toEqual([]);
    expect(result.total).toEqual({ cells: ['合计', '18.3'], line: 4, at: 2 });
    expect(result.rows.map(cellTexts)).toEqual([
      ['甲', '10.1'],
      ['乙', '8.2'],
    ]);
  });

  it('compares at the finer of the written precisions', () => {
    expect(totals(body('甲;10.1', '乙;8.2', '合计;18.30'), paths('区县', '资金'), checkOnly).problems).toEqual([]);
    expect(totals(body('甲;10.15', '乙;8.2', '合计;18.3'), paths('区县', '资金'), checkOnly).problems).toEqual([
      {
        reason: '合计 value 18.3 in column “资金” does not match the sum of the rows above, 18.35',
        ruleId: 'table-total',
        place: at(4, 2),
      },
    ]);
  });

  it('counts `/` and empty cells as 0, and marks the column as numbers', () => {
    const result = totals(body('甲;/;5', '乙;;5', '丙;3;', '合计;3;10'), paths('区县', '户数', '小区数'), checkOnly);
    expect(result.problems).toEqual([]);
    expect(result.numberColumns).toEqual([false, true, true]);
  });

  it('counts a dash (`-` as accounting formats show 0, `—`, `－`) as 0, not as the row’s label', () => {
    const result = totals(body('甲;-;5', '乙;—;－', '丙;3;–', '合计;3;5'), paths('区县', '户数', '小区数'), checkOnly);
    expect(result.problems).toEqual([]);
    expect(result.numberColumns).toEqual([false, true, true]);
  });

  it('prints a rate’s or share’s 合计 as written, and leaves it out of a computed one', () => {
    const columns = paths('区县', '任务数', '完成数', '完成率(%)', '占比');
    const checked = totals(body('甲;10;8;80.0;40', '乙;10;5;50.0;60', '合计;20;13;65.0;100'), columns, checkOnly);
    expect(checked.problems).toEqual([]);
    expect(checked.numberColumns).toEqual([false, true, true, true, true]);
    const computed = totals(body('甲;10;8;80.0;40', '乙;10;5;50.0;60'), columns, { label: '合计', append: true });
    expect(computed.total?.cells).toEqual(['合计', '20', '13', '', '']);
  });

  it('leaves 小计 rows out of the 合计, which counts their rows already', () => {
    const result = totals(body('甲;10', '乙;15', '城区小计;25', '丙;20', '丁;5', '小　计;25', '合计;50'), paths('区县', '任务数'), checkOnly);
    expect(result.problems).toEqual([]);
    const wrong = totals(body('甲;10', '小计;10', '合计;20'), paths('区县', '任务数'), checkOnly);
    expect(wrong.problems.map((problem) => problem.reason)).toEqual([
      '合计 value 20 in column “任务数” does not match the sum of the rows above, 10 (小计 left out as a subtotal)',
    ]);
  });

  it('checks each 小计 against its group: the rows since the 小计 above, or below when they head their groups', () => {
    const reasons = (...lines: string[]) => totals(body(...lines), paths('区县', '任务数'), checkOnly).problems.map((problem) => problem.reason);
    expect(reasons('甲;10', '乙;15', '城区小计;26', '丙;20', '丁;5', '农村小计;25', '合计;50')).toEqual([
      '城区小计 value 26 in column “任务数” does not match the sum of its rows, 甲 to 乙, 25',
    ]);
    expect(reasons('城区小计;25', '甲;10', '乙;15', '农村小计;24', '丙;20', '丁;5', '合计;50')).toEqual([
      '农村小计 value 24 in column “任务数” does not match the sum of its rows, 丙 to 丁, 25',
    ]);
  });

  it('checks a 总计 and a 全县合计 as a 合计, and group 合计 rows under a 总计 as 小计 rows', () => {
    const reasons = (...lines: string[]) => totals(body(...lines), paths('区县', '任务数'), checkOnly).problems.map((problem) => problem.reason);
    expect(reasons('甲;10', '乙;15', '总　计;26')).toEqual(['总计 value 26 in column “任务数” does not match the sum of the rows above, 25']);
    expect(reasons('甲;10', '乙;15', '全县合计;26')).toEqual(['全县合计 value 26 in column “任务数” does not match the sum of the rows above, 25']);
    expect(reasons('甲;10', '乙;15', '合计;25', '丙;20', '城区合计;20', '总计;45')).toEqual([]);
    expect(reasons('甲;10', '乙;15', '合计;26', '丙;20', '合计;20', '总计;45')).toEqual([
      '合计 value 26 in column “任务数” does not match the sum of its rows, 甲 to 乙, 25',
    ]);
    // A row for the whole area (全省, 全市) is a figure to compare with, not a total: it is not checked.
    expect(reasons('全省;90', '全市;26', '甲;10', '乙;15')).toEqual([]);
    // A label set with `total` is the only one.
    expect(totals(body('甲;10', '总计;11', '共计;21'), paths('区县', '任务数'), { label: '共计', append: false }).problems).toEqual([]);
  });

  it('says what to write for a negative number in brackets, as an accounting format saves it to a CSV file', () => {
    const reasons = (...lines: string[]) => totals(body(...lines), paths('区县', '任务数', '增减'), checkOnly).problems.map((problem) => problem.reason);
    expect(reasons('甲;12;(35)', '乙;3;-30', '丙;5;-20', '合计;20;-85')).toEqual([
      'Expected a number in column “增减”, got “(35)”, a negative in brackets, as an accounting format shows it; write -35',
    ]);
    // Where they outnumber the figures, the column is text, and its 合计 message says the same.
    expect(reasons('甲;12;(35)', '乙;3;-30', '丙;5;（1,050.5）', '合计;20;-1115.5')).toEqual([
      '合计 value -1115.5 in column “增减” cannot be checked: “(35)” (line 2), “（1,050.5）” (line 4) are not numbers; write them as numbers (“(35)” is a negative in brackets, as an accounting format shows it: write -35), or `/` where a figure does not apply (counted as 0)',
    ]);
  });

  it('says what to write for a number typed with full-width characters', () => {
    const reasons = (...lines: string[]) => totals(body(...lines), paths('区县', '任务数', '增减'), checkOnly).problems.map((problem) => problem.reason);
    expect(reasons('甲;１２;1', '乙;3;2', '丙;5;3', '合计;20;6')).toEqual([
      'Expected a number in column “任务数”, got “１２”, typed with full-width characters; write 12',
    ]);
    expect(reasons('甲;12;－120', '乙;3;-30', '合计;15;-150')).toEqual([
      'Expected a number in column “增减”, got “－120”, typed with full-width characters; write -120',
    ]);
    // Where text outnumbers the figures, the column is text and its 合计 cannot be checked.
    expect(reasons('甲;12;－120', '乙;3;暂无', '丙;3;暂无', '合计;18;-120')).toEqual([
      '合计 value -120 in column “增减” cannot be checked: “－120” (line 2), “暂无” (line 3), “暂无” (line 4) are not numbers; write them as numbers (“－120” is typed with full-width characters: write -120), or `/` where a figure does not apply (counted as 0)',
    ]);
    // A column typed full-width throughout is a column of figures too, its wrong 合计 not passed over as text.
    expect(reasons('甲;１２０;1', '乙;８０;2', '合计;３００;3')).toEqual([
      'Expected a number in column “任务数”, got “１２０”, typed with full-width characters; write 120',
      'Expected a number in column “任务数”, got “８０”, typed with full-width characters; write 80',
      'Expected a number in column “任务数”, got “３００”, typed with full-width characters; write 300',
    ]);
  });

  it('does not sum a change in percentage points', () => {
    expect(totals(body('甲;10;1.2', '乙;15;2.3', '合计;25;1.7'), paths('区县', '任务数', '较上月提高（个百分点）'), checkOnly).problems).toEqual([]);
  });

  it('leaves 其中 rows, a part of the row above, out of the 合计', () => {
    const result = totals(body('城关镇;100', '其中：城区;80', '石正镇;80', '其中;30', '合计;180'), paths('乡镇', '奖补资金'), checkOnly);
    expect(result.problems).toEqual([]);
  });

  it('leaves rows indented under a row out of the 合计, as its parts, with full-width or ASCII spaces, after a 其中 row or not', () => {
    const withPart = csvBody('1,梅江区,1200', ',其中：金山街道,300', ',　　西郊街道,200', ',　　江南街道,100', '2,梅县区,800', ',合计,2000');
    expect(totals(withPart, investment, checkOnly).problems).toEqual([]);
    const withoutPart = csvBody('1,梅江区,1200', ',    金山街道,700', ',    西郊街道,500', '2,梅县区,800', ',合计,2000');
    expect(totals(withoutPart, investment, checkOnly).problems).toEqual([]);
    // A wrong 合计 is still reported, against the sum without the parts.
    const wrong = totals(csvBody('1,梅江区,1200', ',　　金山街道,700', ',　　西郊街道,500', '2,梅县区,800', ',合计,2700'), investment, checkOnly);
    expect(wrong.problems.map((problem) => problem.reason)).toEqual([
      '合计 value 2700 in column “完成投资（万元）” does not match the sum of the rows above, 2000 (金山街道 and 西郊街道 left out as parts of 梅江区)',
    ]);
    // Nor does a 小计 count them in its group.
    const grouped = csvBody('1,梅江区,1200', ',　　金山街道,700', '2,梅县区,800', ',城区小计,2000', '3,兴宁市,500', ',小计,500', ',合计,2500');
    expect(totals(grouped, investment, checkOnly).problems).toEqual([]);
  });

  it('counts a table whose labels are all indented alike as one without indents', () => {
    const indented = csvBody('1,　　梅江区,1200', '2,　　梅县区,800', ',合计,2100');
    const plain = csvBody('1,梅江区,1200', '2,梅县区,800', ',合计,2100');
    expect(totals(indented, investment, checkOnly).problems.map((problem) => problem.reason)).toEqual(
      totals(plain, investment, checkOnly).problems.map((problem) => problem.reason),
    );
    expect(totals(plain, investment, checkOnly).problems).toHaveLength(1);
  });

  it('counts rows indented under a heading without figures, or under a 小计 on top, as that group’s rows, not parts', () => {
    const headed = csvBody('一,城区,', '1,　梅江区,1200', '2,　梅县区,800', '二,农村,', '3,　松口镇,500', ',合计,2500');
    expect(totals(headed, investment, checkOnly).problems).toEqual([]);
    const onTop = csvBody(',城区小计,2000', '1,　梅江区,1200', '2,　梅县区,800', ',农村小计,500', '3,　松口镇,500', ',合计,2500');
    expect(totals(onTop, investment, checkOnly).problems).toEqual([]);
  });

  it('says which rows a wrong total left out, and which it counted right after a 其中 row', () => {
    const reasons = (...lines: string[]) => totals(csvBody(...lines), investment, checkOnly).problems.map((problem) => problem.reason);
    // A CSV saved from a sheet that indented its parts (增加缩进量) loses the indent: the row after the 其中 row is counted.
    expect(reasons('1,大柘镇,126', ',其中：城东社区,31', ',城西社区,28', '2,仁居镇,64', '合计,,190')).toEqual([
      '合计 value 190 in column “完成投资（万元）” does not match the sum of the rows above, 218 ' +
        '(其中：城东社区 left out as a part of 大柘镇; 城西社区, right after a 其中 row, counted: indent it if it is a part too)',
    ]);
    // Excel's SUM counted the parts.
    expect(reasons('1,大柘镇,60', ',　　其中：程西村,20', ',　　超竹村,20', '2,仁居镇,40', '3,东石镇,30', ',　　锡水村,10', '合计,,170')).toEqual([
      '合计 value 170 in column “完成投资（万元）” does not match the sum of the rows above, 130 (其中：程西村, 超竹村 and 1 more row left out as parts of the rows above them)',
    ]);
    expect(reasons('1,梅江区,1200', ',城区小计,1200', '2,梅县区,800', ',农村小计,800', '3,兴宁市,500', ',合计,2000')).toEqual([
      '合计 value 2000 in column “完成投资（万元）” does not match the sum of the rows above, 2500 (城区小计 and 农村小计 left out as subtotals)',
    ]);
    // A 小计 says so of its group.
    expect(reasons('1,梅江区,1200', ',　　金山街道,700', '2,梅县区,800', ',城区小计,2700', '3,兴宁市,500', ',合计,2500')).toEqual([
      '城区小计 value 2700 in column “完成投资（万元）” does not match the sum of its rows, 梅江区 to 梅县区, 2000 (金山街道 left out as a part of 梅江区)',
    ]);
  });

  it('names the header path, stated value and sum of a wrong total', () => {
    const result = totals(body('1;甲;863', '2;乙;3528', '合计;;4000'), paths('序号', '区县', '改造计划 / 涉及户数(户)'), checkOnly);
    expect(result.problems).toEqual([
      {
        reason: '合计 value 4000 in column “改造计划 / 涉及户数(户)” does not match the sum of the rows above, 4391',
        ruleId: 'table-total',
        place: at(4, 3),
      },
    ]);
  });

  it('does not sum or mark a 序号 column, though it holds numbers', () => {
    const result = totals(body('1;甲;2', '2;乙;3', '合计;;5'), paths('序号', '区县', '户数'), checkOnly);
    expect(result.numberColumns).toEqual([false, false, true]);
    expect(result.problems).toEqual([]);
  });

  it('checks a totals row on top against the rows below it', () => {
    const result = totals(body('合计;5', '甲;2', '乙;3'), paths('区县', '户数'), checkOnly);
    expect(result.problems).toEqual([]);
    expect(result.total?.at).toBe(0);
    expect(totals(body('合计;6', '甲;2', '乙;3'), paths('区县', '户数'), checkOnly).problems[0]?.reason).toBe(
      '合计 value 6 in column “户数” does not match the sum of the rows below, 5',
    );
  });

  it('finds the label with padding spaces (合　计)', () => {
    expect(totals(body('甲;2', '乙;3', '合　计;5'), paths('区县', '户数'), checkOnly).total?.line).toBe(4);
  });

  it('reports a non-number in a number column with its line, column and value, and skips that sum', () => {
    const result = totals(body('甲;2', '乙;二', '丙;3', '丁;4', '合计;1'), paths('区县', '户数'), checkOnly);
    expect(result.problems).toEqual([{ reason: 'Expected a number in column “户数”, got “二”', ruleId: 'table-number', place: at(3, 2) }]);
  });

  it('leaves a mostly-text column alone', () => {
    const result = totals(body('甲;95%', '乙;/', '丙;3'), paths('区县', '进度'), checkOnly);
    expect(result.numberColumns).toEqual([false, false]);
    expect(result.problems).toEqual([]);
  });

  it('refuses a second totals row', () => {
    const result = totals(body('甲;2', '合计;2', '乙;3', '合计;5'), paths('区县', '户数'), checkOnly);
    expect(result.problems.map((problem) => [problem.reason, problem.place])).toEqual([
      ['Unexpected second 合计 row, the first is on line 3; keep one', at(5, 1)],
    ]);
  });

  it('appends a computed row at each column’s precision and grouping', () => {
    const result = totals(body('1;甲;1,863;1.25;', '2;乙;2,528;2;新增', '3;丙;819;/;'), paths('序号', '区县', '户数', '资金', '备注'), {
      label: '合计',
      append: true,
    });
    expect(result.problems).toEqual([]);
    expect(result.total).toEqual({ cells: ['合计', '', '5,210', '3.25', ''], line: undefined, at: 3 });
  });

  it('uses the `total` label for both finding and appending', () => {
    const options = { label: '总计', append: true };
    expect(totals(body('甲;2', '总计;2'), paths('区县', '户数'), options).total).toEqual({
      cells: ['总计', '2'],
      line: 3,
      at: 1,
    });
    // With another label, a 合计 row adds up its group, as a 小计 does: it is not summed again.
    expect(totals(body('甲;2', '合计;2'), paths('区县', '户数'), options).total?.cells).toEqual(['总计', '2']);
  });

  it('appends nothing without a request', () => {
    expect(totals(body('甲;2'), paths('区县', '户数'), checkOnly).total).toBeUndefined();
  });
});
