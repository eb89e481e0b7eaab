import type JSZip from 'jszip';

/** A ZIP entry as JSZip reads it from the archive's directory, its size known before it is unpacked. */
interface ZipEntry {
  readonly _data?: { readonly uncompressedSize?: number };
}

/**
 * What the parts of a ZIP archive (a workbook, a Word draft) unpack to, in bytes, as its
 * directory gives their sizes: read without unpacking anything (JSZip unpacks a part only when
 * asked for it), so that a few kilobytes that unpack to gigabytes (a ZIP bomb) are refused before
 * a reader holds them in memory.
 */
export function unpackedSize(zip: JSZip): number {
  // Read as unsigned: JSZip reads a size past 2 GB as a negative number.
  return (Object.values(zip.files) as unknown as ZipEntry[]).reduce((sum, entry) => sum + ((entry._data?.uncompressedSize ?? 0) >>> 0), 0);
}
