import type { ImageCopy, IssueImage } from '../model.ts';

/** Widths of the web page's copies of a photo (its `srcset`), none wider than the original. */
export const WEB_WIDTHS: readonly number[] = [480, 960, 1440];

/**
 * The box a photo prints in at most: the 版心's width by 125 mm (print.css `.figure img`), at
 * 300 dpi, so the PDF embeds no more pixels than a printer can use.
 */
export const PRINT_BOX = { width: Math.round((156 / 25.4) * 300), height: Math.round((125 / 25.4) * 300) } as const;

/** Formats the copies are made in: the original's own. A GIF (often animated) is shown as it is. */
const COPIED_FORMATS = new Set(['jpeg', 'png', 'webp', 'avif']);

/** sharp's name for a photo's format, as the copies are made in it: an AVIF is named by its container, HEIF. */
export function photoFormat(format: string): string {
  return format === 'heif' ? 'avif' : format;
}

/**
 * The copies a photo gets, named after it (`photo.jpg` → `photo.480w.jpg`, `photo.print.jpg`):
 * the web widths up to the original's, and one that fits `PRINT_BOX`, never enlarged. `width`
 * and `height` are the original's upright size; `format` is sharp's name for it.
 */
export function imageCopies(source: string, size: { readonly width: number; readonly height: number; readonly format: string }): IssueImage {
  const { width, height } = size;
  if (!COPIED_FORMATS.has(size.format)) {
    const original = { file: source, width, height };
    return { source, width, height, web: [], print: original };
  }
  const dot = source.lastIndexOf('.');
  const named = (label: string) => `${source.slice(0, dot)}.${label}${source.slice(dot)}`;
  const scaled = (scale: number, label: (copy: { width: number }) => string): ImageCopy => {
    const copy = { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
    return { file: named(label(copy)), ...copy };
  };
  const widths = [...new Set(WEB_WIDTHS.map((wanted) => Math.min(wanted, width)))];
  const web = widths.map((wanted) => scaled(wanted / width, (copy) => `${copy.width}w`));
  const print = scaled(Math.min(1, PRINT_BOX.width / width, PRINT_BOX.height / height), () => 'print');
  return { source, width, height, web, print };
}
