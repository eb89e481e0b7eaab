import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CONTENT = resolve('content');

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'jianbao-start-'));
});
afterAll(() => rm(cwd, { recursive: true, force: true }));

/**
 * Build the sample content with `bin` from `cwd`, another folder, so templates are found through
 * import.meta.url. Without the search index: Pagefind is a program of its own, started alike either way.
 */
async function buildWith(bin: string, env: NodeJS.ProcessEnv = {}) {
  const out = join(cwd, `site-${Object.keys(env).join('') || 'default'}`);
  const { stdout, stderr } = await run(process.execPath, [bin, 'build', '--content', CONTENT, '--out', out, '--no-cache', '--no-pdf', '--no-search'], {
    cwd,
    env: { ...process.env, ...env },
  });
  // Only the sample content's typography warnings.
  expect(stderr.split('\n').filter((line) => line && !line.includes(': warning: Unexpected half-width'))).toEqual([]);
  expect(stdout).toMatch(/^jianbao: 3 issues \(3 rendered, 0 unchanged\)/m);
  expect(existsSync(join(out, '2021/11/index.html'))).toBe(true);
  expect(existsSync(join(out, 'assets/site.css'))).toBe(true);
}

describe('bin/jianbao.js', () => {
  it('runs from the packaged files and lib/ with neither esbuild nor tsx installed', async () => {
    // The package's `files`, and a node_modules holding every package but the build tools.
    const manifest = JSON.parse(await readFile('package.json', 'utf8')) as { files: string[] };
    const installed = join(cwd, 'installed');
    // Not lib/, which the copy bundles itself below (and which a checkout has only after `npm ci`).
    const entries = [...manifest.files.filter((entry) => entry !== 'lib/'), 'package.json', 'scripts/bundle.js'];
    for (const entry of entries) cpSync(entry, join(installed, entry), { recursive: true });
    mkdirSync(join(installed, 'node_modules'));
    for (const name of readdirSync('node_modules')) {
      if (!name.startsWith('.')) symlinkSync(resolve('node_modules', name), join(installed, 'node_modules', name));
    }
    // `npm pack` runs the bundle step (`prepare`) in the checkout; here in the copy, then the tools go.
    await run(process.execPath, [join(installed, 'scripts/bundle.js')]);
    for (const tool of ['esbuild', 'tsx']) rmSync(join(installed, 'node_modules', tool));
    await buildWith(join(installed, 'bin/jianbao.js'));
    expect(existsSync(join(installed, 'node_modules/.cache'))).toBe(false);
  });

  it('runs from the sources through tsx', async () => {
    await buildWith(resolve('bin/jianbao.js'), { JIANBAO_TSX: '1' });
  });
});
