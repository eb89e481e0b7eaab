import type { VFile } from 'vfile';
import { CAPTION } from '../markdown/rehype-figures.ts';
import { reportProblem } from '../report/messages.ts';
import { type StyleLook, styleLooks } from './word-style-looks.ts';

/** An image of the draft, saved beside the issue under `name`. */
export interface DraftImage {
  readonly name: string;
  readonly contents: Uint8Array;
}

/** Image types the bulletin shows (see `image-type`), by the content type Word stores them under. */
const IMAGE_TYPES: Readonly<Record<string, string>> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' };

/** Marks an `<img>` whose picture the web cannot show; html-to-markdown leaves it out with a warning. */
export const UNSHOWN_IMAGE = 'jianbao-unshown:';

/** The style mammoth gives a paragraph typed as a title by hand (see `markTitles`). */
const HAND_TITLE = 'jianbao hand title';

/**
 * Word styles to HTML: Title and Heading 1 (under their English and Chinese names, as Word and
 * WPS write them) and titles typed by hand are `h1`, an article title; the other headings keep
 * their levels, and html-to-markdown numbers them by their text.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='标题'] => h1:fresh",
  `p[style-name='${HAND_TITLE}'] => h1:fresh`,
  ...[1, 2, 3, 4, 5, 6].map((level) => `p[style-name='标题 ${level}'] => h${level}:fresh`),
];

/**
 * A title typed by hand: a short centred paragraph set bold (or as large as a title, 18 pt and
 * up) all through. A parenthesised one is a note, a sentence (ending in 。) is text, and a photo's
 * caption (`图1 …`, `图：…`, or any such line right under a picture, centred and bold as editors
 * set them) or a paragraph holding a picture is no title.
 */
const TITLE_MAX_LENGTH = 60;
const TITLE_MIN_POINTS = 18;

/** What mammoth made of the draft. */
export interface DraftHtml {
  readonly html: string;
  readonly images: readonly DraftImage[];
}

/**
 * The draft as HTML through mammoth, with its images extracted (`image-1.png`, …). What mammoth
 * reported is put on `file` as warnings, except styles it did not know: their text is kept as
 * paragraphs.
 */
export async function docxToHtml(buffer: Buffer, file: VFile): Promise<DraftHtml> {
  const { default: mammoth } = await import('mammoth');
  const looks = await styleLooks(buffer);
  const images: DraftImage[] = [];
  const result = await mammoth.convertToHtml(
    { buffer },
    {
      styleMap: STYLE_MAP,
      transformDocument: (document: DocumentNode) => markTitles(withoutContents(document, file), looks),
      convertImage: mammoth.images.imgElement(async (image) => {
        const contents = await image.readAsBuffer();
        // mammoth leaves the type out for a file whose extension it does not know.
        const type = image.contentType ?? '';
        const extension = IMAGE_TYPES[type];
        // A type the web cannot show keeps its own extension (`image/x-emf` → `.emf`).
        const own =
          type
            .split('/')[1]
            ?.replace(/^x-/, '')
            .replace(/[^a-z0-9]/gi, '') || 'bin';
        const name = `image-${images.length + 1}.${extension ?? own}`;
        images.push({ name, contents });
        return { src: extension ? name : `${UNSHOWN_IMAGE}${name}` };
      }),
    },
  );
  for (const message of result.messages) {
    if (/^Unrecognised (paragraph|run|table) style/.test(message.message)) continue;
    // A shape's drawing (VML fills, strokes, shadows) holds no text; a text box's text is reported by the draft's inventory.
    if (/^An unrecognised element was ignored: (v|o):/.test(message.message)) continue;
    // A linked picture is reported by the draft's inventory, at its paragraph.
    if (/^could not read external image/.test(message.message)) continue;
    reportProblem(file, `The Word reader reported: ${message.message}; look at the draft there and copy what is missing by hand`, { ruleId: 'import-mammoth' });
  }
  return { html: result.value, images };
}

// mammoth's document model is untyped (its transformDocument takes `any`); these are the fields read.
interface DocumentNode {
  readonly type: string;
  readonly children?: readonly DocumentNode[];
  readonly styleId?: string | null;
  readonly styleName?: string | null;
  readonly alignment?: string | null;
  readonly isBold?: boolean;
  readonly fontSize?: number | null;
  readonly value?: string;
}

/** A paragraph of Word's table of contents (引用 → 目录): styles `toc 1`…`toc 9` (WPS: `目录 1`) and `TOC Heading`, or ids `TOC1`…. */
const CONTENTS_STYLE = /^(toc\s*\d|toc heading|目录\s*\d)$/i;

