import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A temporary folder for the whole run, for what test files share (the served sample, built once for the run: tests/site/served-site.ts). */
    sharedDir: string;
  }
}

/** The run's shared temporary folder, removed when the run ends (its worker processes are killed, not exited). */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), 'jianbao-tests-'));
  project.provide('sharedDir', dir);
  return () => rm(dir, { recursive: true, force: true });
}
