import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import LongestFirst from './tests/support/longest-first.ts';
import { testsLeftOut } from './tests/support/system-tools.ts';

// The README's two commands need nothing but Node: on a machine without poppler-utils or a
// Chinese font, the files that need them are left out, saying so (never in CI).
const leftOut = testsLeftOut(fileURLToPath(new URL('.', import.meta.url)));
if (leftOut.notice) console.warn(leftOut.notice);

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...leftOut.files],
    globalSetup: ['tests/support/global-setup.ts'],
    // Render and search threads start from the bundle of the current sources, as the CLI's do.
    setupFiles: ['tests/support/bundled-workers.ts'],
    // Child processes, not threads: tests spawn builds and Chromium and install signal handlers.
    pool: 'forks',
    // Vitest's default is one fewer than the cores, one file at a time on a 2-core machine; the
    // slow files spend most of their time waiting on child builds and Chromium, so one per core.
    maxWorkers: os.availableParallelism(),
    // Files share their worker's modules instead of loading the pipeline anew, which cost about
    // 0.5 s of CPU a file (20 of the light files: 19.0 s → 5.4 s wall). So no test may mock a
    // module (vi.mock), and one that changes the environment restores it.
    isolate: false,
    sequence: { sequencer: LongestFirst },
    // Transformed modules are kept in node_modules/.experimental-vitest-cache, keyed by their
    // source and the config, so a run after the first skips Vite's transforms: about 10 s of the
    // suite's 96 s of CPU here (on by default from Vitest 5).
    experimental: { fsModuleCache: true },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
