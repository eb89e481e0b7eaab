import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_CSV, countyWorkbook } from '../support/county-workbook.ts';
import { renderIn, repoRoot } from './process-fixture.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-xlsx-'));
  await writeFile(join(dir, '燃气进展.xlsx'), await countyWorkbook());
  await writeFile(join(dir, 'progress.csv'), COUNTY_CSV);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** What the county workbook's sheet gives without a `range`: its title and unit rows left out. */
const RANGE_SUGGESTED =
  'index.md:1:1: Expected the table to start in the first row of sheet “3月进展”, found a title across A1:H1; pick the table\'s cells with `range`, e.g. `range="A3:H11"` [table-range]';

/** Render `markdown` in the temporary folder, or in `folder`. */
const render = (markdown: string, folder = dir) => renderIn(folder, markdown);

/** A workbook changed by `edit`, written beside the others, rendered from `markdown`. */
async function renderEdited(edit: Parameters<typeof countyWorkbook>[0], attributes = 'range="A3:H11"') {
  await writeFile(join(dir, 'edited.xlsx'), await countyWorkbook(edit));
  return render(`::table{src="edited.xlsx" ${attributes}}\n`);
}

/** 合计 by SUBTOTAL(109, …) over the county sheet's rows with 兴宁市 (row 8) left out, as Excel computes it with that row hidden. */
function subtotalsWithoutRow8(sheet: ExcelJS.Worksheet): void {
  for (const [column, result] of [
    [3, 7240],
    [4, 32.9],
    [5, 1060],
    [6, 4],
    [7, 6180],
    [8, 28.9],
  ] as const) {
    const letter = String.fromCharCode(64 + column);
    sheet.getCell(11, column).value = { formula: `SUBTOTAL(109,${letter}6:${letter}10)`, result };
  }
}

