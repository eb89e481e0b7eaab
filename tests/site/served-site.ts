import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
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

/** Build the sample content into a temporary folder and serve it from a sub-path on 127.0.0.1. */
export async function serveSample(): Promise<ServedSite> {
  const out = join(await mkdtemp(join(tmpdir(), 'jianbao-served-')), 'dist');
  const result = await build({ contentDir: 'content', outDir: out, templatesDir: BUNDLED_TEMPLATES });
  const server = createStaticServer({ dir: out, base: BASE });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    out,
    result,
    url: `http://127.0.0.1:${port}${BASE}`,
    async close() {
      await new Promise((done) => server.close(done));
      await rm(join(out, '..'), { recursive: true, force: true });
    },
  };
}

/** The Chromium the PDF step uses, headless, with nothing running in the background. */
export async function launchBrowser(): Promise<Browser> {
  return puppeteer.launch(await launchOptions(await findBrowser()));
}
