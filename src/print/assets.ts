import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder (this file is src/print/assets.ts). */
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Folder of the print stylesheet and its fonts.css. */
export const printTemplateDir = path.join(projectRoot, 'templates', 'print');

/** The stylesheet a print page links (templates/print.njk links it by file:// URL). */
export const printStylesheet = path.join(printTemplateDir, 'print.css');

/**
 * The npm packages whose fonts templates/print/fonts.css imports, by the same
 * relative path (../../node_modules/<package>), so these are exactly the
 * folders the page fetches fonts from.
 */
export const fontPackages: readonly string[] = ['@fontsource/noto-serif-sc', '@fontsource/noto-sans-sc', 'lxgw-wenkai-webfont'];

/** Folders every print page may load from: the print template and the bundled fonts. */
export function printAssetRoots(): string[] {
  return [printTemplateDir, ...fontPackages.map((name) => path.join(projectRoot, 'node_modules', name))];
}
