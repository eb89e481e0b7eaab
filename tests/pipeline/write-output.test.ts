import { existsSync, readdirSync } from 'node:fs';
import { link, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openOutput, seedOutput, writeOutput as writeInto, type CopiedFile } from '../../src/output/write-output.ts';
import { walkFolders } from '../../src/util/walk-folder.ts';
import type { OutputFile } from '../../src/model.ts';
import { hashTree } from '../support/hash-tree.ts';
import { until } from '../support/until.ts';

let dir: string;
let out: string;
let csv: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-write-'));
  out = join(dir, 'dist');
  csv = join(dir, 'progress.csv');
  await writeFile(csv, '序号,区县名称\n1,梅江区\n');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const writeOutput = (outDir: string, files: OutputFile[], copies: CopiedFile[] = []) => writeInto(outDir, files, copies, join(dir, 'work'));

const pages = (changed: string) => [
  { path: 'index.html', contents: '<h1>梅州</h1>' },
  { path: '2021/11/index.html', contents: changed },
  { path: 'feed.xml', contents: Buffer.from('<feed/>') },
];
const inode = async (path: string) => {
  const found = await stat(join(out, path));
  return [found.ino, found.mtimeMs];
};

describe('writing over a previous output', () => {
  it('links the files that hold the same bytes and writes only the others', async () => {
    await writeOutput(out, pages('第11期'), [{ path: '2021/11/progress.csv', source: csv }]);
    const before = await Promise.all(['index.html', '2021/11/index.html', 'feed.xml', '2021/11/progress.csv'].map(inode));

    await writeOutput(out, pages('第11期，改'), [{ path: '2021/11/progress.csv', source: csv }]);
    const after = await Promise.all(['index.html', '2021/11/index.html', 'feed.xml', '2021/11/progress.csv'].map(inode));
    expect(after[0]).toEqual(before[0]);
    expect(after[1]![0]).not.toBe(before[1]![0]);
    expect(after[2]).toEqual(before[2]);
    expect(after[3]).toEqual(before[3]);
    expect(await readFile(join(out, '2021/11/index.html'), 'utf8')).toBe('第11期，改');
    expect((await stat(join(out, 'index.html'))).nlink).toBe(1);
  });

  it('never links a content file itself, and copies a CSV again once it changed', async () => {
    await writeOutput(out, [], [{ path: 'progress.csv', source: csv }]);
    expect((await stat(csv)).nlink).toBe(1);
    await writeFile(csv, '序号,区县名称\n1,梅县区\n');
    await writeOutput(out, [], [{ path: 'progress.csv', source: csv }]);
    expect(await readFile(join(out, 'progress.csv'), 'utf8')).toBe('序号,区县名称\n1,梅县区\n');
    expect((await stat(csv)).nlink).toBe(1);
  });

  it('leaves the previous output byte-identical when writing fails after linking', async () => {
    await writeOutput(out, pages('第11期'));
    const before = await hashTree(out);
    const failing = [...pages('第11期'), { path: 'a', contents: 'file' }, { path: 'a/b.html', contents: 'under a file' }];
    await expect(writeOutput(out, failing)).rejects.toThrow(/ENOTDIR|EEXIST|EISDIR/);
    expect(await hashTree(out)).toBe(before);
  });

  it('writes a folder where the previous output had a file, and a file where it had a folder', async () => {
    await writeOutput(out, turned.first);
    await writeOutput(out, turned.second);
    expect(await readFile(join(out, 'notes/1.html'), 'utf8')).toBe('now a folder');
    expect(await readFile(join(out, 'old'), 'utf8')).toBe('now a file');
  });

  it('replaces a linked file by a new one when a second file has its path, never writing into it', async () => {
    await writeOutput(out, pages('第11期'));
    // A second name for the previous output's page, to see its bytes after the rebuild.
    await link(join(out, 'index.html'), join(dir, 'kept.html'));
    await writeOutput(out, pages('第11期'), [{ path: 'index.html', source: csv }]);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('序号,区县名称\n1,梅江区\n');
    expect(await readFile(join(dir, 'kept.html'), 'utf8')).toBe('<h1>梅州</h1>');
  });
});

/** Two outputs, the second with a folder where the first has a file, and a file where it has a folder. */
const turned = {
  first: [...pages('第11期'), { path: 'notes', contents: 'a file' }, { path: 'old/a/b.html', contents: 'in a folder' }],
  second: [...pages('第11期'), { path: 'notes/1.html', contents: 'now a folder' }, { path: 'old', contents: 'now a file' }],
};

