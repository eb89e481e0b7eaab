/**
 * Prints one issue of a fixture through the build's PDF edition, as the print tests need it: one
 * PDF each (the print-pages fixture, tests/fixtures/print-pages/tables, for the table-break and
 * landscape-table tests).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { validateContent } from '../../src/pipeline.ts';
import type { RenderPdfResult } from '../../src/print/index.ts';
import { pdfEdition } from '../../src/print/pdf-edition.ts';
import { createNunjucksEngine } from '../../src/site/engine.ts';
import { sharedPrinter } from '../support/shared-browser.ts';

export const tablesFixture = fileURLToPath(new URL('../fixtures/print-pages/tables/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));

/**
 * Print the issue at `issuePath` (`2021/1/`; the first issue when undefined) of `content` through
 * the build's PDF edition with the bundled templates, to `<outDir>/<name>.pdf`, in the test
 * process's shared browser.
 */
export async function printIssue(content: string, issuePath: string | undefined, outDir: string, name: string) {
  const { site, issues, errors } = await validateContent(content, { workers: 0 });
  expect(errors).toEqual([]);
  const rendered = issuePath === undefined ? issues[0] : issues.find((candidate) => candidate.issue.path === issuePath);
  if (!rendered) throw new Error(`No issue ${issuePath} in ${content}`);
  const printer = await sharedPrinter();
  const edition = pdfEdition({
    engine: createNunjucksEngine('templates'),
    series: site.series!,
    templatesDir: 'templates',
    workDir: path.join(outDir, name),
    printer,
  });
  try {
    return await edition.render(rendered, path.join(outDir, `${name}.pdf`));
  } finally {
    await printer.close();
  }
}

/** Print the issue at `issuePath` (`2021/1/`) of the tables fixture to `tests/output/print-pages/<name>.pdf`. */
export function printFixtureIssue(issuePath: string, name: string): Promise<RenderPdfResult> {
  return printIssue(tablesFixture, issuePath, outDir, name);
}

/** A table row as `pdftotext -raw` prints it: `1 丰顺县 863 10 …`, or the 合计 row. */
export interface PrintedRow {
  readonly page: number;
  readonly label: string;
}

/**
 * The body rows of every table in the PDF, table by table, in reading order: a table starts
 * at a row numbered 1 and ends with its 合计.
 */
export function printedTables(texts: readonly string[]): PrintedRow[][] {
  const tables: PrintedRow[][] = [];
  texts.forEach((text, index) => {
    for (const line of text.split('\n')) {
      const row = /^(\d+) (.+?) [\d/]+(?: |$)/.exec(line);
      if (row?.[1] === '1') tables.push([]);
      if (row) tables.at(-1)?.push({ page: index + 1, label: row[2]! });
      else if (line.startsWith('合计 ')) tables.at(-1)?.push({ page: index + 1, label: '合计' });
    }
  });
  return tables;
}
