import { isUtf8 } from 'node:buffer';
import { decodeUtf8, lineAt } from '../../util/text-bytes.ts';
import type { PlaceLabel, Problem } from '../problem.ts';

export const emptyCsv = (label: PlaceLabel): Problem => ({
  reason: 'Expected CSV rows, found an empty file',
  ruleId: 'table-csv-empty',
  place: { line: 1, column: 1, label },
});

/** CSV text and the encoding it was saved in. */
export interface DecodedCsv {
  readonly text: string;
  /** UTF-16 is Excel's and WPS's “Unicode 文本”, which separates cells with tabs. */
  readonly encoding: 'utf-8' | 'utf-16' | 'gb18030';
}

/**
 * CSV bytes as text without BOM, in the encodings Excel and WPS save: UTF-8 with or without a
 * BOM (“CSV UTF-8”), UTF-16 with a BOM (“Unicode 文本”), and GB18030, which Chinese Excel's
 * “CSV (逗号分隔)” writes (GBK is part of it). Bytes that are valid UTF-8 are read as UTF-8:
 * Chinese text in GBK is practically never valid UTF-8. Otherwise, what is wrong with them,
 * at the line it is on.
 */
export function decodeCsv(bytes: Uint8Array, label: PlaceLabel): DecodedCsv | Problem {
  if (bytes.length === 0) return emptyCsv(label);
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) {
    try {
      // TextDecoder drops the BOM.
      return { text: new TextDecoder(utf16, { fatal: true }).decode(bytes), encoding: 'utf-16' };
    } catch {
      return {
        reason: 'Expected UTF-16 after the UTF-16 byte order mark, found bytes that are not; save the file again as “CSV UTF-8”',
        ruleId: 'table-csv-encoding',
        place: { line: 1, column: 1, label },
      };
    }
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      reason: 'Expected a text file, found binary data (is it a spreadsheet?); name an Excel workbook `.xlsx`, or save it as “CSV UTF-8”',
      ruleId: 'table-csv-binary',
      place: { line: lineAt(bytes, nul), column: 1, label },
    };
  }
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  // A file with some lines in UTF-8 and others not was pasted together from two exports.
  const lines = splitLines(bytes);
  const kinds = lines.map(lineKind);
  const mixed = kinds.includes('other') && kinds.includes('utf-8');
  const gbk = mixed ? undefined : gb18030(bytes);
  if (gbk !== undefined) return { text: gbk, encoding: 'gb18030' };
  const bad = mixed ? kinds.indexOf('other') : lines.findIndex((line) => !isUtf8(line) && gb18030(line) === undefined);
  return {
    reason: mixed
      ? `Expected one encoding, found UTF-8 on line ${kinds.indexOf('utf-8') + 1} and other bytes (GBK?) on this line; save the file as “CSV UTF-8”`
      : 'Expected UTF-8 or GB18030, found bytes that are neither on this line; save the file as “CSV UTF-8”',
    ruleId: 'table-csv-encoding',
    place: { line: Math.max(bad, 0) + 1, column: 1, label },
  };
}

function gb18030(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** ASCII, UTF-8 with other characters, or other bytes. */
function lineKind(line: Uint8Array): 'ascii' | 'utf-8' | 'other' {
  if (line.every((byte) => byte < 0x80)) return 'ascii';
  return isUtf8(line) ? 'utf-8' : 'other';
}

/** The bytes line by line: a newline byte never sits inside a UTF-8 or GB18030 sequence. */
function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let newline = bytes.indexOf(0x0a); newline !== -1; newline = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.subarray(start, newline));
    start = newline + 1;
  }
  lines.push(bytes.subarray(start));
  return lines;
}
