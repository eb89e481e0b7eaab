import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { barChart } from '../../src/table/bar-chart.ts';
import { nameLines, textWidth } from '../../src/table/chart-figure.ts';
import { chartColumns, measureName, seriesNames } from '../../src/table/chart-columns.ts';
import { fixtureFolder, processFixture } from './process-fixture.ts';

const paths = [
  ['序号'],
  ['区县名称'],
  ['改造计划', '涉及户数(户)'],
  ['改造计划', '小区数(个)'],
  ['改造进展情况', '1. 前期', '户数(户)'],
  ['改造进展情况', '1. 前期', '小区数(个)'],
];
const numeric = [false, false, true, true, true, true];

describe('chart columns', () => {
  it('selects the number columns whose header contains the text', () => {
    expect(chartColumns('户数', paths, numeric)).toEqual({ columns: [2, 4] });
    expect(chartColumns('', paths, numeric)).toEqual({ columns: [2, 3, 4, 5] });
  });

  it('says which headers exist when nothing matches', () => {
    const result = chartColumns('面积', paths, numeric);
    expect(result).toEqual({
      problem: {
        reason: 'Expected `chart="面积"` to match the header of a number column, e.g. “涉及户数(户)”, “小区数(个)”, “户数(户)”',
        ruleId: 'table-chart',
      },
    });
  });

  it('names series and measure from the header', () => {
    const selected = [paths[2]!, paths[4]!];
    expect(seriesNames(selected, '户数')).toEqual(['改造计划', '1. 前期']);
    expect(measureName(selected, '户数')).toBe('户数(户)');
  });

  it('names series apart by their matched cells where their groups are the same', () => {
    const progress = [
      ['改造进展', '已完工户数'],
      ['改造进展', '在建户数'],
    ];
    expect(seriesNames([['计划改造户数'], ...progress], '户数')).toEqual(['计划改造户数', '已完工', '在建']);
    // A group every series shares is left out first: the matched cells name them then.
    expect(seriesNames(progress, '户数')).toEqual(['已完工户数', '在建户数']);
  });

  it('names the measure by every cell matched where none holds the others: one alone would name part of the chart', () => {
    expect(measureName([['转移人数(人)'], ['巡查人次']], '人')).toBe('转移人数(人)、巡查人次');
    expect(
      measureName(
        [
          ['改造进展', '已完工户数'],
          ['改造进展', '在建户数'],
        ],
        '户数',
      ),
    ).toBe('已完工户数、在建户数');
    // A cell matched in several columns' paths is named once.
    expect(
      measureName(
        [
          ['改造计划', '户数(户)'],
          ['改造计划', '小区数(个)'],
        ],
        '改造',
      ),
    ).toBe('改造计划');
  });
});

describe('bar chart', () => {
  it('draws an accessible SVG with one group per category and a bar per value', () => {
    const html = toHtml(
      barChart({
        title: '户数',
        categories: ['丰顺县', '梅江区'],
        series: [
          { name: '计划', values: [863, 2393], labels: ['863', '2393'] },
          { name: '前期', values: [undefined, 1320], labels: ['/', '1320'] },
        ],
      }),
    );
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(html).toContain('role="img"');
    expect(html).toContain('<title>户数</title><desc>丰顺县：计划 863，前期 /；梅江区：计划 2393，前期 1320</desc>');
    expect(html.match(/<g>/g)).toHaveLength(2);
    expect(html.match(/<rect /g)).toHaveLength(3);
    expect(html).not.toContain('<script');
  });

  it('wraps a name longer than the narrowest phone’s line, the bars moved down under it', () => {
    const name = '梅州市城区雨污分流管网建设和城镇老旧小区改造工作领导小组办公室';
    const html = toHtml(barChart({ title: '户数', categories: [name, '梅江区'], series: [{ name: '计划', values: [1505, 2393], labels: ['1505', '2393'] }] }));
    expect(html).toContain(
      '<text x="0" y="1.05em" class="chart-category"><tspan x="0" y="1.05em">梅州市城区雨污分流管网建设和城镇老旧小</tspan><tspan x="0" y="2.35em">区改造工作领导小组办公室</tspan></text>',
    );
    // Its bar one line lower than a one-line name's (1.4em), the next group after it.
    expect(html).toContain('<rect x="0" y="2.7em"');
    expect(html).toContain('<text x="0" y="5.2em" class="chart-category">梅江区</text>');
    expect(html).toContain('height="6.4em"');
  });

  it('comes with the table from ::table{chart}', async () => {
    const file = await processFixture('chart', { root: fixtureFolder('chart') });
    const html = String(file);
    expect(html.match(/<div class="table-chart"><figure class="chart">/g)).toHaveLength(2);
    expect(file.data.tables?.map((table) => table.chart)).toEqual([
      { selector: '户数', columns: [2, 4, 6], print: true },
      { selector: '', columns: [2, 3, 4, 5, 6, 7], print: true },
    ]);
  });

  it('draws each district by its own name, not the area merged down beside it, and leaves the 小计 rows out as the 合计', async () => {
    const file = await processFixture('chart-groups', { root: fixtureFolder('chart-groups') });
    const html = String(file);
    expect(html).toContain('<title>户数（户）（按县（市、区））</title>');
    expect(html).toContain('<desc>梅江区：户数（户） 1200；梅县区：户数（户） 800；兴宁市：户数（户） 1000；平远县：户数（户） 500</desc>');
  });
});

describe('chart names', () => {
  it('are measured a Han character an em, anything else 0.6 em at most', () => {
    expect(textWidth('梅江区')).toBe(3);
    expect(textWidth('3528 / 3528')).toBeCloseTo(6.6);
    expect(textWidth('（一）')).toBe(3);
  });

  it('wrap at 19 em, never starting a line with a closing sign', () => {
    expect(nameLines('梅江区')).toEqual(['梅江区']);
    expect(nameLines('广东梅州经济开发区管理委员会')).toEqual(['广东梅州经济开发区管理委员会']);
    expect(nameLines('一二三四五六七八九十一二三四五六七八九，二十')).toEqual(['一二三四五六七八九十一二三四五六七八九，', '二十']);
    expect(nameLines('一二三四五六', 4)).toEqual(['一二三四', '五六']);
  });
});
