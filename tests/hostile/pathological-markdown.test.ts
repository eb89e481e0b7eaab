import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRenderPool } from '../../src/markdown/render-pool.ts';
import type { Processor } from '../../src/markdown/processor.ts';
import { renderIssue } from '../../src/markdown/render-issue.ts';
import type { Issue } from '../../src/model.ts';
import { formatMessage } from '../../src/report/messages.ts';
import { runCli } from '../support/run-cli.ts';

const FRONTMATTER = '---\nyear: 2021\nnumber: 1\ntotal: 1\ndate: 2021-01-10\n---\n\n## 工作动态\n\n';
// The body starts on line 10.
const cases: [name: string, body: string, place: string, reason: RegExp][] = [
  ['nested `*` emphasis, 40 KB', `${'*'.repeat(20_000)}a${'*'.repeat(20_000)}`, '10:501', /^Unexpected more than 500 marks of emphasis/],
  ['nested `*` emphasis, 100 KB', `${'*'.repeat(50_000)}a${'*'.repeat(50_000)}`, '10:501', /^Unexpected more than 500 marks/],
  ['`*a ` repeated', '*a '.repeat(30_000), '10:1501', /^Unexpected more than 500 marks/],
  ['`*_` alternating', `${'*_'.repeat(5_000)}a${'_*'.repeat(5_000)}`, '10:501', /^Unexpected more than 500 marks/],
  ['`- - -` list markers on one line, 20 KB', `${'- '.repeat(10_000)}a`, '10:33', /^Unexpected Markdown nested 17 levels deep on one line/],
  ['`1. 1.` list markers on one line', `${'1. '.repeat(10_000)}a`, '10:49', /^Unexpected Markdown nested 17 levels deep/],
  ['nested `> > >` quotes', `${'> '.repeat(10_000)}a`, '10:33', /^Unexpected Markdown nested 17 levels deep/],
  [
    'quotes deepening line by line',
    Array.from({ length: 400 }, (_, i) => `${'>'.repeat(i)} a`).join('\n'),
    '27:17',
    /^Unexpected Markdown nested 17 levels deep/,
  ],
  [
    'list items indented deeper line by line',
    Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}- a`).join('\n'),
    '26:33',
    /^Unexpected Markdown nested 17 levels deep/,
  ],
  ['`[[[[`', `${'['.repeat(30_000)}a`, '10:17', /^Unexpected 17 `\[` open at once, more than 16/],
  ['nested images `![![`', `${'!['.repeat(5_000)}a${'](x.png)'.repeat(5_000)}`, '10:34', /^Unexpected 17 `\[` open at once/],
  ['nested footnote references `[^[^`', `${'[^'.repeat(20_000)}a${']'.repeat(20_000)}`, '10:33', /^Unexpected 17 `\[` open at once/],
  ['unclosed links `[a](`', '[a]('.repeat(20_000), '10:2001', /^Unexpected more than 500 marks/],
  ['nested `:::` directives', ':::a\n'.repeat(5_000), '26:1', /^Unexpected 17 `:::` directives open at once, more than 16/],
];

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'jianbao-pathological-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('pathological Markdown well under the size limit', () => {
  it.each(cases)('%s ends fast with a located error', async (name, body, place, reason) => {
    const content = join(dir, name.replace(/\W+/g, '-'));
    await mkdir(join(content, '2021/1'), { recursive: true });
    await writeFile(join(content, 'bulletin.yaml'), 'title: 简报\nissuer: 局\nurl: https://example.org/\n');
    await writeFile(join(content, '2021/1/index.md'), FRONTMATTER + body);
    const started = performance.now();
    const result = await runCli('check', '--content', content);
    // Seconds with the check's own start-up on a busy machine; unbounded, these took minutes.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.code).toBe(1);
    expect(result.lines).toHaveLength(2);
    const [where, message] = [result.lines[0]!.slice(0, result.lines[0]!.indexOf(': ')), result.lines[0]!.slice(result.lines[0]!.indexOf(': ') + 2)];
    expect(where).toBe(`${relative(process.cwd(), join(content, '2021/1/index.md'))}:${place}`);
    expect(message).toMatch(reason);
  });

  const issue = (markdown: string): Issue => ({ source: join(dir, 'issue.md'), markdown }) as Issue;

  it('a stack overflow in the parser is an error on the issue, not a crash', async () => {
    const processor = { process: () => Promise.reject(new RangeError('Maximum call stack size exceeded')) } as unknown as Processor;
    const file = new VFile({ path: join(dir, 'issue.md'), value: '## 文' });
    expect(await renderIssue(processor, issue('## 文'), file)).toBeUndefined();
    expect(file.messages.map((message) => formatMessage(message, dir))).toEqual([
      'issue.md:1:1: Cannot render this issue: its Markdown nests too deep for the parser (Maximum call stack size exceeded); look for long runs of `*`, `[`, `>` or list markers [markdown-too-deep]',
    ]);
  });

  it('an issue that outlasts the time limit on a worker is an error, and the next issues still render', async () => {
    // Dense unclosed links under the mark limit, paragraph after paragraph: minutes to parse.
    const slow = `## 文\n\n${`${'[a]('.repeat(499)}\n\n`.repeat(500)}`;
    // One worker: the second issue waits on it behind the first, and goes to the worker that replaces it.
    const pool = createRenderPool({ root: dir, size: 1, timeLimitMs: 1_000 });
    try {
      const files = [new VFile({ path: join(dir, 'issue.md'), value: slow }), new VFile({ path: join(dir, 'issue.md'), value: '## 文\n\n正文。' })];
      const [first, second] = await Promise.all([pool.render(issue(slow), files[0]!), pool.render(issue('## 文\n\n正文。'), files[1]!)]);
      expect(first).toBeUndefined();
      expect(files[0]!.messages.map((message) => formatMessage(message, dir))).toEqual([
        'issue.md:1:1: Cannot render this issue within 1 s, the limit for one issue; its Markdown may nest too deep or be too dense for the parser (look for long runs of `*`, `[`, `>` or list markers), or split it into smaller issues [markdown-too-slow]',
      ]);
      expect(second && 'render' in second ? second.render.html : undefined).toContain('<p>正文。</p>');
      expect(files[1]!.messages).toEqual([]);
    } finally {
      await pool.close();
    }
  });
});
