import { toHtml } from 'hast-util-to-html';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { buildTable } from '../../src/table/build-table.ts';
import remarkTable from '../../src/table/index.ts';
import { cellLabel, type PlaceLabel } from '../../src/table/problem.ts';
import { renderTable } from '../../src/table/render-table.ts';
import { csvSource } from '../../src/table/sources/csv.ts';
import { xlsxSource } from '../../src/table/sources/xlsx.ts';
import { sourceFor, sourceRegistry } from '../../src/table/sources/index.ts';
import type { SourceCell, SourceRow, TableSource } from '../../src/table/sources/source.ts';
import { repoRoot } from './process-fixture.ts';

/** Places as a workbook names them: sheet and cell, `3月进展!B5`. */
const sheet: PlaceLabel = {
  cell: (line, column) => `燃气进展.xlsx 3月进展!${String.fromCharCode(64 + column)}${line}`,
  row: (line) => `row ${line}`,
};

type Written = string | { readonly text: string; readonly colSpan?: number; readonly rowSpan?: number };

/** Rows in memory, as a workbook reader gives them: merged cells span, the cells they cover are empty. */
const rowsOf = (written: readonly (readonly Written[])[]): SourceRow[] =>
  written.map((cells, index) => {
    const line = index + 1;
    return {
      cells: cells.map(
        (cell, column): SourceCell => ({ ...(typeof cell === 'string' ? { text: cell } : cell), place: { line, column: column + 1, label: sheet } }),
      ),
      place: { line, column: 1, label: sheet },
    };
  });

/** A source that is no file format at all: proof that nothing after reading knows the format. */
const workbook = (written: readonly (readonly Written[])[]): TableSource => ({
  extensions: ['xlsx', 'xls'],
  read: () => ({ rows: rowsOf(written), problems: [] }),
});

const attributes = { src: 'x', headerRows: 2, label: '合计', append: false, chart: undefined, source: {}, problems: [] };
const context = { path: '/x', name: 'x', line: 1 };

/** Read the fake source and build and render its table, as `::table` does. */
function render(written: readonly (readonly Written[])[]) {
  const rows = rowsOf(written);
  const built = buildTable(rows, attributes, context);
  if ('problems' in built) return { problems: built.problems.map((problem) => `${problem.place && cellLabel(problem.place)}: ${problem.reason}`) };
  return { html: toHtml(renderTable(built.model, '进展情况')), record: built.record };
}

describe('table sources by extension', () => {
  it('reads .csv with the CSV source, whatever the case', () => {
    expect(sourceFor('progress.csv')).toEqual({ source: csvSource });
    expect(sourceFor('sub/Progress.CSV')).toEqual({ source: csvSource });
  });

  it('reads .xlsx with the workbook source', () => {
    expect(sourceFor('燃气进展.xlsx')).toEqual({ source: xlsxSource });
  });

  it('refuses another extension, listing the supported ones', () => {
    expect(sourceFor('progress.numbers')).toEqual({
      problem: {
        reason: 'Expected a table source ending in .csv or .xlsx, got progress.numbers; other formats cannot be read, so save the table as .csv or .xlsx',
        ruleId: 'table-src-type',
      },
    });
    expect(sourceFor('progress')).toMatchObject({ problem: { ruleId: 'table-src-type' } });
  });

  it('says what to save an old Excel or a WPS workbook as', () => {
    expect(sourceFor('燃气进展.xls')).toEqual({
      problem: {
        reason: 'Cannot read 燃气进展.xls: it is an Excel 97–2003 workbook; open it in Excel or WPS and save it as “Excel 工作簿 (*.xlsx)”',
        ruleId: 'table-xlsx-format',
      },
    });
    expect(sourceFor('燃气进展.et')).toMatchObject({ problem: { ruleId: 'table-xlsx-format', reason: expect.stringContaining('WPS 表格') } });
  });

  it('keys every extension of every source', () => {
    const fake = workbook([]);
    const registry = sourceRegistry([csvSource, fake]);
    expect([...registry.keys()]).toEqual(['csv', 'xlsx', 'xls']);
    expect(sourceFor('燃气进展.xls', registry)).toEqual({ source: fake });
    expect(sourceFor('a.numbers', registry)).toMatchObject({ problem: { reason: expect.stringContaining('ending in .csv, .xlsx or .xls, got a.numbers') } });
  });

  it('reports an unknown extension at the directive, before reading anything', async () => {
    const file = new VFile({ cwd: repoRoot, path: 'tests/fixtures/table/reference/index.md', value: '# 表\n\n::table{src="progress.numbers"}\n' });
    const processor = unified().use(remarkParse).use(remarkDirective).use(remarkTable, { root: 'tests/fixtures/table/reference' });
    await processor.run(processor.parse(file), file);
    expect(file.messages.map((message) => [String(message), message.ruleId, message.fatal])).toEqual([
      [
        'tests/fixtures/table/reference/index.md:3:1: Expected a table source ending in .csv or .xlsx, got progress.numbers; other formats cannot be read, so save the table as .csv or .xlsx',
        'table-src-type',
        true,
      ],
    ]);
    expect(file.data.dependencies).toBeUndefined();
  });
});

