import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { ContentError } from '../../src/report/messages.ts';
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

describe('jianbao check, one content folder per kind of mistake', () => {
  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(7);
  });

  it.each(cases)('%s', async (name) => {
    const result = await runCli('check', '--content', join(root, name));
    expect(result.lines).toEqual(await expected(name, result.lines));
    // The summary line says `N errors`; any error fails the check.
    expect(result.code).toBe(/: [1-9]\d* errors?\b/.test(result.lines.at(-1) ?? '') ? 1 : 0);
  });
});

describe('a build of each faulty folder', () => {
  let out: string;
  let before: string;
  beforeAll(async () => {
    out = join(await mkdtemp(join(tmpdir(), 'jianbao-check-')), 'dist');
    await build({ contentDir: 'content', outDir: out, pdf: false, cacheDir: false });
    before = await hashTree(out);
  });
  afterAll(() => rm(join(out, '..'), { recursive: true, force: true }));

  it.each(cases)('%s stops with the errors check reports and leaves the previous output byte-identical', async (name) => {
    const checked = await runCli('check', '--content', join(root, name));
    if (checked.code === 0) return;
    const error = await build({ contentDir: join(root, name), outDir: out, pdf: false, cacheDir: false }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentError);
    const built = await runCli('build', '--no-cache', '--content', join(root, name), '--out', out, '--no-pdf');
    expect(built.code).toBe(1);
    expect(built.lines.slice(0, -1)).toEqual(checked.lines.slice(0, -1));
    expect(await hashTree(out)).toBe(before);
    expect((await readdir(join(out, '..'))).sort()).toEqual(['dist']);
    expect(existsSync(`${out}.lock`)).toBe(false);
  });
});
