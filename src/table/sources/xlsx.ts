import { createHash } from 'node:crypto';
import type { Cell, CellValue, Workbook, Worksheet } from 'exceljs';
import type JSZip from 'jszip';
import type { PlaceLabel, Problem, SourcePlace } from '../problem.ts';
import { type CellRange, columnLetters, parseRange } from './a1-range.ts';
import { readSourceFile } from './read-source-file.ts';
import { contentHash } from '../../cache/hash.ts';
import { MAX_TABLE_CELLS, type SourceCell, type SourceContext, type SourceResult, type SourceRow, type TableSource } from './source.ts';
import { useChineseBuiltInFormats } from './built-in-formats.ts';
import { formatUnit } from './number-format.ts';
import { cellText } from './workbook-cell.ts';
import { type WorkbookContainer, workbookContainer } from './workbook-container.ts';
import { workbookLimits } from './workbook-limits.ts';
import { type DefinedName, definedNames, printAreas } from './print-areas.ts';
import { zeroHeightRows } from './zero-height-rows.ts';
import { workbookXml } from './workbook-xml.ts';

/**
 * Excel workbooks (`.xlsx`, as Excel, WPS and LibreOffice save them), read with exceljs:
 * `sheet` picks the sheet (default: the first), `range` the cells in A1 notation (default: the
 * cells in use). Merged cells give spans; cells read as Excel shows them.
 */
export const xlsxSource: TableSource = {
  extensions: ['xlsx'],
  attributes: ['sheet', 'range'],
  read: readXlsx,
};

