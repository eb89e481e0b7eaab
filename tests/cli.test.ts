import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.ts';

const run = promisify(execFile);

/** Temporary folders of these tests, removed after them. */
const folders: string[] = [];
async function temporary(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'jianbao-cli-'));
  folders.push(folder);
  return folder;
}
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

async function jianbao(...args: string[]) {
  try {
    const { stdout, stderr } = await run('node', ['bin/jianbao.js', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe('jianbao CLI', () => {
  it('builds the sample content', async () => {
    const out = join(await temporary(), 'site');
    const result = await jianbao('build', '--content', 'content', '--out', out, '--no-pdf', '--no-search');
    // Only the warnings about the printed source's half-width punctuation, kept as printed.
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(36);
    expect(
      result.stderr
        .split('\n')
        .filter(Boolean)
        .every((line) => line.includes(': warning: Unexpected half-width')),
    ).toBe(true);
    expect(result.code).toBe(0);
    expect(existsSync(join(out, '2021/11/index.html'))).toBe(true);
  });

  it('exits 1 listing every problem as path:line:column and writes nothing', async () => {
    const out = join(await temporary(), 'site');
    const result = await jianbao('build', '--content', 'tests/fixtures/frontmatter', '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toEqual(
      expect.arrayContaining([
        'tests/fixtures/frontmatter/impossible-date/index.md:5:7: `date`: Expected a date that exists on the calendar [frontmatter-schema]',
        'tests/fixtures/frontmatter/missing-key/index.md:2:1: `total`: Missing required key (expected a whole number) [frontmatter-schema]',
      ]),
    );
    expect(result.stderr).toContain('jianbao: 6 errors in the content; nothing was written');
    expect(existsSync(out)).toBe(false);
  });

  it('prints its version from package.json', async () => {
    const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    expect(await jianbao('--version')).toEqual({ code: 0, stdout: `jianbao ${version}\n`, stderr: '' });
    // The short flag in-process: the same parsing, without starting Node again.
    const { code, stdout, stderr } = await runCli('-v');
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: `jianbao ${version}\n`, stderr: '' });
  });

  it('refuses a --cache-from folder that is not there, rather than print every PDF again', async () => {
    const out = join(await temporary(), 'dist');
    const result = await runCli('build', '--out', out, '--no-pdf', '--cache-from', 'no/such/shard-cache');
    expect(result).toMatchObject({ code: 1, stderr: 'jianbao: Cannot find the cache folder no/such/shard-cache given to --cache-from; check its path\n' });
    expect(existsSync(out)).toBe(false);
  });

  it('rejects an unknown command with usage', async () => {
    // In-process: the exit code of a failing command through bin/jianbao.js is asserted above.
    const result = await runCli('publish');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('jianbao: unknown command “publish”');
    expect(result.stderr).toContain('Usage: jianbao <command>');
    // A name every object has is no command either.
    expect((await runCli('constructor')).stderr).toContain('jianbao: unknown command “constructor”');
  });

  it('lists each command under the name it runs by, whose help is its own', async () => {
    const { code, stdout } = await runCli('--help');
    expect(code).toBe(0);
    const names = [...stdout.matchAll(/^ {2}(\S+) {2,}/gm)].map((found) => found[1]);
    expect(names).toEqual(['init', 'build', 'check', 'new', 'import', 'pdf', 'dev']);
    for (const name of names) expect((await runCli(name!, '--help')).stdout).toMatch(new RegExp(`^Usage: jianbao ${name} `));
  });
});
