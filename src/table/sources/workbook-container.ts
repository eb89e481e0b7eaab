/**
 * What a spreadsheet file is, by its first bytes: an `.xlsx` is a ZIP archive; an OpenDocument
 * `.ods` is one too, whose first entry, stored as it is, is `mimetype` naming its type; an old
 * `.xls`, a WPS `.et` and a password-protected `.xlsx` are all OLE compound files, the encrypted
 * workbook holding an `EncryptionInfo` stream.
 */
export type WorkbookContainer = 'zip' | 'opendocument' | 'encrypted' | 'compound' | 'other';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const COMPOUND = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// The stream's name as the compound file's directory stores it, in UTF-16LE.
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');
// A ZIP's first local header holds its entry's name at byte 30, then (stored) its bytes.
const OPENDOCUMENT = Buffer.from('mimetypeapplication/vnd.oasis.opendocument', 'latin1');

export function workbookContainer(bytes: Buffer): WorkbookContainer {
  const starts = (magic: readonly number[]) => magic.every((byte, index) => bytes[index] === byte);
  if (starts(ZIP)) return bytes.subarray(30, 30 + OPENDOCUMENT.length).equals(OPENDOCUMENT) ? 'opendocument' : 'zip';
  if (starts(COMPOUND)) return bytes.includes(ENCRYPTION_INFO) ? 'encrypted' : 'compound';
  return 'other';
}