/**
 * The body without the entries of a table of contents Word made (自动目录): titles with page
 * numbers, linked to the headings, which would import as a link and a subhead each; the bulletin
 * makes its own contents. A warning names them.
 */
function withoutContents(document: DocumentNode, file: VFile): DocumentNode {
  const entry = (node: DocumentNode) => node.type === 'paragraph' && [node.styleName, node.styleId].some((style) => style && CONTENTS_STYLE.test(style));
  const entries = document.children?.filter(entry) ?? [];
  if (entries.length === 0) return document;
  const titles = entries.slice(0, 3).map(
    (node) =>
      `“${textOf(node)
        .replace(/\s*\d+\s*$/, '')
        .trim()}”`,
  );
  reportProblem(
    file,
    `The draft's table of contents (${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}: ${titles.join('、')}${entries.length > 3 ? '…' : ''}) was left out: the bulletin makes its own from the titles`,
    { ruleId: 'import-unmapped' },
  );
  return { ...document, children: document.children?.filter((node) => !entry(node)) };
}

/**
 * Give the body's hand-typed titles a style of their own, and a photo's caption typed centred under
 * it its `图：`; paragraphs in tables are left alone.
 */
function markTitles(document: DocumentNode, looks: (styleId: string | null | undefined) => StyleLook): DocumentNode {
  const body = document.children ?? [];
  return {
    ...document,
    children: body.map((node, index) => {
      if (node.type !== 'paragraph') return node;
      const previous = body[index - 1];
      if (previous && isPicture(previous) && isCentredLine(node, looks)) return asCaption(node);
      return isHandTitle(node, looks) ? { ...node, styleName: HAND_TITLE } : node;
    }),
  };
}

/** A paragraph holding only a picture: a photo. */
function isPicture(node: DocumentNode): boolean {
  return node.type === 'paragraph' && hasPicture(node) && textOf(node).trim() === '';
}

/**
 * A short centred line that is no sentence or note (a title's, a caption's): without 。 or ； at
 * its end, not in brackets, without a picture.
 */
function isCentredLine(paragraph: DocumentNode, looks: (styleId: string | null | undefined) => StyleLook): boolean {
  if ((paragraph.alignment ?? (looks(paragraph.styleId).centred ? 'center' : undefined)) !== 'center') return false;
  const text = textOf(paragraph).trim();
  return text !== '' && text.length <= TITLE_MAX_LENGTH && !/^[（(].*[）)]$/.test(text) && !/[。；]$/.test(text) && !hasPicture(paragraph);
}

/** The paragraph as a photo's `图：…` line, its caption (one typed `图1 …` kept as it is). */
function asCaption(paragraph: DocumentNode): DocumentNode {
  if (CAPTION.test(textOf(paragraph).trim())) return paragraph;
  const first = runsOf(paragraph)[0];
  const label: DocumentNode = { ...first, type: 'run', children: [{ type: 'text', value: '图：' }] };
  return { ...paragraph, children: [label, ...(paragraph.children ?? [])] };
}

/** Styles whose paragraphs are no title typed by hand: those the style map makes titles and headings, a subtitle, a caption. */
const NOT_HAND_TITLE_STYLE = /^(title|subtitle|caption|标题|副标题|题注|(heading|标题)\s*\d)$/i;

function isHandTitle(paragraph: DocumentNode, looks: (styleId: string | null | undefined) => StyleLook): boolean {
  if (paragraph.styleName && NOT_HAND_TITLE_STYLE.test(paragraph.styleName.trim())) return false;
  // Formatting typed on the paragraph or its runs, else its style's (a template's 简报标题).
  const style = looks(paragraph.styleId);
  if (!isCentredLine(paragraph, looks) || CAPTION.test(textOf(paragraph).trim())) return false;
  const runs = runsOf(paragraph).filter((run) => textOf(run).trim() !== '');
  return runs.every((run) => {
    const own = looks(run.styleId);
    return run.isBold || own.bold || style.bold || (run.fontSize ?? own.points ?? style.points ?? 0) >= TITLE_MIN_POINTS;
  });
}

function hasPicture(node: DocumentNode): boolean {
  return node.type === 'image' || (node.children ?? []).some(hasPicture);
}

function runsOf(node: DocumentNode): DocumentNode[] {
  return (node.children ?? []).flatMap((child) => (child.type === 'run' ? [child] : runsOf(child)));
}

function textOf(node: DocumentNode): string {
  return node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('');
}
