import { execFile } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

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
  it('runs installed into another project, from the packaged files and lib/, with neither esbuild nor tsx', async () => {
    // As npm installs it: the package's `files` in the project's node_modules/jianbao, and every
    // package it depends on beside it, in the project's node_modules, none inside jianbao's folder.
    const manifest = JSON.parse(await readFile('package.json', 'utf8')) as { files: string[] };
    const project = join(cwd, 'office');
    const installed = join(project, 'node_modules', 'jianbao');
    // Not lib/, which the copy bundles itself below (and which a checkout has only after `npm ci`).
    const entries = [...manifest.files.filter((entry) => entry !== 'lib/'), 'package.json', 'scripts/bundle.js'];
    for (const entry of entries) cpSync(entry, join(installed, entry), { recursive: true });
    for (const name of readdirSync('node_modules')) {
      if (!name.startsWith('.')) symlinkSync(resolve('node_modules', name), join(project, 'node_modules', name));
    }
    // `npm pack` runs the bundle step (`prepare`) in the checkout; here in the copy, then the tools go.
    await run(process.execPath, [join(installed, 'scripts/bundle.js')]);
    for (const tool of ['esbuild', 'tsx']) rmSync(join(project, 'node_modules', tool));
    const bin = join(installed, 'bin/jianbao.js');
    await buildWith(bin);
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    // The reference issue's PDF: its contents list, in 楷体, holds “ ”, which print in a face
    // fonts.css names by the file's own path inside jianbao's folder (Kai Quotes).
    const pdf = join(cwd, '2021-11.pdf');
    const { stdout } = await run(process.execPath, [bin, 'pdf', join(CONTENT, '2021/11/index.md'), '--content', CONTENT, '--out', pdf, '--no-cache'], { cwd });
    expect(stdout).toContain('2021-11.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('runs from the sources through tsx', async () => {
    await buildWith(resolve('bin/jianbao.js'), { JIANBAO_TSX: '1' });
  });
});

/** The text of the bundle's chunks that `entry` (a chunk's file name) loads before it runs: its static imports, followed. */
function loadedWith(dir: string, entry: string): string {
  const seen = new Set<string>();
  const texts: string[] = [];
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const text = readFileSync(join(dir, name), 'utf8');
    texts.push(text);
    // `import … from "./x.mjs"` and `import "./x.mjs"`, not `import("./x.mjs")`, which loads when called.
    for (const found of text.matchAll(/^(?:import|export)\b[^;]*?["']\.\/([\w-]+\.mjs)["']/gms)) visit(found[1]!);
  };
  visit(entry);
  return texts.join('\n');
}

describe('the bundle', () => {
  it('loads no Markdown, template or YAML library for a build until the cache found something to do', () => {
    const dir = inject('bundleDir');
    const build = readdirSync(dir).find((name) => name.endsWith('.mjs') && readFileSync(join(dir, name), 'utf8').includes('\n// src/cli/build.ts\n'));
    expect(build).toBeDefined();
    // esbuild names each module it bundles in a comment: `// node_modules/nunjucks/…`.
    const loaded = loadedWith(dir, 'cli.mjs') + loadedWith(dir, build!);
    expect(loaded).toContain('// src/cache/build-cache.ts');
    for (const library of ['unified', 'micromark', 'nunjucks', 'yaml', 'gray-matter', 'budoux']) expect(loaded).not.toContain(`// node_modules/${library}/`);
    // They are all there, for the phases pipeline.ts loads later.
    const all = readdirSync(dir)
      .filter((name) => name.endsWith('.mjs'))
      .map((name) => readFileSync(join(dir, name), 'utf8'))
      .join('\n');
    expect(all).toContain('// node_modules/nunjucks/');
  });
});
