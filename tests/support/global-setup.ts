import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
// @ts-expect-error: plain JavaScript without types; currentBundle() resolves to a folder path.
import { currentBundle } from '../../bin/fast-start.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A temporary folder for the whole run, for what test files share (the served sample, built once for the run: tests/site/served-site.ts). */
    sharedDir: string;
    /** The bundle of the current sources (bin/fast-start.js), which the render pool starts its threads from (tests/support/bundled-workers.ts). */
    bundleDir: string;
  }
}

/** The run's shared temporary folder, removed when the run ends (its worker processes are killed, not exited). */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), 'jianbao-tests-'));
  project.provide('sharedDir', dir);
  // Bundled once here, before any test starts the CLI in a child process, which would bundle it too.
  project.provide('bundleDir', (await currentBundle()) as string);
  // Retried: a test process's shared Chromium (tests/support/shared-browser.ts) quits with the
  // process, and may still be writing its profile in here for a moment after.
  return () => rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
}
