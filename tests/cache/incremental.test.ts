import { cp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type SyntheticBuildOptions, syntheticBuild } from '../support/synthetic-build.ts';
import { storedManifest } from '../support/stored-manifest.ts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BuildResult, build } from '../../src/pipeline.ts';
import { BUNDLED_TEMPLATES } from '../../src/site/templates-folder.ts';
import { progressCsv, type SyntheticIssue } from '../../scripts/synthetic-archive.ts';

// Two issues, one a year: enough to tell one issue (and one year's search bundle) from all.
const ISSUES = 2;

let root: string;
let issues: SyntheticIssue[];
let options: SyntheticBuildOptions;

const archive = async () => void ({ root, issues, options } = await syntheticBuild('jianbao-cache-', ISSUES, 1));
const remove = () => rm(root, { recursive: true, force: true });

const page = (issue: SyntheticIssue) => readFile(join(options.outDir, `${issue.year}/${issue.number}/index.html`), 'utf8');

async function blobFiles(): Promise<string[]> {
  const entries = await readdir(join(options.cacheDir, 'blobs'), { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

// One archive for these tests, built cold with the search index before them (Pagefind costs a
// small build the most); each starts from the output and cache the one before left, the first
// from the cold build's.
describe('incremental builds with the search index', () => {
  let cold: BuildResult;
  beforeAll(async () => {
    await archive();
    options = { ...options, search: true };
    cold = await build(options);
  });
  afterAll(remove);

  it('writes nothing when nothing changed and the output is as the last build left it', async () => {
    const path = join(options.outDir, `${issues[1]!.year}/${issues[1]!.number}/index.html`);
    const before = await stat(path);

    const result = await build(options);
    expect(result.counts).toMatchObject({ upToDate: true, rendered: 0, pdfs: 0 });
    expect(result.counts.pages).toBe((await build({ ...options, outDir: join(root, 'other') })).counts.pages);
    expect((await stat(path)).mtimeMs).toBe(before.mtimeMs);
  });

  it('renders every issue on a cold build and none when nothing changed', async () => {
    expect(cold.counts).toMatchObject({ rendered: ISSUES, skipped: 0, search: { built: 2, unchanged: 0 } });
    const before = await page(issues[1]!);

    const warm = await build(options);
    expect(warm.counts).toMatchObject({ rendered: 0, skipped: ISSUES, pagesChanged: 0 });
    expect(await page(issues[1]!)).toBe(before);
  });

  it('re-renders only the issue whose CSV changed', async () => {
    const changed = issues[1]!;
    await writeFile(join(changed.dir, 'progress.csv'), progressCsv(changed.total, 1));

    const result = await build(options);
    expect(result.counts).toMatchObject({ rendered: 1, skipped: ISSUES - 1 });
    // Only the search bundle of the changed issue's year is indexed again.
    expect(result.counts.search).toEqual({ built: 1, unchanged: 1 });
    const firstRow = progressCsv(changed.total, 1).split('\n')[3]!.split(',');
    expect(await page(changed)).toContain(`<td class="num">${firstRow[2]}</td>`);
  });

  it('is not up to date for another output folder or other settings', async () => {
    expect((await build({ ...options, search: false })).counts.upToDate).toBe(false);
    expect((await build({ ...options, search: false })).counts.upToDate).toBe(true);
    expect((await build({ ...options, search: false, outDir: join(root, 'elsewhere') })).counts.upToDate).toBe(false);
  });
});

describe('incremental builds', () => {
  beforeEach(archive);
  afterEach(remove);

  it('writes the output again, rendering nothing, when a file in it was deleted or edited', async () => {
    await build(options);
    const deleted = join(options.outDir, `${issues[1]!.year}/${issues[1]!.number}/index.html`);
    const expected = await readFile(deleted, 'utf8');
    await rm(deleted);
    const removed = await build(options);
    expect(removed.counts).toMatchObject({ upToDate: false, rendered: 0, skipped: ISSUES });
    expect(await readFile(deleted, 'utf8')).toBe(expected);

    await writeFile(join(options.outDir, 'index.html'), 'edited by hand');
    expect((await build(options)).counts).toMatchObject({ upToDate: false, rendered: 0 });
    expect(await readFile(join(options.outDir, 'index.html'), 'utf8')).toContain('<html lang="zh-CN">');
  });

  it('re-renders only the issue whose Markdown changed', async () => {
    await build(options);
    const markdown = join(issues[0]!.dir, 'index.md');
    await writeFile(markdown, (await readFile(markdown, 'utf8')).replace('(综合整理)', '(本刊编辑部整理)'));

    const result = await build(options);
    expect(result.counts).toMatchObject({ rendered: 1, skipped: ISSUES - 1 });
    expect(await page(issues[0]!)).toContain('(本刊编辑部整理)');
  });

  it('applies a changed template to every page without rendering Markdown again', async () => {
    const templates = join(root, 'templates');
    await cp(BUNDLED_TEMPLATES, templates, { recursive: true });
    await build({ ...options, templatesDir: templates });
    const layout = join(templates, 'layout.njk');
    await writeFile(layout, (await readFile(layout, 'utf8')).replace('<body>', '<body data-edited="yes">'));

    const result = await build({ ...options, templatesDir: templates });
    expect(result.counts).toMatchObject({ rendered: 0, skipped: ISSUES });
    expect(result.counts.pagesChanged).toBeGreaterThanOrEqual(ISSUES + 1);
    for (const issue of issues) expect(await page(issue)).toContain('<body data-edited="yes">');
  });

  it('renders a new issue and drops a deleted one', async () => {
    await build(options);
    await rm(issues.at(-1)!.dir, { recursive: true });
    const result = await build(options);
    expect(result.counts).toMatchObject({ rendered: 0, skipped: ISSUES - 1 });
    expect(result.counts.issues).toBe(ISSUES - 1);
  });

  it('builds without a cache when told to', async () => {
    const first = await build({ ...options, cacheDir: false });
    const second = await build({ ...options, cacheDir: false });
    expect(first.counts.rendered).toBe(ISSUES);
    expect(second.counts.rendered).toBe(ISSUES);
    await expect(readdir(options.cacheDir)).rejects.toThrow(/ENOENT/);
  });
});

describe('a damaged cache', () => {
  beforeEach(archive);
  afterEach(remove);

  it('is rebuilt when the manifest is truncated', async () => {
    await build(options);
    const expected = await page(issues[1]!);
    const manifest = join(options.cacheDir, 'manifest.json');
    const text = await readFile(manifest, 'utf8');
    await writeFile(manifest, text.slice(0, text.length / 2));

    const result = await build(options);
    expect(result.counts).toMatchObject({ rendered: ISSUES, skipped: 0 });
    expect(result.cacheProblems).toEqual([expect.stringMatching(/manifest\.json is not valid JSON/)]);
    expect(await page(issues[1]!)).toBe(expected);
    expect((await build(options)).counts).toMatchObject({ rendered: 0, skipped: ISSUES });
  });

  it('is rebuilt when the manifest has the wrong shape', async () => {
    await build(options);
    await writeFile(join(options.cacheDir, 'manifest.json'), JSON.stringify({ format: 1, issues: 'none' }));
    const result = await build(options);
    expect(result.counts.rendered).toBe(ISSUES);
    expect(result.cacheProblems).toEqual([expect.stringMatching(/does not have the expected shape/)]);
  });

  it('does not trust a stored page whose bytes no longer match their hash', async () => {
    await build(options);
    const expected = await Promise.all(issues.map(page));
    for (const blob of await blobFiles()) await writeFile(blob, '{"html":"<p>tampered</p>","articles":[],"dependencies":[]}');
    // Even an output that is up to date shows its issues' warnings again, read from their blobs.
    const result = await build(options);
    expect(result.counts).toMatchObject({ rendered: ISSUES, skipped: 0 });
    expect(result.cacheProblems.length).toBeGreaterThan(0);
    expect(await Promise.all(issues.map(page))).toEqual(expected);
  });

  it('renders again an issue whose stored page is missing', async () => {
    await build(options);
    const manifest = await storedManifest(options.cacheDir);
    const id = Object.values(manifest.issues)[0]!.blob;
    // With the chunks of renders that hold it too (see tests/cache/rebuild.test.ts).
    const chunks = manifest.renders!.map((chunk) => chunk.blob);
    for (const blob of [id, ...chunks]) await rm(join(options.cacheDir, 'blobs', blob.slice(0, 2), blob));
    await rm(options.outDir, { recursive: true });
    const result = await build(options);
    expect(result.counts).toMatchObject({ rendered: 1, skipped: ISSUES - 1 });
  });

  it('costs only time when deleted', async () => {
    await build(options);
    const expected = await Promise.all(issues.map(page));
    await rm(options.cacheDir, { recursive: true });
    const result = await build(options);
    expect(result.counts.rendered).toBe(ISSUES);
    expect(await Promise.all(issues.map(page))).toEqual(expected);
  });
});

describe('caches of other builds', () => {
  beforeEach(archive);
  afterEach(remove);

  it('supply issues this cache lacks, which are then kept in this cache', async () => {
    const shardCache = join(root, 'shard-cache');
    await build({ ...options, cacheDir: shardCache, outDir: join(root, 'shard-dist') });

    const assembled = await build({ ...options, cacheFrom: [shardCache] });
    expect(assembled.counts).toMatchObject({ rendered: 0, skipped: ISSUES });
    await rm(shardCache, { recursive: true });
    expect((await build(options)).counts).toMatchObject({ rendered: 0, skipped: ISSUES });
  });

  it('are not trusted for an issue that changed since', async () => {
    const shardCache = join(root, 'shard-cache');
    await build({ ...options, cacheDir: shardCache });
    await writeFile(join(issues[0]!.dir, 'progress.csv'), progressCsv(issues[0]!.total, 2));
    const result = await build({ ...options, cacheFrom: [shardCache] });
    expect(result.counts).toMatchObject({ rendered: 1, skipped: ISSUES - 1 });
  });
});