describe('Excel workbooks as table sources', () => {
  it('give the same table as the CSV written out in full: spans, header rows, cell text, 合计', async () => {
    const csv = await render('::table{src="progress.csv" header-rows="3"}\n');
    const xlsx = await render('::table{src="燃气进展.xlsx" sheet="3月进展" range="A3:H11"}\n');
    expect(csv.messages).toEqual([]);
    expect(xlsx.messages).toEqual([]);
    expect(xlsx.html).toBe(csv.html);
    // What that table is: the three-level header and the 合计 row, numbers as Excel shows them.
    expect(xlsx.html).toContain('<th scope="col" rowspan="3" class="label">序号</th>');
    expect(xlsx.html).toContain('<th scope="col" colspan="4"><span class="group-heading">改造进展情况</span></th>');
    expect(xlsx.html).toContain('<td class="num">3,200</td><td class="num">10.1</td>');
    expect(xlsx.html).toContain('<td class="num">2,460</td><td class="num">4.0</td>');
    expect(xlsx.html).toContain('<tr class="total"><th scope="row" colspan="2" class="label">合计</th><td class="num">9,700</td><td class="num">36.9</td>');
    expect(xlsx.file.data.tables?.[0]?.columns[5]).toBe('改造进展情况 / 1. 正在开展前期工作 / 管网长度(公里)');
    expect(xlsx.file.data.dependencies).toEqual([join(dir, '燃气进展.xlsx')]);
  });

  it('take the header height from the merged cell at the range’s top-left, and the first sheet by default', async () => {
    const { html, file } = await render('::table{src="燃气进展.xlsx" range="A3:H11"}\n');
    expect(file.data.tables?.[0]?.header.length).toBe(3);
    expect(html).toBe((await render('::table{src="燃气进展.xlsx" sheet="3月进展" range="A3:H11" header-rows="3"}\n')).html);
  });

  it('read another sheet, its used range and a plain one-row header', async () => {
    const { html, messages, file } = await render('::table{src="燃气进展.xlsx" sheet="2月进展"}\n');
    expect(messages).toEqual([]);
    expect(file.data.tables?.[0]?.columns).toEqual(['区县名称', '户数(户)']);
    expect(html).toContain('<tr class="total"><th scope="row" class="label">合计</th><td class="num">4500</td></tr>');
  });

  it('without a range, stop at a title row and suggest the range between title, unit and note rows', async () => {
    const { messages } = await render('::table{src="燃气进展.xlsx"}\n');
    expect(messages).toEqual([RANGE_SUGGESTED]);
  });

  it('without a range, suggest one that leaves out a 填报单位 row and a 填表人 line too', async () => {
    const { messages } = await renderEdited((sheet) => {
      sheet.unMergeCells('A2:H2');
      sheet.getCell('A2').value = '填报单位：梅州市住房和城乡建设局（盖章）';
      sheet.getCell('H2').value = '单位：公里、户';
      sheet.getCell('A13').value = '填表人：张三    审核人：李四';
    }, '');
    expect(messages).toEqual([RANGE_SUGGESTED]);
  });

  it('without a range, take a title centred across the columns in its first cell alone, not merged, for a title', async () => {
    const { messages } = await renderEdited((sheet) => {
      sheet.unMergeCells('A1:H1');
      sheet.getCell('A1').alignment = { horizontal: 'centerContinuous' };
    }, '');
    expect(messages).toEqual([RANGE_SUGGESTED]);
  });

  it('without a range, suggest one that leaves out a 金额单位 line in a cell of its own', async () => {
    const { messages } = await renderEdited((sheet) => {
      sheet.unMergeCells('A2:H2');
      sheet.getCell('A2').value = null;
      sheet.getCell('G2').value = '金额单位：万元';
    }, '');
    expect(messages).toEqual([RANGE_SUGGESTED]);
  });

  it('without a range, stop at a note and a 填表人 line under a table with no title above it, rather than print them as its last rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('进展');
    sheet.addRows([
      ['序号', '区县', '户数（户）', '小区数（个）'],
      [1, '丰顺县', 863, 10],
      [2, '兴宁市', 1200, 12],
      ['合计', null, { formula: 'SUM(C2:C3)', result: 2063 }, { formula: 'SUM(D2:D3)', result: 22 }],
      ['注：兴宁市数据为初步统计。'],
      ['填表人：张三', null, '审核人：李四'],
    ]);
    sheet.mergeCells('A4:B4');
    await writeFile(join(dir, 'notes-under.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));
    const { messages } = await render('::table{src="notes-under.xlsx"}\n');
    expect(messages).toEqual([
      'notes-under.xlsx 进展!A5: Expected only the table\'s rows, found the line “注：兴宁市数据为初步统计。” under it, which would print as a row of the table; pick the table\'s cells with `range`, e.g. `range="A1:D4"` [table-range]',
    ]);
    expect((await render('::table{src="notes-under.xlsx" range="A1:D4"}\n')).messages).toEqual([]);
  });

  it('without a range, read the print area, leaving out the working columns beside it with a warning', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('汇总');
    sheet.addRows([
      ['乡镇', '奖补资金', '', '联系人', '联系电话'],
      ['城关镇', 100, '', '张三', '13800000000'],
      ['石正镇', 80],
      ['合计', 180, '', '核对：180'],
    ]);
    sheet.pageSetup.printArea = 'A1:B4';
    await writeFile(join(dir, 'print-area.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));
    const { html, messages } = await render('::table{src="print-area.xlsx"}\n');
    expect(messages).toEqual([
      "print-area.xlsx 汇总!D1: warning: Cells D1, E1, D2 and 2 more outside the sheet's print area A1:B4 are left out, as Excel prints the sheet; to print them, widen the print area in Excel or WPS, or pick the cells with `range` [table-xlsx-print-area]",
    ]);
    expect(html).toContain('<td class="label">石正镇</td>');
    expect(html).not.toContain('13800000000');
    expect(html).not.toContain('联系人');
  });

  it('read each sheet’s own print area behind a chart sheet, which the workbook counts among its sheets', async () => {
    const workbook = new ExcelJS.Workbook();
    for (const [month, phone] of [
      ['3月', '13800000000'],
      ['2月', '13900000000'],
    ]) {
      const sheet = workbook.addWorksheet(month);
      sheet.addRows([
        ['乡镇', '奖补资金', '联系人', '联系电话'],
        ['城关镇', 100, '张三', phone],
        ['合计', 100],
      ]);
      sheet.pageSetup.printArea = 'A1:B3';
    }
    // 2月 prints its contacts too; the chart sheet 图表1 comes first, as a chart moved to a sheet of its own.
    workbook.getWorksheet('2月')!.pageSetup.printArea = 'A1:D3';
    await writeFile(join(dir, 'chart-sheet.xlsx'), await withChartSheetFirst(Buffer.from(await workbook.xlsx.writeBuffer())));
    const march = await render('::table{src="chart-sheet.xlsx"}\n');
    expect(march.messages).toEqual([
      "chart-sheet.xlsx 3月!C1: warning: Cells C1, D1, C2 and 1 more outside the sheet's print area A1:B3 are left out, as Excel prints the sheet; to print them, widen the print area in Excel or WPS, or pick the cells with `range` [table-xlsx-print-area]",
    ]);
    expect(march.html).not.toContain('13800000000');
    const february = await render('::table{src="chart-sheet.xlsx" sheet="2月"}\n');
    expect(february.messages).toEqual([]);
    expect(february.html).toContain('<td>张三</td><td class="num">13900000000</td>');
  });

  it('warn when the first sheet, read by default, holds no figures while another sheet does', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('填表说明').addRows([['填表说明：'], ['1. 请于每月25日前报送。']]);
    workbook.addWorksheet('11月').addRows([
      ['乡镇', '奖补资金'],
      ['城关镇', 100],
      ['合计', 100],
    ]);
    await writeFile(join(dir, 'notes-first.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));
    expect((await render('::table{src="notes-first.xlsx"}\n')).messages).toEqual([
      'notes-first.xlsx 填表说明!A1: warning: Read sheet “填表说明”, the first sheet Excel shows, which holds no figures, while “11月” does; name the table\'s sheet with `sheet`, e.g. `sheet="11月"` [table-xlsx-sheet]',
    ]);
    expect((await render('::table{src="notes-first.xlsx" sheet="11月"}\n')).messages).toEqual([]);
  });

  it('print a digit set as superscript in a cell’s rich text raised: m² in a heading', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('汇总').addRows([
      ['乡镇', { richText: [{ text: '改造面积（m' }, { text: '2', font: { vertAlign: 'superscript' } }, { text: '）' }] }],
      ['城关镇', 1200],
      ['合计', 1200],
    ]);
    await writeFile(join(dir, 'superscript.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));
    const { file, messages } = await render('::table{src="superscript.xlsx"}\n');
    expect(messages).toEqual([]);
    expect(file.data.tables?.[0]?.columns[1]).toBe('改造面积（m²）');
  });

  it('warn of a comment (批注) on a cell of the table, which it leaves out', async () => {
    const { html, messages } = await renderEdited((sheet) => {
      sheet.getCell('C7').note = { texts: [{ text: '张三:', font: { bold: true } }, { text: '\n含2个新增小区，待核实' }] };
    });
    expect(messages).toEqual([
      'edited.xlsx 3月进展!C7: warning: The cell has a comment (“张三: 含2个新增小区，待核实”), which the table leaves out; act on it in the workbook, or write it as a 注： line under the table [table-xlsx-comment]',
    ]);
    expect(html).not.toContain('待核实');
  });

  it('take the first sheet Excel shows by default, not a hidden one holding drop-down lists', async () => {
    const workbook = new ExcelJS.Workbook();
    const lists = workbook.addWorksheet('数据源', { state: 'hidden' });
    lists.addRows([['下拉选项'], ['城关镇']]);
    workbook.addWorksheet('汇总').addRows([
      ['乡镇', '奖补资金'],
      ['城关镇', 100],
      ['石正镇', 80],
      ['合计', 180],
    ]);
    await writeFile(join(dir, 'hidden-first.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));
    const { html, messages } = await render('::table{src="hidden-first.xlsx"}\n');
    expect(messages).toEqual([]);
    expect(html).toContain('<td class="label">石正镇</td>');
    expect(html).not.toContain('下拉选项');
  });

  it('leave rows indented under a district, by the cell’s indent or spaces before its text, out of the 合计, and show them indented', async () => {
    const workbook = new ExcelJS.Workbook();
    const rows = [
      ['单位', '完成投资（万元）'],
      ['梅江区', 1200],
      ['金山街道', 700],
      ['　　西郊街道', 500],
      ['梅县区', 800],
      ['合计', 2000],
    ];
    const parts = workbook.addWorksheet('街道');
    parts.addRows(rows);
    parts.getCell('A3').alignment = { horizontal: 'left', indent: 2 };
    // Every label indented alike: a table as it would be without.
    const alike = workbook.addWorksheet('区县');
    alike.addRows(rows.filter((_, index) => index !== 2 && index !== 3));
    for (const line of [2, 3]) alike.getCell(line, 1).alignment = { horizontal: 'left', indent: 1 };
    const plain = workbook.addWorksheet('未缩进');
    plain.addRows(rows.filter((_, index) => index !== 2 && index !== 3));
    await writeFile(join(dir, 'parts.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));

    const { html, messages, file } = await render('::table{src="parts.xlsx" sheet="街道"}\n');
    expect(messages).toEqual([]);
    expect(html).toContain(
      '<tr><td class="label tree">梅江区</td><td class="num">1200</td></tr>\n<tr><td class="label tree">　　金山街道</td><td class="num">700</td></tr>\n<tr><td class="label tree">　　西郊街道</td>',
    );
    // The record keeps the labels as they read, for charts and search.
    expect(file.data.tables?.[0]?.rows.map((row) => row[0])).toEqual(['梅江区', '金山街道', '西郊街道', '梅县区']);
    const indented = await render('::table{src="parts.xlsx" sheet="区县"}\n');
    expect(indented.messages).toEqual([]);
    expect(indented.html).toBe((await render('::table{src="parts.xlsx" sheet="未缩进"}\n')).html);
  });

  it('warn at a column whose number format shows a unit or currency, as its 合计 goes unchecked', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('金额');
    sheet.addRows([
      ['乡镇', '资金', '投资'],
      ['城关镇', 36000, 12.5],
      ['石正镇', 18000, 7.25],
      ['合计', 99999, 88.88],
    ]);
    for (const line of [2, 3, 4]) {
      sheet.getCell(line, 2).numFmt = '"¥"#,##0.00';
      sheet.getCell(line, 3).numFmt = '0.00"万元"';
    }
    await writeFile(join(dir, 'units.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));
    const { html, messages } = await render('::table{src="units.xlsx"}\n');
    expect(html).toContain('<td>¥36,000.00</td><td>12.50万元</td>');
    expect(messages).toEqual([
      "units.xlsx 金额!B2: warning: The number format shows this column's numbers with “¥” (¥36,000.00), so the table prints them as text and cannot check their 合计; write the unit in the column's heading, and give the cells a number format without it [table-xlsx-unit]",
      "units.xlsx 金额!C2: warning: The number format shows this column's numbers with “万元” (12.50万元), so the table prints them as text and cannot check their 合计; write the unit in the column's heading, and give the cells a number format without it [table-xlsx-unit]",
    ]);
  });

  it('report a 合计 typed over its formula at the file, sheet and cell', async () => {
    const { messages } = await renderEdited((sheet) => {
      sheet.getCell('F11').value = 20;
    });
    expect(messages).toEqual([
      'edited.xlsx 3月进展!F11: 合计 value 20.0 in column “改造进展情况 / 1. 正在开展前期工作 / 管网长度(公里)” does not match the sum of the rows above, 5.5 [table-total]',
    ]);
  });

  it('keep a line break typed in a header cell (Alt+Enter) as a <br>, and name the column on one line', async () => {
    const { html, messages, file } = await renderEdited((sheet) => {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value === '管网长度(公里)') cell.value = '管网长度\r\n(公里)';
        }),
      );
    });
    expect(messages).toEqual([]);
    expect(html.match(/<th scope="col"[^>]*>管网长度<br>\(公里\)<\/th>/g)).toHaveLength(3);
    expect(file.data.tables?.[0]?.columns[5]).toBe('改造进展情况 / 1. 正在开展前期工作 / 管网长度(公里)');
    expect(html).toContain('梅江区 · 改造计划：涉及户数(户) 3,200，管网长度(公里) 10.1 · ');
  });

  it('report an error value, a formula without a saved result and a date among numbers at their cells', async () => {
    const { messages } = await renderEdited((sheet) => {
      sheet.getCell('C7').value = { error: '#REF!' };
      // Written by a program that does not calculate: the one formula has no result.
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula) cell.value = cell.result as number;
        }),
      );
      sheet.getCell('E11').value = { formula: 'SUM(E6:E10)' };
      sheet.getCell('G8').value = new Date(Date.UTC(2024, 2, 1));
      sheet.getCell('G8').numFmt = 'yyyy/m/d';
    });
    expect(messages).toEqual([
      'edited.xlsx 3月进展!C7: Expected a value, found the error #REF!; fix the formula in Excel or WPS and save the workbook again [table-xlsx-cell]',
      'edited.xlsx 3月进展!E11: Expected the saved result of the formula SUM(E6:E10), found none (the workbook was written by a program that does not calculate); open it in Excel, WPS or LibreOffice and save it again [table-xlsx-cell]',
    ]);
    const date = await renderEdited((sheet) => {
      sheet.getCell('G8').value = new Date(Date.UTC(2024, 2, 1));
      sheet.getCell('G8').numFmt = 'yyyy/m/d';
    });
    expect(date.messages).toEqual([
      'edited.xlsx 3月进展!G8: Expected a number in column “改造进展情况 / 2. 已进场施工 / 户数(户)”, got “2024/3/1” [table-number]',
    ]);
  });

  it('read a formula whose saved result is an empty text (IF(…,"",…)), which exceljs leaves out, as an empty cell', async () => {
    const { messages, html } = await renderEdited((sheet) => {
      sheet.getCell('E11').value = { formula: 'IF(COUNT(E6:E10)=0,"",SUM(E6:E10))' };
    });
    expect(messages).toEqual([]);
    expect(html).toContain('合计</th><td class="num">9,700</td><td class="num">36.9</td><td></td><td class="num">5.5</td>');
  });

  it('read a formula Excel filled down (a shared formula) by its own text: an empty text result is an empty cell, a missing one names it', async () => {
    // 前期工作's share of each district's plan, filled down from I6 as Excel saves it: each cell
    // below names only I6; 梅江区 (I6) and 平远县 (I9) have nothing in E, so "".
    const shares = { formula: 'IF(E6=0,"",ROUND(E6/C6*100,1))', shareType: 'shared', ref: 'I6:I10', result: '' } as const;
    const fill = (sheet: ExcelJS.Worksheet, results: readonly (number | string | undefined)[]) => {
      sheet.getCell('I3').value = '前期工作占比(%)';
      sheet.mergeCells('I3:I5');
      sheet.getCell('I6').value = shares;
      results.forEach((result, index) => {
        sheet.getCell(7 + index, 9).value = { sharedFormula: 'I6', ...(result !== undefined && { result }) };
      });
    };
    const { messages, html } = await renderEdited((sheet) => fill(sheet, [45.9, 18.7, '', 17.4]), 'range="A3:I11"');
    expect(messages).toEqual([]);
    expect(html).toContain(
      '<td class="label">平远县</td><td class="num">980</td><td class="num">6.3</td><td class="num">0</td><td class="num">0.0</td><td class="num">980</td><td class="num">6.3</td><td></td></tr>',
    );
    expect(html).toContain(
      '<td class="label">梅县区</td><td class="num">1,850</td><td class="num">8.2</td><td class="num">850</td><td class="num">3.2</td><td class="num">1,000</td><td class="num">5.0</td><td class="num">45.9</td></tr>',
    );
    // One cell without a result where its formula cannot give "" names that formula, not I6.
    const uncalculated = await renderEdited((sheet) => {
      fill(sheet, [45.9, undefined, 0, 17.4]);
      sheet.getCell('I6').value = { ...shares, formula: 'ROUND(E6/C6*100,1)', result: 0 };
    }, 'range="A3:I11"');
    expect(uncalculated.messages).toEqual([
      'edited.xlsx 3月进展!I8: Expected the saved result of the formula ROUND(E8/C8*100,1), found none (the workbook was written by a program that does not calculate); open it in Excel, WPS or LibreOffice and save it again [table-xlsx-cell]',
    ]);
  });

  it('stop at a 合计 formula without a saved result, beside formulas that have theirs, rather than print it empty', async () => {
    // A workbook whose other formulas were calculated: the 合计 row's own SUM was not.
    const { messages } = await renderEdited((sheet) => {
      sheet.getCell('E11').value = { formula: 'SUM(E6:E10)' };
    });
    expect(messages).toEqual([
      'edited.xlsx 3月进展!E11: Expected the saved result of the formula SUM(E6:E10), found none (the workbook was written by a program that does not calculate); open it in Excel, WPS or LibreOffice and save it again [table-xlsx-cell]',
    ]);
  });

  it('warn, not stop, where the 合计 is the sum of the numbers the format rounds, and the rows as shown add up to another', async () => {
    // 10.14 and 8.24 shown as 10.1 and 8.2: Excel's SUM, 36.98, is shown as 37.0; the rows as shown make 36.9.
    const rounded = await renderEdited((sheet) => {
      sheet.getCell('D6').value = 10.14;
      sheet.getCell('D7').value = 8.24;
      sheet.getCell('D11').value = { formula: 'SUM(D6:D10)', result: 10.14 + 8.24 + 4 + 6.3 + 8.3 };
    });
    expect(rounded.messages).toEqual([
      'edited.xlsx 3月进展!D11: warning: 合计 value 37.0 in column “改造计划 / 管网长度(公里)” is the sum of the workbook’s numbers, but the rows as printed add up to 36.9: their number format rounds them; show the decimals they have, or round the numbers themselves in the workbook (ROUND) [table-total-rounding]',
    ]);
    // A 合计 typed over, which is the sum of neither, is still an error.
    const wrong = await renderEdited((sheet) => {
      sheet.getCell('D6').value = 10.14;
      sheet.getCell('D11').value = 37;
      sheet.getCell('D11').numFmt = '0.0';
    });
    expect(wrong.messages).toEqual([
      'edited.xlsx 3月进展!D11: 合计 value 37.0 in column “改造计划 / 管网长度(公里)” does not match the sum of the rows above, 36.9 [table-total]',
    ]);
  });

  it('name a figure stored as text, which Excel’s SUM leaves out, when the 合计 does not match', async () => {
    const { messages } = await renderEdited((sheet) => {
      sheet.getCell('C7').value = '1,850';
      sheet.getCell('C11').value = { formula: 'SUM(C6:C10)', result: 9700 - 1850 };
    });
    expect(messages).toEqual([
      'edited.xlsx 3月进展!C11: 合计 value 7,850 in column “改造计划 / 涉及户数(户)” does not match the sum of the rows above, 9,700; 3月进展!C7 “1,850” is a figure stored as text, which Excel’s SUM leaves out: convert it to a number in the workbook [table-total]',
    ]);
    // A column formatted as text (文本, `@`) before its figures were typed: every one is text, and Excel's SUM is 0.
    const column = await renderEdited((sheet) => {
      for (let row = 6; row <= 10; row++) {
        const cell = sheet.getCell(row, 3);
        cell.value = String(cell.value);
        cell.numFmt = '@';
      }
      sheet.getCell('C11').value = { formula: 'SUM(C6:C10)', result: 0 };
    });
    expect(column.messages).toEqual([
      'edited.xlsx 3月进展!C11: 合计 value 0 in column “改造计划 / 涉及户数(户)” does not match the sum of the rows above, 9700; 3月进展!C6 “3200”, 3月进展!C7 “1850” and 3 more are figures stored as text, which Excel’s SUM leaves out: convert them to a number in the workbook [table-total]',
    ]);
  });

  it('read a saved formula result of 0, which exceljs’s cell value leaves out', async () => {
    const { messages, html } = await renderEdited((sheet) => {
      for (let row = 6; row <= 10; row++) sheet.getCell(row, 5).value = 0;
      sheet.getCell('E11').value = { formula: 'SUM(E6:E10)', result: 0 };
      sheet.getCell('G11').value = { formula: 'SUM(G6:G10)', result: 8180 };
    });
    expect(messages).toEqual([]);
    expect(html).toContain('<td class="num">9,700</td><td class="num">36.9</td><td class="num">0</td><td class="num">5.5</td>');
  });

  it('leave out a column of width 0, which Excel shows as hidden, with the warning a hidden one gets', async () => {
    // exceljs writes no width of 0: one of its own is set to 0 in the saved sheet.
    const zip = await JSZip.loadAsync(
      await countyWorkbook((sheet) => {
        sheet.getColumn('F').width = 7.77;
      }),
    );
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain('width="7.77"');
    zip.file('xl/worksheets/sheet1.xml', xml.replace('width="7.77"', 'width="0"'));
    await writeFile(join(dir, 'edited.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const { messages, html } = await render('::table{src="edited.xlsx" range="A3:H11"}\n');
    expect(messages).toEqual([
      'edited.xlsx 3月进展!F3: warning: Column F is hidden in the workbook and left out, as Excel prints the sheet; unhide it in Excel or WPS to print it [table-xlsx-hidden]',
    ]);
    expect(html).toContain('<th scope="col" colspan="3"><span class="group-heading">改造进展情况</span></th>');
  });

  it('leave out hidden rows and columns, as Excel shows the sheet, a merge spanning the shown ones', async () => {
    const { messages, html, file } = await renderEdited((sheet) => {
      // 兴宁市 hidden, and its 合计 by SUBTOTAL(109, …), which leaves hidden rows out.
      sheet.getRow(8).hidden = true;
      subtotalsWithoutRow8(sheet);
      sheet.getColumn('F').hidden = true;
    });
    expect(messages).toEqual([
      'edited.xlsx 3月进展!F8: warning: Row 8 and column F are hidden in the workbook and left out, as Excel prints the sheet (a 合计 made with SUM still adds a hidden row, which SUBTOTAL(109, …) leaves out); unhide them in Excel or WPS to print them [table-xlsx-hidden]',
    ]);
    expect(html).not.toContain('兴宁市');
    expect(html).toContain('<th scope="col" colspan="3"><span class="group-heading">改造进展情况</span></th>');
    expect(file.data.tables?.[0]?.columns).toEqual([
      '序号',
      '区县名称',
      '改造计划 / 涉及户数(户)',
      '改造计划 / 管网长度(公里)',
      '改造进展情况 / 1. 正在开展前期工作 / 户数(户)',
      '改造进展情况 / 2. 已进场施工 / 户数(户)',
      '改造进展情况 / 2. 已进场施工 / 管网长度(公里)',
    ]);
    expect(html).toContain(
      '<tr class="total"><th scope="row" colspan="2" class="label">合计</th><td class="num">7,240</td><td class="num">32.9</td><td class="num">1,060</td><td class="num">6,180</td>',
    );
  });

  it('leave out a row of height 0, which Excel shows as hidden, and check the 合计 without it', async () => {
    // exceljs reads a height of 0 as none: 兴宁市's row is given one in the saved sheet, as exporters hide a row.
    const zip = await JSZip.loadAsync(await countyWorkbook(subtotalsWithoutRow8));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain('<row r="8" ');
    zip.file('xl/worksheets/sheet1.xml', xml.replace('<row r="8" ', '<row r="8" ht="0" customHeight="1" '));
    await writeFile(join(dir, 'edited.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const { messages, html } = await render('::table{src="edited.xlsx" range="A3:H11"}\n');
    expect(messages).toEqual([
      'edited.xlsx 3月进展!A8: warning: Row 8 is hidden in the workbook and left out, as Excel prints the sheet (a 合计 made with SUM still adds a hidden row, which SUBTOTAL(109, …) leaves out); unhide it in Excel or WPS to print it [table-xlsx-hidden]',
    ]);
    expect(html).not.toContain('兴宁市');
    // The other sheet's row 8 is its own: shown.
    const other = await render('::table{src="edited.xlsx" sheet="2月进展"}\n');
    expect(other.messages.filter((message) => message.includes('table-xlsx-hidden'))).toEqual([]);
  });

  it('warn of hidden rows beside the 合计 they no longer add up to', async () => {
    const { messages } = await renderEdited((sheet) => {
      sheet.getRow(7).hidden = true;
      sheet.getRow(9).hidden = true;
    });
    // The warning first, then each column's 合计, which counted them.
    expect(messages).toHaveLength(7);
    expect(messages.slice(0, 2)).toEqual([
      'edited.xlsx 3月进展!A7: warning: Rows 7, 9 are hidden in the workbook and left out, as Excel prints the sheet (a 合计 made with SUM still adds a hidden row, which SUBTOTAL(109, …) leaves out); unhide them in Excel or WPS to print them [table-xlsx-hidden]',
      'edited.xlsx 3月进展!C11: 合计 value 9,700 in column “改造计划 / 涉及户数(户)” does not match the sum of the rows above, 6,870 [table-total]',
    ]);
  });

  it('read a range of the whole sheet as the cells there are', async () => {
    const whole = await render('::table{src="燃气进展.xlsx" sheet="2月进展" range="A1:XFD1048576"}\n');
    expect(whole.messages).toEqual([]);
    expect(whole.html).toBe((await render('::table{src="燃气进展.xlsx" sheet="2月进展"}\n')).html);
  });

  it('read a `range` naming cells the workbook defines, the sheet’s own name first, or list its names', async () => {
    // Names as Excel saves them (公式 → 名称管理器): the workbook's 数据区 and 二月, 2月进展's own 数据区, a formula.
    const zip = await JSZip.loadAsync(await countyWorkbook());
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    expect(xml).toContain('</sheets>');
    expect(xml).not.toContain('definedName');
    const names = [
      `<definedName name="数据区">'3月进展'!$A$3:$H$11</definedName>`,
      `<definedName name="数据区" localSheetId="1">'2月进展'!$A$1:$B$3</definedName>`,
      `<definedName name="二月">'2月进展'!$A$1:$B$4</definedName>`,
      `<definedName name="合计户数">SUM('3月进展'!$C$6:$C$10)</definedName>`,
    ];
    zip.file('xl/workbook.xml', xml.replace('</sheets>', `</sheets><definedNames>${names.join('')}</definedNames>`));
    await writeFile(join(dir, 'named.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));

    const march = await render('::table{src="named.xlsx" range="数据区"}\n');
    expect(march.messages).toEqual([]);
    expect(march.html).toBe((await render('::table{src="燃气进展.xlsx" range="A3:H11"}\n')).html);
    const own = await render('::table{src="named.xlsx" sheet="2月进展" range="数据区"}\n');
    expect(own.html).toBe((await render('::table{src="燃气进展.xlsx" sheet="2月进展" range="A1:B3"}\n')).html);
    // A name on another sheet picks that sheet.
    const february = await render('::table{src="named.xlsx" range="二月"}\n');
    expect(february.html).toBe((await render('::table{src="燃气进展.xlsx" sheet="2月进展"}\n')).html);
    const elsewhere = await render('::table{src="named.xlsx" sheet="3月进展" range="二月"}\n');
    expect(elsewhere.messages).toEqual([
      'index.md:1:1: Expected `range="二月"` to name cells on sheet “3月进展”, found 2月进展!A1:B4; leave `sheet` out, or give the cells in A1 notation [table-range]',
    ]);
    const unknown = await render('::table{src="named.xlsx" range="数据"}\n');
    expect(unknown.messages).toEqual([
      'index.md:1:1: Expected `range` in A1 notation such as `A3:H12`, or a name named.xlsx defines for a block of cells (its names: “数据区”、“二月”), got “数据” [table-range]',
    ]);
  });

  it('report an unknown sheet and a range that is not A1 notation at the ::table line', async () => {
    const sheet = await render('# 表\n\n::table{src="燃气进展.xlsx" sheet="3月"}\n');
    expect(sheet.messages).toEqual(['index.md:3:1: Cannot find sheet “3月” in 燃气进展.xlsx; its sheets are “3月进展”、“2月进展” [table-sheet]']);
    const range = await render('::table{src="燃气进展.xlsx" range="A3-H11"}\n');
    expect(range.messages).toEqual([
      'index.md:1:1: Expected `range` in A1 notation such as `A3:H12`, or a name 燃气进展.xlsx defines for a block of cells (it defines none), got “A3-H11” [table-range]',
    ]);
    const csv = await render('::table{src="progress.csv" sheet="3月进展" header-rows="3"}\n');
    expect(csv.messages).toEqual([
      'index.md:1:1: Unexpected attribute `sheet` on a ::table of a .csv file; it picks a part of an Excel workbook (.xlsx) and has no meaning here [table-attribute]',
    ]);
    // Quotes a Chinese input method types stay in the value: named, not read as a file name.
    const curly = await render('::table{src=“燃气进展.xlsx” sheet=“2月进展”}\n');
    expect(curly.messages).toEqual([
      'index.md:1:1: Expected `src="燃气进展.xlsx"` with half-width quotes, got src=“燃气进展.xlsx” [table-attribute]',
      'index.md:1:1: Expected `sheet="2月进展"` with half-width quotes, got sheet=“2月进展” [table-attribute]',
    ]);
  });

  it('refuse an old, a WPS and a password-protected workbook, saying what to save instead', async () => {
    // Both begin with the OLE compound file signature; the encrypted one holds an EncryptionInfo stream.
    const compound = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    await writeFile(join(dir, 'old.xlsx'), compound);
    await writeFile(join(dir, 'locked.xlsx'), Buffer.concat([compound, Buffer.from('EncryptionInfo', 'utf16le')]));
    // An OpenDocument spreadsheet's ZIP: its first entry `mimetype`, stored, names what it is.
    const mimetype = 'application/vnd.oasis.opendocument.spreadsheet';
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(8, 26);
    await writeFile(join(dir, 'renamed.xlsx'), Buffer.concat([header, Buffer.from(`mimetype${mimetype}`, 'latin1')]));
    const { messages } = await render(
      '::table{src="old.xlsx"}\n\n::table{src="locked.xlsx"}\n\n::table{src="old.xls"}\n\n::table{src="old.et"}\n\n::table{src="calc.ods"}\n\n::table{src="renamed.xlsx"}\n',
    );
    expect(messages).toEqual([
      'index.md:1:1: Cannot read old.xlsx: it is an old Excel 97–2003 (.xls) or WPS (.et) workbook named .xlsx; open it in Excel or WPS and save it as “Excel 工作簿 (*.xlsx)” [table-xlsx-format]',
      'index.md:3:1: Cannot read locked.xlsx: it is password-protected (encrypted); save a copy without a password (File → Info → Protect Workbook in Excel, 文件 → 文档加密 in WPS) as .xlsx [table-xlsx-format]',
      'index.md:5:1: Cannot read old.xls: it is an Excel 97–2003 workbook; open it in Excel or WPS and save it as “Excel 工作簿 (*.xlsx)” [table-xlsx-format]',
      'index.md:7:1: Cannot read old.et: it is a WPS 表格 workbook; open it in WPS and save it as “Excel 工作簿 (*.xlsx)” [table-xlsx-format]',
      'index.md:9:1: Cannot read calc.ods: it is an OpenDocument (LibreOffice Calc) workbook; open it in LibreOffice, WPS or Excel and save it as “Excel 2007-365 (*.xlsx)” [table-xlsx-format]',
      'index.md:11:1: Cannot read renamed.xlsx: it is an OpenDocument (LibreOffice Calc) workbook named .xlsx; open it in LibreOffice, WPS or Excel and save it as “Excel 2007-365 (*.xlsx)” [table-xlsx-format]',
    ]);
  });

  it('say what a text file named .xlsx is: a CSV file to name .csv, or a web page or XML spreadsheet a system exported', async () => {
    await writeFile(join(dir, 'csv.xlsx'), '县区,户数（户）\r\n甲县,100\r\n合计,100\r\n');
    // “Unicode 文本”: UTF-16 with its byte order mark, cells separated by tabs.
    await writeFile(join(dir, 'unicode.xlsx'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('县区\t户数（户）\r\n甲县\t100\r\n', 'utf16le')]));
    await writeFile(
      join(dir, 'page.xlsx'),
      '\ufeff  <html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>县区</td></tr></table></body></html>',
    );
    await writeFile(join(dir, 'xml2003.xlsx'), '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>');
    const { messages } = await render('::table{src="csv.xlsx"}\n\n::table{src="unicode.xlsx"}\n\n::table{src="page.xlsx"}\n\n::table{src="xml2003.xlsx"}\n');
    const text = (file: string) =>
      `Cannot read ${file}: it is a text file named .xlsx, a CSV file perhaps; name a CSV file .csv, which \`::table\` reads as it is, or open the file in Excel or WPS and save it as “Excel 工作簿 (*.xlsx)” [table-xlsx-format]`;
    const markup = (file: string) =>
      `Cannot read ${file}: it is a web page (HTML) or an XML spreadsheet named .xlsx, as systems that export tables for Excel write them; open it in Excel or WPS and save it as “Excel 工作簿 (*.xlsx)” [table-xlsx-format]`;
    expect(messages).toEqual([
      `index.md:1:1: ${text('csv.xlsx')}`,
      `index.md:3:1: ${text('unicode.xlsx')}`,
      `index.md:5:1: ${markup('page.xlsx')}`,
      `index.md:7:1: ${markup('xml2003.xlsx')}`,
    ]);
  });

  it('read a workbook saved by LibreOffice like the one exceljs wrote', async () => {
    const folder = join(repoRoot, 'tests/fixtures/xlsx/libreoffice');
    const saved = await render('::table{src="燃气进展.xlsx" sheet="3月进展" range="A3:H11"}\n', folder);
    expect(saved.messages).toEqual([]);
    expect(saved.html).toBe((await render('::table{src="progress.csv" header-rows="3"}\n')).html);
  });
});

/** The workbook with a chart sheet, 图表1, before its other sheets, as Excel saves one: the print areas' sheets numbered anew. */
async function withChartSheetFirst(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const edit = async (path: string, change: (text: string) => string) => zip.file(path, change(await zip.file(path)!.async('string')));
  await edit('xl/workbook.xml', (text) =>
    text
      .replace('<sheets>', '<sheets><sheet name="图表1" sheetId="9" r:id="rIdChart"/>')
      .replace(/localSheetId="(\d+)"/g, (_, index: string) => `localSheetId="${Number(index) + 1}"`),
  );
  await edit('xl/_rels/workbook.xml.rels', (text) =>
    text.replace(
      '</Relationships>',
      '<Relationship Id="rIdChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
    ),
  );
  await edit('[Content_Types].xml', (text) =>
    text.replace(
      '</Types>',
      '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/></Types>',
    ),
  );
  zip.file(
    'xl/chartsheets/sheet1.xml',
    '<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>',
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

/**
 * A workbook whose cells C2:C3 to N2:N3 have the built-in number formats `ids` by number alone,
 * with no format text, as Chinese Excel and WPS save them (exceljs writes a format's text, so its
 * styles are rewritten): 14:30 on 31 May 2024 in C to H, numbers in I to N.
 */
async function builtInFormatsWorkbook(ids: readonly number[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('内置格式');
  sheet.getRow(1).values = ['序号', '项目', ...ids.map((id) => `格式${id}`)];
  const time = new Date(Date.UTC(2024, 4, 31, 14, 30));
  sheet.getRow(2).values = [1, '甲', time, time, time, time, time, time, 1234567, 3200.256, 0, -1234.5, 3200.256, 0];
  sheet.getRow(3).values = [2, '乙', time, time, time, time, time, time, 89, 0.5, 12, 7, 0, 1];
  ids.forEach((_, index) => {
    for (const row of [2, 3]) sheet.getCell(row, 3 + index).numFmt = `"FORMAT${index}"0`;
  });
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  let styles = await zip.file('xl/styles.xml')!.async('string');
  for (const found of styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="&quot;FORMAT(\d+)&quot;0"\/>/g)) {
    styles = styles.replaceAll(`numFmtId="${found[1]}"`, `numFmtId="${ids[Number(found[2])]}"`);
  }
  zip.file('xl/styles.xml', styles.replace(/<numFmt numFmtId="\d+" formatCode="&quot;FORMAT\d+&quot;0"\/>/g, ''));
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('built-in number formats a workbook names by number alone', () => {
  it('print as Chinese Excel shows them: its dates and times, the accounting formats', async () => {
    await writeFile(join(dir, '内置格式.xlsx'), await builtInFormatsWorkbook([31, 57, 58, 22, 32, 55, 3, 43, 43, 41, 44, 44]));
    const { html, messages } = await render('::table{src="内置格式.xlsx"}\n');
    const cells = (row: number) => [...html.split('<tr>')[row + 1]!.matchAll(/<t[dh][^>]*>([^<]*)<\/t[dh]>/g)].map((found) => found[1]).slice(2);
    expect(cells(1)).toEqual([
      '2024年5月31日',
      '2024年5月',
      '5月31日',
      '2024/5/31 14:30',
      '14时30分',
      '下午2时30分',
      '1,234,567',
      '3,200.26',
      '-',
      '-1,235',
      '¥3,200.26',
      '¥-',
    ]);
    expect(cells(2)).toEqual([
      '2024年5月31日',
      '2024年5月',
      '5月31日',
      '2024/5/31 14:30',
      '14时30分',
      '下午2时30分',
      '89',
      '0.50',
      '12.00',
      '7',
      '¥-',
      '¥1.00',
    ]);
    // The ¥ of format 44 makes its two columns text, which the table cannot check.
    expect(messages.map((message) => message.replace(/^.*\[/, '['))).toEqual(['[table-xlsx-unit]', '[table-xlsx-unit]']);
  });
});
