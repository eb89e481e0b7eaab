import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe, { type AxeResults } from 'axe-core';
import type { BrowserContext, Page } from 'puppeteer-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { BUNDLED_TEMPLATES } from '../../src/site/templates-folder.ts';
import { createStaticServer } from '../../src/dev/static-server.ts';
import { sharedBrowserPool } from '../support/shared-browser.ts';

/** The sub-path the sample site is served under, as it would be on https://example.org/jianbao/. */
export const BASE = '/jianbao/';

export interface ServedSite {
  readonly out: string;
  /** `http://127.0.0.1:PORT/jianbao/` */
  readonly url: string;
  close(): Promise<void>;
}

let sample: Promise<string> | undefined;

/**
 * The sample content, built once for the whole run into its shared folder (see
 * tests/support/global-setup.ts) by the first test process that needs it; the others wait for
 * that build. The files that serve it only read it, and a build with PDFs costs seconds (one a
 * test process cost that once for each). Resolves to the built folder; fails with the build's
 * error, or after two minutes of waiting for another process's build.
 */
export function builtSample(): Promise<string> {
  sample ??= (async () => {
    const shared = inject('sharedDir');
    const out = join(shared, 'sample', 'dist');
    const [claim, done, failed] = ['claimed', 'done', 'failed'].map((state) => join(shared, `sample.${state}`)) as [string, string, string];
    const claimed = await writeFile(claim, `${process.pid}\n`, { flag: 'wx' }).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') return false;
        throw error;
      },
    );
    if (claimed) {
      try {
        await build({ contentDir: 'content', outDir: out, templatesDir: BUNDLED_TEMPLATES, browserPool: sharedBrowserPool() });
      } catch (error) {
        await writeFile(failed, String(error instanceof Error ? error.stack : error));
        throw error;
      }
      await writeFile(done, '');
      return out;
    }
    const deadline = Date.now() + 120_000;
    while (!existsSync(done)) {
      if (existsSync(failed)) throw new Error(`The sample build failed in another test process: ${await readFile(failed, 'utf8')}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for the sample build of process ${await readFile(claim, 'utf8')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return out;
  })();
  return sample;
}

/** The sample content, built into a temporary folder, served from a sub-path on 127.0.0.1. */
export async function serveSample(): Promise<ServedSite> {
  return serveFolder(await builtSample());
}

/** A built site's folder, served from a sub-path (`BASE`) on 127.0.0.1. */
export async function serveFolder(out: string): Promise<ServedSite> {
  const server = createStaticServer({ dir: out, base: BASE });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    out,
    url: `http://127.0.0.1:${port}${BASE}`,
    async close() {
      const closed = new Promise((done) => server.close(done));
      // A connection the browser holds open (keep-alive, a request its closed page left) would
      // keep the server open past the hook's time: the site is done with.
      server.closeAllConnections();
      await closed;
    },
  };
}

/**
 * A fixture's content built without PDFs into a temporary folder and served, for the tests of
 * one `describe`: its `url` is set before they run.
 */
export function useServedFixture(contentDir: string): { url: string } {
  const served = { url: '' };
  let root: string | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'jianbao-served-fixture-'));
    const out = join(root, 'dist');
    await build({ contentDir, outDir: out, pdf: false, cacheDir: false, templatesDir: BUNDLED_TEMPLATES });
    ({ url: served.url, close } = await serveFolder(out));
  }, 60_000);
  afterAll(async () => {
    await close?.();
    if (root) await rm(root, { recursive: true, force: true });
  });
  return served;
}

/**
 * The served sample and a browser for the test file that calls this: started before its tests
 * (in its `beforeAll`), closed after them. The browser is a context of its own (cookies, storage)
 * in the Chromium the PDFs print with, the test process's shared one.
 */
export function useServedSample(): { readonly site: ServedSite; readonly browser: BrowserContext } {
  const held = {} as { site: ServedSite; browser: BrowserContext };
  beforeAll(async () => {
    [held.site, held.browser] = await Promise.all([
      serveSample(),
      sharedBrowserPool()
        .browser()
        .then((browser) => browser.createBrowserContext()),
    ]);
    await expectChineseFace(held.browser);
  });
  afterAll(async () => {
    await held.browser?.close();
    await held.site?.close();
  });
  return held;
}

/**
 * Stop with what to do when the browser lays Han characters out in no Chinese face: the pages
 * name the reader's own faces and ship none, and these tests measure them as a reader's device
 * lays them out. Without such a face a character is drawn half as wide, and the tests would fail
 * on their measurements (labels 7.8 px where 12 are wanted) without saying why.
 */
async function expectChineseFace(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  try {
    await page.setContent('<span style="font: 16px sans-serif">中</span>');
    const width = await page.$eval('span', (span) => span.getBoundingClientRect().width);
    if (width < 15) {
      throw new Error(
        `A Han character lays out ${width} px wide in a 16 px font: this machine has no Chinese system font, which the browser tests lay the pages out in. Install one (Debian: apt-get install fonts-noto-cjk, as .ci/run does).`,
      );
    }
  } finally {
    await page.close();
  }
}

/**
 * The serious and critical axe violations on the open page, one line each (its rule, help and
 * the elements): of all of axe's default rules, or of the `rules` named. Evaluated over the
 * DevTools protocol, which the pages' Content-Security-Policy does not restrict. axe is injected
 * once per loaded document (parsing it costs about 0.2 s), so a page resized or switched to
 * another colour scheme is checked again without loading it anew.
 */
export async function seriousAxeViolations(page: Page, rules?: readonly string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  // A string, not a function: the bundler may rename the `axe` import inside a function's source.
  const options = rules ? { runOnly: { type: 'rule', values: rules } } : {};
  const results = (await page.evaluate(`axe.run(document, ${JSON.stringify(options)})`)) as AxeResults;
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}
