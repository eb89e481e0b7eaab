import type JSZip from 'jszip';
import type { Problem } from '../problem.ts';
import { parseRange } from './a1-range.ts';
import { MAX_TABLE_CELLS } from './source.ts';
import { unpackedSizeProblem } from '../../util/zip-size.ts';

/**
 * The most a workbook's parts may unpack to: a county's workbook unpacks to a few megabytes, and
 * exceljs holds some twelve times the XML it reads (a 198 MB sheet peaked at 2.4 GB).
 */
const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

/** The most merged cells a sheet may have, and the most cells one may span: exceljs spends time in the square of the first and memory in the second. */
const MAX_MERGES = 10_000;

/**
 * Why a workbook is refused before exceljs reads it, or undefined: parts that unpack to more
 * than MAX_UNPACKED_BYTES or to more than the archive's directory says (see `unpackedSizeProblem`), a sheet with more than
 * MAX_MERGES merged cells, or a merged cell of more than MAX_TABLE_CELLS cells. exceljs unpacks
 * every part and makes an object for each cell a merge covers, so such a file of a few kilobytes
 * ran the build out of memory or for hours, past Ctrl-C.
 */
export async function workbookLimits(zip: JSZip, name: string): Promise<Problem | undefined> {
  const unpacked = await unpackedSizeProblem(zip, MAX_UNPACKED_BYTES);
  if (unpacked !== undefined) {
    const reason =
      unpacked.kind === 'too-large'
        ? `Cannot read ${name}: its parts unpack to ${Math.round(unpacked.bytes / 2 ** 20)} MB, more than a workbook of tables holds (${MAX_UNPACKED_BYTES / 2 ** 20} MB); save the sheet with the table on its own as .xlsx`
        : `Cannot read ${name}: its part ${unpacked.name} unpacks to more than the file's directory says, as a ZIP bomb's does; open the workbook in Excel or WPS and save it again`;
    return { reason, ruleId: 'table-xlsx-read' };
  }
  for (const entry of zip.file(/^xl\/worksheets\/[^/]+\.xml$/)) {
    const refs = [...(await entry.async('string')).matchAll(/<mergeCell\b[^>]*?\bref="([^"]+)"/g)].map((found) => found[1]!);
    if (refs.length > MAX_MERGES) {
      return {
        reason: `Cannot read ${name}: a sheet has ${refs.length} merged cells, more than a table has (${MAX_MERGES}); unmerge them in Excel or WPS`,
        ruleId: 'table-xlsx-read',
      };
    }
    for (const ref of refs) {
      const range = parseRange(ref);
      const cells = range ? (range.bottom - range.top + 1) * (range.right - range.left + 1) : 0;
      if (cells > MAX_TABLE_CELLS) {
        return {
          reason: `Cannot read ${name}: the merged cell ${ref} spans ${cells.toLocaleString('en')} cells, more than a table has (${MAX_TABLE_CELLS.toLocaleString('en')}); unmerge it in Excel or WPS`,
          ruleId: 'table-xlsx-read',
        };
      }
    }
  }
  return undefined;
}