/** Places as `燃气进展.xlsx 3月进展!E12`, rows as `row 12`. */
export function workbookLabel(name: string, sheet: string): PlaceLabel {
  // Excel quotes a sheet name with spaces or punctuation in a reference: `'3月 进展'!E12`.
  const reference = /[\s!'()\-,;]/.test(sheet) ? `'${sheet.replaceAll("'", "''")}'` : sheet;
  const where = (line: number, column: number) => `${reference}!${columnLetters(column)}${line}`;
  return { cell: (line, column) => `${name} ${where(line, column)}`, row: (line) => `row ${line}`, where };
}

const failed = (...problems: Problem[]): SourceResult => ({ rows: [], problems });

async function readXlsx(path: string, context: SourceContext): Promise<SourceResult> {
  const file = readSourceFile(path, context.name, { missing: 'table-xlsx-missing', read: 'table-xlsx-read' });
  if ('problem' in file) return failed(file.problem);
  return { ...(await workbookRows(file.bytes, context)), bytesHash: contentHash(file.bytes) };
}

/** The rows of a workbook's bytes (see `readXlsx`). */
async function workbookRows(bytes: Buffer, { name, attributes = {} }: SourceContext): Promise<SourceResult> {
  const container = workbookContainer(bytes);
  if (container !== 'zip') return failed(notAWorkbook(container, name));
  const archive = await checkedArchive(bytes, name);
  if ('reason' in archive) return failed(archive);
  const { zip, book, names } = archive;
  const loaded = await loadWorkbook(bytes).then(
    (workbook) => ({ workbook }),
    (error: unknown) => ({ error }),
  );
  if ('error' in loaded) return failed(unreadable(name, loaded.error));

  const { worksheets } = loaded.workbook;
  const wanted = attributes['sheet'];
  // By default the first sheet Excel shows: a hidden one holds lists for drop-downs and the like.
  const chosen =
    wanted === undefined || wanted === ''
      ? (worksheets.find((candidate) => candidate.state === 'visible') ?? worksheets[0])
      : worksheets.find((candidate) => candidate.name.trim() === wanted);
  if (!chosen) {
    const names = worksheets.map((candidate) => `“${candidate.name}”`).join('、');
    return failed({
      reason:
        wanted === undefined || wanted === '' ? `Expected a sheet in ${name}, found none` : `Cannot find sheet “${wanted}” in ${name}; its sheets are ${names}`,
      ruleId: 'table-sheet',
    });
  }

  const written = attributes['range'];
  // A `range` that is no A1 notation is a name the workbook defines (数据区), which may pick the sheet.
  const named = written === undefined || parseRange(written) ? undefined : namedCells(names, written, chosen.name);
  const sheet = named === undefined || wanted ? chosen : (worksheets.find((candidate) => candidate.name === named.sheet) ?? chosen);
  if (named && named.sheet !== sheet.name) {
    return failed({
      reason: `Expected \`range="${written}"\` to name cells on sheet “${sheet.name}”, found ${named.sheet}!${named.cells}; leave \`sheet\` out, or give the cells in A1 notation`,
      ruleId: 'table-range',
    });
  }
  const used = usedRange(sheet);
  // Without a `range`, the print area set in Excel or WPS (页面布局 → 打印区域): what the office prints,
  // leaving out the working columns beside it (a contact's phone number, a check sum).
  const printed = written === undefined && used ? printArea(sheet, used, printAreas(names).get(sheet.name)) : undefined;
  const range = written === undefined ? (printed?.range ?? used) : parseRange(named?.cells ?? written);
  if (!range) {
    return failed(
      written === undefined
        ? { reason: `Expected a table on sheet “${sheet.name}” of ${name}, found no cells with values`, ruleId: 'table-range' }
        : {
            reason: `Expected \`range\` in A1 notation such as \`A3:H12\`, or a name ${name} defines for a block of cells (${nameList(names)}), got “${written}”`,
            ruleId: 'table-range',
          },
    );
  }
  const label = workbookLabel(name, sheet.name);
  const rows = sheetRows(sheet, range, label, await zeroHeightRows(zip, book, sheet.name));
  const notes = [
    ...(rows.notes ?? []),
    ...(printed ? outsideNote(printed, label) : []),
    ...(wanted === undefined || wanted === '' ? otherSheetNote(worksheets, sheet, { line: range.top, column: range.left, label }) : []),
  ];
  const read = { ...rows, notes };
  const table = written === undefined && read.problems.length === 0 ? withoutTitles(read.rows) : undefined;
  if (!table) return read;
  const [first, last] = [table.at(0)?.place, table.at(-1)?.place];
  const suggested = first && last ? `, e.g. \`range="${columnLetters(range.left)}${first.line}:${columnLetters(range.right)}${last.line}"\`` : '';
  if (read.rows[0] !== table[0]) {
    return failed({
      reason:
        `Expected the table to start in the first row of sheet “${sheet.name}”, found a title across ${columnLetters(range.left)}${range.top}:${columnLetters(range.right)}${range.top}; ` +
        `pick the table's cells with \`range\`${suggested}`,
      ruleId: 'table-range',
    });
  }
  // Only lines under the table: a note (注：…) or who filled it in, which would print as its last rows.
  const note = read.rows[table.length]!;
  const text = note.cells.find((cell) => cell.text !== '')?.text ?? '';
  return failed({
    reason: `Expected only the table's rows, found the line “${text.length > 30 ? `${text.slice(0, 30)}…` : text}” under it, which would print as a row of the table; pick the table's cells with \`range\`${suggested}`,
    ruleId: 'table-range',
    place: note.place,
  });
}

/**
 * The workbook's archive, its `xl/workbook.xml` and the names it defines, print areas among them (see `definedNames`),
 * or why it is refused before exceljs reads it (see `workbookLimits`).
 */
async function checkedArchive(
  bytes: Buffer,
  name: string,
): Promise<{ readonly zip: JSZip; readonly book: Document | undefined; readonly names: readonly DefinedName[] } | Problem> {
  try {
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(bytes);
    const limit = await workbookLimits(zip, name);
    if (limit) return limit;
    // Parsed once, for the names and for finding a sheet's part (see `zeroHeightRows`).
    const book = await workbookXml(zip, 'xl/workbook.xml');
    return { zip, book, names: definedNames(book) };
  } catch (error) {
    return unreadable(name, error);
  }
}

/** The names that are one block of cells, not Excel's own (`_xlnm.Print_Area`), for a `range`. */
const cellNames = (names: readonly DefinedName[]) =>
  names.filter((defined) => !defined.name.startsWith('_xlnm.') && defined.blocks.length === 1 && parseRange(defined.blocks[0]!.cells));

/**
 * The block of cells a name stands for, as Excel finds it from a sheet: the sheet's own name of
 * that spelling first, then the workbook's (Excel's names ignore case).
 */
function namedCells(names: readonly DefinedName[], written: string, sheetName: string): DefinedName['blocks'][number] | undefined {
  const spelled = cellNames(names).filter((defined) => defined.name.toLowerCase() === written.trim().toLowerCase());
  return (spelled.find((defined) => defined.scope === sheetName) ?? spelled.find((defined) => defined.scope === undefined))?.blocks[0];
}

/** The workbook's names for a block of cells, for a message: `“数据区”、“上月”`, or that it has none. */
function nameList(names: readonly DefinedName[]): string {
  const list = [...new Set(cellNames(names).map((defined) => `“${defined.name}”`))];
  return list.length === 0 ? 'it defines none' : `its names: ${list.join('、')}`;
}

function unreadable(name: string, error: unknown): Problem {
  const detail = error instanceof Error ? error.message : String(error);
  return { reason: `Cannot read ${name} as an Excel workbook (${detail}); open it in Excel or WPS and save it again as .xlsx`, ruleId: 'table-xlsx-read' };
}

/** How the lines around a statistics table start: the unit, who filled it in, notes, the source. */
const NOTE_LINE = /^(填报单位|报送单位|(金额|计量|数量)?单位|注|备注|说明|填表人|制表人|制表|审核人|审核|负责人|联系人|联系电话|数据来源|资料来源)\s*[：:]/;

/**
 * The rows between the title, unit and note rows around a table (one cell merged across the
 * whole width, or a row that starts as such lines do: `填报单位：`, `注：`, `填表人：`; at the
 * top, a title typed in the first cell alone and centred across the others, not merged), or
 * undefined when there is no such row above or below it.
 */
function withoutTitles(rows: readonly SourceRow[]): readonly SourceRow[] | undefined {
  const title = (row: SourceRow) =>
    (row.cells[0]?.colSpan === row.cells.length && row.cells.length > 1) || NOTE_LINE.test(row.cells.find((cell) => cell.text !== '')?.text ?? '');
  const top = (row: SourceRow) => title(row) || (row.cells.length > 2 && row.cells[0]?.text !== '' && row.cells.slice(1).every((cell) => cell.text === ''));
  const start = rows.findIndex((row) => !top(row));
  if (start === -1) return rows.length === 0 ? undefined : [];
  const end = rows.length - [...rows].reverse().findIndex((row) => !title(row));
  return start === 0 && end === rows.length ? undefined : rows.slice(start, end);
}

// The last few workbooks read, by their bytes: two tables from one workbook, or a preview
// rebuilding while other files change, parse it once.
const recent = new Map<string, Promise<Workbook>>();
const KEEP = 4;
// Parts of a sheet a table never reads, which exceljs then skips: a quarter of its time on a small
// workbook (19 → 14 ms a workbook, measured on a small one with merges and formulas).
const IGNORED = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'autoFilter',
  'rowBreaks',
  'hyperlinks',
  'pageMargins',
  'dataValidations',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'picture',
  'drawing',
  'sheetProtection',
  'tableParts',
  'conditionalFormatting',
  'extLst',
];

