#!/usr/bin/env node
// The CLI is TypeScript, so `npm ci` is the whole install: no compile step. It runs from a bundle
// esbuild makes on first use (see fast-start.js), or through tsx when that fails or when
// JIANBAO_TSX=1.
import { setFlagsFromString } from 'node:v8';

// A build is a short batch in which every render thread compiles the same libraries anew, and
// V8's optimising compiler cost as much CPU as a third of the rendering. A budget 16 times the
// default optimises only the hottest functions: a cold build of 1,000 issues uses ~0.6 s less
// CPU. Set before any thread starts, so every thread has it.
setFlagsFromString('--interrupt-budget=1081344');

const { main } = await loadCli();
process.exitCode = await main(process.argv.slice(2));

async function loadCli() {
  if (process.env.JIANBAO_TSX !== '1') {
    try {
      const { bundledCli } = await import('./fast-start.js');
      return await bundledCli();
    } catch {
      // Fall through to tsx, which needs nothing written to disk.
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli/main.ts');
}