describe('explicit spans from a source', () => {
  // 区县 and 备注 merged down, 改造计划 merged across an empty cell; 新增 merged down in the body.
  const merged: Written[][] = [
    [{ text: '区县', rowSpan: 2 }, { text: '改造计划', colSpan: 2 }, '', { text: '备注', rowSpan: 2 }],
    ['', '户数', '小区数', ''],
    ['甲', '2', '1', { text: '新增', rowSpan: 2 }],
    ['乙', '3', '1', ''],
    ['合计', '5', '2', ''],
  ];

  it('become the header cells, where repetition alone would merge nothing', () => {
    const { html, record } = render(merged);
    expect(html).toContain(
      '<thead><tr><th scope="col" rowspan="2" class="label">区县</th><th scope="col" colspan="2"><span class="group-heading">改造计划</span></th><th scope="col" rowspan="2">备注</th></tr>\n' +
        '<tr><th scope="col">户数</th><th scope="col">小区数</th></tr></thead>',
    );
    expect(record?.columns).toEqual(['区县', '改造计划 / 户数', '改造计划 / 小区数', '备注']);

    // The same header as Excel saves it to CSV, its merged cells empty: the same cells.
    const header: Written[][] = merged.slice(0, 2).map((row) => row.map((cell) => (typeof cell === 'string' ? cell : cell.text)));
    const plain = render([...header, ...merged.slice(2)]);
    expect(plain.record?.header).toEqual(record?.header);
  });

  it('span body cells, leaving out the cells they cover, and the 合计 row is checked as ever', () => {
    const { html } = render(merged);
    expect(html).toContain(
      '<tbody><tr><td class="label">甲</td><td class="num">2</td><td class="num">1</td><td rowspan="2">新增</td></tr>\n' +
        '<tr><td class="label">乙</td><td class="num">3</td><td class="num">1</td></tr>\n' +
        '<tr class="total"><th scope="row" class="label">合计</th><td class="num">5</td><td class="num">2</td><td></td></tr></tbody>',
    );
  });

  it('stop at the totals row, so the grid stays whole', () => {
    const { html } = render([...merged.slice(0, 3), ['乙', '3', '1', { text: '续', rowSpan: 3 }], ['合计', '5', '2', ''], ['丙', '/', '/', '']]);
    expect(html).toContain(
      '<td rowspan="2">新增</td></tr>\n<tr><td class="label">乙</td><td class="num">3</td><td class="num">1</td></tr>\n<tr class="total">',
    );
    expect(html).toContain('<tr><td class="label">丙</td><td class="num na">/</td><td class="num na">/</td><td></td></tr></tbody>');
  });

  it('place messages in the source’s own terms', () => {
    expect(render([...merged.slice(0, 4), ['合计', '6', '2', ''], ['合计', '5', '2', '']]).problems).toEqual([
      '燃气进展.xlsx 3月进展!A6: Unexpected second 合计 row, the first is on row 5; keep one',
      '燃气进展.xlsx 3月进展!B5: 合计 value 6 in column “改造计划 / 户数” does not match the sum of the rows above, 5',
    ]);
  });
});