/** Parse the bytes with exceljs, loaded on the first workbook so that CSV-only builds never load it. */
function loadWorkbook(bytes: Buffer): Promise<Workbook> {
  const key = createHash('sha256').update(bytes).digest('hex');
  let workbook = recent.get(key);
  if (!workbook) {
    workbook = Promise.all([import('exceljs'), import('exceljs/lib/xlsx/defaultnumformats.js')]).then(async ([{ default: ExcelJS }, builtIn]) => {
      useChineseBuiltInFormats(builtIn.default);
      const parsed = new ExcelJS.Workbook();
      // exceljs types its Buffer as its own ArrayBuffer-like interface; a Node Buffer is what it reads.
      await parsed.xlsx.load(bytes as unknown as Parameters<typeof parsed.xlsx.load>[0], { ignoreNodes: IGNORED });
      return parsed;
    });
    recent.set(key, workbook);
    // A failed parse is not kept; neither are the oldest entries beyond KEEP.
    workbook.catch(() => recent.delete(key));
    for (const old of [...recent.keys()].slice(0, -KEEP)) recent.delete(old);
  }
  return workbook;
}

/** Why a file named `.xlsx` is not one, and what to save instead. */
function notAWorkbook(container: Exclude<WorkbookContainer, 'zip'>, name: string): Problem {
  const reasons = {
    opendocument:
      `Cannot read ${name}: it is an OpenDocument (LibreOffice Calc) workbook named .xlsx; ` +
      'open it in LibreOffice, WPS or Excel and save it as “Excel 2007-365 (*.xlsx)”',
    encrypted:
      `Cannot read ${name}: it is password-protected (encrypted); save a copy without a password ` +
      '(File → Info → Protect Workbook in Excel, 文件 → 文档加密 in WPS) as .xlsx',
    compound:
      `Cannot read ${name}: it is an old Excel 97–2003 (.xls) or WPS (.et) workbook named .xlsx; ` +
      'open it in Excel or WPS and save it as “Excel 工作簿 (*.xlsx)”',
    markup:
      `Cannot read ${name}: it is a web page (HTML) or an XML spreadsheet named .xlsx, as systems that export tables for Excel write them; ` +
      'open it in Excel or WPS and save it as “Excel 工作簿 (*.xlsx)”',
    text:
      `Cannot read ${name}: it is a text file named .xlsx, a CSV file perhaps; name a CSV file .csv, which \`::table\` reads as it is, ` +
      'or open the file in Excel or WPS and save it as “Excel 工作簿 (*.xlsx)”',
    other: `Cannot read ${name}: it is not an Excel workbook; open it in Excel or WPS and save it as “Excel 工作簿 (*.xlsx)”`,
  };
  return { reason: reasons[container], ruleId: container === 'other' ? 'table-xlsx-read' : 'table-xlsx-format' };
}

