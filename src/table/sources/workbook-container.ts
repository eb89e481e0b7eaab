/**
 * What a spreadsheet file is, by its first bytes: an `.xlsx` is a ZIP archive; an OpenDocument
 * `.ods` is one too, whose first entry, stored as it is, is `mimetype` naming its type; an old
 * `.xls`, a WPS `.et` and a password-protected `.xlsx` are all OLE compound files, the encrypted
 * workbook holding an `EncryptionInfo` stream. A text file named `.xlsx` is a CSV file (`text`),
 * or a web page or XML 表格 2003 (`markup`), as systems that export tables “for Excel” write them.
 */
export type WorkbookContainer = 'zip' | 'opendocument' | 'encrypted' | 'compound' | 'markup' | 'text' | 'other';

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
  // Text has no NUL byte, but in UTF-16 (“Unicode 文本”), which starts with its byte order mark.
  const utf16 = starts([0xff, 0xfe]) || starts([0xfe, 0xff]);
  if (!utf16 && bytes.includes(0)) return 'other';
  // Its first characters, read byte by byte (UTF-16's NULs left out) after the byte order mark.
  const opening = Buffer.from(bytes.subarray(0, 512).filter((byte) => byte !== 0))
    .toString('latin1')
    .replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)?\s*/, '');
  return opening.startsWith('<') ? 'markup' : 'text';
}
