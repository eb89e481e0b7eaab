import { isAbsolute, relative, resolve } from 'node:path';
import type { Element, ElementContent, ElementData, Properties, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import type { IssueImage } from '../model.ts';
import { reportProblem } from '../report/messages.ts';
import { eachNode } from '../util/each-node.ts';
import { imageCopies, photoFormat } from './image-copies.ts';

declare module 'vfile' {
  interface DataMap {
    /** The photos from the issue's folder, with their copies (see `IssueImage`). */
    images: IssueImage[];
  }
}

declare module 'hast' {
  interface Data {
    /** What the print edition shows in place of this element (see rehype-html-editions). */
    print?: Element;
  }
}

/**
 * A caption line written under a photo: `图：…`, `图1：…`, or a number and a space before the
 * title, as editors and GB/T 7713 write it (`图1 梅江区…`, `图2-1　…`, `图一 …`).
 */
export const CAPTION = /^图\s*(?:[\d０-９一二三四五六七八九十]*\s*[：:]|[\d０-９一二三四五六七八九十]+(?:[-－.．][\d０-９]+)?\s+(?=\S))/;

/**
 * The web page's `sizes`: the text column is at most 46rem wide (site.css `--measure`), the
 * screen's width below that.
 */
const SIZES = '(min-width: 48rem) 46rem, 100vw';

/**
 * A paragraph holding only an image becomes a figure: the image, then its caption centred under
 * it — a `图：…` line after the image (in the same paragraph or the next) or else the image's
 * description. A photo from the issue's folder is measured (upright, by its EXIF orientation):
 * the web page shows copies of it from a `srcset`, linked to the original, and the print
 * edition a copy of at most 300 dpi (see `imageCopies`); the copies are listed in
 * `file.data.images` for the build to make. A file that cannot be read as an image is a warning
 * at the image. sharp is loaded only for an issue with photos.
 */
export default function rehypeFigures() {
  return async function transform(tree: Root, file: VFile): Promise<void> {
    const folder = file.dirname === undefined ? file.cwd : resolve(file.cwd, file.dirname);
    const figures: Array<{ parent: Element | Root; paragraph: Element; image: Element; caption: ElementContent[] | undefined; next: Element | undefined }> = [];
    eachNode(tree, (node, index, parent) => {
      if (node.type !== 'element' || node.tagName !== 'p' || !parent || index === undefined) return undefined;
      const content = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
      const [image, ...rest] = content;
      if (image?.type !== 'element' || image.tagName !== 'img') return 'skip';
      const inline = captionOf(rest.filter((child) => !(child.type === 'element' && child.tagName === 'br')));
      if (rest.length > 0 && !inline) return 'skip';
      const next = parent.children.slice(index + 1).find((child) => !(child.type === 'text' && child.value.trim() === ''));
      // A paragraph with a photo of its own is that photo's figure, not this one's caption.
      const following = !inline && next?.type === 'element' && next.tagName === 'p' && !holdsImage(next) ? captionOf(next.children) : undefined;
      figures.push({ parent: parent as Element | Root, paragraph: node, image, caption: inline ?? following, next: following ? (next as Element) : undefined });
      return 'skip';
    });

    for (const [index, { parent, paragraph, image, caption, next }] of figures.entries()) {
      const alt = String(image.properties.alt ?? '').trim();
      const captionContent = caption ?? (alt ? [{ type: 'text' as const, value: alt }] : []);
      const copies = await measure(image, folder, file);
      const figure = (img: Element, captionProperties: Properties = {}): Element => ({
        type: 'element',
        tagName: 'figure',
        properties: { className: ['figure'] },
        children: [
          img,
          ...(captionContent.length > 0 ? [{ type: 'element' as const, tagName: 'figcaption', properties: captionProperties, children: captionContent }] : []),
        ],
      });
      const names = webNames({ alt, captioned: caption !== undefined, linked: copies !== undefined, id: `photo-${index + 1}-caption` });
      const replacement = figure(copies ? webImage(image, copies, names.link) : image, names.caption);
      // Cast as in rehype-articles: hast-util-from-parse5 (jianbao import) makes `position` required.
      // The names are the web page's: the print edition shows the photo as it did, without a link.
      replacement.data = { print: figure(copies ? printImage(image, copies) : image) } as Partial<ElementData> as ElementData;
      parent.children.splice(parent.children.indexOf(paragraph), 1, replacement);
      if (next) parent.children.splice(parent.children.indexOf(next), 1);
    }
  };
}

/**
 * How a screen reader names the web page's photo: the link to the original is named by the image's
 * description when it has one, else by the `图：…` caption (`id`, the caption's), else as 查看原图 (a
 * link without a name is announced as its address). A caption that only repeats the description is
 * hidden from it, as the link reads the description already.
 */
function webNames({ alt, captioned, linked, id }: { alt: string; captioned: boolean; linked: boolean; id: string }): { link: Properties; caption: Properties } {
  if (alt) return { link: {}, caption: captioned ? {} : { ariaHidden: 'true' } };
  if (captioned) return linked ? { link: { ariaLabelledBy: [id] }, caption: { id } } : { link: {}, caption: {} };
  return { link: { ariaLabel: '查看原图' }, caption: {} };
}

function holdsImage(element: Element): boolean {
  return element.children.some((child) => child.type === 'element' && (child.tagName === 'img' || holdsImage(child)));
}

/** The caption in a paragraph's content when it is a `图：…` line, whitespace around it trimmed. */
function captionOf(content: readonly ElementContent[]): ElementContent[] | undefined {
  const text = toString({ type: 'element', tagName: 'p', properties: {}, children: [...content] }).trim();
  if (!CAPTION.test(text)) return undefined;
  const trimmed = [...content];
  const first = trimmed[0];
  if (first?.type === 'text') trimmed[0] = { ...first, value: first.value.trimStart() };
  return trimmed;
}

/** What sharp reads browsers show as `IMAGE_TYPES` name them; an AVIF is sharp's HEIF compressed with AV1. */
const SHOWN_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'heif/av1']);

