import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = resolve('bin/jianbao.js');
const CONTENT = resolve('content');

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'jianbao-start-'));
});
afterAll(() => rm(cwd, { recursive: true, force: true }));

describe('bin/jianbao.js', () => {
  // From another folder, the bundled templates are found through import.meta.url.
  it.each([['the esbuild bundle', '0'], ['tsx', '1']])('builds from %s in any working folder', async (_name, tsx) => {
    const out = join(cwd, `site-${tsx}`);
    const { stdout, stderr } = await run(process.execPath, [BIN, 'build', '--content', CONTENT, '--out', out, '--no-cache', '--no-pdf'], {
      cwd,
      env: { ...process.env, JIANBAO_TSX: tsx },
    });
    // Only the sample content's typography warnings.
    expect(stderr.split('\n').filter((line) => line && !line.includes(': warning: Unexpected half-width'))).toEqual([]);
    expect(stdout).toMatch(/^jianbao: 3 issues \(3 rendered, 0 unchanged\)/m);
    expect(existsSync(join(out, '2021/11/index.html'))).toBe(true);
    expect(existsSync(join(out, 'assets/site.css'))).toBe(true);
  });
});
