/**
 * A 17-column table of short scores under headers of four to six characters
 * (tests/fixtures/print-pages/header-fit): its columns are not made even when a header's word,
 * kept whole, would not fit its share (`建筑许可` ran into the next cell; `用水用气` and
 * `（市、区）` broke inside). One PDF.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import type { RenderPdfResult } from '../../src/print/index.ts';
import { words, type Word } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const content = fileURLToPath(new URL('../fixtures/print-pages/header-fit/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));

let result: RenderPdfResult;
let header: Word[];
beforeAll(async () => {
  result = await printIssue(content, undefined, outDir, 'header-fit');
  const all = words(result.output);
  const firstRow = all.find((word) => word.text === '江北区')!;
  const title = all.find((word) => word.page === firstRow.page && word.text.includes('营商环境评价得分情况'))!;
  header = all.filter((word) => word.page === firstRow.page && word.yMin > title.yMax && word.yMax < firstRow.yMin);
});

it('prints every header inside its cell: no two header words on a line overlap', () => {
  expect(result.layout.tables[0]).toMatchObject({ wide: true });
  // Each word on a line of its own: `办理` / `建筑` / `许可`, `获得` / `用水用气`.
  for (const word of ['用水用气', '（市、区）', '投资者', '建筑']) expect(header.map((line) => line.text)).toContain(word);
  const overlaps = header.flatMap((a, index) =>
    header
      .slice(index + 1)
      .filter((b) => Math.abs(a.yMin - b.yMin) < 1 && a.xMin < b.xMax - 0.5 && b.xMin < a.xMax - 0.5)
      .map((b) => `${a.text} / ${b.text}`),
  );
  expect(overlaps).toEqual([]);
});
