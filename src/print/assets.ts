import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

/** A font package's stylesheet that the renderer answers itself: where to read it, and whether to give it as `woffOnlyFontFaces`. */
export interface FontPackageAnswer {
  readonly file: string;
  readonly woffOnly: boolean;
}

/**
 * How the print page's request for `file` is answered when it is a font package's stylesheet:
 * read where npm put the package (see `relocatedFontFile`) and given by `fontPackageStylesheet`,
 * the @fontsource ones with `woffOnly`. Undefined for any other file: Chromium reads it as it is.
 */
export function fontPackageAnswer(file: string, dirs: readonly FontPackageDir[] = fontPackageDirs()): FontPackageAnswer | undefined {
  const source = relocatedFontFile(file, dirs) ?? file;
  if (path.extname(source) !== '.css' || !dirs.some((dir) => isInside(dir.actual, source))) return undefined;
  const woffOnly = dirs.some((dir) => path.basename(path.dirname(dir.actual)) === '@fontsource' && isInside(dir.actual, source));
  return { file: source, woffOnly };
}

/**
 * A font package's stylesheet (`css`, read from `file`) as the print page gets it: with its
 * relative font URLs made absolute: file:// URLs into the folder it was read from, so that Chromium
 * reads the font slices from there (wherever npm put the package) instead of the renderer reading
 * each one for it, and with `woffOnly`, `woffOnlyFontFaces`.
 */
export function fontPackageStylesheet(css: string, file: string, woffOnly: boolean): string {
  const faces = woffOnly ? woffOnlyFontFaces(css) : css;
  const base = pathToFileURL(file);
  return faces.replace(/url\((['"]?)([^'")]+)\1\)/g, (_, quote: string, url: string) => `url(${quote}${new URL(url, base).href}${quote})`);
}

/**
 * A @fontsource stylesheet with only its .woff sources. Each slice is offered as woff2 first, but
 * the woff2 files are cut from the variable font and keep its default instance's name
 * (`NotoSerifSCExtraLight-Regular` for the 400 weight), which Chromium gives the PDF's font
 * subsets; the woff files of the same slices are named after their weight (`NotoSerifSC-Regular`,
 * `NotoSerifSC-Black`), so printers' preflight reports name the face that is used.
 */
export function woffOnlyFontFaces(css: string): string {
  return css.replace(/url\([^)]*\.woff2\) format\(['"]woff2['"]\),\s*/g, '');
}
