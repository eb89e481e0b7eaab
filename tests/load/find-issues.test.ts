import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIssueFiles, holdsIssueFiles } from '../../src/load/find-issues.ts';
import { walkFolders } from '../../src/util/walk-folder.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-find-'));
  const files: Record<string, string | Buffer> = {
    '2021/1/index.md': '---\nyear: 2021\n---\n',
    // What macOS leaves on a shared drive beside each file: binary, named from a dot.
    '2021/1/._index.md': Buffer.from([0, 5, 22, 7, 0, 2, 0, 0]),
    // A hidden folder of drafts, which would number against the issues.
    '.drafts/2021/2/index.md': '---\nyear: 2021\n---\n',
    '.drafts/2021/3/index.md.txt': '---\nyear: 2021\n---\n',
    '2021/4/index.md.txt': '---\nyear: 2021\n---\n',
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  await symlink('/tmp', join(dir, '.link'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the issue files of a content folder', () => {
  it('leave out what is hidden (named from a dot), read from the folder or from a walk of it', async () => {
    const [walked] = walkFolders([dir]);
    for (const found of [await findIssueFiles(dir), await findIssueFiles(dir, (await walked)!)]) {
      expect(found.paths.map((path) => relative(dir, path))).toEqual(['2021/1/index.md']);
      expect(found.misnamed.map((path) => relative(dir, path))).toEqual(['2021/4/index.md.txt']);
      expect(found.links).toEqual([]);
    }
    expect(holdsIssueFiles(dir, 1)).toBe(true);
    expect(holdsIssueFiles(dir, 2)).toBe(false);
  });
});