/** The photo's copies, when the image is a file in the issue's folder that reads as an image. */
async function measure(image: Element, folder: string, file: VFile): Promise<IssueImage | undefined> {
  const src = String(image.properties.src ?? '');
  if (/^[a-z][a-z\d+.-]*:|^\/\/|^#/i.test(src) || src === '') return undefined;
  let written: string;
  try {
    written = decodeURI(src.replace(/[?#].*$/s, ''));
  } catch {
    return undefined;
  }
  const path = resolve(folder, written);
  const source = relative(folder, path);
  // Only files remark-local-files accepted (inside the content folder, symlinks followed), and of
  // those the issue's own folder's, which is published beside its page (output/attachments.ts).
  if (!file.data.dependencies?.includes(path) || source.startsWith('..') || isAbsolute(source)) return undefined;
  try {
    const { default: sharp } = await import('sharp');
    const { width, height, orientation, format, compression } = await sharp(path).metadata();
    // sharp reads a file by what it holds, not its name: an SVG drawing (scripts and all), a TIFF or
    // an iPhone's HEIC saved as `.png` or `.jpg` reads, yet no browser shows it under that name.
    if (!SHOWN_FORMATS.has(format === 'heif' ? `heif/${compression}` : format)) {
      const held = format === 'heif' ? (compression === 'hevc' ? 'HEIC' : 'HEIF') : format.toUpperCase();
      reportProblem(
        file,
        `Cannot show ${src} as a photo: it holds ${held} data, not the PNG, JPEG, WebP, AVIF or GIF its name says, so the page and the PDF would show it broken; save it again as JPEG or PNG`,
        { place: image.position?.start, ruleId: 'image-unreadable' },
      );
      return undefined;
    }
    // EXIF orientations 5 to 8 turn the picture a quarter: width and height swap.
    const upright = (orientation ?? 1) >= 5 ? { width: height, height: width } : { width, height };
    const copies = imageCopies(source.split('\\').join('/'), { ...upright, format: photoFormat(format) });
    // Files the issue links are published beside the page after the copies: one named as a copy
    // would take its place, and a phone would show another picture than a desktop or the PDF.
    const linked = new Set(file.data.linked);
    const taken = [...copies.web, copies.print].find((copy) => copy.file !== copies.source && linked.has(resolve(folder, copy.file)));
    if (taken) {
      reportProblem(
        file,
        `Cannot publish ${src} as a photo: the build names a copy of it ${taken.file}, the name of a file this issue links or shows, which would take that copy's place on the site; rename ${taken.file}`,
        { place: image.position?.start, ruleId: 'image-copy-name' },
      );
      return undefined;
    }
    (file.data.images ??= []).push(copies);
    return copies;
  } catch (error) {
    reportProblem(
      file,
      `Cannot read ${src} as an image (${(error as Error).message}); the page and the PDF would show it broken: save it again as JPEG or PNG`,
      { place: image.position?.start, ruleId: 'image-unreadable' },
    );
    return undefined;
  }
}

/** The web page's image: a copy from the `srcset`, linked to the original. */
function webImage(image: Element, copies: IssueImage, name: Properties): Element {
  const fallback = copies.web.filter((copy) => copy.width <= 960).at(-1) ?? copies.web[0];
  const img: Element = {
    ...image,
    properties: {
      ...image.properties,
      src: href(fallback?.file ?? copies.source),
      srcSet: copies.web.length > 0 ? copies.web.map((copy) => `${href(copy.file)} ${copy.width}w`).join(', ') : undefined,
      sizes: copies.web.length > 0 ? SIZES : undefined,
      width: copies.width,
      height: copies.height,
      style: sizeStyle(copies),
      loading: 'lazy',
      decoding: 'async',
    },
  };
  return { type: 'element', tagName: 'a', properties: { href: href(copies.source), className: ['figure-original'], ...name }, children: [img] };
}

/** The print edition's image: the print copy, sized by its aspect before it loads. */
function printImage(image: Element, copies: IssueImage): Element {
  return {
    ...image,
    properties: { ...image.properties, src: href(copies.print.file), width: copies.print.width, height: copies.print.height, style: sizeStyle(copies) },
  };
}

/**
 * What the style sheets size the image by: `--aspect`, width over height, and `--width`, its own
 * width in pixels, past which neither edition stretches a small photo (a 120 px one printed across
 * the 版心 came out at 20 dpi).
 */
function sizeStyle(copies: IssueImage): string {
  return `--aspect: ${Math.round((copies.width / copies.height) * 10000) / 10000}; --width: ${copies.width}px`;
}

/** A file name relative to the issue's folder as a URL path. */
function href(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
