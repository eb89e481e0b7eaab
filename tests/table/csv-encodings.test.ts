import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_CSV } from '../support/county-workbook.ts';
import { renderIn, repoRoot } from './process-fixture.ts';

const TABLE = '::table{src="progress.csv" header-rows="3"}\n';

let dir: string;
let readme: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-csv-'));
  readme = await csvTable(COUNTY_CSV);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The table rendered from these bytes as `progress.csv`, checked to have no problems. */
async function csvTable(bytes: string | Uint8Array): Promise<string> {
  const folder = await mkdtemp(join(dir, 'case-'));
  await writeFile(join(folder, 'progress.csv'), bytes);
  const { html, messages } = await renderIn(folder, TABLE);
  expect(messages).toEqual([]);
  return html;
}

const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

describe('CSV as Excel and WPS save it', () => {
  it('reads the README form into the three-level table with its checked 合计', () => {
    expect(readme).toContain(
      '<th scope="col" rowspan="3" class="label">序号</th><th scope="col" rowspan="3" class="label">区县名称</th><th scope="col" colspan="2"><span class="group-heading">改造计划</span></th>',
    );
    expect(readme).toContain('<tr class="total"><th scope="row" colspan="2" class="label">合计</th><td class="num">9,700</td><td class="num">36.9</td>');
  });

  it('gives the same table from Chinese Excel’s CSV: GB18030, CRLF, merged cells empty, a trailing empty column and row', async () => {
    const folder = join(repoRoot, 'tests/fixtures/csv-encodings');
    const { html, messages } = await renderIn(folder, '::table{src="excel-gb18030.csv" header-rows="3"}\n');
    expect(messages).toEqual([]);
    expect(html).toBe(readme);
  });

  it('reads UTF-8 with a BOM, and UTF-16 with a BOM in either byte order', async () => {
    expect(await csvTable(`\uFEFF${COUNTY_CSV.replaceAll('\n', '\r\n')}`)).toBe(readme);
    expect(await csvTable(Buffer.from(`\uFEFF${COUNTY_CSV}`, 'utf16le'))).toBe(readme);
    expect(await csvTable(utf16be(`\uFEFF${COUNTY_CSV}`))).toBe(readme);
  });

  it('reads “Unicode 文本”, which is UTF-16 separated by tabs', async () => {
    const rows = parse(COUNTY_CSV) as string[][];
    const text = rows.map((row) => row.join('\t')).join('\r\n');
    expect(await csvTable(Buffer.from(`\uFEFF${text}\r\n`, 'utf16le'))).toBe(readme);
  });

  it('reports an empty header cell that joins nothing, and a last column without a heading, at their cells', async () => {
    const folder = await mkdtemp(join(dir, 'blank-'));
    await writeFile(join(folder, 'first.csv'), ',指标,\n地区,户数,小区数\n甲,1,2\n');
    await writeFile(join(folder, 'last.csv'), '地区,户数,\n甲,1,2\n');
    const { messages } = await renderIn(folder, '::table{src="first.csv" header-rows="2"}\n\n::table{src="last.csv"}\n');
    expect(messages).toEqual([
      "first.csv:1:1: Unexpected empty header cell: there is no heading to its left or above it to continue; write this column's heading, or merge the cell with the heading it belongs to [table-header-blank]",
      'last.csv:1:3: Expected a heading for the last column, found only empty header cells; write its heading, or delete the column if it is not part of the table [table-header-untitled]',
    ]);
  });

  it('tells, of a last column without a heading, a header taller than header-rows and a title row saved above it', async () => {
    const folder = await mkdtemp(join(dir, 'untitled-'));
    // The README's header as Excel saves it, without `header-rows`, its first row of figures with
    // a `/` where none applies; and the sheet saved whole, title and unit rows included.
    const figures = '1,梅江区,3200,10.1,/,/,3200,10.1\n2,梅县区,1850,8.2,850,3.2,1000,5.0\n';
    await writeFile(join(folder, 'excel.csv'), `${EXCEL_HEADER}${figures}`);
    const title = '2024年3月燃气管网改造进展表,,,,,,,\n单位：公里、户,,,,,,,\n';
    await writeFile(join(folder, 'sheet.csv'), `${title}${EXCEL_HEADER}${figures}`);
    await writeFile(join(folder, 'whole.csv'), `${title}${EXCEL_HEADER}${figures.replaceAll('/', '0')}`);
    // A note typed in a column of its own, far right under the table.
    await writeFile(join(folder, 'note.csv'), `区县,户数,小区数,\n梅江区,3200,10,\n梅县区,1850,8,\n,,,制表：县住建局\n`);
    const { messages } = await renderIn(
      folder,
      '::table{src="excel.csv"}\n\n::table{src="sheet.csv"}\n\n::table{src="whole.csv" header-rows="3"}\n\n::table{src="note.csv"}\n',
    );
    expect(messages).toEqual([
      'excel.csv:1:8: Expected a heading for the last column, found only empty header cells; its heading “管网长度(公里)” is in a row below the header’s 1: set `header-rows="3"` [table-header-untitled]',
      'sheet.csv:1:8: Expected a heading for the last column, found only empty header cells; the first row holds only “2024年3月燃气管网改造进展表”, a title: leave the title and unit rows out of the file, so that it starts with the header [table-header-untitled]',
      'whole.csv:4:1: Expected figures after the 3 header rows, found headings on line 4 (涉及户数(户), 管网长度(公里), 1. 正在开展前期工作, 2. 已进场施工…); set `header-rows="5"`, or, as the first row holds only “2024年3月燃气管网改造进展表”, a title, leave the title and unit rows out of the file [table-header-rows]',
      'note.csv:1:4: Expected a heading for the last column, found only empty header cells; only line 4, column 4 “制表：县住建局” is filled in it, so it is most likely no column of the table: leave that cell out (a workbook’s `range` picks the table’s cells) or delete it [table-header-untitled]',
    ]);
  });
});

/** The county table's header as Excel saves a merged header: each merge's text once, the cells it covers empty. */
const EXCEL_HEADER = `序号,区县名称,改造计划,,改造进展情况,,,
,,涉及户数(户),管网长度(公里),1. 正在开展前期工作,,2. 已进场施工,
,,,,户数(户),管网长度(公里),户数(户),管网长度(公里)
`;
