import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildCache } from '../../src/cache/build-cache.ts';
import { build } from '../../src/pipeline.ts';
import { type SyntheticBuildOptions, syntheticBuild } from '../support/synthetic-build.ts';

let root: string;
let options: SyntheticBuildOptions;
/** A page of the last build and the inputs it was made from, as its manifest notes them. */
const PAGE = '2000/1/index.html';
let inputs: string;

beforeAll(async () => {
  ({ root, options } = await syntheticBuild('jianbao-walked-', 2));
  await build(options);
  const manifest = JSON.parse(await readFile(join(options.cacheDir, 'manifest.json'), 'utf8')) as { written: { inputs: Record<string, string> } };
  inputs = manifest.written.inputs[PAGE]!;
  expect(inputs).toMatch(/^[0-9a-f]{64}$/);
});
afterAll(() => rm(root, { recursive: true, force: true }));

const open = (walkFrom?: number) => BuildCache.open({ dir: options.cacheDir, contentDir: options.contentDir, outDir: options.outDir, walkFrom });

describe("the last output's files", () => {
  it('are compared through the walk of the output once it is done, and by a stat each without one', async () => {
    const walked = await open(0);
    await walked.outputWalked();
    // The archive's manifest is far below the size from which the output is walked.
    const unwalked = await open();
    expect(walked.keptPage(PAGE, inputs, options.outDir)?.source).toBe(join(options.outDir, PAGE));
    expect(unwalked.keptPage(PAGE, inputs, options.outDir)?.source).toBe(join(options.outDir, PAGE));
    // Changed after the walk: the walk does not see it (the next build's does); a stat does.
    const page = join(options.outDir, PAGE);
    await writeFile(page, `${await readFile(page, 'utf8')}<!-- edited -->`);
    expect(walked.keptPage(PAGE, inputs, options.outDir)?.source).toBe(page);
    expect(unwalked.keptPage(PAGE, inputs, options.outDir)).toBeUndefined();
    const next = await open(0);
    await next.outputWalked();
    expect(next.keptPage(PAGE, inputs, options.outDir)).toBeUndefined();
  });
});
