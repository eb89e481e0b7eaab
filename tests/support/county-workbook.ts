import ExcelJS from 'exceljs';

/**
 * A county office's workbook as editors receive it: on sheet 3月进展 a title row, a unit row, a
 * three-level merged header (A3:H5), five districts with number formats, a 合计 row merged
 * across A11:B11 with SUM formulas and their saved results, and a note row; a second sheet
 * 2月进展. `edit` changes the sheet before it is saved, for the cases that go wrong.
 */
export async function countyWorkbook(edit?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('3月进展');
  sheet.getCell('A1').value = '2024年3月梅州市城镇燃气管网改造进展表';
  sheet.mergeCells('A1:H1');
  sheet.getCell('A2').value = '单位：公里、户';
  sheet.mergeCells('A2:H2');

  const header: [string, string][] = [
    ['A3:A5', '序号'],
    ['B3:B5', '区县名称'],
    ['C3:D3', '改造计划'],
    ['E3:H3', '改造进展情况'],
    ['C4:C5', '涉及户数(户)'],
    ['D4:D5', '管网长度(公里)'],
    ['E4:F4', '1. 正在开展前期工作'],
    ['G4:H4', '2. 已进场施工'],
  ];
  for (const [range, text] of header) {
    sheet.getCell(range.slice(0, 2)).value = text;
    sheet.mergeCells(range);
  }
  ['户数(户)', '管网长度(公里)', '户数(户)', '管网长度(公里)'].forEach((text, index) => {
    sheet.getCell(5, 5 + index).value = text;
  });

  // Lengths typed with more decimals than shown, as editors paste them.
  const districts: [string, number, number, number, number, number, number][] = [
    ['梅江区', 3200, 10.1, 0, 0, 3200, 10.1],
    ['梅县区', 1850, 8.2, 850, 3.2, 1000, 5],
    ['兴宁市', 2460, 4, 460, 1.5, 2000, 2.5],
    ['平远县', 980, 6.3, 0, 0, 980, 6.3],
    ['蕉岭县', 1210, 8.3, 210, 0.8, 1000, 7.5],
  ];
  districts.forEach(([name, ...numbers], index) => {
    const row = 6 + index;
    sheet.getCell(row, 1).value = index + 1;
    sheet.getCell(row, 2).value = name;
    numbers.forEach((value, column) => {
      const cell = sheet.getCell(row, 3 + column);
      cell.value = value;
      cell.numFmt = column % 2 === 0 ? '#,##0' : '0.0';
    });
  });
  sheet.getCell('A11').value = '合计';
  sheet.mergeCells('A11:B11');
  for (let column = 3; column <= 8; column++) {
    const letter = String.fromCharCode(64 + column);
    const cell = sheet.getCell(11, column);
    // Saved results as Excel computes them in floating point: 36.89999999999999, not 36.9.
    const result = districts.reduce((sum, row) => sum + (row[column - 2] as number), 0);
    cell.value = { formula: `SUM(${letter}6:${letter}10)`, result };
    cell.numFmt = column % 2 === 1 ? '#,##0' : '0.0';
  }
  sheet.getCell('A12').value = '注：管网长度按竣工图计。';
  sheet.mergeCells('A12:H12');

  const february = workbook.addWorksheet('2月进展');
  february.addRows([
    ['区县名称', '户数(户)'],
    ['梅江区', 3000],
    ['梅县区', 1500],
    ['合计', { formula: 'SUM(B2:B3)', result: 4500 }],
  ]);

  edit?.(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same table as the README writes it: the header's merged cells repeated, UTF-8, LF. */
export const COUNTY_CSV = `序号,区县名称,改造计划,改造计划,改造进展情况,改造进展情况,改造进展情况,改造进展情况
序号,区县名称,涉及户数(户),管网长度(公里),1. 正在开展前期工作,1. 正在开展前期工作,2. 已进场施工,2. 已进场施工
序号,区县名称,涉及户数(户),管网长度(公里),户数(户),管网长度(公里),户数(户),管网长度(公里)
1,梅江区,"3,200",10.1,0,0.0,"3,200",10.1
2,梅县区,"1,850",8.2,850,3.2,"1,000",5.0
3,兴宁市,"2,460",4.0,460,1.5,"2,000",2.5
4,平远县,980,6.3,0,0.0,980,6.3
5,蕉岭县,"1,210",8.3,210,0.8,"1,000",7.5
合计,,"9,700",36.9,"1,520",5.5,"8,180",31.4
`;
