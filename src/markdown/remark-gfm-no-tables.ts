import type { Root } from 'mdast';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmStrikethroughCjkFriendly } from 'micromark-extension-cjk-friendly-gfm-strikethrough';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { reportProblem } from '../report/messages.ts';
import { eachNode, SKIP } from '../util/each-node.ts';
import { TABLE_DIRECTIVE } from '../table/table-directive.ts';

/** A GFM delimiter row: `| --- | :-: |`, `--|--`. */
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/**
 * GitHub-flavoured Markdown as remark-gfm reads it — links from bare web addresses, footnotes,
 * strikethrough, task lists — but without pipe tables, and an error for each one written.
 * A bulletin's tables are CSV files embedded with `::table`: those are checked (their 合计 row
 * against the columns) and printed in the bulletin's table style, where a pipe table would be
 * neither. Strikethrough is the CJK-friendly fork of GFM's (what remark-cjk-friendly-gfm-strikethrough
 * registers), in place of GFM's own: both would read `~~`, and the first one registered wins, so
 * `~~删去。~~这句` would still print its tildes. Only `~~` strikes through: a single `~` is how a
 * range is typed on a Latin keyboard (`3~5天，25~32℃`), and read as strikethrough two of them would
 * strike out the text between and print neither. Leaving the table syntax out also saves a third of the parsing: micromark tries it at
 * the start of every line, reading each long paragraph line twice.
 */
export default function remarkGfmNoTables(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmAutolinkLiteral(), gfmFootnote(), gfmStrikethroughCjkFriendly({ singleTilde: false }), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(addressLinks(), gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown());

  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    eachNode(tree, (node) => {
      if (node.type !== 'paragraph') return undefined;
      const start = node.position?.start;
      const end = node.position?.end;
      const text = start?.offset === undefined || end?.offset === undefined ? undefined : source.slice(start.offset, end.offset);
      if (!start || text === undefined) return SKIP;
      const pipeRow = pipeTableRow(text);
      const tabRow = pipeRow === undefined ? tabTableRow(text) : undefined;
      const row = pipeRow ?? tabRow;
      if (row === undefined) return SKIP;
      const [found, where, ruleId] =
        pipeRow === undefined
          ? (['table pasted as text, its cells separated by tabs (as Excel copies them)', 'a CSV file or Excel workbook', 'tab-table'] as const)
          : (['pipe table', 'a CSV file', 'pipe-table'] as const);
      reportProblem(
        file,
        `Unexpected ${found}; put the table in ${where} beside the issue and embed it with \`${TABLE_DIRECTIVE.example}\`, so that its numbers are checked and it prints as a bulletin table`,
        { place: row === 0 ? start : { line: start.line + row, column: 1 }, ruleId },
      );
      return SKIP;
    });
  };
}

/** What a text holds if GFM's link-making pass could find a bare web or mail address in it. */
const ADDRESS_HINT = /@|https?:\/\/|www\./i;

/**
 * GFM's bare addresses to links, run only on a tree where some text may hold one: the pass is a
 * search-and-replace of four patterns over every text, 0.7 ms of an issue's 10 that way, and a
 * bulletin's text rarely holds an address. Its patterns all need `@`, `http(s)://` or `www.`.
 */
function addressLinks(): FromMarkdownExtension {
  const extension = gfmAutolinkLiteralFromMarkdown();
  return { ...extension, transforms: extension.transforms?.map((transform) => (tree) => (holdsAddressHint(tree) ? transform(tree) : undefined)) };
}

function holdsAddressHint(tree: Root): boolean {
  let found = false;
  eachNode(tree, (node) => {
    if (found) return SKIP;
    if (node.type === 'text' && ADDRESS_HINT.test(node.value)) found = true;
    return undefined;
  });
  return found;
}

/** A tab between two cells' text: Excel copies a row's cells so, and a paragraph would run them together. */
const TAB_CELLS = /\S\t+\S/;

/**
 * A line of cells separated by tabs, but not one whose every part is a label and its value
 * (联系人：张明⇥电话：…, 审核：李四⇥签发：王五), which a Word draft lines up with tabs.
 */
function tabCells(line: string): boolean {
  return (
    TAB_CELLS.test(line) &&
    !line
      .trim()
      .split(/\t+/)
      .every((part) => part.includes('：'))
  );
}

/** The index of the first of two or more lines in a row that hold cells separated by tabs. */
function tabTableRow(paragraph: string): number | undefined {
  const lines = paragraph.split('\n');
  const row = lines.findIndex((line, index) => tabCells(line) && tabCells(lines[index + 1] ?? ''));
  return row === -1 ? undefined : row;
}

/**
 * Where GFM would have read a table in a paragraph's source: the index of the first line that
 * holds a `|` and is followed by a delimiter row (after any `>` or indent of a quote or list).
 */
function pipeTableRow(paragraph: string): number | undefined {
  const lines = paragraph.split('\n');
  const row = lines.findIndex((line, index) => {
    const next = lines[index + 1]?.replace(/^[ \t]*(?:>[ \t]?)*/, '').trim();
    return line.includes('|') && next?.includes('|') && DELIMITER_ROW.test(next);
  });
  return row === -1 ? undefined : row;
}
