/**
 * A table whose page break comes right after the line introducing it (`…情况如下表：`): the line
 * moves with the table to the next page, rather than closing the page above it with the table's
 * place left empty. A table longer than the rest of the page (tests/fixtures/print-pages/intro-line)
 * and one the browser moves whole to the next page itself (intro-line-whole). One PDF each.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pageTexts } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));

describe.each([
  { fixture: 'intro-line', intro: '改造进展情况如下表：', row: '1梅江区484' },
  { fixture: 'intro-line-whole', intro: '各镇建设进展情况如下表：', row: '1大柘镇' },
])('$fixture', ({ fixture, intro, row }) => {
  it('moves the line introducing a table to the table’s page', async () => {
    const content = fileURLToPath(new URL(`../fixtures/print-pages/${fixture}/`, import.meta.url));
    const result = await printIssue(content, undefined, outDir, fixture);
    const texts = pageTexts(result.output).map((text) => text.replace(/\s+/g, ''));
    const introduced = texts.findIndex((text) => text.includes(intro));
    expect(introduced).toBeGreaterThan(0);
    expect(texts.findIndex((text) => text.includes(row))).toBe(introduced);
    expect(result.layout.tables[0]).toMatchObject({ moved: true, wide: false });
  });
});
