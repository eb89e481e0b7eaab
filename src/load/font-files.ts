import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import type { VFile } from 'vfile';
import type { FontEntry, Series } from '../model.ts';
import { reportProblem } from '../report/messages.ts';
import { extensionOf, localPath, orList } from '../util/local-path.ts';
import { placeAt, type ParsedYaml } from './parse-yaml.ts';

/** Extensions that make a `fonts:` entry a font file rather than an installed family's name. */
export const FONT_FILE_EXTENSIONS: readonly string[] = ['ttf', 'otf', 'ttc', 'woff2'];

type Fonts = NonNullable<Series['fonts']>;

/**
 * The series' fonts with each entry ending in a font extension resolved to a file beside
 * bulletin.yaml, so a licensed face travels with the content instead of depending on the
 * building machine. A file outside the content folder or missing is reported at its entry.
 */
export function resolveFontFiles(fonts: Readonly<Record<string, readonly string[] | undefined>>, parsed: ParsedYaml, file: VFile): Fonts {
  const root = dirname(file.path);
  const resolved: Record<string, FontEntry[]> = {};
  for (const [role, entries] of Object.entries(fonts)) {
    if (!entries) continue;
    resolved[role] = entries.map((entry, index) => {
      if (!FONT_FILE_EXTENSIONS.includes(extensionOf(entry))) return entry;
      const place = placeAt(parsed, ['fonts', role, index]);
      const found = localPath(entry, { from: root, root, cwd: process.cwd() }, { what: 'font file', written: entry, ruleId: 'font-file' });
      if ('reason' in found) {
        reportProblem(file, `\`fonts.${role}\`: ${found.reason}; a font file must sit in the content folder, beside bulletin.yaml or below it`, {
          place,
          ruleId: 'font-file',
        });
      } else if (!existsSync(found.path)) {
        reportProblem(
          file,
          `\`fonts.${role}\`: Cannot find the font file ${entry}; paths are relative to bulletin.yaml (an entry ending in .${orList(FONT_FILE_EXTENSIONS)} names a file, any other a family installed on the machine)`,
          { place, ruleId: 'font-file' },
        );
      } else if (hasPostScriptOutlines(found.path)) {
        reportProblem(
          file,
          `\`fonts.${role}\`: The font file ${entry} has PostScript (CFF) outlines, which Chromium embeds in the PDF as Type 3 fonts without a name, which a printer's preflight may refuse; use the face's TrueType version (a .ttf, or a .ttc or .woff2 with TrueType outlines)`,
          { place, ruleId: 'font-outlines' },
        );
      }
      return 'path' in found ? { file: found.path } : entry;
    });
  }
  return resolved;
}

/**
 * Whether the font file's (first) face has PostScript outlines: its sfnt version is `OTTO`, read
 * where each container keeps it (an OpenType file at its start, a collection at its first face's
 * offset, a WOFF2 as its flavor). Chromium's PDF writer embeds such a face as Type 3 glyphs.
 */
export function hasPostScriptOutlines(path: string): boolean {
  const head = Buffer.alloc(16);
  const handle = openSync(path, 'r');
  try {
    const read = readSync(handle, head, 0, 16, 0);
    const tag = head.toString('latin1', 0, 4);
    if (tag === 'wOF2' && read >= 8) return head.toString('latin1', 4, 8) === 'OTTO';
    if (tag !== 'ttcf' || read < 16) return tag === 'OTTO';
    const first = Buffer.alloc(4);
    return readSync(handle, first, 0, 4, head.readUInt32BE(12)) === 4 && first.toString('latin1') === 'OTTO';
  } finally {
    closeSync(handle);
  }
}
