import { readdirSync, statSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';
import type { SyntheticIssue } from '../../scripts/synthetic-archive.ts';
import { progressCsv } from '../../scripts/synthetic-archive.ts';
import { storedManifest } from '../support/stored-manifest.ts';
import { type SyntheticBuildOptions, syntheticBuild } from '../support/synthetic-build.ts';
import { until } from '../support/until.ts';

let root: string;
let issues: SyntheticIssue[];
let options: SyntheticBuildOptions;

// Three years of three issues.
beforeAll(async () => {
  ({ root, issues, options } = await syntheticBuild('jianbao-parts-', 9));
  // A file changed less than 2 s before a build is read again by the next (`settled` in
  // build-cache.ts), whose parts then change with its stat: the first build starts once every
  // file has settled, so that what the second stores again does not hang on how fast they ran.
  const changed = readdirSync(options.contentDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => statSync(join(entry.parentPath, entry.name)))
    .reduce((newest, stat) => Math.max(newest, stat.mtimeMs, stat.ctimeMs), 0);
  await until('the content to settle', () => Date.now() > changed + 2_100);
});
afterAll(() => rm(root, { recursive: true, force: true }));

const head = async () =>
  JSON.parse(await readFile(join(options.cacheDir, 'manifest.json'), 'latin1')) as { issues: object; parts: Record<string, [string, number]> };
const oldest = () => issues.reduce((a, b) => (a.year < b.year || (a.year === b.year && a.number < b.number) ? a : b));

describe("the manifest's entries by file", () => {
  it('are kept in a part a year, and a rebuild stores again only the part of the year that changed', async () => {
    await build(options);
    const before = await head();
    const years = [...new Set(issues.map((issue) => String(issue.year)))];
    expect(Object.keys(before.parts)).toEqual(expect.arrayContaining(years));
    // manifest.json itself holds none of them.
    expect(before.issues).toEqual({});
    expect(Object.keys((await storedManifest(options.cacheDir)).issues)).toHaveLength(issues.length);

    const changed = oldest();
    await writeFile(join(options.contentDir, `${changed.year}/${changed.number}/progress.csv`), progressCsv(changed.total, 7));
    expect((await build(options)).counts).toMatchObject({ rendered: 1 });
    const after = await head();
    expect(Object.keys(after.parts).sort()).toEqual(Object.keys(before.parts).sort());
    const stored = Object.keys(after.parts).filter((name) => after.parts[name]![0] !== before.parts[name]![0]);
    // Its year's, and the pages above the years (the series page charts the table).
    expect(stored).toContain(String(changed.year));
    expect(stored.filter((name) => /^\d{4}$/.test(name))).toEqual([String(changed.year)]);
  });

  it('are all made again when a part is missing, with the same output', async () => {
    await build(options);
    const page = join(options.outDir, `${oldest().year}/${oldest().number}/index.html`);
    const expected = await readFile(page, 'utf8');
    const [blob] = (await head()).parts[String(oldest().year)]!;
    await rm(join(options.cacheDir, 'blobs', blob.slice(0, 2), blob));
    await rm(options.outDir, { recursive: true });
    const result = await build(options);
    expect(result.cacheProblems).toEqual([expect.stringMatching(/manifest\.json cannot be used: its part \d{4} is missing or damaged/)]);
    expect(result.counts).toMatchObject({ rendered: issues.length });
    expect(await readFile(page, 'utf8')).toBe(expected);
    expect((await build(options)).counts).toMatchObject({ rendered: 0 });
  });
});
