import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/load/load-content.ts';
import { BlobStore } from '../../src/cache/blob-store.ts';
import { contentHash } from '../../src/cache/hash.ts';
import { createProcessor } from '../../src/markdown/processor.ts';
import { renderIssue } from '../../src/markdown/render-issue.ts';
import { createRenderPool } from '../../src/markdown/render-pool.ts';
import { renderIssues } from '../../src/markdown/render-issues.ts';
import { BuildCache } from '../../src/cache/build-cache.ts';
import { type RenderResult, renderToStore } from '../../src/markdown/render-to-store.ts';
import { ISSUE_PARTS, type IssuePart, readPart, type StoredRender } from '../../src/cache/store-render.ts';
import { toMessageData } from '../../src/report/message-data.ts';
import type { Issue, RenderedIssue } from '../../src/model.ts';
import { formatMessage, printedText, problemsIn } from '../../src/report/messages.ts';
import { writeSyntheticArchive } from '../../scripts/synthetic-archive.ts';
import { countyWorkbook } from '../support/county-workbook.ts';

// A handful of issues on two workers: `renderIssues` starts a pool only from 64 issues to render,
// but the pool renders each issue alone, so a few show what many would. (Its time limit is tested
// in tests/hostile/pathological-markdown.test.ts.)
const ISSUES = 4;
let root: string;
/** The folder of the issue with a wrong total. */
let wrong: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'jianbao-pool-'));
  const issues = await writeSyntheticArchive(join(root, 'content'), { issues: ISSUES });
  // One issue with a wrong 合计 row, so that messages must cross from the workers.
  wrong = issues[3]!.dir;
  const csv = join(wrong, 'progress.csv');
  await writeFile(csv, (await readFile(csv, 'utf8')).replace(/^合计,,\d+/m, '合计,,1'));
  // And one with a workbook read by its print area, so that the workbook's readers run from the bundle too.
  const workbook = issues[0]!.dir;
  await writeFile(join(workbook, '燃气进展.xlsx'), await countyWorkbook((sheet) => void (sheet.pageSetup.printArea = 'A3:H11')));
  await writeFile(join(workbook, 'index.md'), `${await readFile(join(workbook, 'index.md'), 'utf8')}\n::table{src="燃气进展.xlsx"}\n`);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('rendering on worker threads', () => {
  it('stores each issue where it renders, as this thread would, and gives the same messages or stores them', async () => {
    const { site } = await loadContent(join(root, 'content'));
    expect(site.issues).toHaveLength(ISSUES);
    const store = (dir: string) => ({ blobs: new BlobStore(join(root, dir)), entries: true });
    const fileOf = (issue: Issue) => new VFile({ path: issue.source, value: issue.markdown });
    const processor = createProcessor({ root: site.contentDir });
    const single: { file: VFile; result: RenderResult; render: RenderedIssue | undefined }[] = [];
    for (const issue of site.issues) {
      const file = fileOf(issue);
      const result = await renderToStore(processor, issue, file, store('blobs-here'));
      single.push({ file, result, render: await renderIssue(processor, issue, fileOf(issue)) });
    }
    const there = store('blobs-pool');
    const pool = createRenderPool({ root: site.contentDir, size: 2, store: there });
    const pooled = await Promise.all(
      site.issues.map(async (issue) => {
        const file = fileOf(issue);
        return { file, result: await pool.render(issue, file) };
      }),
    ).finally(() => pool.close());

    expect(pooled.map((each) => each.result)).toEqual(single.map((each) => each.result));
    const lines = (file: VFile) => file.messages.map((message) => formatMessage(message));
    // A worker sends the messages of an issue it could not store; a stored issue's stay in its
    // entry's warnings blob (checked below), which the main thread reads when it reports them.
    for (const [index, { file, result }] of pooled.entries()) {
      expect(lines(file)).toEqual(result && 'stored' in result ? [] : lines(single[index]!.file));
    }
    expect(pooled.flatMap(({ file }) => lines(file)).filter((line) => line.endsWith('[table-total]'))).toEqual([
      expect.stringMatching(/\/progress\.csv:13:3: 合计 value 1 in column/),
    ]);
    // The issue with the wrong total has an error, so it is neither rendered nor stored; every
    // other one is stored with its cache entry, and only its blob's id crosses from the worker.
    expect(pooled.map(({ result }) => result && 'stored' in result)).toEqual(site.issues.map((issue) => (issue.source.startsWith(wrong) ? undefined : true)));
    for (const [index, { result }] of pooled.entries()) {
      const rendered = single[index]!.render;
      if (rendered === undefined) continue;
      const { stored, entry, fields } = (result as { stored: StoredRender }).stored;
      const part = (name: IssuePart) => readPart(there.blobs, stored, name)!.toString();
      // The parts one after another make the blob.
      expect(there.blobs.readSync(stored.blob)?.toString()).toBe(ISSUE_PARTS.map(part).join(''));
      expect(part('html')).toBe(rendered.html);
      expect(part('printHtml')).toBe(rendered.printHtml);
      expect(rendered.html).toContain('<table');
      if (index === 0) expect(part('html')).toContain('<td class="label">蕉岭县</td>');
      expect(entry?.markdown).toBe(contentHash(rendered.issue.markdown));
      expect(entry?.dependencies).toEqual(fields.dependencies.map((path) => contentHash(readFileSync(path))));
      expect(JSON.parse(part('render'))).toEqual({
        articles: rendered.articles,
        tables: rendered.tables,
        images: rendered.images,
        attachments: rendered.attachments,
      });
      // The synthetic issues render with typography warnings, which are kept with them.
      expect(single[index]!.file.messages.length).toBeGreaterThan(0);
      expect(JSON.parse(part('warnings'))).toEqual(single[index]!.file.messages.map(toMessageData));
      // And as printed, a line each, in the order a build reports them.
      expect(part('printed')).toBe(printedText(problemsIn([single[index]!.file]).warnings));
      expect(part('printed').split('\n')).toHaveLength(single[index]!.file.messages.length + 1);
    }
  });

  it('leaves the warnings workers stored with the cache on disk until they are asked for', async () => {
    const { site } = await loadContent(join(root, 'content'));
    const processor = createProcessor({ root: site.contentDir });
    const options = { processor, root: site.contentDir };
    const cache = await BuildCache.open({ dir: join(root, 'cache'), contentDir: site.contentDir });
    const pooled = await renderIssues(site.issues, { ...options, cache, workers: 2, poolFrom: 1 });
    // Without a cache, on this thread: every message on its file.
    const here = await renderIssues(site.issues, { ...options, workers: 0 });
    const warnings = (file: VFile) => problemsIn([file]).warnings.map((message) => formatMessage(message));
    const expected = here.files.map(warnings);
    expect(expected.every((lines) => lines.length > 0)).toBe(true);
    // Only the issue with an error, which is not stored, has its messages sent.
    expect(pooled.files.map((file) => file.messages.length > 0)).toEqual(site.issues.map((issue) => issue.source.startsWith(wrong)));
    expect(pooled.files.map((file) => pooled.warningsOf(file).map((message) => formatMessage(message)))).toEqual(expected);
    // Those of a stored issue are all kept in the cache; the issue with an error carries its own.
    expect(pooled.files.map((file) => pooled.onlyStored(file))).toEqual(site.issues.map((issue) => !issue.source.startsWith(wrong)));
    // warningsOf reads them without putting them on the file; restore does.
    expect(pooled.files.filter((file) => file.messages.length > 0)).toHaveLength(1);
    pooled.restore();
    expect(pooled.files.map(warnings)).toEqual(expected);
    expect(pooled.files.some((file) => pooled.onlyStored(file))).toBe(false);
  });

  it('stores the warnings of issues rendered on workers as the workers printed them, without making their messages', async () => {
    const { site } = await loadContent(join(root, 'content'));
    const stored = site.issues.filter((issue) => !issue.source.startsWith(wrong));
    const processor = createProcessor({ root: site.contentDir });
    const cache = await BuildCache.open({ dir: join(root, 'record-cache'), contentDir: site.contentDir });
    const pooled = await renderIssues(stored, { processor, root: site.contentDir, cache, workers: 2, poolFrom: 1 });
    const bySource = new Map(pooled.files.map((file) => [file.path, file]));
    const expected = [...stored]
      .sort((a, b) => (a.source < b.source ? -1 : 1))
      .map((issue) => printedText(pooled.warningsOf(bySource.get(issue.source)!)))
      .join('');
    const record = (warnings: Parameters<BuildCache['recordOutput']>[1]) =>
      cache.recordOutput(stored, warnings, 'key', join(root, 'record-out'), { files: [], inputs: new Map(), pages: 0, pdfs: 0, searchBundles: 0 });
    // Told they are all stored, the cache takes each issue's printed part: it never asks for messages.
    const asked: string[] = [];
    const of = (source: string) => {
      asked.push(source);
      return [];
    };
    const fromParts = await record({ of, onlyStored: () => true });
    expect(asked).toEqual([]);
    expect(fromParts![0]!.printed().toString()).toBe(expected);
    expect(fromParts![0]!.count).toBe(expected.split('\n').length - 1);
    expect(fromParts![0]!.messages().map((message) => formatMessage(message))).toEqual(expected.trimEnd().split('\n'));
    // Told an issue has warnings of its own, it prints the messages it is given.
    const own = stored[0]!.source;
    const extra = new VFile({ path: own }).message('其他警告', { place: { line: 1, column: 1 }, ruleId: 'test' });
    extra.fatal = false;
    const mixed = await record({
      of: (source) => (source === own ? [extra, ...pooled.warningsOf(bySource.get(own)!)] : []),
      onlyStored: (source) => source !== own,
    });
    expect(mixed![0]!.printed().toString()).toContain(`${formatMessage(extra)}\n`);
    expect(mixed![0]!.count).toBe(fromParts![0]!.count + 1);
  });
});
