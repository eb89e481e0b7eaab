import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast';
import type { FootnoteDefinition, FootnoteReference, Heading, Image, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { defaultHandlers } from 'hast-util-to-mdast';
import { toString } from 'hast-util-to-string';
import { gfmFootnoteToMarkdown } from 'mdast-util-gfm-footnote';
import { toString as mdastText } from 'mdast-util-to-string';
import rehypeParse from 'rehype-parse';
import rehypeRemark, { type Options as RehypeRemarkOptions } from 'rehype-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkDirective from 'remark-directive';
import remarkStringify from 'remark-stringify';
import { type Processor, unified } from 'unified';
import type { VFile } from 'vfile';
import { ATTACHMENT_NUMBER, ATTACHMENTS } from '../markdown/attachments.ts';
import { CAPTION } from '../markdown/rehype-figures.ts';
import { isSubhead, subheadDepth, subheadText } from '../markdown/subheads.ts';
import { reportProblem } from '../report/messages.ts';
import { TABLE_DIRECTIVE } from '../table/table-directive.ts';
import { disarmFormulaCells } from './formula-cells.ts';
import { superscript } from '../format/superscript.ts';
import { eachNode, SKIP } from '../util/each-node.ts';
import { UNSHOWN_IMAGE } from './docx-to-html.ts';
import remarkLineParagraphs from './remark-line-paragraphs.ts';
import remarkSpacesOutsideEmphasis from './remark-spaces-outside-emphasis.ts';
import { photoLayout } from './photo-table.ts';
import { cellText, FOOTNOTE_LINK, nestedCells, tableGrid, toCsv } from './table-grid.ts';
import { unitColumns } from './table-units.ts';

type Handle = NonNullable<RehypeRemarkOptions['handlers']>[string];

/** A table file written beside the issue. */
export interface DraftFile {
  readonly name: string;
  readonly contents: string;
}

export interface DraftMarkdown {
  /** The issue's Markdown after its frontmatter. */
  readonly body: string;
  /** One CSV per Word table, `table-1.csv`, …, in the order the `::table` lines name them. */
  readonly tables: readonly DraftFile[];
}

/**
 * The draft's HTML (from mammoth) as the issue's Markdown, through rehype-parse, rehype-remark
 * and remark-stringify: Word tables become CSV files and `::table` lines, footnotes `[^1]`,
 * article titles `##` (a title on two lines written with ` / `), numbered subheads the
 * heading levels of their numbering (`一、` `###`, `（一）` `####`, `1.` `#####`, `（1）` `######`).
 * Paragraph text is kept as written.
 */
export async function htmlToMarkdown(html: string, file: VFile): Promise<DraftMarkdown> {
  const tables: DraftFile[] = [];
  // The draft's tables, counted as Word shows them, to name one that is not written as a table.
  let drafted = 0;
  const table: Handle = (state, node) => {
    drafted++;
    const grid = tableGrid(node);
    // A one-cell table is a box around text (a 编者按 framed in Word): its text, not a table.
    if (grid.rows.length === 1 && grid.rows[0]!.length === 1) {
      const cell = selectCell(node);
      if (cell) return state.toFlow(state.all(cell));
    }
    const photos = photoLayout(node);
    if (photos) {
      const named = photos.map((photo) => `${photo.src}${photo.caption ? `（${photo.caption}）` : ''}`).join('、');
      reportProblem(
        file,
        `Table ${drafted} of the draft lays out photos, not figures: it was written as ${photos.length === 1 ? 'a photo' : `${photos.length} photos`}, each with the caption beside it as its 图： line, in reading order (${named}); check them against the draft`,
        { ruleId: 'import-unmapped' },
      );
      return photos.map(
        (photo): Paragraph => ({
          type: 'paragraph',
          children: [{ type: 'image', url: photo.src, alt: photo.alt }, ...(photo.caption ? [text(`\n${photo.caption}`)] : [])],
        }),
      );
    }
    const name = `table-${tables.length + 1}.csv`;
    const { rows, cells: formulas } = disarmFormulaCells(grid);
    tables.push({ name, contents: toCsv(rows) });
    for (const { text, row, column } of formulas) {
      reportProblem(
        file,
        `Table ${tables.length} (${name}) has a cell that Excel and WPS would run as a formula when ${name} is opened (“${excerpt(text, 40)}”, row ${row}, column ${column}), so it was written with a ' before it, which keeps it text there: check it against the draft, which may have been made to do harm, and retype or delete it`,
        { ruleId: 'import-formula' },
      );
    }
    const directive: LeafDirective = {
      type: 'leafDirective',
      name: TABLE_DIRECTIVE.name,
      attributes: { src: name, 'header-rows': String(grid.headerRows) },
      children: [],
    };
    for (const { heading, example, unit } of unitColumns(grid)) {
      reportProblem(
        file,
        `Table ${tables.length} (${name}) has figures typed with their unit in its column “${heading}” (${example}), which the table reads as text, so their 合计 goes unchecked: write the unit in the column's heading (${heading}（${unit}）) and the figures alone in its cells`,
        { ruleId: 'import-table-unit' },
      );
    }
    eachNode(node as Element, (child) => {
      const element = child as HastNodes;
      if (element === node || element.type !== 'element' || element.tagName !== 'table') return;
      const cells = nestedCells(element).map(cellText).join(' ');
      reportProblem(
        file,
        `Table ${tables.length} (${name}) has a table inside a cell (“${excerpt(cells, 20)}”); a table's cell holds text, so its cells were written into that cell one after another: check the cell, or make them rows or columns of the table in Word`,
        { ruleId: 'import-unmapped' },
      );
      return SKIP;
    });
    for (const { text, href } of grid.footnotes) {
      const id = footnoteId(href);
      reportProblem(
        file,
        `Table ${tables.length} (${name}) has footnote ${id} on its cell “${excerpt(text)}”; a table's cell holds no footnote, so the mark was left out and the note goes unprinted: write it as a 注： line under the table`,
        { ruleId: 'import-unmapped' },
      );
    }
    // The title and unit lines over the table go before it, a note merged across its foot follows it, each a paragraph.
    const lines = grid.lines.map((value): Paragraph => ({ type: 'paragraph', children: [text(value)] }));
    const notes = grid.notes.map((value): Paragraph => ({ type: 'paragraph', children: [text(value)] }));
    // A table's CSV holds its cells' text: its pictures follow it, each a paragraph, not lost.
    const pictures: Paragraph[] = [];
    eachNode(node as Element, (child) => {
      const element = child as HastNodes;
      if (element.type === 'element' && element.tagName === 'img') {
        pictures.push({
          type: 'paragraph',
          children: [{ type: 'image', url: String(element.properties.src ?? ''), alt: String(element.properties.alt ?? '') }],
        });
      }
    });
    if (pictures.length === 0) return [...lines, directive, ...notes];
    const names = pictures.map((picture) => (picture.children[0] as Image).url).join('、');
    reportProblem(
      file,
      `Table ${tables.length} (${name}) has pictures in its cells (${names}); a table holds text, so they were put after it: move them where they belong, and give the table's cells their text`,
      { ruleId: 'import-unmapped' },
    );
    return [...lines, directive, ...notes, ...pictures];
  };
  const processor = unified()
    .use(rehypeParse, { fragment: true })
    .use(rehypeUnshownImages, { file })
    .use(rehypeRemark, { handlers: { table, sup: footnoteReference, ol: footnoteDefinitions } })
    .use(remarkSpacesOutsideEmphasis)
    .use(remarkLineParagraphs)
    .use(remarkDraftStructure)
    .use(remarkInlinePictures, { file })
    .use(remarkStringify)
    .use(remarkDirective)
    // Writes `**编者按：**近期` as the bulletin's Markdown reads it, not `**编者按：**&#x8FD1;期`.
    .use(remarkCjkFriendly)
    .use(remarkFootnotes) as unknown as Processor<HastRoot, HastRoot, Root, Root, string>;
  const tree = await processor.run(processor.parse(html), file);
  return { body: processor.stringify(tree, file), tables };
}

/** The one `td`/`th` of a one-cell table. */
function selectCell(table: Element): Element | undefined {
  let found: Element | undefined;
  eachNode(table, (child) => {
    const node = child as HastNodes;
    if (found || node.type !== 'element' || (node.tagName !== 'td' && node.tagName !== 'th')) return undefined;
    found = node;
    return 'skip';
  });
  return found;
}

/**
 * Leave out the pictures the web cannot show (EMF, WMF, TIFF, SVG), each with a warning naming
 * the text before it; the file itself is saved beside the issue.
 */
function rehypeUnshownImages({ file }: { readonly file: VFile }) {
  return (tree: HastRoot) => {
    let before = '';
    eachNode(tree, (node, index, parent) => {
      if (node.type === 'text' && node.value.trim()) before = node.value.trim();
      if (node.type !== 'element' || node.tagName !== 'img' || !parent || index === undefined) return undefined;
      const src = String(node.properties.src ?? '');
      if (!src.startsWith(UNSHOWN_IMAGE)) return undefined;
      const name = src.slice(UNSHOWN_IMAGE.length);
      reportProblem(
        file,
        `The picture after “${excerpt(before)}” is of a type the web cannot show; it was saved beside the issue as ${name} and left out: save it as PNG or JPEG and add ![description](${name.replace(/\.\w+$/, '.png')}) there`,
        { ruleId: 'import-unmapped' },
      );
      parent.children.splice(index, 1);
      return index;
    });
  };
}

/** mammoth's footnote mark, `<sup><a href="#footnote-1">[1]</a></sup>`, as `[^1]`. */
const footnoteReference: Handle = (state, node) => {
  const link = node.children.length === 1 && node.children[0]?.type === 'element' ? node.children[0] : undefined;
  // A mark whose run is also set superscript itself (w:vertAlign beside the footnote style): mammoth's `<sup>` in another.
  if (link?.tagName === 'sup') return state.one(link, node);
  const id = footnoteId(link?.properties.href);
  if (id !== undefined) return { type: 'footnoteReference', identifier: id, label: id };
  // m², 10³: a superscript number in Unicode's superscript digits, which Markdown has no mark for.
  const raised = superscript(toString(node));
  if (raised !== undefined) return { type: 'text', value: raised };
  return { type: 'strong', children: state.all(node) as PhrasingContent[] };
};

/** mammoth's list of footnotes at the end, each without its back link, as footnote definitions. */
const footnoteDefinitions: Handle = (state, node) => {
  const items = node.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li');
  const ids = items.map((item) => footnoteId(`#${String(item.properties.id ?? '')}`));
  // Any other list, as rehype-remark writes one (`state.handlers.ol` is this handler).
  if (items.length === 0 || ids.includes(undefined)) return defaultHandlers.ol(state, node);
  return items.map((item, index): FootnoteDefinition => {
    const back = (child: Element['children'][number]): boolean =>
      !(child.type === 'element' && child.tagName === 'a' && /^#(footnote|endnote)-ref-/.test(String(child.properties.href)));
    const withoutBack = {
      ...item,
      children: item.children.map((child) => (child.type === 'element' ? { ...child, children: child.children.filter(back) } : child)).filter(back),
    };
    return {
      type: 'footnoteDefinition',
      identifier: ids[index]!,
      label: ids[index]!,
      children: state.toFlow(state.all(withoutBack)) as FootnoteDefinition['children'],
    };
  });
};

/** `#footnote-3` → `3`, `#endnote-3` → `e3` (endnotes are numbered on their own in Word). */
function footnoteId(href: unknown): string | undefined {
  const match = FOOTNOTE_LINK.exec(String(href ?? ''));
  return match ? `${match[1] === 'endnote' ? 'e' : ''}${match[2]}` : undefined;
}

/** remark-stringify writes footnotes with GFM's extension; the rest of GFM is not needed. */
function remarkFootnotes(this: Processor) {
  const data = this.data();
  (data.toMarkdownExtensions ??= []).push(gfmFootnoteToMarkdown());
}

/**
 * A picture inside a paragraph's text (a photo anchored there to float beside it, an icon) is put
 * after the paragraph, a photo of its own, with a warning: the bulletin sets photos apart, and
 * one inside a line would print across the page and break the text around it.
 */
function remarkInlinePictures({ file }: { readonly file: VFile }) {
  return (tree: Root) => {
    tree.children = tree.children.flatMap((node): RootContent[] => {
      if (node.type !== 'paragraph') return [node];
      const images = node.children.filter((child): child is Image => child.type === 'image');
      const rest = node.children.filter((child) => child.type !== 'image');
      if (images.length === 0 || rest.every((child) => child.type === 'text' && child.value.trim() === '')) return [node];
      // A photo with its `图：…` line under it is a photo already (a table's laid-out photo).
      if (images.length === 1 && node.children[0] === images[0] && CAPTION.test(textOf(node).trim())) return [node];
      reportProblem(
        file,
        `The paragraph “${excerpt(textOf(node))}” has ${images.map((image) => image.url).join('、')} inside its text; it was put after the paragraph, as a photo of its own: move it where it belongs`,
        { ruleId: 'import-unmapped' },
      );
      // The line break that set the text under the picture (a caption typed below it) has nothing left to break.
      const first = rest.findIndex((child) => child.type !== 'break');
      const text = first === -1 ? rest : rest.slice(first);
      return [{ ...node, children: text }, ...images.map((image): Paragraph => ({ type: 'paragraph', children: [image] }))];
    });
  };
}

/**
 * The bulletin's structure: `h1` (Title, Heading 1, titles typed by hand) is an article title at
 * `##`, consecutive ones one title on several lines; a subhead (a heading, or a short paragraph
 * starting with `一、` `（一）` `1.` `（1）`) takes the level of its numbering, an unnumbered
 * heading `###`.
 */
function remarkDraftStructure() {
  return (tree: Root) => {
    const children: RootContent[] = [];
    // After `附件：1.…`, the lines `2.…`, `3.…` go on listing attachments: they are no subheads.
    let attachments = false;
    for (const node of tree.children) {
      const previous = children.at(-1);
      const line = node.type === 'paragraph' ? textOf(node).trim() : '';
      attachments = ATTACHMENTS.test(line) || (attachments && ATTACHMENT_NUMBER.test(line));
      if (attachments) {
        children.push(node);
        continue;
      }
      if (node.type === 'heading' && node.depth === 1) {
        const lines = headingLines(node);
        if (previous?.type === 'heading' && previous.depth === 2) {
          previous.children = [text([...headingLines(previous), ...lines].join(' / ')), ...footnotesOf(previous), ...footnotesOf(node)];
        } else children.push({ type: 'heading', depth: 2, children: [text(lines.join(' / ')), ...footnotesOf(node)] });
      } else if (node.type === 'heading') {
        const line = headingLines(node).join(' / ');
        children.push({ type: 'heading', depth: subheadDepth(line) ?? 3, children: [text(line), ...footnotesOf(node)] });
      } else if (node.type === 'paragraph' && isSubhead(node)) {
        const line = subheadText(node);
        children.push({ type: 'heading', depth: subheadDepth(line)!, children: [text(line)] });
      } else {
        children.push(node);
      }
    }
    tree.children = children;
  };
}

/** The footnote marks in a heading, kept at its end as its text is made again from its lines. */
function footnotesOf(heading: Heading): FootnoteReference[] {
  const found: FootnoteReference[] = [];
  eachNode(heading, (node) => {
    if (node.type === 'footnoteReference') found.push(node as FootnoteReference);
  });
  return found;
}

/** A heading's lines: a manual line break in Word starts a new one, in bold text too (`**第一行<br>第二行**`). */
function headingLines(heading: Heading): string[] {
  const lines = [''];
  const add = (children: readonly PhrasingContent[]) => {
    for (const child of children) {
      if (child.type === 'break') lines.push('');
      else if ('children' in child) add(child.children);
      else lines[lines.length - 1] += textOf(child);
    }
  };
  add(heading.children);
  return lines.map((line) => line.trim()).filter(Boolean);
}

/** A node's text, without raw HTML or pictures' descriptions. */
function textOf(node: RootContent | PhrasingContent): string {
  return mdastText(node, { includeHtml: false, includeImageAlt: false });
}

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

/** The first characters of a paragraph, to name where something was. */
export function excerpt(text: string, length = 12): string {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return [...trimmed].length > length ? `${[...trimmed].slice(0, length).join('')}…` : trimmed;
}