/** Whether a formula of the sheet has a saved result: the program that saved it calculates. */
function savedResults(sheet: Worksheet): boolean {
  let found = false;
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      found ||= cell.formula !== undefined && cell.result !== undefined;
    });
  });
  return found;
}

/** The cells with values, and merged cells, as one block; undefined when the sheet is empty. */
function usedRange(sheet: Worksheet): CellRange | undefined {
  let range: CellRange | undefined;
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      if (cell.value === null || cell.value === undefined || cell.value === '') return;
      const { row: line, col: column } = cell.fullAddress;
      range = range
        ? {
            top: Math.min(range.top, line),
            left: Math.min(range.left, column),
            bottom: Math.max(range.bottom, line),
            right: Math.max(range.right, column),
          }
        : { top: line, left: column, bottom: line, right: column };
    });
  });
  return range;
}

/**
 * A warning when the sheet read by default holds no figure while another sheet Excel shows does:
 * a 填表说明 sheet before the table, which would print as a table of its text.
 */
function otherSheetNote(worksheets: readonly Worksheet[], sheet: Worksheet, place: SourcePlace): Problem[] {
  if (hasFigures(sheet)) return [];
  const others = worksheets.filter((candidate) => candidate !== sheet && candidate.state === 'visible' && hasFigures(candidate));
  if (others.length === 0) return [];
  const names = others.map((other) => `“${other.name}”`).join('、');
  return [
    {
      reason: `Read sheet “${sheet.name}”, the first sheet Excel shows, which holds no figures, while ${names} ${others.length === 1 ? 'does' : 'do'}; name the table's sheet with \`sheet\`, e.g. \`sheet="${others[0]!.name}"\``,
      ruleId: 'table-xlsx-sheet',
      place,
    },
  ];
}

