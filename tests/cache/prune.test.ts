import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BlobStore } from '../../src/cache/blob-store.ts';
import { build } from '../../src/pipeline.ts';
import { progressCsv, type SyntheticIssue } from '../../scripts/synthetic-archive.ts';
import { type SyntheticBuildOptions, syntheticBuild } from '../support/synthetic-build.ts';
import { storedManifest } from '../support/stored-manifest.ts';

let root: string;
let issues: SyntheticIssue[];
let options: SyntheticBuildOptions;

beforeEach(async () => {
  ({ root, issues, options } = await syntheticBuild('jianbao-prune-', 3));
});
afterEach(() => {
  vi.restoreAllMocks();
  return rm(root, { recursive: true, force: true });
});

const blobs = async () =>
  (await readdir(join(options.cacheDir, 'blobs'), { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
const named = async () => {
  const manifest = await storedManifest(options.cacheDir);
  return Object.values(manifest.issues).map((entry) => entry.blob);
};
const unsaved = () => join(options.cacheDir, 'unsaved');
const changeCsv = (bump: number) => writeFile(join(issues[1]!.dir, 'progress.csv'), progressCsv(issues[1]!.total, bump));

describe('the blobs a build replaces', () => {
  it('are deleted by the next complete build, without listing the store', async () => {
    await build(options);
    expect(existsSync(unsaved())).toBe(false);
    const before = await blobs();
    // Every blob the manifest names is there.
    expect((await named()).filter((blob) => !before.includes(blob))).toEqual([]);
    const old = await named();

    const listing = vi.spyOn(BlobStore.prototype, 'prune');
    await changeCsv(1);
    const result = await build(options);
    expect(result.counts.rendered).toBe(1);
    const now = await named();
    const gone = old.filter((blob) => !now.includes(blob));
    expect(gone).toHaveLength(1);
    const after = await blobs();
    expect(after).not.toContain(gone[0]);
    expect(after).toHaveLength(before.length);
    expect(listing).not.toHaveBeenCalled();
    expect(existsSync(unsaved())).toBe(false);
  });

  it('left by a build that did not finish are found by listing the store, once', async () => {
    await build(options);
    // What a build killed while rendering leaves: a blob no manifest names, and the note that it may have.
    const stray = 'a'.repeat(64);
    await mkdir(join(options.cacheDir, 'blobs', 'aa'), { recursive: true });
    await writeFile(join(options.cacheDir, 'blobs', 'aa', stray), 'left behind');
    await writeFile(unsaved(), '');
    const listing = vi.spyOn(BlobStore.prototype, 'prune');

    await changeCsv(2);
    await build(options);
    expect(listing).toHaveBeenCalledTimes(1);
    expect(await blobs()).not.toContain(stray);
    expect(existsSync(unsaved())).toBe(false);

    await changeCsv(3);
    await build(options);
    expect(listing).toHaveBeenCalledTimes(1);
  });

  it('stay noted as unsaved after a build that stops on an error', async () => {
    await build(options);
    await changeCsv(4);
    // A broken issue: the build renders the others and stops before it writes.
    const broken = join(issues[0]!.dir, 'index.md');
    await writeFile(broken, (await readFile(broken, 'utf8')).replace(/^year: \d+$/m, 'year: nineteen'));
    await expect(build(options)).rejects.toThrow();
    expect(existsSync(unsaved())).toBe(true);
  });
});
