#!/usr/bin/env node
// The CLI is TypeScript, run from the esbuild bundle in lib/ (see fast-start.js), or through tsx,
// a devDependency, when JIANBAO_TSX=1 or when a source checkout cannot bundle.
import { setFlagsFromString } from 'node:v8';

// A build is a short batch in which every render thread compiles the same libraries anew, and
// V8's optimising compiler cost as much CPU as a third of the rendering. A budget 16 times the
// default optimises only the hottest functions: a cold build of 1,000 issues uses ~0.6 s less
// CPU. Set before any thread starts, so every thread has it.
setFlagsFromString('--interrupt-budget=1081344');
// A build makes each page's HTML and drops it: garbage, which V8 lets pile up to as much as four
// times the heap it keeps. Growing the heap by at most 30 % between collections held a cold build
// of 10,000 issues to 632–646 MiB of peak RSS instead of 1,148–1,183 MiB, in the same time.
setFlagsFromString('--heap-growing-percent=30');

const { main } = await loadCli();
process.exitCode = await main(process.argv.slice(2));

async function loadCli() {
  let bundling;
  if (process.env.JIANBAO_TSX !== '1') {
    try {
      const { bundledCli } = await import('./fast-start.js');
      return await bundledCli();
    } catch (error) {
      // Fall through to tsx, which needs nothing written to disk.
      bundling = error;
    }
  }
  try {
    const { register } = await import('tsx/esm/api');
    register();
  } catch (error) {
    throw new Error(
      `jianbao cannot start: lib/ is missing or older than src/ (${bundling?.message ?? 'JIANBAO_TSX=1'}) and tsx is not installed to run the sources; run \`npm run bundle\` in a checkout, or install jianbao again`,
      { cause: error },
    );
  }
  return import('../src/cli/main.ts');
}
