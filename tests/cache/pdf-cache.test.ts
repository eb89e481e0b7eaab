import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/pipeline.ts';
import { BUNDLED_TEMPLATES } from '../../src/site/templates-folder.ts';
import { sharedBrowserPool } from '../support/shared-browser.ts';
import { storedManifest } from '../support/stored-manifest.ts';

// Printing is the slow part: two one-paragraph issues (about half the printing time of the
// sample's), each PDF printed as few times as the cases need, without the share pictures. The cases run in order, each on
// the output and cache the one before left.
const FIXTURE = 'tests/fixtures/print-cache';
const ISSUES = ['2024/1', '2024/2'];
let root: string;
let options: BuildOptions & { contentDir: string; outDir: string; cacheDir: string };

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'jianbao-pdf-cache-'));
  await cp(FIXTURE, join(root, 'content'), { recursive: true });
  options = {
    contentDir: join(root, 'content'),
    outDir: join(root, 'dist'),
    cacheDir: join(root, 'cache'),
    templatesDir: BUNDLED_TEMPLATES,
    search: false,
    shareImage: false,
    browserPool: sharedBrowserPool(),
  };
});
afterAll(() => rm(root, { recursive: true, force: true }));

const pdfPath = (issue: string) => `${issue}/${issue.replace('/', '-')}.pdf`;
const pdfsIn = async (dir: string) => (await readdir(dir, { recursive: true })).filter((path) => path.endsWith('.pdf')).sort();
const shards = [1, 2].map((index) => ({ index, count: 2, out: () => join(root, `shard-${index}`), cache: () => join(root, `shard-cache-${index}`) }));

describe('PDFs in sharded and incremental builds', () => {
  it('split the PDFs between shards exactly once, each printing its own, and assembling prints nothing', async () => {
    for (const shard of shards) {
      const result = await build({ ...options, outDir: shard.out(), cacheDir: shard.cache(), shard: { index: shard.index, count: shard.count } });
      expect(result.counts).toMatchObject({ rendered: ISSUES.length, pdfs: 1, pdfsRendered: 1 });
    }
    const printed = await Promise.all(shards.map((shard) => pdfsIn(shard.out())));
    expect(printed.flat().sort()).toEqual(ISSUES.map(pdfPath).sort());
    expect(printed.map((list) => list.length)).toEqual([1, 1]);

    const assembled = await build({ ...options, cacheFrom: shards.map((shard) => shard.cache()) });
    expect(assembled.counts).toMatchObject({ rendered: 0, pdfs: ISSUES.length, pdfsRendered: 0 });
    expect(await pdfsIn(options.outDir)).toEqual(ISSUES.map(pdfPath).sort());
  }, 120_000);

  it('prints none when nothing changed, then only the changed issue’s, from the PDFs the assembling kept', async () => {
    // From here on the PDFs can only come from the build's own cache.
    for (const shard of shards) await rm(shard.cache(), { recursive: true });
    const before = await readFile(join(options.outDir, pdfPath(ISSUES[0]!)));

    const same = await build(options);
    expect(same.counts).toMatchObject({ rendered: 0, pdfs: ISSUES.length, pdfsRendered: 0 });
    expect(await readFile(join(options.outDir, pdfPath(ISSUES[0]!)))).toEqual(before);

    const markdown = join(options.contentDir, ISSUES[1]!, 'index.md');
    await writeFile(markdown, `${await readFile(markdown, 'utf8')}\n改造进展顺利。\n`);
    const one = await build(options);
    expect(one.counts).toMatchObject({ rendered: 1, skipped: ISSUES.length - 1, pdfs: ISSUES.length, pdfsRendered: 1 });
    expect(one.cacheProblems).toEqual([]);
    expect(await readFile(join(options.outDir, pdfPath(ISSUES[0]!)))).toEqual(before);
  }, 120_000);

  it('keeps the PDFs through a build without them (`--no-pdf`, as `jianbao dev` builds), printing none after it', async () => {
    const without = await build({ ...options, pdf: false });
    expect(without.counts).toMatchObject({ pdfs: 0, pdfsRendered: 0 });
    expect(Object.keys((await storedManifest(options.cacheDir)).editions.pdf ?? {})).toHaveLength(ISSUES.length);
    const again = await build(options);
    expect(again.counts).toMatchObject({ pdfs: ISSUES.length, pdfsRendered: 0 });
    expect(await pdfsIn(options.outDir)).toEqual(ISSUES.map(pdfPath).sort());
  }, 120_000);

  it('prints a PDF again when its stored copy was tampered with', async () => {
    const manifest = await storedManifest(options.cacheDir);
    const id = Object.values(manifest.editions.pdf!)[0]!;
    await writeFile(join(options.cacheDir, 'blobs', id.slice(0, 2), id), '%PDF-1.7 truncated');
    // The output's PDFs are copies, untouched by the tampering: a missing page makes the build write again.
    await rm(join(options.outDir, 'index.html'));
    const result = await build(options);
    expect(result.counts.pdfsRendered).toBe(1);
    expect(result.cacheProblems).toEqual(['a cached PDF was missing or corrupt']);
    for (const issue of ISSUES) expect((await readFile(join(options.outDir, pdfPath(issue)))).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);
});