describe('an output being written', () => {
  it('makes the folders it is told of ahead, swaps them in, and removes the output it replaced', async () => {
    await writeOutput(out, pages('第11期'));
    const work = join(dir, 'work');
    const output = await openOutput(out, work);
    try {
      output.prepare(['2021/11/', '2021/12/', '2022/1/']);
      output.write(pages('第11期')[0]!);
      // Linked only when told to link its source: a copy, or a link to the previous output, is not.
      expect(output.copy({ path: '2021/12/progress.csv', source: csv })).toBe(false);
      expect(output.copy({ path: '2022/1/progress.csv', source: join(out, '2021/11/index.html'), link: true })).toBe(true);
      await output.commit();
    } finally {
      await output.close();
    }
    expect((await readdir(join(out, '2021'))).sort()).toEqual(['11', '12']);
    expect(await readFile(join(out, '2021/12/progress.csv'), 'utf8')).toBe('序号,区县名称\n1,梅江区\n');
    expect(await readFile(join(out, '2022/1/progress.csv'), 'utf8')).toBe('第11期');
    // The output replaced, and the new one's folder, are gone once closed.
    expect(await readdir(work)).toEqual([]);
  });

  it('told to, leaves the output it replaced beside its folder to an rm -rf of its own', async () => {
    await writeOutput(out, pages('第11期'));
    const work = join(dir, 'run');
    const output = await openOutput(out, work, { removeInBackground: true });
    try {
      output.write(pages('第12期')[1]!);
      await output.commit();
    } finally {
      await output.close();
    }
    expect(await readdir(out)).toEqual(['.jianbao-output', '2021']);
    expect(await readFile(join(out, '2021/11/index.html'), 'utf8')).toBe('第12期');
    expect(await readdir(work)).toEqual([]);
    // Moved to `old-<pid>-<random>` beside the build's folder, then removed.
    const old = () => readdirSync(dir).filter((name) => name.startsWith('old-'));
    await until('the old output removed', () => old().length === 0);
    expect(readdirSync(dir).sort()).toEqual(['dist', 'progress.csv', 'run', 'work']);
  });

  it('made folders of, and closed before the swap, leaves the previous output as it was and nothing else', async () => {
    await writeOutput(out, pages('第11期'));
    const before = await hashTree(out);
    const work = join(dir, 'work');
    const output = await openOutput(out, work);
    output.prepare(Array.from({ length: 200 }, (_, index) => `${2000 + (index % 20)}/${index}/`));
    output.write(pages('第12期')[1]!);
    await output.close();
    expect(await hashTree(out)).toBe(before);
    expect(existsSync(join(work, 'site'))).toBe(false);
  });
});

/** Every file and folder under `root`, with a trailing `/` for a folder, sorted. */
function tree(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .map((entry) => `${join(entry.parentPath, entry.name).slice(root.length + 1)}${entry.isDirectory() ? '/' : ''}`)
    .sort();
}

/** The spare output `spare` as a tree and its hash, once its `.gitignore`, ignoring all of it, is checked and removed. */
async function spareOutput(spare: string): Promise<[string[], string]> {
  expect(await readFile(join(spare, '.gitignore'), 'utf8')).toMatch(/^\*$/m);
  await rm(join(spare, '.gitignore'));
  return [tree(spare), await hashTree(spare)];
}

/** The walk of the output `root`, as `seedOutput` is given it. */
const listed = (root: string) => walkFolders([root])[0]!;

