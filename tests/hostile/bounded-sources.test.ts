/**
 * Table sources and files built to exhaust a build: each is refused at once with a message, in
 * bounded memory, where the build ran out of memory or ran for hours past Ctrl-C.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderIn } from '../table/process-fixture.ts';
import { withStatedSize } from '../support/zip-sizes.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-bounded-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A two-row workbook whose sheet XML `edit` changes after exceljs wrote it. */
async function workbook(edit: (sheet: string) => string, extra?: (zip: JSZip) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('表').addRows([
    ['区县', '户数'],
    ['梅江区', 3200],
  ]);
  const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
  zip.file('xl/worksheets/sheet1.xml', edit(await zip.file('xl/worksheets/sheet1.xml')!.async('string')));
  extra?.(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const reasons = async (src: string) => (await renderIn(dir, `::table{src="${src}"}\n`)).messages.map((line) => line.replace(/^.*?: (?=[A-Z])/, ''));

describe('a table source built to exhaust the build', () => {
  it('refuses a workbook with a merged cell of billions of cells, a cell far from the table, or too many merges', async () => {
    await writeFile(
      join(dir, 'merge.xlsx'),
      await workbook((sheet) => sheet.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A3:XFD1048575"/></mergeCells>')),
    );
    await writeFile(
      join(dir, 'far.xlsx'),
      await workbook((sheet) => sheet.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>制表</t></is></c></row></sheetData>')),
    );
    const merges = Array.from({ length: 10_001 }, (_, index) => `<mergeCell ref="C${index * 2 + 1}:C${index * 2 + 2}"/>`).join('');
    await writeFile(
      join(dir, 'merges.xlsx'),
      await workbook((sheet) => sheet.replace('</sheetData>', `</sheetData><mergeCells count="10001">${merges}</mergeCells>`)),
    );
    expect(await reasons('merge.xlsx')).toEqual([
      `Cannot read merge.xlsx: the merged cell A3:XFD1048575 spans 17,179,820,032 cells, more than a table has (1,000,000); unmerge it in Excel or WPS [table-xlsx-read]`,
    ]);
    expect(await reasons('far.xlsx')).toEqual([
      "Expected a table of at most 1,000,000 cells, found A1:XFD1048576 in use (17,179,869,184 cells), most likely for a cell typed far from the table; pick the table's cells with `range` [table-range]",
    ]);
    expect(await reasons('merges.xlsx')).toEqual([
      'Cannot read merges.xlsx: a sheet has 10001 merged cells, more than a table has (10000); unmerge them in Excel or WPS [table-xlsx-read]',
    ]);
  });

  it('refuses a workbook whose parts unpack to more than a workbook of tables holds, before unpacking them', async () => {
    // The archive's directory says the part unpacks to 65 MB, as a ZIP bomb's does.
    const bomb = await workbook(
      (sheet) => sheet,
      (zip) => zip.file('xl/media/junk.bin', Buffer.alloc(1024)),
    );
    await writeFile(join(dir, 'bomb.xlsx'), withStatedSize(bomb, 'xl/media/junk.bin', 65 * 2 ** 20));
    expect(await reasons('bomb.xlsx')).toEqual([
      'Cannot read bomb.xlsx: its parts unpack to 65 MB, more than a workbook of tables holds (64 MB); save the sheet with the table on its own as .xlsx [table-xlsx-read]',
    ]);
  });

  it('refuses a workbook whose part unpacks to more than its directory says, before a reader unpacks it', async () => {
    const bomb = await workbook(
      (sheet) => sheet,
      (zip) => zip.file('xl/media/junk.bin', Buffer.alloc(2 ** 21)),
    );
    await writeFile(join(dir, 'understated.xlsx'), withStatedSize(bomb, 'xl/media/junk.bin', 1024));
    expect(await reasons('understated.xlsx')).toEqual([
      "Cannot read understated.xlsx: its part xl/media/junk.bin unpacks to more than the file's directory says, as a ZIP bomb's does; open the workbook in Excel or WPS and save it again [table-xlsx-read]",
    ]);
  });

  it('refuses a CSV of more cells than a table holds, before parsing it', async () => {
    await writeFile(join(dir, 'wide.csv'), `${'甲,'.repeat(1_000_000)}乙\n`);
    expect(await reasons('wide.csv')).toEqual(['Expected a table of at most 1,000,000 cells, found up to 1,000,003 in wide.csv [table-csv-read]']);
  });

  it('refuses a pipe in the issue folder, which would block the build reading it', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
    expect(await reasons('pipe.csv')).toEqual([
      'Expected a table source file, got pipe.csv, which is no regular file (a pipe or a device) [table-src-outside-root]',
    ]);
  });
});
