/**
 * Measuring PDFs with poppler-utils (pdfinfo, pdffonts, pdftotext, pdftoppm),
 * in millimetres from the top-left corner of the page.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const mmPerPt = 25.4 / 72;

function run(command: string, args: readonly string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** `pdfinfo` fields, e.g. `Title`, `Tagged`, `Pages`, `Page size`. */
export function pdfinfo(file: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-enc', 'UTF-8', file]).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) fields[match[1]] = match[2].trim();
  }
  return fields;
}

/** Page sizes in points, one per page. */
export function pageSizes(file: string): Array<{ width: number; height: number }> {
  const pages = Number(pdfinfo(file).Pages);
  const out = run('pdfinfo', ['-f', '1', '-l', String(pages), file]);
  return [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

export interface FontRow {
  readonly name: string;
  readonly type: string;
  readonly embedded: boolean;
}

export function pdffonts(file: string): FontRow[] {
  const lines = run('pdffonts', [file]).split('\n');
  const rule = lines[1] ?? '';
  // Columns are fixed-width; the dashes under the header give their extents.
  const columns = [...rule.matchAll(/-+/g)].map((m) => [m.index, m.index + m[0].length] as const);
  return lines
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cell = (i: number): string => {
        const [start, end] = columns[i] ?? [0, 0];
        return line.slice(start, end + 1).trim();
      };
      return { name: cell(0), type: cell(1), embedded: cell(3) === 'yes' };
    });
}

