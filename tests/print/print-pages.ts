/**
 * Prints one issue of the print-pages fixture (tests/fixtures/print-pages/tables) through the
 * build's PDF edition, for the table-break and landscape-table tests: one PDF each.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { validateContent } from '../../src/pipeline.ts';
import { findBrowser } from '../../src/print/find-browser.ts';
import { createPrinter } from '../../src/print/printer.ts';
import type { RenderPdfResult } from '../../src/print/index.ts';
import { pdfEdition } from '../../src/print/pdf-edition.ts';
import { createNunjucksEngine } from '../../src/site/engine.ts';

export const tablesFixture = fileURLToPath(new URL('../fixtures/print-pages/tables/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));

/** Print the issue at `issuePath` (`2021/1/`) to `tests/output/print-pages/<name>.pdf`. */
export async function printFixtureIssue(issuePath: string, name: string): Promise<RenderPdfResult> {
  const { site, issues, errors } = await validateContent(tablesFixture, { workers: 0 });
  expect(errors).toEqual([]);
  const rendered = issues.find((candidate) => candidate.issue.path === issuePath);
  if (!rendered) throw new Error(`No issue ${issuePath} in ${tablesFixture}`);
  const profileDir = path.join(outDir, `${name}-chromium`);
  const printer = createPrinter({ browser: await findBrowser(), profileDir });
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
    rmSync(profileDir, { recursive: true, force: true });
  }
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
