import { readFile } from 'node:fs/promises';
import { VFile } from 'vfile';
import { type CreatedIssue, createIssue } from '../new/create-issue.ts';
import { ContentError, reportProblem } from '../report/messages.ts';
import { today } from '../util/today.ts';
import { type BulletinParts, reportBulletinParts, withoutBulletinParts } from './bulletin-parts.ts';
import { docxToHtml } from './docx-to-html.ts';
import { draftFormatProblem } from './draft-format.ts';
import { warnUnmapped } from './draft-inventory.ts';
import { unpackedSizeProblem } from '../util/zip-size.ts';
import { htmlToMarkdown } from './html-to-markdown.ts';
import { withFieldResults } from './word-fields.ts';
import { withoutHiddenText } from './word-hidden-text.ts';
import { withoutPlaceholders } from './word-placeholders.ts';
import { withoutInvisibleColumns } from './word-grid-columns.ts';
import { withRowGapsFilled } from './word-row-gaps.ts';
import { typedNumbers } from './word-numbering.ts';
import { withoutDtd } from './word-entities.ts';
import { openDocx } from './word-xml.ts';

export interface ImportOptions {
  /** @default 'content' */
  readonly contentDir?: string;
  /**
   * The issue's date, `YYYY-MM-DD`.
   * @default the date in the draft's masthead (a whole bulletin's), else today
   */
  readonly date?: string | undefined;
}

export interface ImportedDraft {
  readonly created: CreatedIssue;
  /** The draft, its messages the warnings: what could not be carried over, and where. */
  readonly file: VFile;
  readonly tables: number;
  readonly images: number;
}

/** The most a draft's parts may unpack to (see `unpackedSizeProblem`). */
const MAX_DRAFT_UNPACKED_BYTES = 512 * 1024 * 1024;

/**
 * Make the next issue (numbered as `jianbao new` numbers it) from a Word draft: its text as
 * Markdown, each table as a CSV file beside it with its `::table` line, each picture beside it.
 * A whole bulletin's masthead and 版记 give the issue's numbers, date and distribution instead,
 * and are left out of the text with its contents (see bulletin-parts.ts).
 * Throws ContentError when the draft is not a .docx, and what `createIssue` throws; what could
 * not be carried over is listed as warnings on the returned file, nothing is left out silently.
 */
export async function importDraft(draftPath: string, options: ImportOptions): Promise<ImportedDraft> {
  const buffer = await readFile(draftPath);
  const file = new VFile({ path: draftPath });
  const problem = draftFormatProblem(draftPath, buffer);
  if (problem !== undefined) throw new ContentError([reportProblem(file, problem, { ruleId: 'import-format' })]);
  // Photos make a draft large, not bombs: a draft whose parts unpack to more is refused before the Word reader holds them.
  const unpacked = await openDocx(buffer).then(
    ({ zip }) => unpackedSizeProblem(zip, MAX_DRAFT_UNPACKED_BYTES),
    () => undefined,
  );
  if (unpacked !== undefined) {
    const reason =
      unpacked.kind === 'too-large'
        ? `Cannot read this .docx: its parts unpack to ${Math.round(unpacked.bytes / 2 ** 20)} MB, more than a draft holds (${MAX_DRAFT_UNPACKED_BYTES / 2 ** 20} MB); save it again in Word or WPS, its pictures compressed`
        : `Cannot read this .docx: its part ${unpacked.name} unpacks to more than the file's directory says, as a ZIP bomb's does; open it in Word or WPS, save it again as .docx and import that`;
    throw new ContentError([reportProblem(file, reason, { ruleId: 'import-format' })]);
  }

  // A package the zip reader cannot open is refused below, with the reason.
  const draft = await withoutDtd(buffer, file).catch(() => buffer);
  let converted: Awaited<ReturnType<typeof docxToHtml>>;
  let parts: BulletinParts;
  try {
    const articles = await withoutBulletinParts(await withFieldResults(await withoutPlaceholders(await withoutHiddenText(draft))));
    parts = articles.parts;
    converted = await docxToHtml(await typedNumbers(await withRowGapsFilled(await withoutInvisibleColumns(articles.buffer))), file);
  } catch (error) {
    const reason = `Cannot read this .docx (${error instanceof Error ? error.message : String(error)}); open it in Word or WPS, save it again as .docx and import that`;
    throw new ContentError([reportProblem(file, reason, { ruleId: 'import-format' })]);
  }
  await warnUnmapped(draft, file);
  const markdown = await htmlToMarkdown(converted.html, file);
  const { masthead } = parts;
  const created = await createIssue(options.contentDir ?? 'content', options.date ?? masthead?.date?.value ?? today(), {
    numbers: { year: masthead?.year?.value, number: masthead?.number?.value, total: masthead?.total?.value },
    supplement: masthead?.supplement,
    contents: (site, next) => ({
      body: markdown.body,
      files: [...markdown.tables, ...converted.images],
      distribution: reportBulletinParts(parts, { series: site.series, next, date: options.date }, file),
      special: masthead?.special?.value,
    }),
  });
  return { created, file, tables: markdown.tables.length, images: converted.images.length };
}
