import { isUtf8 } from 'node:buffer';
import { decodeUtf8, lineAt } from '../../util/text-bytes.ts';
import type { PlaceLabel, Problem } from '../problem.ts';

export const emptyCsv = (label: PlaceLabel): Problem => ({
  reason: 'Expected CSV rows, found an empty file',
  ruleId: 'table-csv-empty',
  place: { line: 1, column: 1, label },
});

/** CSV bytes as UTF-8 text without BOM, or what is wrong with them, at the line it is on. */
export function decodeCsv(bytes: Uint8Array, label: PlaceLabel): string | Problem {
  if (bytes.length === 0) return emptyCsv(label);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      reason: 'Expected UTF-8, found UTF-16 (a “Unicode text” export); save the file as “CSV UTF-8”',
      ruleId: 'table-csv-encoding',
      place: { line: 1, column: 1, label },
    };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      reason: 'Expected a text file, found binary data (is it a spreadsheet?); save it as “CSV UTF-8”',
      ruleId: 'table-csv-binary',
      place: { line: lineAt(bytes, nul), column: 1, label },
    };
  }
  return (
    decodeUtf8(bytes) ?? {
      reason: 'Expected UTF-8, found bytes that are not UTF-8 on this line (GBK?); save the file as “CSV UTF-8”',
      ruleId: 'table-csv-encoding',
      place: { line: firstBadLine(bytes), column: 1, label },
    }
  );
}

/** The first line that is not UTF-8; a newline byte never sits inside a UTF-8 sequence. */
function firstBadLine(bytes: Uint8Array): number {
  let start = 0;
  for (let line = 1; ; line++) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    if (!isUtf8(bytes.subarray(start, end)) || newline === -1) return line;
    start = newline + 1;
  }
}
