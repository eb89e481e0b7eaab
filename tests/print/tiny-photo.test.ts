/**
 * A photo of 120 × 80 pixels (tests/fixtures/print-pages/tiny-photo): printed at its own size, at
 * 96 pixels an inch as the web page shows it, not stretched across the 版心 at 20 dpi. One PDF.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { buildPdfs } from '../support/shared-browser.ts';

const fixture = fileURLToPath(new URL('../fixtures/print-pages/tiny-photo/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'jianbao-tiny-photo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('prints a small photo no larger than its pixels at 96 an inch', async () => {
  cpSync(fixture, join(dir, 'content'), { recursive: true });
  await buildPdfs(join(dir, 'content'), dir);
  // `pdfimages -list`: each image's pixels and the resolution it is printed at (x-ppi, the 13th column).
  const images = execFileSync('pdfimages', ['-list', join(dir, 'dist/2024/1/2024-1.pdf')], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells[2] === 'image');
  expect(images.map((cells) => [Number(cells[3]), Number(cells[4])])).toEqual([[120, 80]]);
  expect(Number(images[0]![12])).toBeGreaterThanOrEqual(95);
}, 120_000);
