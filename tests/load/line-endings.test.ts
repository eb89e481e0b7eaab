import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';

// Windows Notepad and Word save an issue with CRLF line endings, often with a BOM.
const issue = '2022/1/index.md';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-line-endings-'));
  for (const name of ['lf', 'crlf']) await cp('content', join(dir, name), { recursive: true });
  // A paragraph hard-wrapped between Chinese characters and before a number, as editors type.
  const text = (await readFile(join(dir, 'lf', issue), 'utf8')).replace('研究提出2022年', '研究\n提出\n2022年');
  await writeFile(join(dir, 'lf', issue), text);
  await writeFile(join(dir, 'crlf', issue), `\ufeff${text.replaceAll('\n', '\r\n')}`);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('an issue saved with CRLF line endings and a BOM', () => {
  it('builds the same pages as the issue saved with LF', async () => {
    const pages = async (name: string) => {
      const out = join(dir, `${name}-out`);
      const result = await build({ contentDir: join(dir, name), outDir: out, cacheDir: false, pdf: false, search: false });
      expect(result.counts.rendered).toBe(3);
      const files = (await readdir(out, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
      return Promise.all(files.map(async (file) => [file, await readFile(join(out, file), 'utf8')]));
    };
    const [lf, crlf] = [await pages('lf'), await pages('crlf')];
    expect(crlf).toEqual(lf);
    const page = String(lf.find(([file]) => file === '2022/1/index.html')?.[1]);
    expect(page).toContain('研究提出2022年');
    expect(page).toContain('datetime="2022-01-28"');
  });
});
