// The packaged Chromium prints by default, whether or not the machine has a browser of its own, so
// PDFs are the same bytes everywhere; another browser is opt-in and prints the PDFs again.
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/pipeline.ts';
import { findBrowser } from '../../src/print/find-browser.ts';
import { BUNDLED_TEMPLATES } from '../../src/site/templates-folder.ts';
import { sharedBrowserPool } from '../support/shared-browser.ts';

let root: string;
let options: BuildOptions;
const pdf = (out: string) => readFile(join(out, '2024/1/2024-1.pdf'));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'jianbao-same-browser-'));
  // One one-paragraph issue: what is compared is the browser, not the typesetting of a sample.
  await cp('tests/fixtures/print-cache', join(root, 'content'), { recursive: true, filter: (source) => !source.includes('2024/2') });
  // What is compared is the PDF: no share pictures.
  options = { contentDir: join(root, 'content'), templatesDir: BUNDLED_TEMPLATES, search: false, shareImage: false };
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('the browser that prints', () => {
  it('is the packaged Chromium whether or not the machine has a browser on PATH', async () => {
    const seen = await build({ ...options, outDir: join(root, 'seen'), cacheDir: join(root, 'cache') });
    expect(seen.browser).toMatch(/^@sparticuz\/chromium 153\./);
    expect(seen.counts.pdfsRendered).toBe(1);
    expect((await pdf(join(root, 'seen'))).subarray(0, 5).toString()).toBe('%PDF-');
    // The same browser is chosen with no browser on PATH (where a system chromium would be
    // found); that it prints the same bytes from the same input, tests/pipeline/pdf-build.test.ts
    // asserts.
    const hidden = await findBrowser({ env: { ...process.env, PATH: '/nonexistent' } });
    expect({ source: hidden.source, version: hidden.version }).toEqual({ source: 'npm', version: seen.browser });
  }, 120_000);

  it('is the caller’s pool when a build is given one, which prints the same bytes and is left open', async () => {
    const pool = sharedBrowserPool();
    const browser = await pool.browser();
    const launches = pool.launches;
    const result = await build({ ...options, outDir: join(root, 'pool'), cacheDir: false, browserPool: pool });
    expect(result.counts.pdfsRendered).toBe(1);
    expect(result.browser).toMatch(/^@sparticuz\/chromium 153\./);
    // The build still finds the faces its PDFs printed in.
    expect(result.faces.map((face) => face.role).sort()).toEqual(['body', 'heading', 'kai', 'title']);
    expect(await pdf(join(root, 'pool'))).toEqual(await pdf(join(root, 'seen')));
    expect(pool.launches).toBe(launches);
    expect(browser.connected).toBe(true);
  }, 120_000);

  it.skipIf(!existsSync('/usr/bin/chromium'))(
    'is a system browser only on request, which prints the PDFs again',
    async () => {
      const outDir = join(root, 'seen');
      const same = await build({ ...options, outDir, cacheDir: join(root, 'cache') });
      expect(same.counts).toMatchObject({ upToDate: true });
      const system = await build({ ...options, outDir, cacheDir: join(root, 'cache'), browser: 'system' });
      expect(system.browser).toMatch(/^Chromium \d+.* \(\/usr\/bin\/chromium\)$/);
      expect(system.counts.pdfsRendered).toBe(1);
    },
    120_000,
  );
});
