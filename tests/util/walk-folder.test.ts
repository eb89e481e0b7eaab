import { lstatSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkFolders } from '../../src/util/walk-folder.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-walk-'));
  await mkdir(join(dir, 'out/2021/11'), { recursive: true });
  await mkdir(join(dir, 'out/empty'));
  await writeFile(join(dir, 'out/index.html'), '<h1>梅州</h1>');
  await writeFile(join(dir, 'out/2021/11/index.html'), '第11期');
  await writeFile(join(dir, 'out/2021/11/progress.csv'), '序号,区县名称\n1,梅江区\n');
  await mkdir(join(dir, 'elsewhere'));
  await writeFile(join(dir, 'elsewhere/shared.csv'), 'linked');
  await symlink(join(dir, 'elsewhere/shared.csv'), join(dir, 'out/2021/link.csv'));
  await symlink(join(dir, 'elsewhere'), join(dir, 'out/folder-link'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('walkFolders', () => {
  it('gives every plain file by its path with /, with the stat lstat gives, and the links it did not follow', async () => {
    const out = join(dir, 'out');
    const [walk, again] = await Promise.all(walkFolders([out, out]));
    expect(again).toEqual(walk);
    const paths = ['2021/11/index.html', '2021/11/progress.csv', 'index.html'];
    expect([...walk!.files.keys()].sort()).toEqual(paths);
    for (const path of paths) {
      const { size, mtimeMs, ctimeMs, ino } = lstatSync(join(out, path));
      expect(walk!.files.get(path), path).toEqual([size, mtimeMs, ctimeMs, ino]);
    }
    expect(walk!.links).toEqual(['2021/link.csv', 'folder-link']);
  });

  it.each([
    ['whole', undefined],
    ['in parts', () => {}],
  ])('finds nothing in a folder that is not there, and fails on one it cannot read, walking the next (%s)', async (_, onPart) => {
    // A file where a folder is: reading it as a folder fails, as an unreadable folder would.
    const walks = await Promise.all(walkFolders([join(dir, 'missing'), join(dir, 'out/index.html'), join(dir, 'elsewhere')], { onPart }));
    expect(walks[0]).toEqual({ files: new Map(), links: [] });
    expect(walks[1]).toBeUndefined();
    expect([...walks[2]!.files.keys()]).toEqual(['shared.csv']);
  });

  it('tells each part of a folder as it is walked: its own files, then each subfolder, the last by name first', async () => {
    const parts: [number, string, string[] | undefined][] = [];
    const [walk] = await Promise.all(
      walkFolders([join(dir, 'out'), join(dir, 'missing')], {
        onPart: (index, name, part) => parts.push([index, name, part && [...part.files.keys(), ...part.links].sort()]),
      }),
    );
    // The folders' own files at once, then the subfolders as the worker walks them, the last by name first.
    expect(parts).toEqual([
      [0, '', ['folder-link', 'index.html']],
      [1, '', []],
      [0, 'empty', []],
      [0, '2021', ['2021/11/index.html', '2021/11/progress.csv', '2021/link.csv']],
    ]);
    // Every file of the walk is in one part.
    expect(parts.flatMap(([index, , paths]) => (index === 0 ? (paths ?? []) : [])).sort()).toEqual([...walk!.files.keys(), ...walk!.links].sort());
  });

  it('gives the same, folder by folder, walked in parts', async () => {
    const folders = [join(dir, 'out'), join(dir, 'elsewhere')];
    const whole = await Promise.all(walkFolders(folders));
    const parts = await Promise.all(walkFolders(folders, { onPart: () => {} }));
    expect(parts.map((walk) => [...walk!.files].sort())).toEqual(whole.map((walk) => [...walk!.files].sort()));
    expect(parts.map((walk) => walk!.links)).toEqual(whole.map((walk) => walk!.links));
  });
});
