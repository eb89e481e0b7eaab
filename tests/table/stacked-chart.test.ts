import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartAttributes } from '../../src/table/chart-attributes.ts';
import { toHtml } from 'hast-util-to-html';
import { shareLabel, stackedChart } from '../../src/table/stacked-chart.ts';
import { fixtureFolder, processFixture, renderIn } from './process-fixture.ts';

/** The figures of a rendered document, each as its HTML. */
const figures = (html: string) => [...html.matchAll(/<figure class="[^"]*">.*?<\/figure>/gs)].map((match) => match[0]);
const all = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((match) => match[1]);

describe('chart attributes', () => {
  it('draws grouped bars, printed, unless told otherwise', () => {
    expect(chartAttributes({ chart: '户数' })).toEqual({
      chart: { selector: '户数', type: 'grouped', whole: undefined, done: undefined, print: true },
      problems: [],
    });
    expect(chartAttributes({ chart: null, 'chart-type': 'stacked', 'chart-print': 'no' }).chart).toEqual({
      selector: '',
      type: 'stacked',
      whole: undefined,
      done: undefined,
      print: false,
    });
    expect(chartAttributes({})).toEqual({ chart: undefined, problems: [] });
  });
});

describe('share done', () => {
  it('is the done part over the whole to one decimal, as the sample’s months give it', () => {
    expect([shareLabel(11911, 14736), shareLabel(13704, 14736), shareLabel(14549, 14736)]).toEqual(['80.8%', '93.0%', '98.7%']);
    expect(shareLabel(863, 863)).toBe('100.0%');
    expect(shareLabel(undefined, 1505)).toBe('0.0%');
    expect(shareLabel(5, 0)).toBeUndefined();
    expect(shareLabel(5, undefined)).toBeUndefined();
  });
});

describe('stacked chart from ::table{chart-type="stacked"}', async () => {
  const file = await processFixture('stacked', { root: fixtureFolder('stacked') });
  const html = String(file);
  const [first = '', second = ''] = figures(html);

  it('records the whole, the parts and the part done', () => {
    expect(file.messages).toEqual([]);
    expect(file.data.tables?.map((table) => table.chart)).toEqual([
      { selector: '户数', columns: [2, 4, 6], print: true, stacked: { whole: 2, parts: [4, 6], done: 6 } },
      { selector: '户数', columns: [2, 4, 6], print: false, stacked: { whole: 2, parts: [4, 6], done: 4 } },
    ]);
  });

  it('draws one bar per row, the whole as its length, the part done from the left', () => {
    expect(first).toContain('<figcaption>户数(户)进度（按区县名称）</figcaption>');
    // No viewBox: the SVG is as wide as its column and its text keeps the style sheet's size.
    expect(first).toContain('<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="27.2em" role="img"');
    expect(first).not.toContain('viewBox');
    expect(all(first, /<text x="0" y="[\d.]+em" class="chart-category">([^<]+)</g)).toEqual([
      '丰顺县',
      '兴宁市',
      '平远县',
      '大埔县',
      '五华县',
      '梅县区',
      '蕉岭县',
      '梅江区',
      '城市排水中心',
    ]);
    expect(all(first, /<tspan class="chart-value">([^<]+)</g)).toEqual([
      '863 / 863',
      '3528 / 3528',
      '819 / 819',
      '385 / 385',
      '2476 / 2476',
      '2034 / 2034',
      '733 / 733',
      '1073 / 2393',
      '0 / 1505',
    ]);
    expect(all(first, /<tspan class="chart-share" dx="0.6em">([^<]+)</g)).toEqual([...Array(7).fill('100.0%'), '44.8%', '0.0%']);

    const group = (name: string) => first.slice(first.indexOf(`>${name}<`)).split('</g>')[0] ?? '';
    // 兴宁市 is the largest whole: its track spans the width, all of it done.
    expect(all(group('兴宁市'), /<rect ([^>]+)>/g)).toEqual([
      'x="0" y="4.5em" width="100%" height="1em" fill="#ddd8ce"',
      'x="0%" y="4.5em" width="100%" height="1em" fill="#3f8a5a"',
    ]);
    // 梅江区: 2393 of 3528 long; 1073 done, then the 1320 in preparation after it.
    expect(all(group('梅江区'), /<rect ([^>]+)>/g)).toEqual([
      'x="0" y="23.1em" width="67.83%" height="1em" fill="#ddd8ce"',
      'x="0%" y="23.1em" width="30.41%" height="1em" fill="#3f8a5a"',
      'x="30.41%" y="23.1em" width="37.41%" height="1em" fill="#5b7fa6"',
    ]);
    // The legend: the part done, the other part, then the whole as the pale track.
    expect(all(first, /<li><span class="chart-swatch" style="background:(#\w+)"/g)).toEqual(['#3f8a5a', '#5b7fa6', '#ddd8ce']);
    expect(all(first, /aria-hidden="true"><\/span>([^<]+)<\/li>/g)).toEqual([
      '2. 已完成前期准备、施工单位已进场施工的项目',
      '1. 正在开展群众工作、手续办理等前期准备的项目',
      '改造计划',
    ]);
    expect(first).toContain(
      '<desc>丰顺县：2. 已完成前期准备、施工单位已进场施工的项目 863，1. 正在开展群众工作、手续办理等前期准备的项目 /，改造计划 863，进度 100.0%；',
    );
    expect(html).not.toContain('<script');
  });

  it('takes the whole and the part done from chart-whole and chart-done, and leaves a chart-print="no" chart out of print', () => {
    expect(second).toMatch(/^<figure class="chart chart-no-print">/);
    expect(first).toMatch(/^<figure class="chart">/);
    expect(all(second, /<tspan class="chart-share" dx="0.6em">([^<]+)</g)).toEqual([...Array(7).fill('0.0%'), '55.2%', '100.0%']);
  });
});

describe('stacked chart with a long row name', () => {
  const series = (name: string, values: number[]) => ({ name, values, labels: values.map(String) });
  const html = toHtml(
    stackedChart({
      title: '户数(户)进度',
      categories: ['兴宁市', '广东梅州经济开发区管理委员会'],
      whole: series('改造计划', [3528, 3528]),
      done: series('已进场', [3528, 3528]),
      others: [],
    }),
  );
  const numbers = all(html, /<text x="100%" y="([\d.]+em)" text-anchor="end">/g);

  it('puts the numbers beside a name that leaves them room on the narrowest phone, under one that does not', () => {
    // 兴宁市: name and numbers on one line, the bar under them.
    expect(all(html, /<text x="0" y="([\d.]+em)" class="chart-category">兴宁市</g)).toEqual(['1.05em']);
    expect(numbers[0]).toBe('1.05em');
    // 14 Han characters and `3528 / 3528  100.0%` need about 25 em, where 19 are sure: the
    // numbers take the next line, and the bar moves down by it.
    expect(all(html, /<text x="0" y="([\d.]+em)" class="chart-category">广东梅州经济开发区管理委员会</g)).toEqual(['4.15em']);
    expect(numbers[1]).toBe('5.45em');
    expect(html).toContain('<rect x="0" y="5.8em" width="100%" height="1em"');
    expect(html).toContain('height="6.8em"');
  });
});

describe('stacked chart attribute errors', () => {
  it('are located at the directive, or at the CSV cell of a whole its parts overrun', async () => {
    const file = await processFixture('stacked-errors', { root: fixtureFolder('stacked-errors') });
    const at = (line: number) => `tests/fixtures/table/stacked-errors/index.md:${line}:1: `;
    const csv = 'tests/fixtures/table/stacked-errors/progress.csv';
    expect(file.messages.map((message) => `${String(message)} [${message.ruleId}]`)).toEqual([
      `${csv}:3:2: Expected the parts of “计划户数” in 梅江区 to add up to at most 2393, got 1320 + 1180 = 2500; a stacked chart draws the parts inside the whole’s bar, so correct the row or choose the whole with \`chart-whole\` [table-chart-parts]`,
      `${csv}:4:2: Expected the parts of “计划户数” in 城市排水中心 to add up to at most 1505.5, got 1505 + 0.6 = 1505.6; a stacked chart draws the parts inside the whole’s bar, so correct the row or choose the whole with \`chart-whole\` [table-chart-parts]`,
      `${at(3)}Expected \`chart-type\` to be \`grouped\` (a bar per column) or \`stacked\` (the parts of a whole as one bar), got “pie” [table-chart-type]`,
      `${at(3)}Expected \`chart-print\` to be \`yes\` (print the chart in the PDF) or \`no\` (show it on the web only), got “false” [table-chart-print]`,
      `${at(5)}Unexpected \`chart-type\` on a ::table without \`chart\`; add \`chart="…"\` naming the columns to draw, or remove \`chart-type\` [table-chart-attribute]`,
      `${at(5)}Unexpected \`chart-print\` on a ::table without \`chart\`; add \`chart="…"\` naming the columns to draw, or remove \`chart-print\` [table-chart-attribute]`,
      `${at(7)}Unexpected \`chart-whole\` on a grouped chart: it names a column of a stacked chart; add \`chart-type="stacked"\` or remove \`chart-whole\` [table-chart-attribute]`,
      `${at(9)}Expected \`chart-whole="面积"\` to match the header of one of the columns \`chart\` selected: “计划户数”, “前期户数”, “进场户数” [table-chart-whole]`,
      `${at(11)}Expected \`chart-whole="户数"\` to match one column, but it matches 3 of the columns \`chart\` selected: “计划户数”, “前期户数”, “进场户数”; use a longer text [table-chart-whole]`,
      `${at(13)}Expected \`chart-done="面积"\` to match the header of one of the parts (the selected columns but the whole): “前期户数”, “进场户数” [table-chart-done]`,
      `${at(15)}Expected \`chart="小区数"\` to select a whole and at least one part for a stacked chart, got only “计划小区数”; choose a text that more number columns share, or draw it with \`chart-type="grouped"\` [table-chart-whole]`,
    ]);
    expect(file.messages.every((message) => message.fatal && message.source === 'jianbao')).toBe(true);
    expect(String(file)).not.toContain('<figure');
  });
});

describe('chart-whole under a heading that holds its text', () => {
  it('picks the column its own heading names, or the path messages print', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'jianbao-whole-'));
    try {
      await writeFile(join(folder, 'p.csv'), '项目,年度计划投资（亿元）,年度计划投资（亿元）\n项目,计划投资（亿元）,1—2月完成投资（亿元）\n甲,10,2\n乙,8,3\n');
      for (const whole of ['计划投资', '年度计划投资（亿元） / 计划投资（亿元）']) {
        const { messages, file } = await renderIn(folder, `::table{src="p.csv" header-rows="2" chart="投资" chart-type="stacked" chart-whole="${whole}"}\n`);
        expect(messages).toEqual([]);
        expect(file.data.tables?.[0]?.chart).toMatchObject({ stacked: { whole: 1, parts: [2] } });
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
