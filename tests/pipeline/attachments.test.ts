import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-attachments-'));
  await cp('content', join(dir, 'content'), { recursive: true });
  // 2021/12 embeds its progress.csv and links a document beside it; 2022/1 offers its table too.
  await writeFile(join(dir, 'content/2021/12/通知.pdf'), '%PDF-1.4\n');
  const issue = async (path: string, line: string) => {
    const file = join(dir, 'content', path, 'index.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\n${line}\n`);
  };
  await issue('2021/12', '附件：[通知](通知.pdf)');
  await issue('2022/1', '[下载统计表](progress.csv)');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('publishes the files an issue links to, not the sources of its tables', async () => {
  const out = join(dir, 'dist');
  await build({ contentDir: join(dir, 'content'), outDir: out, cacheDir: join(dir, 'cache'), pdf: false, search: false });
  const published = async () => (await readdir(out, { recursive: true })).filter((file) => /^20\d\d\/\d+\/(?!index\.html)/.test(file)).sort();
  expect(await published()).toEqual(['2021/12/通知.pdf', '2022/1/progress.csv']);
  // The same from the cache, into another folder.
  await rm(out, { recursive: true });
  const again = await build({ contentDir: join(dir, 'content'), outDir: out, cacheDir: join(dir, 'cache'), pdf: false, search: false });
  expect(again.counts.rendered).toBe(0);
  expect(await published()).toEqual(['2021/12/通知.pdf', '2022/1/progress.csv']);
});
