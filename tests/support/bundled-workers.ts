import { inject } from 'vitest';

// A worker thread started from source registers tsx and compiles the pipeline anew, about 1.5 s
// of CPU each; from the bundle of the same sources (as `jianbao` starts them) a few tenths. The
// pools read the bundle's folder from this global, which bin/fast-start.js sets for the CLI.
(globalThis as Record<symbol, unknown>)[Symbol.for('jianbao.bundle')] = inject('bundleDir');
