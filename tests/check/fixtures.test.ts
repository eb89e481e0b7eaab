import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { hashTree } from '../support/hash-tree.ts';
import { runCli } from '../support/run-cli.ts';

// UPDATE_FIXTURES=1 npx vitest run tests/check rewrites each expected.txt: review the diff.
const update = Boolean(process.env['UPDATE_FIXTURES']);
const root = 'tests/fixtures/check';
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

async function expected(name: string, lines: readonly string[]): Promise<string[]> {
  const path = join(root, name, 'expected.txt');
  if (update) await writeFile(path, lines.map((line) => `${line}\n`).join(''));
  return (await readFile(path, 'utf8')).split('\n').filter(Boolean);
}

let dir: string;
let out: string;
let before: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-check-'));
  out = join(dir, 'dist');
  // Any previous output serves; the search index would only add Pagefind's time.
  await build({ contentDir: 'content', outDir: out, pdf: false, search: false, cacheDir: false });
  before = await hashTree(out);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('jianbao check and build, one content folder per kind of mistake', () => {
  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(7);
  });

  it.each(cases)('%s', async (name) => {
    const content = join(root, name);
    const checked = await runCli('check', '--content', content);
    expect(checked.lines).toEqual(await expected(name, checked.lines));
    // The summary line says `N errors`; any error fails the check.
    const errors = /: [1-9]\d* errors?\b/.test(checked.lines.at(-1) ?? '');
    expect(checked.code).toBe(errors ? 1 : 0);

    if (errors) {
      // The build stops with the same problems and leaves the previous output byte-identical.
      const built = await runCli('build', '--no-cache', '--no-pdf', '--content', content, '--out', out);
      expect(built.code).toBe(1);
      expect(built.lines.slice(0, -1)).toEqual(checked.lines.slice(0, -1));
      expect(built.lines.at(-1)).toMatch(/^jianbao: /);
      expect(await hashTree(out)).toBe(before);
      expect((await readdir(dir)).sort()).toEqual(['dist']);
      expect(existsSync(`${out}.lock`)).toBe(false);
    } else {
      // Warnings only: the build goes on, printing the same warnings.
      const built = await runCli('build', '--no-cache', '--no-pdf', '--quiet', '--content', content, '--out', join(dir, `${name}-dist`));
      expect(built.code).toBe(0);
      expect(built.lines).toEqual(checked.lines.slice(0, -1));
      await rm(join(dir, `${name}-dist`), { recursive: true });
    }
  });
});
