import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { build, validateContent, withValidation } from '../../src/pipeline.ts';
import type { Validation } from '../../src/markdown/render-content.ts';
import { formatProblems } from '../../src/report/messages.ts';
import { PAUSED_FILE } from '../../src/util/test-pause.ts';
import { progressCsv, type SyntheticIssue } from '../../scripts/synthetic-archive.ts';
import { hashTree } from '../support/hash-tree.ts';
import { type SyntheticBuildOptions, syntheticBuild } from '../support/synthetic-build.ts';

/*
 * `check` and `pdf` validate the whole archive and make no site: unchanged issues come from the
 * build's cache, which they never write to, the rendered HTML waits in a scratch folder of their
 * own rather than in memory, and the folder goes once they are done.
 */

let parent: string;
beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'jianbao-validation-'));
});
afterEach(() => rm(parent, { recursive: true, force: true }));

describe('a validation for a command that makes no site', () => {
  it('reads the issues’ HTML from a scratch folder, the same HTML, and removes the folder after', async () => {
    const html = await withValidation(
      'content',
      async ({ issues }) => {
        const [scratch, ...others] = await readdir(parent);
        expect(others).toEqual([]);
        // One blob a rendered issue, in folders by the first characters of its hash.
        expect((await readdir(join(parent, scratch!), { recursive: true })).filter((name) => /[0-9a-f]{64}$/.test(name))).toHaveLength(issues.length);
        return issues.map((rendered) => rendered.html);
      },
      { cacheDir: false, scratchParent: parent },
    );
    expect(html).toEqual((await validateContent('content', { workers: 0 })).issues.map((rendered) => rendered.html));
    expect(html).toHaveLength(3);
    expect(await readdir(parent)).toEqual([]);
  });

  it('removes the folder when the command fails', async () => {
    const failing = withValidation(
      'content',
      async () => {
        throw new Error('the printer failed');
      },
      { cacheDir: false, scratchParent: parent },
    );
    await expect(failing).rejects.toThrow('the printer failed');
    expect(await readdir(parent)).toEqual([]);
  });
});

describe('an interrupted check', () => {
  it('removes its scratch folder', async () => {
    // Paused once the content is checked (src/util/test-pause.ts), its scratch folder in `parent`.
    const child = spawn(process.execPath, ['bin/jianbao.js', 'check', '--no-cache'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, TMPDIR: parent, JIANBAO_PAUSE_AT: 'check' },
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const paused = async () => (await readdir(parent)).some((name) => existsSync(join(parent, name, PAUSED_FILE)));
    while (!(await paused())) await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill('SIGINT');
    expect({ code: await exit, stderr }).toEqual({ code: 130, stderr: 'jianbao: interrupted\n' });
    expect(await readdir(parent)).toEqual([]);
  });
});

describe('a validation with a build’s cache', () => {
  let root: string;
  let issues: SyntheticIssue[];
  let options: SyntheticBuildOptions;
  beforeAll(async () => {
    ({ root, issues, options } = await syntheticBuild('jianbao-validation-cache-', 3));
    await build(options);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const validate = <T>(cacheDir: string | false, use: (validation: Validation) => T) =>
    withValidation(options.contentDir, async (validation) => use(validation), { cacheDir, scratchParent: parent });
  const seen = (validation: Validation) => {
    // Before `warnings` puts the cached ones on their files.
    const byFile = formatProblems({ errors: [], warnings: [...validation.warningsByFile()].flat() });
    return { rendered: validation.rendered, problems: formatProblems(validation), byFile, html: validation.issues.map((rendered) => rendered.html) };
  };

  it('renders none of the issues the build stored, finds the same problems and writes nothing into it', async () => {
    const before = await hashTree(options.cacheDir);
    const cached = await validate(options.cacheDir, seen);
    const fresh = await validate(false, seen);
    expect(cached.rendered).toBe(0);
    expect(fresh.rendered).toBe(3);
    // The synthetic issues' typography warnings, 33 an issue.
    expect(cached.problems).toHaveLength(99);
    expect(cached).toEqual({ ...fresh, rendered: 0 });
    // No errors: the warnings are all the problems, listed a file's at a time in the same order.
    expect(cached.byFile).toEqual(cached.problems);
    expect(await hashTree(options.cacheDir)).toBe(before);
  });

  it('renders an issue changed since into its scratch folder, not into the cache', async () => {
    const changed = issues[1]!;
    await writeFile(join(changed.dir, 'progress.csv'), progressCsv(changed.total, 1));
    const before = await hashTree(options.cacheDir);
    const cached = await validate(options.cacheDir, seen);
    expect(cached.rendered).toBe(1);
    expect(cached).toEqual({ ...(await validate(false, seen)), rendered: 1 });
    expect(await hashTree(options.cacheDir)).toBe(before);
  });
});
