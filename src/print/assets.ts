import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isInside } from '../util/inside.ts';

/** The project folder (this file is src/print/assets.ts). */
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Folder of the print stylesheet and its fonts.css. */
export const printTemplateDir = path.join(projectRoot, 'templates', 'print');

/** The stylesheet a print page links (templates/print.njk links it by file:// URL). */
export const printStylesheet = path.join(printTemplateDir, 'print.css');

/**
 * The npm packages whose fonts templates/print/fonts.css imports, by the relative path
 * ../../node_modules/<package>: inside jianbao's own folder.
 */
export const fontPackages: readonly string[] = ['@fontsource/noto-serif-sc', '@fontsource/noto-sans-sc', 'lxgw-wenkai-webfont'];

/** Where fonts.css looks for each font package, and where npm really put it, by package. */
export interface FontPackageDir {
  readonly expected: string;
  readonly actual: string;
}

let found: readonly FontPackageDir[] | undefined;

/**
 * The font packages' folders. In a checkout they are where fonts.css looks; where jianbao is
 * installed into another project, npm puts them beside it, in that project's node_modules.
 */
export function fontPackageDirs(): readonly FontPackageDir[] {
  const require = createRequire(import.meta.url);
  found ??= fontPackages.map((name) => ({
    expected: path.join(projectRoot, 'node_modules', name),
    actual: path.dirname(require.resolve(`${name}/package.json`)),
  }));
  return found;
}

/** Folders every print page may load from: the print template and the bundled fonts. */
export function printAssetRoots(): string[] {
  return [printTemplateDir, ...new Set(fontPackageDirs().flatMap((dir) => [dir.expected, dir.actual]))];
}

/**
 * The file a print page's request for `file` should be answered with, when fonts.css asked for a
 * font package inside jianbao's folder that npm installed elsewhere; undefined otherwise.
 */
export function relocatedFontFile(file: string, dirs: readonly FontPackageDir[] = fontPackageDirs()): string | undefined {
  const dir = dirs.find((candidate) => candidate.expected !== candidate.actual && isInside(candidate.expected, file));
  return dir && path.join(dir.actual, path.relative(dir.expected, file));
}
