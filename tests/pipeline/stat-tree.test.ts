import { statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statTree } from '../../src/output/stat-tree.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-stat-tree-'));
  await mkdir(join(dir, 'out/2021/11'), { recursive: true });
  await mkdir(join(dir, 'out/empty'));
  await writeFile(join(dir, 'out/index.html'), '<h1>梅州</h1>');
  await writeFile(join(dir, 'out/2021/11/index.html'), '第11期');
  await writeFile(join(dir, 'out/2021/11/progress.csv'), '序号,区县名称\n1,梅江区\n');
  await writeFile(join(dir, 'elsewhere.txt'), 'linked');
  await symlink(join(dir, 'elsewhere.txt'), join(dir, 'out/link.txt'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('statTree', () => {
  it('gives every file under the folder by its path with /, with the size and time statSync gives', async () => {
    const out = join(dir, 'out');
    const stats = await statTree(out);
    const paths = ['2021/11/index.html', '2021/11/progress.csv', 'index.html', 'link.txt'];
    expect([...stats!.keys()].sort()).toEqual(paths);
    for (const path of paths) {
      const { size, mtimeMs } = statSync(join(out, path));
      expect(stats!.get(path), path).toEqual([size, mtimeMs]);
    }
  });

  it('gives no files for a folder that is not there', async () => {
    expect(await statTree(join(dir, 'missing'))).toEqual(new Map());
  });
});