// Linux only: where there is no GNU `cp -al`, there is no seed and the output starts empty.
describe.runIf(process.platform === 'linux')('an output seeded with the output it replaces', () => {
  /** `files`, then `copies`, written as `writeOutput` does, into an output seeded from `out`. */
  async function seededWrite(files: OutputFile[], copies: CopiedFile[] = [], work = join(dir, 'work')) {
    const seed = seedOutput(out, work, listed(out));
    expect(seed).toBeDefined();
    const output = await openOutput(out, work, { seed });
    try {
      for (const file of files) output.write(file);
      const linked = copies.map((file) => output.copy(file));
      await output.commit();
      return linked;
    } finally {
      await output.close();
    }
  }

  it('keeps what the build writes again as it was, replaces what changed, and removes what it no longer writes', async () => {
    await writeOutput(out, [...pages('第11期'), { path: '2020/1/index.html', contents: '第1期' }], [{ path: '2021/11/progress.csv', source: csv }]);
    const before = await Promise.all(['index.html', '2021/11/index.html', 'feed.xml', '2021/11/progress.csv'].map(inode));

    // The feed as a build keeps a page: linked from the previous output.
    const linked = await seededWrite(pages('第11期，改').slice(0, 2), [
      { path: '2021/11/progress.csv', source: csv },
      { path: 'feed.xml', source: join(out, 'feed.xml'), link: true },
    ]);
    expect(linked).toEqual([false, true]);
    const after = await Promise.all(['index.html', '2021/11/index.html', 'feed.xml', '2021/11/progress.csv'].map(inode));
    expect(after[0]).toEqual(before[0]);
    expect(after[1]![0]).not.toBe(before[1]![0]);
    expect(after[2]).toEqual(before[2]);
    expect(after[3]).toEqual(before[3]);
    // The folder of the issue no longer written went with its page.
    expect(tree(out)).toEqual(['.jianbao-output', '2021/', '2021/11/', '2021/11/index.html', '2021/11/progress.csv', 'feed.xml', 'index.html']);
    expect(await readFile(join(out, '2021/11/index.html'), 'utf8')).toBe('第11期，改');
    expect(readdirSync(join(dir, 'work'))).toEqual([]);
  });

  it('writes the same output as a build without a seed, files and folders, where a file becomes a folder and a folder a file', async () => {
    await writeOutput(out, turned.first);
    await writeOutput(out, turned.second);
    const unseeded = [tree(out), await hashTree(out)];
    await rm(out, { recursive: true });
    await writeOutput(out, turned.first);
    await seededWrite(turned.second);
    expect([tree(out), await hashTree(out)]).toEqual(unseeded);
  });

  it('fails as without a seed on a file of its own where it needs a folder, leaving the previous output byte-identical', async () => {
    await writeOutput(out, [...pages('第11期'), { path: 'a', contents: 'from the seed' }]);
    const before = await hashTree(out);
    const failing = [...pages('第11期，改'), { path: 'b', contents: 'file' }, { path: 'b/c.html', contents: 'under a file' }];
    await expect(seededWrite(failing)).rejects.toThrow(/ENOTDIR|EEXIST|EISDIR/);
    expect(await hashTree(out)).toBe(before);
    expect(readdirSync(join(dir, 'work'))).toEqual([]);
  });

  it('closed before the swap, or discarded before it is opened, leaves the previous output as it was and nothing else', async () => {
    await writeOutput(out, pages('第11期'));
    const before = await hashTree(out);
    const work = join(dir, 'work');
    const output = await openOutput(out, work, { seed: seedOutput(out, work, listed(out)) });
    // Replaced in the new output, never written into: the previous output's file is the seed's link.
    output.write(pages('第12期')[1]!);
    await output.close();
    expect(await hashTree(out)).toBe(before);
    expect(existsSync(join(work, 'site'))).toBe(false);

    await seedOutput(out, work, listed(out))!.discard();
    expect(existsSync(join(work, 'site'))).toBe(false);
    expect(await hashTree(out)).toBe(before);
  });

  it('keeps the output it replaced as the next build’s spare, which that build starts from', async () => {
    const spare = join(dir, 'spare');
    await writeOutput(out, turned.first);
    const first = [tree(out), await hashTree(out)];
    await seededWrite(turned.second);
    // The first output, swapped out, as it was.
    expect(await spareOutput(spare)).toEqual(first);
    expect(await readFile(join(spare, 'notes'), 'utf8')).toBe('a file');
    const kept = await inode('index.html');
    await seededWrite([...turned.first.slice(1), { path: 'index.html', contents: '<h1>梅州</h1>' }]);
    const unseeded = join(dir, 'unseeded');
    await writeOutput(unseeded, [...turned.first.slice(1), { path: 'index.html', contents: '<h1>梅州</h1>' }]);
    expect([tree(out), await hashTree(out)]).toEqual([tree(unseeded), await hashTree(unseeded)]);
    // Taken from the spare rather than written: the same file as before.
    expect(await inode('index.html')).toEqual(kept);
    expect(await readFile(join(spare, 'notes/1.html'), 'utf8')).toBe('now a folder');
    expect(readdirSync(join(dir, 'work'))).toEqual([]);
  });

  it('brings a spare of any state up to date: stale, extra and missing files and links, a folder for a file and a file for a folder', async () => {
    await writeOutput(out, [...turned.second, { path: '2021/12/index.html', contents: '第12期' }]);
    const spare = join(dir, 'spare');
    for (const [path, contents] of [
      ['index.html', 'stale'],
      ['notes', 'a file where the output has a folder'],
      ['old/a/b.html', 'a folder where the output has a file'],
      ['extra/deep/page.html', 'not in the output'],
      ['feed.xml', 'written over by the build'],
    ] as const) {
      await mkdir(dirname(join(spare, path)), { recursive: true });
      await writeFile(join(spare, path), contents);
    }
    await symlink('feed.xml', join(spare, 'latest.html'));
    await link(join(out, '2021/12/index.html'), join(spare, '2021-12.html'));
    const before = await hashTree(out);
    const kept = await inode('2021/12/index.html');

    // The same output written again, from a spare that differs from it everywhere.
    await seededWrite([...turned.second, { path: '2021/12/index.html', contents: '第12期' }]);
    expect(await hashTree(out)).toBe(before);
    expect(tree(out)).toEqual([
      '.jianbao-output',
      '2021/',
      '2021/11/',
      '2021/11/index.html',
      '2021/12/',
      '2021/12/index.html',
      'feed.xml',
      'index.html',
      'notes/',
      'notes/1.html',
      'old',
    ]);
    expect(await inode('2021/12/index.html')).toEqual(kept);
    // Taken, and in its place the output it replaced.
    expect(existsSync(join(spare, 'extra'))).toBe(false);
    expect((await spareOutput(spare))[1]).toBe(before);
  });

  it('never takes a symbolic link for the spare, nor touches where it leads', async () => {
    await writeOutput(out, pages('第11期'));
    const elsewhere = join(dir, 'elsewhere');
    await mkdir(join(elsewhere, 'notes'), { recursive: true });
    await writeFile(join(elsewhere, 'notes', 'keep.txt'), 'not the output’s');
    await symlink(elsewhere, join(dir, 'spare'));
    await seededWrite(pages('第12期'));
    expect(await readFile(join(elsewhere, 'notes', 'keep.txt'), 'utf8')).toBe('not the output’s');
    expect(tree(elsewhere)).toEqual(['notes/', 'notes/keep.txt']);
    expect(await readFile(join(out, '2021/11/index.html'), 'utf8')).toBe('第12期');
  });

  it('keeps a seed it did not use, and the new output of a build that failed, as the spare', async () => {
    await writeOutput(out, pages('第11期'));
    const before = await hashTree(out);
    const work = join(dir, 'work');
    const seed = seedOutput(out, work, listed(out))!;
    await seed.done;
    await seed.discard();
    expect((await spareOutput(join(dir, 'spare')))[1]).toBe(before);
    const failing = [...pages('第11期，改'), { path: 'b', contents: 'file' }, { path: 'b/c.html', contents: 'under a file' }];
    await expect(seededWrite(failing)).rejects.toThrow(/ENOTDIR|EEXIST|EISDIR/);
    expect(await hashTree(out)).toBe(before);
    expect(existsSync(join(dir, 'spare', 'b'))).toBe(true);
    // Started from that spare: the same output as from an empty one.
    await seededWrite(pages('第12期'));
    expect(tree(out)).toEqual(['.jianbao-output', '2021/', '2021/11/', '2021/11/index.html', 'feed.xml', 'index.html']);
    expect(await readFile(join(out, '2021/11/index.html'), 'utf8')).toBe('第12期');
  });

  it('told to, makes the spare of an output it did not seed after the swap, in the background', async () => {
    await writeOutput(out, turned.first);
    const work = join(dir, 'work');
    const output = await openOutput(out, work, { spareInBackground: true });
    try {
      for (const file of turned.second) output.write(file);
      await output.commit();
    } finally {
      await output.close();
    }
    const spare = join(dir, 'spare');
    // Its .gitignore first, then every file and folder of the output, linked.
    await until('the spare made', () => existsSync(spare) && tree(spare).length === tree(out).length + 1);
    expect(await spareOutput(spare)).toEqual([tree(out), await hashTree(out)]);
    expect(await inode('old')).toEqual(await stat(join(spare, 'old')).then((found) => [found.ino, found.mtimeMs]));
  });

  it('starts empty when the output could not be listed, writing it whole', async () => {
    await writeOutput(out, [...pages('第11期'), { path: 'stale.html', contents: 'not written again' }]);
    const work = join(dir, 'work');
    const output = await openOutput(out, work, { seed: seedOutput(out, work, Promise.resolve(undefined)) });
    try {
      for (const file of pages('第11期')) output.write(file);
      await output.commit();
    } finally {
      await output.close();
    }
    expect(tree(out)).toEqual(['.jianbao-output', '2021/', '2021/11/', '2021/11/index.html', 'feed.xml', 'index.html']);
  });
});