export interface Word {
  /** 1-based page number. */
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** Every word with its box in mm (`pdftotext -bbox`). */
export function words(file: string): Word[] {
  const xhtml = run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']);
  const result: Word[] = [];
  let page = 0;
  for (const match of xhtml.matchAll(/<page\b|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (match[0] === '<page') {
      page++;
      continue;
    }
    result.push({
      page,
      text: decodeEntities(match[5] ?? ''),
      xMin: Number(match[1]) * mmPerPt,
      yMin: Number(match[2]) * mmPerPt,
      xMax: Number(match[3]) * mmPerPt,
      yMax: Number(match[4]) * mmPerPt,
    });
  }
  return result;
}

/** The text of each page in content-stream order (`pdftotext -raw`). */
export function pageTexts(file: string): string[] {
  const text = run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']);
  return text.split('\f').slice(0, -1);
}

export interface Rule {
  /** Top and bottom edge of a horizontal rule, mm from the top of the page. */
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** A 600 dpi greyscale rendering of part of a page, and where that part starts, in pixels. */
interface Gray {
  readonly pixels: Buffer;
  /** Where the first pixel starts in `pixels` (after the PGM header). */
  readonly offset: number;
  readonly width: number;
  readonly height: number;
  readonly x: number;
  readonly y: number;
}

const DPI = 600;
const toPx = (mm: number): number => Math.round((mm * DPI) / 25.4);
const toMm = (pixels: number): number => (pixels * 25.4) / DPI;

/**
 * Render `page` at 600 dpi in grey: only `crop` (pixels) when given (-x -y -W -H), as a whole
 * page at 600 dpi costs pdftoppm and the scan over its pixels seconds.
 */
function renderGray(file: string, page: number, crop?: { x?: number; y: number; width?: number; height: number }): Gray {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jianbao-gray-'));
  try {
    const base = path.join(dir, 'page');
    // Without -x and -W the rows are the page's full width.
    const region = crop ? ['-y', String(crop.y), '-H', String(crop.height)] : [];
    if (crop?.x !== undefined && crop.width !== undefined) region.push('-x', String(crop.x), '-W', String(crop.width));
    execFileSync('pdftoppm', ['-r', String(DPI), '-gray', '-singlefile', '-f', String(page), '-l', String(page), ...region, file, base]);
    const pixels = readFileSync(`${base}.pgm`);
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pixels.subarray(0, 64).toString('latin1'));
    if (!header?.[1] || !header[2]) throw new Error(`Unexpected pdftoppm output for page ${page}`);
    return { pixels, offset: header[0].length, width: Number(header[1]), height: Number(header[2]), x: crop?.x ?? 0, y: crop?.y ?? 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Horizontal rules on a page: rows of a 600 dpi greyscale rendering where more than `coverage`
 * of the page's width is dark. Only the rows of `band` (mm from the top; the whole page when
 * undefined) are rendered; a rule crossing its top or bottom edge is cut there.
 */
export function horizontalRules(file: string, page: number, coverage = 0.6, band?: { top: number; bottom: number }): Rule[] {
  const crop = band && { y: toPx(band.top), height: toPx(band.bottom) - toPx(band.top) };
  const gray = renderGray(file, page, crop);
  return darkRuns(gray, false, coverage).map((run) => ({
    top: toMm(gray.y + run.start),
    bottom: toMm(gray.y + run.end),
    left: toMm(run.first),
    right: toMm(run.last + 1),
  }));
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * The box around the ink (dark pixels of a 600 dpi greyscale rendering) inside `region` of a
 * page, in mm from the page's top-left corner; undefined when the region is blank. Glyph boxes
 * from pdftotext hold a font's whole ascent and descent; this is where the marks really are.
 */
export function inkBox(file: string, page: number, region: Box): Box | undefined {
  const [x, y] = [toPx(region.left), toPx(region.top)];
  const { pixels, offset, width, height } = renderGray(file, page, { x, y, width: toPx(region.right) - x, height: toPx(region.bottom) - y });
  let found: { left: number; top: number; right: number; bottom: number } | undefined;
  for (let row = 0; row < height; row++) {
    for (let column = 0; column < width; column++) {
      if ((pixels[offset + row * width + column] ?? 255) >= 160) continue;
      found ??= { left: column, top: row, right: column, bottom: row };
      found.left = Math.min(found.left, column);
      found.right = Math.max(found.right, column);
      found.bottom = Math.max(found.bottom, row);
    }
  }
  return found && { left: toMm(x + found.left), top: toMm(y + found.top), right: toMm(x + found.right + 1), bottom: toMm(y + found.bottom + 1) };
}

/** A run of lines of a rendering more than a share dark: from `start` to before `end`, and its first line's first and last dark pixel. */
interface DarkRun {
  readonly start: number;
  readonly end: number;
  readonly first: number;
  readonly last: number;
}

/** Where dark runs are along one axis of a rendering (rows, or columns `across`): lines more than `share` dark, in pixels. */
function darkRuns(gray: Gray, across: boolean, share: number): DarkRun[] {
  const [length, other] = across ? [gray.width, gray.height] : [gray.height, gray.width];
  const runs: DarkRun[] = [];
  let run: { start: number; first: number; last: number } | undefined;
  for (let at = 0; at <= length; at++) {
    let dark = 0;
    let first = -1;
    let last = -1;
    // A row's pixels are one after another; a column's, a row's width apart.
    const [from, stride] = across ? [gray.offset + at, gray.width] : [gray.offset + at * gray.width, 1];
    for (let step = 0; at < length && step < other; step++) {
      if ((gray.pixels[from + step * stride] ?? 255) < 128) {
        dark++;
        if (first < 0) first = step;
        last = step;
      }
    }
    const isDark = at < length && dark > other * share;
    if (isDark && !run) run = { start: at, first, last };
    if (!isDark && run) {
      runs.push({ ...run, end: at });
      run = undefined;
    }
  }
  return runs;
}

/** A table's ruled grid on a page, in mm: the middles of its horizontal and vertical rules. */
export interface Grid {
  readonly rows: readonly number[];
  readonly columns: readonly number[];
}

/**
 * The grid of a table on `page` inside `area` (mm; its left edge the table's): its horizontal
 * rules, found in a strip just inside that edge, where a cell's padding leaves no text; its
 * vertical rules, in a strip just above the lowest of them (in the last row, which spans no
 * columns). Two thin renderings, not the page's.
 */
export function tableGrid(file: string, page: number, area: Box): Grid {
  const strip = renderGray(file, page, { x: toPx(area.left + 0.3), y: toPx(area.top), width: toPx(0.6), height: toPx(area.bottom - area.top) });
  const rows = darkRuns(strip, false, 0.9).map(({ start, end }) => area.top + toMm((start + end) / 2));
  const bottom = rows.at(-1)!;
  const band = renderGray(file, page, { x: toPx(area.left - 1), y: toPx(bottom - 1), width: toPx(area.right - area.left + 2), height: toPx(0.6) });
  const columns = darkRuns(band, true, 0.9).map(({ start, end }) => area.left - 1 + toMm((start + end) / 2));
  return { rows, columns };
}