/** Whether a sheet has a number in a cell, typed or a formula's result. */
function hasFigures(sheet: Worksheet): boolean {
  let found = false;
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      found ||= isNumber(cellValue(cell));
    });
  });
  return found;
}

/** The sheet's print area (`text`) within its used cells, and the cells with values outside it; undefined without one. */
function printArea(sheet: Worksheet, used: CellRange, text: string | undefined): { range: CellRange; text: string; outside: Cell[] } | undefined {
  // Of a print area of several blocks, which is the table is not known.
  if (text === undefined || text.includes(',')) return undefined;
  const area = parseRange(text);
  if (!area) return undefined;
  const range = {
    top: Math.max(area.top, used.top),
    left: Math.max(area.left, used.left),
    bottom: Math.min(area.bottom, used.bottom),
    right: Math.min(area.right, used.right),
  };
  if (range.top > range.bottom || range.left > range.right) return undefined;
  const outside: Cell[] = [];
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      const { row: line, col: column } = cell.fullAddress;
      const within = line >= area.top && line <= area.bottom && column >= area.left && column <= area.right;
      // A merged cell's other cells repeat its master's value.
      const own = !cell.isMerged || cell.master === cell;
      if (!within && own && cell.value !== null && cell.value !== undefined && cell.value !== '') outside.push(cell);
    });
  });
  return { range, text, outside };
}

/** A warning at the first cell with a value outside the print area, naming the first few; none when none is. */
function outsideNote({ text, outside }: { text: string; outside: readonly Cell[] }, label: PlaceLabel): Problem[] {
  const [first] = outside;
  if (!first) return [];
  const shown = outside.slice(0, 3).map((cell) => cell.address);
  const more = outside.length > shown.length ? ` and ${outside.length - shown.length} more` : '';
  return [
    {
      reason: `${outside.length === 1 ? 'Cell' : 'Cells'} ${shown.join(', ')}${more} outside the sheet's print area ${text} ${outside.length === 1 ? 'is' : 'are'} left out, as Excel prints the sheet; to print ${outside.length === 1 ? 'it' : 'them'}, widen the print area in Excel or WPS, or pick the cells with \`range\``,
      ruleId: 'table-xlsx-print-area',
      place: { line: first.fullAddress.row, column: first.fullAddress.col, label },
    },
  ];
}

/**
 * The range's rows. A merged cell gives its text and spans to the part of it inside the range,
 * whose other cells stay empty; a row empty and unmerged throughout is left out, as in CSV. Hidden
 * rows and columns are left out, as Excel shows and prints the sheet: a merge spans the shown
 * ones, and a 合计 by SUBTOTAL, which leaves hidden rows out, still checks. `zeroHeight`: the rows
 * saved with a height of 0, hidden as well.
 */
