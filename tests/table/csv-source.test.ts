import { describe, expect, it } from 'vitest';
import { cellLabel, rowLabel } from '../../src/table/problem.ts';
import { parseCsv } from '../../src/table/sources/csv.ts';
import { cellTexts } from '../../src/table/sources/source.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const rows = (text: string) => parseCsv(bytes(text), 'test.csv').rows.map((row) => [row.place.line, ...cellTexts(row)]);
const problems = (input: string | Uint8Array) =>
  parseCsv(typeof input === 'string' ? bytes(input) : input, 'test.csv').problems.map(
    (problem) => `${problem.place?.line}:${problem.place?.column} ${problem.ruleId}`,
  );

describe('parseCsv', () => {
  it('drops a BOM and CRs, keeping line numbers', () => {
    expect(rows('\uFEFF区县,户数\r\n甲,1\r\n乙,2')).toEqual([
      [1, '区县', '户数'],
      [2, '甲', '1'],
      [3, '乙', '2'],
    ]);
  });

  it('numbers a row by the line it starts on, across quoted line breaks and skipped lines', () => {
    expect(rows('区县,户数\n\n"丰顺县\n（含汤坑镇）",1\n,\n  乙 , "2" \n')).toEqual([
      [1, '区县', '户数'],
      [3, '丰顺县\n（含汤坑镇）', '1'],
      [6, '乙', '2'],
    ]);
  });

  it('reads the spaces typed before a cell’s text as its indent, in full-width characters, quoted or not', () => {
    const read = parseCsv(bytes('单位,投资\n梅江区,1\n　　西郊街道,2\n    江南街道,3\n"　 金山街道",4\n  ,5\n'), 'test.csv');
    expect(read.rows.map((row) => [row.cells[0]?.text, row.cells[0]?.indent])).toEqual([
      ['单位', undefined],
      ['梅江区', undefined],
      ['西郊街道', 2],
      ['江南街道', 2],
      ['金山街道', 1.5],
      ['', undefined],
    ]);
    // Spaces before a quoted cell pad it, as before: that file is read without indents.
    expect(rows('区县,户数\n  乙 , "2" \n　丙,3\n')).toEqual([
      [1, '区县', '户数'],
      [2, '乙', '2'],
      [3, '丙', '3'],
    ]);
  });

  it('names places by file, line and field, and rows by line', () => {
    const [, second] = parseCsv(bytes('区县,户数\n"甲\n乙",1\n'), 'progress.csv').rows;
    expect(second?.cells.map((cell) => cellLabel(cell.place))).toEqual(['progress.csv:2:1', 'progress.csv:2:2']);
    expect(second && rowLabel(second.place)).toBe('line 2');
  });

  it('reports rows of another length with both counts', () => {
    expect(parseCsv(bytes('a,b\nc\n'), 'test.csv').problems).toEqual([
      { reason: 'Expected 2 cells as in the first row (line 1), found 1', ruleId: 'table-row-length', place: expect.objectContaining({ line: 2, column: 1 }) },
    ]);
  });

  it('reports syntax errors at the row and cell they are in', () => {
    expect(problems('a,b\n"bad"x,1\n')).toEqual(['2:1 table-csv-syntax']);
    expect(problems('a,b\nc,d"e\n')).toEqual(['2:2 table-csv-syntax']);
    // csv-parse stops at the end of the file; the quote opened on line 3.
    expect(problems('a,b\nc,d\n\ne,"f\ng,h\n')).toEqual(['4:2 table-csv-syntax']);
  });

  it('reports the encoding problems editors meet', () => {
    expect(problems(new Uint8Array())).toEqual(['1:1 table-csv-empty']);
    expect(problems('\n,\n \n')).toEqual(['1:1 table-csv-empty']);
    // An odd byte after a UTF-16 byte order mark.
    expect(problems(new Uint8Array([0xff, 0xfe, 0x61]))).toEqual(['1:1 table-csv-encoding']);
    expect(problems(new Uint8Array([0x61, 0x0a, 0x62, 0x00]))).toEqual(['2:1 table-csv-binary']);
    // 区 in UTF-8 on line 1, 兴 in GBK on line 2: pasted together, neither reading is right.
    expect(problems(new Uint8Array([0xe5, 0x8c, 0xba, 0x0a, 0xd0, 0xcb, 0x0a]))).toEqual(['2:1 table-csv-encoding']);
    // 0xff starts no character in GB18030.
    expect(problems(new Uint8Array([0x61, 0x0a, 0xff, 0x0a]))).toEqual(['2:1 table-csv-encoding']);
  });
});
