import { readdir, readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/pipeline.ts';
import { BUNDLED_TEMPLATES } from '../../src/site/templates-folder.ts';
import { progressCsv, writeSyntheticArchive, type SyntheticIssue } from '../../scripts/synthetic-archive.ts';

// Printing is the slow part: two issues (one changed, one not; one a shard), each PDF printed as
// few times as the cases need.
const ISSUES = 2;
let root: string;
let issues: SyntheticIssue[];
let options: BuildOptions & { outDir: string; cacheDir: string };

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'jianbao-pdf-cache-'));
  issues = await writeSyntheticArchive(join(root, 'content'), { issues: ISSUES });
  options = { contentDir: join(root, 'content'), outDir: join(root, 'dist'), cacheDir: join(root, 'cache'), templatesDir: BUNDLED_TEMPLATES, search: false };
});
afterAll(() => rm(root, { recursive: true, force: true }));

const pdfPath = (issue: SyntheticIssue) => `${issue.year}/${issue.number}/${issue.year}-${issue.number}.pdf`;
const pdfsIn = async (dir: string) => (await readdir(dir, { recursive: true })).filter((path) => path.endsWith('.pdf')).sort();

describe('PDFs in incremental builds', () => {
  it('prints every PDF once, then none when nothing changed, then only the changed issue’s', async () => {
    const cold = await build(options);
    expect(cold.counts).toMatchObject({ rendered: ISSUES, pdfs: ISSUES, pdfsRendered: ISSUES });
    const before = await readFile(join(options.outDir, pdfPath(issues[0]!)));

    const same = await build(options);
    expect(same.counts).toMatchObject({ rendered: 0, pdfs: ISSUES, pdfsRendered: 0 });
    expect(await readFile(join(options.outDir, pdfPath(issues[0]!)))).toEqual(before);

    const changed = issues[1]!;
    await writeFile(join(changed.dir, 'progress.csv'), progressCsv(changed.total, 1));
    const one = await build(options);
    expect(one.counts).toMatchObject({ rendered: 1, skipped: ISSUES - 1, pdfs: ISSUES, pdfsRendered: 1 });
    expect(one.cacheProblems).toEqual([]);
    // Three builds and three PDFs: a few seconds on an idle machine, a few times that on a shared one.
  }, 180_000);

  it('prints a PDF again when its stored copy was tampered with', async () => {
    const manifest = JSON.parse(await readFile(join(options.cacheDir, 'manifest.json'), 'utf8')) as { editions: { pdf: Record<string, string> } };
    const id = Object.values(manifest.editions.pdf)[0]!;
    await writeFile(join(options.cacheDir, 'blobs', id.slice(0, 2), id), '%PDF-1.7 truncated');
    // The output's PDFs are copies, untouched by the tampering: a missing page makes the build write again.
    await rm(join(options.outDir, 'index.html'));
    const result = await build(options);
    expect(result.counts.pdfsRendered).toBe(1);
    expect(result.cacheProblems).toEqual(['a cached PDF was missing or corrupt']);
    for (const issue of issues) expect((await readFile(join(options.outDir, pdfPath(issue)))).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('sharded PDFs', () => {
  it('split the PDFs between shards exactly once, and assembling prints nothing', async () => {
    const shards = [1, 2].map((index) => ({ index, count: 2, out: join(root, `shard-${index}`), cache: join(root, `shard-cache-${index}`) }));
    for (const shard of shards) {
      await build({ ...options, outDir: shard.out, cacheDir: shard.cache, shard: { index: shard.index, count: shard.count } });
    }
    const printed = await Promise.all(shards.map((shard) => pdfsIn(shard.out)));
    expect(printed.flat().sort()).toEqual(issues.map(pdfPath).sort());
    expect(printed.map((list) => list.length)).toEqual([1, 1]);

    const assembled = await build({
      ...options,
      outDir: join(root, 'assembled'),
      cacheDir: join(root, 'assembled-cache'),
      cacheFrom: shards.map((shard) => shard.cache),
    });
    expect(assembled.counts).toMatchObject({ rendered: 0, pdfs: ISSUES, pdfsRendered: 0 });
    expect(await pdfsIn(join(root, 'assembled'))).toEqual(issues.map(pdfPath).sort());
  });
});