function sheetRows(sheet: Worksheet, range: CellRange, label: PlaceLabel, zeroHeight: ReadonlySet<number>): SourceResult {
  const { top, left } = range;
  // Past the sheet's last row and column every cell is empty: a range such as A1:XFD1048576
  // (the whole sheet) reads the cells there are, not 17 billion.
  const bottom = Math.min(range.bottom, sheet.rowCount);
  const right = Math.min(range.right, Math.max(sheet.columnCount, left));
  const cells = (bottom - top + 1) * (right - left + 1);
  if (cells > MAX_TABLE_CELLS) {
    const span = `${columnLetters(left)}${top}:${columnLetters(right)}${bottom}`;
    return failed({
      reason: `Expected a table of at most ${MAX_TABLE_CELLS.toLocaleString('en')} cells, found ${span} in use (${cells.toLocaleString('en')} cells), most likely for a cell typed far from the table; pick the table's cells with \`range\``,
      ruleId: 'table-range',
    });
  }
  const problems: Problem[] = [];
  let saved: boolean | undefined;
  const calculated = () => (saved ??= savedResults(sheet));
  // A row of height 0 is hidden too, as Excel shows it (see `zeroHeightRows`).
  const lines = numbers(top, bottom).filter((line) => !sheet.findRow(line)?.hidden && !zeroHeight.has(line));
  // A column of width 0 is hidden too, as Excel shows it (programs that export workbooks hide one so).
  const columns = numbers(left, right).filter((column) => !sheet.getColumn(column).hidden && sheet.getColumn(column).width !== 0);
  // Each merge's extent inside the range's shown cells, by its master cell, as indexes in `lines` and `columns`.
  const merges = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  for (const [y, line] of lines.entries()) {
    for (const [x, column] of columns.entries()) {
      const cell = sheet.findCell(line, column);
      if (!cell?.isMerged) continue;
      const seen = merges.get(cell.master.address);
      merges.set(
        cell.master.address,
        seen ? { ...seen, bottom: Math.max(seen.bottom, y), right: Math.max(seen.right, x) } : { top: y, left: x, bottom: y, right: x },
      );
    }
  }

  const rows: SourceRow[] = [];
  let headerRows: number | undefined;
  // The first number shown with a unit or currency by its format, in each column where one is.
  const units = new Map<number, { place: SourcePlace; unit: string; text: string }>();
  const comments: Problem[] = [];
  for (const [y, line] of lines.entries()) {
    let merged = false;
    const cells: SourceCell[] = [];
    for (const [x, column] of columns.entries()) {
      const place: SourcePlace = { line, column, label };
      const cell = sheet.findCell(line, column);
      const extent = cell?.isMerged ? merges.get(cell.master.address) : undefined;
      merged ||= extent !== undefined;
      if (extent && (extent.top !== y || extent.left !== x)) {
        cells.push({ text: '', place });
        continue;
      }
      // A merge's text is its master's, even where the range cuts the master off or hides it.
      const source = extent ? cell?.master : cell;
      const comment = noteText(source?.note);
      if (comment) comments.push(commentNote(comment, place));
      const value = source ? cellValue(source) : null;
      const reading = cellText(value, source?.numFmt, calculated);
      if ('reason' in reading) problems.push({ reason: reading.reason, ruleId: 'table-xlsx-cell', place });
      const text = 'text' in reading ? reading.text : '';
      // Spaces typed before the text, and the cell's own indent (增加缩进量), a level counted as
      // a full-width space.
      const indent = ('indent' in reading ? (reading.indent ?? 0) : 0) + (text === '' ? 0 : (source?.alignment?.indent ?? 0));
      const unit = isNumber(value) ? formatUnit(source?.numFmt) : '';
      if (unit !== '' && !units.has(column)) units.set(column, { place, unit, text });
      const spans = extent ? { colSpan: extent.right - extent.left + 1, rowSpan: extent.bottom - extent.top + 1 } : {};
      if (extent && y === 0 && x === 0) headerRows = spans.rowSpan;
      const number = numberOf(value);
      cells.push({ text, place, ...spans, ...(indent > 0 && { indent }), ...(number !== undefined && { value: number }) });
    }
    if (merged || cells.some((cell) => cell.text !== '')) rows.push({ cells, place: { line, column: columns[0] ?? left, label } });
  }
  const notes = [...hiddenNote({ top, left, bottom, right }, lines, columns, label), ...unitNotes(units), ...comments];
  if (problems.length > 0) return { rows: [], problems, notes };
  if (rows.length === 0) {
    const cells = `${label.where?.(top, left)}:${columnLetters(range.right)}${range.bottom}`;
    return failed({ reason: `Expected a table in ${cells}, found only empty cells; check \`range\``, ruleId: 'table-range' });
  }
  return { rows, problems: [], headerRows, notes };
}

