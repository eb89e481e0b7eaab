import { existsSync } from 'node:fs';
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
      }
      return 'path' in found ? { file: found.path } : entry;
    });
  }
  return resolved;
}
