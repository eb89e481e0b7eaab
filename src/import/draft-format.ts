import { extensionOf } from '../util/local-path.ts';

/** Formats editors save drafts in that are not .docx, by extension, and what they are. */
const OTHER_FORMATS: Readonly<Record<string, string>> = {
  doc: 'a .doc file (Word 97–2003)',
  dot: 'a .dot file (a Word 97–2003 template)',
  wps: 'a .wps file (WPS 文字)',
  wpt: 'a .wpt file (a WPS 文字 template)',
  rtf: 'an .rtf file',
  odt: 'an .odt file (OpenDocument)',
  pdf: 'a PDF',
};

const SAVE_AS = 'open it in Word or WPS and save it as “Word 文档 (*.docx)”';

/**
 * Why `bytes` named `path` cannot be imported, or undefined for what looks like a .docx: a zip
 * file. A Word 97–2003 file and a password-protected .docx are both OLE compound files.
 */
export function draftFormatProblem(path: string, bytes: Uint8Array): string | undefined {
  const extension = extensionOf(path);
  const other = OTHER_FORMATS[extension];
  if (other) return `Expected a Word document saved as .docx, got ${other}; ${SAVE_AS}`;
  if (extension !== 'docx' && extension !== 'docm')
    return `Expected a Word document saved as .docx, got ${extension ? `a .${extension} file` : 'a file without an extension'}; ${SAVE_AS}`;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (ole) return `Expected a .docx file, found a Word 97–2003 document or a password-protected one; ${SAVE_AS}, without a password`;
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!zip) return `Expected a .docx file, found something else (${bytes.length === 0 ? 'an empty file' : 'not a Word document'}); ${SAVE_AS}`;
  return undefined;
}
