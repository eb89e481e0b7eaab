import { readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type SyntheticBuildOptions, syntheticBuild } from '../support/synthetic-build.ts';
import { storedManifest } from '../support/stored-manifest.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BlobStore } from '../../src/cache/blob-store.ts';
import { type IssueBlob, partOf } from '../../src/cache/store-render.ts';
import { build } from '../../src/pipeline.ts';
import { formatProblems, printedWarnings } from '../../src/report/messages.ts';
import type { SyntheticIssue } from '../../scripts/synthetic-archive.ts';

let root: string;
let issues: SyntheticIssue[];
let options: SyntheticBuildOptions;

beforeEach(async () => {
  ({ root, issues, options } = await syntheticBuild('jianbao-rebuild-', 2));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const issueFile = (issue: SyntheticIssue) => join(options.contentDir, `${issue.year}/${issue.number}/index.md`);
const page = (issue: SyntheticIssue) => readFile(join(options.outDir, `${issue.year}/${issue.number}/index.html`), 'utf8');
const manifestPath = () => join(options.cacheDir, 'manifest.json');
const readManifest = () => storedManifest(options.cacheDir);
// In the order printed: a cold build's and an up-to-date one's are the same (by file path).
const printed = (result: { warnings: Parameters<typeof formatProblems>[0]['warnings'] }) => formatProblems({ errors: [], warnings: result.warnings }, root);

describe('a rebuild with nothing changed', () => {
  it('reports every warning the issues rendered with, from the stored warnings and again when those are damaged', async () => {
    const coldBuild = await build(options);
    const cold = printed(coldBuild);
    expect(cold.length).toBeGreaterThan(issues.length);
    // The complete build stores the warnings' chunks, printed text and all, and prints that text.
    const stored = (await readManifest()).written!.allWarnings;
    expect(stored).toHaveLength(1);
    expect(stored![0]!.printed?.count).toBe(cold.length);
    expect([...coldBuild.printedWarnings()].join('')).toBe([...printedWarnings(coldBuild.warnings, process.cwd())].join(''));

    // So the first up-to-date build prints from it, storing nothing new.
    const first = await build(options);
    expect(first.counts.upToDate).toBe(true);
    expect(printed(first)).toEqual(cold);
    expect((await readManifest()).written!.allWarnings).toEqual(stored);

    const second = await build(options);
    expect(second.counts.upToDate).toBe(true);
    expect(printed(second)).toEqual(cold);
    expect(second.cacheProblems).toEqual([]);

    // Printed from the stored text: the same lines as the messages give.
    const printedText = [...second.printedWarnings()].join('');
    expect(printedText).toBe([...printedWarnings(second.warnings, process.cwd())].join(''));
    expect(printedText.split('\n').length - 1).toBe(cold.length);

    const blobPath = (id: string) => join(options.cacheDir, 'blobs', id.slice(0, 2), id);
    const { blob: id, printed: text } = stored![0]!;
    // The data damaged, the printed text intact: printed from it, the messages from each issue's warnings.
    await writeFile(blobPath(id), '[]');
    const dataDamaged = await build(options);
    expect(dataDamaged.counts.upToDate).toBe(true);
    expect([...dataDamaged.printedWarnings()].join('')).toBe(printedText);
    expect(printed(dataDamaged)).toEqual(cold);

    // Both damaged: made again from each issue's warnings, and said so.
    await writeFile(blobPath(text!.blob), 'damaged');
    const damaged = await build(options);
    expect(damaged.counts.upToDate).toBe(true);
    expect([...damaged.printedWarnings()].join('')).toBe(printedText);
    expect(printed(damaged)).toEqual(cold);
    expect(damaged.cacheProblems).toEqual(['the stored warnings were missing or corrupt']);
    expect((await readManifest()).written!.allWarnings![0]!.printed).toEqual(text);
  });

  it('reads the printed text of a complete build from the cache as it prints it, and formats the messages when it is damaged by then', async () => {
    const result = await build(options);
    const expected = [...printedWarnings(result.warnings, process.cwd())].join('');
    const text = (await readManifest()).written!.allWarnings![0]!.printed!.blob;
    const blobPath = join(options.cacheDir, 'blobs', text.slice(0, 2), text);
    // Read when printed, not held from the build on: a text damaged by then is formatted again from the messages.
    const stored = await readFile(blobPath);
    expect([...result.printedWarnings()].map((part) => Buffer.from(part).toString()).join('')).toBe(expected);
    await writeFile(blobPath, 'damaged');
    expect([...result.printedWarnings()].map((part) => Buffer.from(part).toString()).join('')).toBe(expected);
    expect(stored.toString()).toBe(expected);
  });

  it('says the warnings are gone, rather than fail, when the cache is removed between the build and their printing', async () => {
    const result = await build(options);
    const count = result.warnings.length;
    await rm(options.cacheDir, { recursive: true, force: true });
    const text = [...result.printedWarnings()].map((part) => Buffer.from(part).toString()).join('');
    expect(text).toBe(
      `jianbao: ${count} warnings could not be read back from the cache (${join(options.cacheDir, 'blobs')}), changed since the build; build again to see them\n`,
    );
  });

  it('reports the warnings of a changed issue as they now are, after the build that rendered it', async () => {
    const ofIssue = (lines: string[]) => lines.filter((line) => line.includes(`${issues[0]!.year}/${issues[0]!.number}/index.md:`));
    const before = ofIssue(printed(await build(options)));
    await build(options);
    const file = issueFile(issues[0]!);
    // One more warning: a half-width comma in Chinese text.
    await writeFile(file, `${await readFile(file, 'utf8')}\n新增一句,用于测试。\n`);
    const changed = printed(await build(options));
    expect(ofIssue(changed)).toHaveLength(before.length + 1);
    const upToDate = await build(options);
    expect(upToDate.counts.upToDate).toBe(true);
    expect(printed(upToDate)).toEqual(changed);
    expect(upToDate.cacheProblems).toEqual([]);
  });
});

describe('a rebuild with one embedded file changed', () => {
  it('prints the same warnings, in the same order, as a cold build of the changed content', async () => {
    await build(options);
    const { progressCsv } = await import('../../scripts/synthetic-archive.ts');
    const changed = issues[1]!;
    await writeFile(join(options.contentDir, `${changed.year}/${changed.number}/progress.csv`), progressCsv(changed.total, 1));
    const partial = await build(options);
    expect(partial.counts.rendered).toBe(1);
    const text = [...partial.printedWarnings()].join('');
    const cold = await build({ ...options, outDir: join(root, 'cold'), cacheDir: join(root, 'cold-cache') });
    expect(cold.counts.rendered).toBe(issues.length);
    expect(text).toBe([...cold.printedWarnings()].join(''));
    expect(text).toBe([...printedWarnings(partial.warnings, process.cwd())].join(''));
    expect(printed(partial)).toEqual(printed(cold));
  });
});

describe('the chunks of stored renders', () => {
  it('give a rebuild its unchanged issues, and a damaged one is reported and stored again', async () => {
    const blobPath = (id: string) => join(options.cacheDir, 'blobs', id.slice(0, 2), id);
    const renders = async () => ((await readManifest()).renders as { of: string; blob: string }[]).map((chunk) => chunk.blob);
    const changeCsv = async (bump: number) => {
      const { progressCsv } = await import('../../scripts/synthetic-archive.ts');
      await writeFile(join(options.contentDir, `${issues[1]!.year}/${issues[1]!.number}/progress.csv`), progressCsv(issues[1]!.total, bump));
    };
    await build(options);
    const before = await page(issues[0]!);
    const chunks = await renders();
    const stored = chunks.map((blob) => JSON.parse(readFileSync(blobPath(blob), 'utf8')) as { articles: unknown[] }[]);
    expect(stored.flat()).toHaveLength(issues.length);
    for (const render of stored.flat()) expect(render.articles.length).toBeGreaterThan(0);

    // The unchanged issue's render comes from its chunk: its own blob is not read.
    const entries = (await readManifest()).issues as Record<string, IssueBlob>;
    const own = entries[`${issues[0]!.year}/${issues[0]!.number}/index.md`]!;
    const renderReads = () => reads.mock.calls.filter(([id, start]) => id === own.blob && start === partOf(own, 'render').start);
    const reads = vi.spyOn(BlobStore.prototype, 'readParts');
    await changeCsv(1);
    const fromChunk = await build(options);
    expect(fromChunk.counts).toMatchObject({ rendered: 1, skipped: 1 });
    expect(fromChunk.cacheProblems).toEqual([]);
    expect(renderReads()).toEqual([]);
    expect(await page(issues[0]!)).toBe(before);

    // The chunks damaged: said so, the issue's render read from its own blob, and the chunks stored anew.
    for (const blob of await renders()) await writeFile(blobPath(blob), 'damaged');
    await changeCsv(2);
    const damaged = await build(options);
    expect(damaged.counts).toMatchObject({ rendered: 1, skipped: 1 });
    expect(damaged.cacheProblems).toContain('the stored renders were missing or corrupt');
    expect(renderReads()).toHaveLength(1);
    reads.mockRestore();
    expect(await page(issues[0]!)).toBe(before);

    await changeCsv(3);
    const again = await build(options);
    expect(again.counts).toMatchObject({ rendered: 1, skipped: 1 });
    expect(again.cacheProblems).toEqual([]);
    expect(await page(issues[0]!)).toBe(before);
  });
});

describe('loading unchanged issue files', () => {
  it('loads an issue file again when its frontmatter changes, and every issue when the series changes', async () => {
    await build(options);
    const file = issueFile(issues[1]!);
    // Same length: a change the file's size would not show.
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^date: (\d{4})-(\d\d)-(\d\d)$/m, 'date: $1-$2-28'));
    const changed = await build(options);
    expect(changed.counts).toMatchObject({ upToDate: false, rendered: 1 });
    expect(await page(issues[1]!)).toMatch(/datetime="\d{4}-\d\d-28"/);

    const series = join(options.contentDir, 'bulletin.yaml');
    await writeFile(series, (await readFile(series, 'utf8')).replace(/^issuer: .*$/m, 'issuer: 梅州市改名局'));
    await build(options);
    for (const issue of issues) expect(await page(issue)).toContain('梅州市改名局');
  });

  it('does not take what was loaded from a manifest it cannot prove its own', async () => {
    await build(options);
    const manifest = await readManifest();
    const loaded = manifest.loaded as unknown as { issues: Record<string, { fields: { date: string } }> };
    const name = `${issues[0]!.year}/${issues[0]!.number}/index.md`;
    const date = loaded.issues[name]!.fields.date;
    loaded.issues[name]!.fields.date = '1999-09-09';
    // Whole in manifest.json, without the check a build writes.
    const { parts: _, ...unchecked } = manifest;
    await writeFile(manifestPath(), JSON.stringify(unchecked));
    // The edited manifest is the right shape, so its rendered issues are still used.
    await rm(options.outDir, { recursive: true });
    const result = await build(options);
    expect(result.counts).toMatchObject({ rendered: 0, skipped: issues.length });
    expect(await page(issues[0]!)).toContain(`datetime="${date}"`);
    expect(await page(issues[0]!)).not.toContain('1999-09-09');
  });
});

describe('a cached file damaged on disk', () => {
  it('is found when read, and the build is made again from what is left, with the same output', async () => {
    await build(options);
    const before = await page(issues[0]!);
    const name = `${issues[0]!.year}/${issues[0]!.number}/index.md`;
    const { blob } = ((await readManifest()).issues as Record<string, { blob: string }>)[name]!;
    // One bit flipped: the size the cache checks before it reads is the same.
    const path = join(options.cacheDir, 'blobs', blob.slice(0, 2), blob);
    const bytes = await readFile(path);
    bytes[100]! ^= 1;
    await writeFile(path, bytes);
    // A fresh output folder, as a CI job with its cache restored has: every page is made again.
    await rm(options.outDir, { recursive: true });

    const result = await build(options);
    expect(result.builtAgain).toBe(`the HTML of ${issueFile(issues[0]!)} kept in ${join(options.cacheDir, 'blobs')} changed or was removed during the build`);
    expect(result.counts).toMatchObject({ rendered: 1, skipped: issues.length - 1 });
    expect(await page(issues[0]!)).toBe(before);
  });
});
