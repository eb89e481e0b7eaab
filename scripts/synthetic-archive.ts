import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headerCells } from '../src/table/header-cells.ts';

// The one generator of synthetic content, for the tests (tests/cache, tests/pipeline) and
// `npm run bench`.

/** The reference issue every synthetic issue is shaped like: three articles, one table. */
const REFERENCE = fileURLToPath(new URL('../content/2021/11/index.md', import.meta.url));
/** The sample series file every synthetic archive uses. */
export const SERIES = fileURLToPath(new URL('../content/bulletin.yaml', import.meta.url));

const DISTRICTS = ['丰顺县', '兴宁市', '平远县', '大埔县', '五华县', '梅县区', '蕉岭县', '梅江区', '城市排水中心'];

const HEADER = [
  '序号,区县名称,改造计划,改造计划,改造进展情况,改造进展情况,改造进展情况,改造进展情况',
  '序号,区县名称,涉及户数(户),小区数(个),1. 正在开展群众工作、手续办理等前期准备的项目,1. 正在开展群众工作、手续办理等前期准备的项目,2. 已完成前期准备、施工单位已进场施工的项目,2. 已完成前期准备、施工单位已进场施工的项目',
  '序号,区县名称,涉及户数(户),小区数(个),户数(户),小区数(个),户数(户),小区数(个)',
];

export interface SyntheticArchiveOptions {
  /** How many issues to write. */
  readonly issues: number;
  /**
   * Issues per year; numbering restarts at 1 each year, the cumulative number does not.
   * @default 24
   */
  readonly perYear?: number;
  /**
   * The first year of the series.
   * @default 2000
   */
  readonly firstYear?: number;
  /**
   * The format of each issue's table: `progress.csv`, or the same table as `progress.xlsx`
   * with merged header cells and SUM formulas, as county offices send it.
   * @default 'csv'
   */
  readonly tables?: 'csv' | 'xlsx';
}

/** Where one synthetic issue lives, for tests and the benchmark that change it. */
export interface SyntheticIssue {
  readonly year: number;
  readonly number: number;
  readonly total: number;
  /** Folder of the issue, holding `index.md` and `progress.csv`. */
  readonly dir: string;
}

/**
 * Write a valid archive of `issues` issues into `contentDir`: the sample series file and, per
 * issue, the reference bulletin's Markdown with its own frontmatter and a 9-row progress table
 * with the three-level header and a correct 合计 row. Deterministic: the same options give the
 * same bytes.
 */
export async function writeSyntheticArchive(contentDir: string, options: SyntheticArchiveOptions): Promise<SyntheticIssue[]> {
  const { perYear, firstYear, tables } = settings(options);
  const [reference, series] = await Promise.all([readFile(REFERENCE, 'utf8'), readFile(SERIES, 'utf8')]);
  await mkdir(contentDir, { recursive: true });
  await writeFile(join(contentDir, 'bulletin.yaml'), series);

  const body = withoutFrontmatter(reference);
  const issues = Array.from({ length: options.issues }, (_, index) => syntheticIssue(contentDir, index, perYear, firstYear));
  // A few hundred files at a time keeps the open-file count low.
  for (let start = 0; start < issues.length; start += 200) {
    await Promise.all(issues.slice(start, start + 200).map((issue) => writeIssue(issue, body, perYear, tables)));
  }
  return issues;
}

/**
 * Add to the archive `writeSyntheticArchive` wrote with `options` the issue after its last, as
 * an editor adds the next bulletin: numbered on, dated on (often a month its table is the first
 * to report).
 */
export async function addSyntheticIssue(contentDir: string, options: SyntheticArchiveOptions): Promise<SyntheticIssue> {
  const { perYear, firstYear, tables } = settings(options);
  const issue = syntheticIssue(contentDir, options.issues, perYear, firstYear);
  await writeIssue(issue, withoutFrontmatter(await readFile(REFERENCE, 'utf8')), perYear, tables);
  return issue;
}

/** The issue at `index` (from 0) of the archive, in its folder. */
function syntheticIssue(contentDir: string, index: number, perYear: number, firstYear: number): SyntheticIssue {
  const year = firstYear + Math.floor(index / perYear);
  const number = (index % perYear) + 1;
  return { year, number, total: index + 1, dir: join(contentDir, String(year), String(number)) };
}

