import { createInflateRaw } from 'node:zlib';
import type JSZip from 'jszip';

/** A ZIP entry as JSZip reads it from the archive's directory, its size known before it is unpacked. */
interface ZipEntry {
  readonly name: string;
  readonly _data?: {
    readonly uncompressedSize?: number;
    readonly compressedContent?: Uint8Array;
    readonly compression?: { readonly magic: string };
  };
}

/** The method number of DEFLATE in a ZIP's directory, as JSZip keeps it. */
const DEFLATE = '\x08\x00';

/** Why an archive is refused before a reader unpacks it (see `unpackedSizeProblem`). */
export type UnpackedSizeProblem =
  /** Its parts unpack to `bytes`, more than the limit, as its directory gives their sizes. */
  | { readonly kind: 'too-large'; readonly bytes: number }
  /** The part `name` unpacks to more than its directory says. */
  | { readonly kind: 'understated'; readonly name: string };

/**
 * Whether the parts of a ZIP archive (a workbook, a Word draft) unpack to more than `limit`
 * bytes, or to more than its directory says, so that a few kilobytes that unpack to gigabytes (a
 * ZIP bomb) are refused before a reader holds them in memory. JSZip unpacks a part only when
 * asked for it, and then whole before it compares the size with the directory's, as exceljs and
 * mammoth read with it: so the directory's sizes are summed first, and then each part is
 * unpacked here, by a stream that counts its bytes and stops once it passes its size.
 */
export async function unpackedSizeProblem(zip: JSZip, limit: number): Promise<UnpackedSizeProblem | undefined> {
  const entries = Object.values(zip.files) as unknown as ZipEntry[];
  // Read as unsigned: JSZip reads a size past 2 GB as a negative number.
  const declared = (entry: ZipEntry) => (entry._data?.uncompressedSize ?? 0) >>> 0;
  const bytes = entries.reduce((sum, entry) => sum + declared(entry), 0);
  if (bytes > limit) return { kind: 'too-large', bytes };
  for (const entry of entries) {
    const data = entry._data;
    // A stored part is its own bytes: it cannot unpack to more.
    if (data?.compression?.magic !== DEFLATE || data.compressedContent === undefined) continue;
    if (await inflatesPast(data.compressedContent, declared(entry))) return { kind: 'understated', name: entry.name };
  }
  return undefined;
}

/** Whether DEFLATE data unpacks to more than `size` bytes; a corrupt stream is left to the reader to report. */
function inflatesPast(deflated: Uint8Array, size: number): Promise<boolean> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let unpacked = 0;
    inflate.on('data', (chunk: Buffer) => {
      unpacked += chunk.byteLength;
      if (unpacked > size) {
        inflate.destroy();
        resolve(true);
      }
    });
    inflate.on('end', () => resolve(false));
    inflate.on('error', () => resolve(false));
    inflate.end(deflated);
  });
}
