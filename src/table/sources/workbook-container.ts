/**
 * What a spreadsheet file is, by its first bytes: an `.xlsx` is a ZIP archive; an old `.xls`, a
 * WPS `.et` and a password-protected `.xlsx` are all OLE compound files, the encrypted workbook
 * holding an `EncryptionInfo` stream.
 */
export type WorkbookContainer = 'zip' | 'encrypted' | 'compound' | 'other';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const COMPOUND = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// The stream's name as the compound file's directory stores it, in UTF-16LE.
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

export function workbookContainer(bytes: Buffer): WorkbookContainer {
  const starts = (magic: readonly number[]) => magic.every((byte, index) => bytes[index] === byte);
  if (starts(ZIP)) return 'zip';
  if (starts(COMPOUND)) return bytes.includes(ENCRYPTION_INFO) ? 'encrypted' : 'compound';
  return 'other';
}
