import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeSystemError, withPath } from '../../src/report/system-error.ts';
import { runCli } from '../support/run-cli.ts';

const root = 'tests/fixtures/hostile';

let temp: string;
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'jianbao-messages-'));
});
afterAll(() => rm(temp, { recursive: true, force: true }));

describe('numbers in the frontmatter', () => {
  it('are whole numbers in decimal digits, said as written; a year has 4 digits', async () => {
    const content = join(root, 'number-notation');
    const result = await runCli('check', '--content', content);
    expect(result.lines).toEqual([
      `${content}/2021/1/index.md:3:9: \`number\`: Expected a whole number, got 0x1 [frontmatter-schema]`,
      `${content}/2021/1/index.md:4:8: \`total\`: Expected a whole number, got .inf [frontmatter-schema]`,
      `${content}/2021/2/index.md:3:9: \`number\`: Expected a whole number, got 1e309 [frontmatter-schema]`,
      `${content}/2021/2/index.md:4:8: \`total\`: Expected a whole number, got .NaN [frontmatter-schema]`,
      `${content}/2021/3/index.md:3:9: \`number\`: Expected a whole number, got 0o7 [frontmatter-schema]`,
      `${content}/2021/3/index.md:4:8: \`total\`: Expected a whole number, got 1e3 [frontmatter-schema]`,
      `${content}/99/1/index.md:2:7: \`year\`: Expected a year of 4 digits, such as 2021 [frontmatter-schema]`,
      `${content}/99/1/index.md:5:7: \`date\`: Expected a year of 4 digits, such as 2021-11-29 [frontmatter-schema]`,
      `jianbao: checked 4 issue files in ${content}/: 8 errors`,
    ]);
  });
});

describe('paths in messages', () => {
  it('keep one problem on one line when a file name holds a newline or a terminal code, and show a reversing one', async () => {
    const content = join(temp, 'control');
    await cp(join(root, 'number-notation'), content, { recursive: true });
    await rm(join(content, '99'), { recursive: true });
    await rename(join(content, '2021', '1'), join(content, '2021', '1\n\x1b[31m\u202e'));
    const result = await runCli('check', '--content', content);
    const folder = `${relative(process.cwd(), content)}/2021/1\\n\\u001b[31m\\u202e`;
    expect(result.lines.slice(0, 2)).toEqual([
      `${folder}/index.md:3:9: \`number\`: Expected a whole number, got 0x1 [frontmatter-schema]`,
      `${folder}/index.md:4:8: \`total\`: Expected a whole number, got .inf [frontmatter-schema]`,
    ]);
    expect(result.lines).toHaveLength(7);
  });
});

describe('symbolic links in the content folder', () => {
  it('are skipped with a warning at each link', async () => {
    const content = join(root, 'symlinked-issues');
    const result = await runCli('check', '--content', content);
    expect(result.lines).toEqual([
      `${content}/2021/2/index.md:1:1: warning: Skipped this issue file: it is a symbolic link, and jianbao reads only real files inside the content folder; put the file itself here [issue-symlink]`,
      `${content}/2022:1:1: warning: Skipped this folder: it is a symbolic link, and jianbao reads no issues through links; put the folder itself here [issue-symlink]`,
      `jianbao: checked 1 issue file in ${content}/: 0 errors and 2 warnings`,
    ]);
    expect(result.code).toBe(0);
  });
});

describe('system errors', () => {
  it('name the file that is in the way of a folder (ENOTDIR)', async () => {
    const out = join(temp, 'a-file');
    await writeFile(out, '');
    const error = await mkdir(join(out, '2022', '1'), { recursive: true }).catch((caught: unknown) => caught);
    expect(describeSystemError(error)).toBe(
      `Cannot write ${out}/2022/1: ${out} is a file where a folder is needed (ENOTDIR); move the file away, or choose another folder with --out`,
    );
  });

  it('name the output folder when the disk is full mid-write (ENOSPC), which names no path', () => {
    const error = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write', errno: -28 });
    expect(describeSystemError(withPath(error, 'dist'))).toBe(
      'No space left on the disk while writing dist (ENOSPC); free some space, or write to another disk with --out, and run again',
    );
  });

  it('say what is busy (EBUSY, --out .)', () => {
    const error = Object.assign(new Error("EBUSY: resource busy or locked, rename '.' -> '..old-1'"), {
      code: 'EBUSY',
      syscall: 'rename',
      path: '.',
      dest: '..old-1',
    });
    expect(describeSystemError(error)).toBe(
      'Cannot move or replace .: it is in use, as the current folder, a mount point or by another program (EBUSY); write to a folder of its own, such as --out dist',
    );
  });

  it('leave other errors to their own message', () => {
    expect(describeSystemError(new Error('Expected one issue file'))).toBeUndefined();
  });

  it('reach the CLI: pdf of a file that is not there, or not in the content, says so before checking the content', async () => {
    const missing = await runCli('pdf', 'content/2022/9/index.md');
    expect([missing.code, missing.lines]).toEqual([
      1,
      ["jianbao: Cannot find the issue file content/2022/9/index.md; give the path of an issue's Markdown file, such as content/2021/11/index.md"],
    ]);
    const outside = await runCli('pdf', 'README.md');
    expect([outside.code, outside.lines]).toEqual([1, ['jianbao: README.md is not an issue of content/; pass --content for the folder it belongs to']]);
  });

  it('reach the CLI: pdf --out into a missing folder makes the folder', async () => {
    const out = join(temp, 'missing', '2022-1.pdf');
    const result = await runCli('pdf', 'content/2022/1/index.md', '--out', out);
    expect(result.code).toBe(0);
    expect((await readFile(out)).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);
});
