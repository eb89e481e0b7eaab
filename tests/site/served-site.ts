import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { inject } from 'vitest';
import { build, type BuildResult } from '../../src/pipeline.ts';
import { BUNDLED_TEMPLATES } from '../../src/site/templates-folder.ts';
import { createStaticServer } from '../../src/dev/static-server.ts';
import { findBrowser, launchOptions } from '../../src/print/index.ts';

/** The sub-path the sample site is served under, as it would be on https://example.org/jianbao/. */
export const BASE = '/jianbao/';

export interface ServedSite {
  readonly out: string;
  readonly result: BuildResult;
  /** `http://127.0.0.1:PORT/jianbao/` */
  readonly url: string;
  close(): Promise<void>;
}

let sample: Promise<{ readonly out: string; readonly result: BuildResult }> | undefined;

/**
 * The sample content built once per test process (test files share their worker's modules, see
 * vitest.config.ts): the files that serve it only read it, and a build with PDFs costs seconds.
 * Its folder is in the run's shared folder, removed when the run ends (tests/support/global-setup.ts).
 */
function buildSample() {
  sample ??= (async () => {
    const out = join(await mkdtemp(join(inject('sharedDir'), 'served-')), 'dist');
    return { out, result: await build({ contentDir: 'content', outDir: out, templatesDir: BUNDLED_TEMPLATES }) };
  })();
  return sample;
}

/** The sample content, built into a temporary folder, served from a sub-path on 127.0.0.1. */
export async function serveSample(): Promise<ServedSite> {
  const { out, result } = await buildSample();
  const server = createStaticServer({ dir: out, base: BASE });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    out,
    result,
    url: `http://127.0.0.1:${port}${BASE}`,
    async close() {
      await new Promise((done) => server.close(done));
    },
  };
}

/** The Chromium the PDF step uses, headless, with nothing running in the background. */
export async function launchBrowser(): Promise<Browser> {
  return puppeteer.launch(await launchOptions(await findBrowser()));
}
