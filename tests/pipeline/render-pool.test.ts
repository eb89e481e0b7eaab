import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/load/load-content.ts';
import { createProcessor } from '../../src/markdown/processor.ts';
import { renderIssue } from '../../src/markdown/render-issue.ts';
import { createRenderPool } from '../../src/markdown/render-pool.ts';
import type { Issue, RenderedIssue } from '../../src/model.ts';
import { formatMessage } from '../../src/report/messages.ts';
import { writeSyntheticArchive } from '../../scripts/synthetic-archive.ts';

// A handful of issues on two workers: `renderIssues` starts a pool only from 64 issues to render,
// but the pool renders each issue alone, so a few show what many would. (Its time limit is tested
// in tests/hostile/pathological-markdown.test.ts.)
const ISSUES = 6;
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
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('rendering on worker threads', () => {
  it('gives the same issues and the same messages as rendering on this thread', async () => {
    const content = join(root, 'content');
    const { site } = await loadContent(content);
    expect(site.issues).toHaveLength(ISSUES);
    const fileOf = (issue: Issue) => new VFile({ path: issue.source, value: issue.markdown });
    const processor = createProcessor({ root: site.contentDir });
    const single: { file: VFile; render: RenderedIssue | undefined }[] = [];
    for (const issue of site.issues) {
      const file = fileOf(issue);
      single.push({ file, render: await renderIssue(processor, issue, file) });
    }
    const pool = createRenderPool({ root: site.contentDir, size: 2 });
    const pooled = await Promise.all(
      site.issues.map(async (issue) => {
        const file = fileOf(issue);
        return { file, render: await pool.render(issue, file) };
      }),
    ).finally(() => pool.close());

    expect(pooled.map((result) => result.render)).toEqual(single.map((result) => result.render));
    // The issue with the wrong total has an error, so no page; the others have their tables.
    expect(pooled.map((result) => result.render?.html.includes('<table'))).toEqual(
      site.issues.map((issue) => (issue.source.startsWith(wrong) ? undefined : true)),
    );
    const messages = (results: typeof single) => results.flatMap((result) => result.file.messages.map((message) => formatMessage(message)));
    expect(messages(pooled)).toEqual(messages(single));
    expect(messages(pooled).filter((line) => line.endsWith('[table-total]'))).toEqual([expect.stringMatching(/\/progress\.csv:13:3: 合计 value 1 in column/)]);
  });
});