/** The reference issue's Markdown without its frontmatter. */
const withoutFrontmatter = (reference: string) => reference.replace(/^---\n[\s\S]*?\n---\n/, '');

/** `options` with their defaults. */
const settings = (options: SyntheticArchiveOptions) => ({ perYear: 24, firstYear: 2000, tables: 'csv' as const, ...options });

async function writeIssue(issue: SyntheticIssue, body: string, perYear: number, tables: 'csv' | 'xlsx'): Promise<void> {
  const month = Math.min(12, Math.ceil((issue.number * 12) / perYear));
  const day = issue.number % 2 === 1 ? 10 : 25;
  const date = `${issue.year}-${pad(month)}-${pad(day)}`;
  const frontmatter = `---\nyear: ${issue.year}\nnumber: ${issue.number}\ntotal: ${issue.total}\ndate: ${date}\n---\n`;
  const markdown = frontmatter + body.replace('2021年11月梅州市', `${issue.year}年${month}月梅州市`).replace('src="progress.csv"', `src="progress.${tables}"`);
  await mkdir(issue.dir, { recursive: true });
  const table = tables === 'csv' ? progressCsv(issue.total) : await progressXlsx(issue.total);
  await Promise.all([writeFile(join(issue.dir, 'index.md'), markdown), writeFile(join(issue.dir, `progress.${tables}`), table)]);
}

/**
 * `progressCsv`'s table as a workbook: header cells merged where the CSV repeats them (the
 * cells they cover empty), numbers as numbers, and a 合计 row merged across two columns whose
 * cells are SUM formulas with their saved results.
 */
export async function progressXlsx(seed: number, bump = 0): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const rows = progressCsv(seed, bump)
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('进展情况');
  const header = rows.slice(0, HEADER.length);
  const last = rows.length;
  rows.forEach((cells, index) => {
    const line = index + 1;
    cells.forEach((text, column) => {
      const cell = sheet.getCell(line, column + 1);
      if (line === last && column >= 2) {
        const letter = String.fromCharCode(65 + column);
        cell.value = { formula: `SUM(${letter}${HEADER.length + 1}:${letter}${last - 1})`, result: Number(text) };
      } else {
        cell.value = index >= HEADER.length && /^\d+$/.test(text) ? Number(text) : text;
      }
    });
  });
  for (const cell of headerCells(header.map((cells) => cells.map((text) => ({ text })))).cells.flat()) {
    if (cell.rowspan > 1 || cell.colspan > 1) sheet.mergeCells(cell.row + 1, cell.column + 1, cell.row + cell.rowspan, cell.column + cell.colspan);
  }
  sheet.mergeCells(last, 1, last, 2);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A table of `rows` districts (the 9 of the reference issue by default; more repeat their names
 * with a number) whose numbers vary by issue, with the 3-row header and the 合计 row the build checks.
 */
export function progressCsv(seed: number, bump = 0, count = DISTRICTS.length): string {
  const random = mulberry32(seed);
  const names = Array.from(
    { length: count },
    (_, row) => DISTRICTS[row % DISTRICTS.length]! + (row < DISTRICTS.length ? '' : Math.floor(row / DISTRICTS.length)),
  );
  const rows = names.map((name, row) => {
    const planned = 300 + Math.floor(random() * 3500) + (row === 0 ? bump : 0);
    const estates = 2 + Math.floor(random() * 35);
    const preparing = random() < 0.6 ? 0 : Math.floor(planned * random());
    const preparingEstates = preparing === 0 ? 0 : Math.max(1, Math.floor(estates * random()));
    return { name, cells: [planned, estates, preparing, preparingEstates, planned - preparing, estates - preparingEstates] };
  });
  const totals = rows[0]!.cells.map((_, column) => rows.reduce((sum, row) => sum + row.cells[column]!, 0));
  const body = rows.map((row, index) => {
    const shown = row.cells.map((value, column) => (column >= 2 && column <= 3 && row.cells[2] === 0 ? '/' : String(value)));
    return `${index + 1},${row.name},${shown.join(',')}`;
  });
  return `${[...HEADER, ...body, `合计,,${totals.join(',')}`].join('\n')}\n`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A small seeded PRNG, so archives are reproducible. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