/** A comment's (批注's) text: exceljs gives a plain one as a string, one with formatting (Excel's `作者:` line in bold) as runs. */
function noteText(note: Cell['note'] | undefined): string {
  const text = typeof note === 'string' ? note : (note?.texts ?? []).map((run) => run.text).join('');
  return text.replace(/\s+/g, ' ').trim();
}

/** A warning at a cell with a comment: the table prints none, and one such as `待核实` asks something of the figure. */
function commentNote(text: string, place: SourcePlace): Problem {
  const shown = text.length > 30 ? `${text.slice(0, 30)}…` : text;
  return {
    reason: `The cell has a comment (“${shown}”), which the table leaves out; act on it in the workbook, or write it as a 注： line under the table`,
    ruleId: 'table-xlsx-comment',
    place,
  };
}

/**
 * A warning at the first number of each column shown with a unit or currency by its format
 * (`¥36,000.00`, `12.50万元`): the table prints it as Excel shows it, which is text to the
 * table, so the column's 合计 cannot be checked.
 */
function unitNotes(units: ReadonlyMap<number, { place: SourcePlace; unit: string; text: string }>): Problem[] {
  return [...units.values()].map(({ place, unit, text }) => ({
    reason: `The number format shows this column's numbers with “${unit}” (${text}), so the table prints them as text and cannot check their 合计; write the unit in the column's heading, and give the cells a number format without it`,
    ruleId: 'table-xlsx-unit',
    place,
  }));
}

function isNumber(value: CellValue): boolean {
  return numberOf(value) !== undefined;
}

/** The number a cell holds, itself or as its formula's saved result. */
function numberOf(value: CellValue): number | undefined {
  if (typeof value === 'number') return value;
  return value !== null && typeof value === 'object' && 'result' in value && typeof value.result === 'number' ? value.result : undefined;
}

/** A warning naming the rows and columns of the cells read that are hidden, and so left out; none when none is. */
function hiddenNote(read: CellRange, lines: readonly number[], columns: readonly number[], label: PlaceLabel): Problem[] {
  const [shownLines, shownColumns] = [new Set(lines), new Set(columns)];
  const rows = numbers(read.top, read.bottom).filter((line) => !shownLines.has(line));
  const hidden = numbers(read.left, read.right).filter((column) => !shownColumns.has(column));
  if (rows.length === 0 && hidden.length === 0) return [];
  const parts = [
    rows.length > 0 ? `${rows.length === 1 ? 'Row' : 'Rows'} ${rows.join(', ')}` : '',
    hidden.length > 0 ? `${hidden.length === 1 ? 'column' : 'columns'} ${hidden.map(columnLetters).join(', ')}` : '',
  ].filter(Boolean);
  const what = parts.join(' and ');
  const one = rows.length + hidden.length === 1;
  // Excel's SUM adds a hidden row: the printed 合计 is then not the sum of the printed rows.
  const sum = rows.length > 0 ? ` (a 合计 made with SUM still adds a hidden row, which SUBTOTAL(109, …) leaves out)` : '';
  return [
    {
      reason: `${what[0]!.toUpperCase()}${what.slice(1)} ${one ? 'is' : 'are'} hidden in the workbook and left out, as Excel prints the sheet${sum}; unhide ${one ? 'it' : 'them'} in Excel or WPS to print ${one ? 'it' : 'them'}`,
      ruleId: 'table-xlsx-hidden',
      place: { line: rows[0] ?? read.top, column: hidden[0] ?? read.left, label },
    },
  ];
}

/** `from` to `to`, both included. */
function numbers(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/**
 * A cell's value; a formula with its saved result even when that is 0, which exceljs's `value`
 * leaves out (it copies only truthy fields), and with its own text where Excel filled it down as
 * a shared formula, whose `value` names only the first cell's address (`H6`).
 */
function cellValue(cell: Cell): CellValue {
  const { value } = cell;
  return value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)
    ? { ...value, formula: cell.formula, result: cell.result }
    : value;
}
