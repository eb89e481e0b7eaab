import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/pipeline.ts';
import { formatMessage } from '../../src/report/messages.ts';
import { writeSyntheticArchive } from '../../scripts/synthetic-archive.ts';

// Enough issues that the build starts worker threads.
const ISSUES = 70;
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'jianbao-pool-'));
  const issues = await writeSyntheticArchive(join(root, 'content'), { issues: ISSUES });
  // One issue with a wrong 合计 row, so that messages must cross from the workers.
  const csv = join(issues[5]!.dir, 'progress.csv');
  await writeFile(csv, (await readFile(csv, 'utf8')).replace(/^合计,,\d+/m, '合计,,1'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('rendering on worker threads', () => {
  it('gives the same pages and the same messages as rendering on one thread', async () => {
    const content = join(root, 'content');
    const [single, pooled] = [await validateContent(content, { workers: 0 }), await validateContent(content, { workers: 2 })];
    expect(pooled.rendered).toBe(ISSUES);
    expect(pooled.issues.map((issue) => issue.html)).toEqual(single.issues.map((issue) => issue.html));
    expect(pooled.issues.map((issue) => issue.tables)).toEqual(single.issues.map((issue) => issue.tables));
    expect(pooled.errors.map((message) => formatMessage(message))).toEqual(single.errors.map((message) => formatMessage(message)));
    expect(pooled.errors.map((message) => formatMessage(message))).toEqual([expect.stringMatching(/2000\/6\/progress\.csv:13:3: 合计 value 1 in column/)]);
  });
});
