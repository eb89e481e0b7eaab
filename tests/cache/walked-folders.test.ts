import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildCache } from '../../src/cache/build-cache.ts';
import { build } from '../../src/pipeline.ts';
import { loadContent } from '../../src/load/load-content.ts';
import { type SyntheticBuildOptions, syntheticBuild } from '../support/synthetic-build.ts';
import { storedManifest } from '../support/stored-manifest.ts';
import type { SyntheticIssue } from '../../scripts/synthetic-archive.ts';

let root: string;
let options: SyntheticBuildOptions;
let issues: SyntheticIssue[];
/** A page of the last build and the inputs it was made from, as its manifest notes them. */
const PAGE = '2000/1/index.html';
let inputs: string;

beforeAll(async () => {
  ({ root, options, issues } = await syntheticBuild('jianbao-walked-', 2));
  await build(options);
  const manifest = await storedManifest(options.cacheDir);
  inputs = manifest.written!.inputs[PAGE]!;
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

describe('the content', () => {
  it("is listed and compared through the walk of its folder once done, and read and stat'ed without one", async () => {
    // Loaded by a build that counts the files just written as settled, so that their stats are kept.
    const first = await BuildCache.open({ dir: options.cacheDir, contentDir: options.contentDir, start: Date.now() + 60_000 });
    await loadContent(options.contentDir, first);
    await first.save({ complete: true });
    const walked = await open(0);
    const walk = await walked.contentWalk();
    expect([...walk!.files.keys()].filter((path) => path.endsWith('.md')).sort()).toEqual(
      issues.map((issue) => `${issue.year}/${issue.number}/index.md`).sort(),
    );
    const unwalked = await open();
    expect(await unwalked.contentWalk()).toBeUndefined();
    // Changed after the walk: the walk's loading takes it as unchanged, unread (the next build's
    // walk sees it); a stat finds it changed and reads it.
    const file = join(issues[0]!.dir, 'index.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\n`);
    // Whether the changed file was left unread: the other is unchanged by any account, so no file read.
    const unread = async (cache: BuildCache) => {
      const { site } = await loadContent(options.contentDir, cache);
      expect(site.issues).toHaveLength(2);
      return site.filesRead === 0;
    };
    expect(await unread(walked)).toBe(true);
    expect(await unread(unwalked)).toBe(false);
    const next = await open(0);
    expect(await unread(next)).toBe(false);
  });
});
