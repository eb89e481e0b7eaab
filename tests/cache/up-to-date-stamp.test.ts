import { existsSync } from 'node:fs';
import { readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type BuildResult, build } from '../../src/pipeline.ts';
import { ContentError, printedWarnings } from '../../src/report/messages.ts';
import { type SyntheticBuildOptions, syntheticBuild } from '../support/synthetic-build.ts';
import type { SyntheticIssue } from '../../scripts/synthetic-archive.ts';

let root: string;
let options: SyntheticBuildOptions;
let issues: SyntheticIssue[];
/** A build that found the output up to date by comparing everything with the manifest, and stamped it. */
let checked: BuildResult;
const realNow = Date.now.bind(Date);
/** Files written moments ago count as settled for builds that start a minute from now. */
const later = () => realNow() + 60_000;

// Walked and stamped at any size; the archive is far below the size the CLI walks from.
const run = (more: Partial<SyntheticBuildOptions> = {}) => build({ ...options, walkFrom: 0, ...more });
const stampPath = () => join(options.cacheDir, 'stamp.json');
const phases = (result: BuildResult) => result.timings.map(({ phase }) => phase);
/** Stamped: up to date without loading the content or reading the manifest. */
const stamped = (result: BuildResult) => result.counts.upToDate && !phases(result).includes('load');
const printed = (result: BuildResult) => Buffer.concat([...result.printedWarnings()].map((part) => Buffer.from(part))).toString('utf8');

/** Build until a build is stamped, the state each case starts from: after one that wrote, the next checks and stamps. */
async function stampedAgain(): Promise<void> {
  for (let build = 0; build < 3; build++) if (stamped(await run())) return;
  throw new Error('no build was stamped');
}

beforeAll(async () => {
  ({ root, options, issues } = await syntheticBuild('jianbao-stamp-', 3));
  vi.spyOn(Date, 'now').mockImplementation(later);
  const cold = await run();
  expect(cold.counts.upToDate).toBe(false);
  // The output a build wrote is stamped too (below); without the stamp the next build checks.
  expect(existsSync(stampPath())).toBe(true);
  await rm(stampPath());
  checked = await run();
  expect(checked.counts.upToDate).toBe(true);
  expect(phases(checked)).toContain('up-to-date check');
});
afterAll(async () => {
  vi.restoreAllMocks();
  await rm(root, { recursive: true, force: true });
});

describe('an output found up to date', () => {
  it('is stamped, and the next build takes it as up to date from the walks alone, reporting the same', async () => {
    expect(existsSync(stampPath())).toBe(true);
    const next = await run();
    expect(stamped(next)).toBe(true);
    expect(phases(next)).not.toContain('up-to-date check');
    expect(next.counts).toEqual(checked.counts);
    // The synthetic issues have the reference's half-width commas: 33 warnings each.
    expect(next.warnings.length).toBe(checked.warnings.length);
    expect(next.warnings.length).toBeGreaterThan(0);
    expect(next.warnings.map(String)).toEqual(checked.warnings.map(String));
    expect(printed(next)).toBe(printed(checked));
    expect(printed(next)).toBe([...printedWarnings(checked.warnings)].join(''));
  });

  it('is not taken as up to date once a file of the content changed; the build of the change stamps its output', async () => {
    await stampedAgain();
    const csv = join(issues[1]!.dir, 'progress.csv');
    await writeFile(csv, (await readFile(csv, 'utf8')).replace('梅县区', '梅 县区'));
    const next = await run();
    expect(next.counts.upToDate).toBe(false);
    expect(next.counts.rendered).toBe(1);
    expect(await readFile(join(options.outDir, `${issues[1]!.year}/${issues[1]!.number}/index.html`), 'utf8')).toContain('梅 县区');
    const after = await run();
    expect(stamped(after)).toBe(true);
    expect(printed(after)).toBe(printed(next));
  });

  it('is not left by a build that read a file changed within 2 s of its start, which may change again unseen', async () => {
    await stampedAgain();
    const csv = join(issues[0]!.dir, 'progress.csv');
    await writeFile(csv, (await readFile(csv, 'utf8')).replace('梅江区', '梅 江区'));
    vi.mocked(Date.now).mockImplementation(realNow);
    try {
      const next = await run();
      expect(next.counts.rendered).toBe(1);
      expect(existsSync(stampPath())).toBe(false);
    } finally {
      vi.mocked(Date.now).mockImplementation(later);
    }
  });

  it('is made again when a file of the output was edited, keeping its size', async () => {
    await stampedAgain();
    const page = join(options.outDir, 'index.html');
    const text = await readFile(page, 'utf8');
    await writeFile(page, text.replace('<html', '<HTML'));
    const next = await run();
    expect(stamped(next)).toBe(false);
    expect(await readFile(page, 'utf8')).toBe(text);
  });

  it('is checked against the manifest when a file is added to the content, and stamped again', async () => {
    await stampedAgain();
    await writeFile(join(options.contentDir, 'notes.txt'), 'not an issue');
    const next = await run();
    expect(stamped(next)).toBe(false);
    expect(next.counts.upToDate).toBe(true);
    expect(stamped(await run())).toBe(true);
  });

  it('is not made while the content holds a symbolic link, whose target a walk does not see', async () => {
    await stampedAgain();
    const target = join(root, 'elsewhere.txt');
    await writeFile(target, 'kept outside the content folder');
    const link = join(options.contentDir, 'linked.txt');
    await symlink(target, link);
    try {
      const next = await run();
      expect(next.counts.upToDate).toBe(true);
      expect(existsSync(stampPath())).toBe(false);
      expect(stamped(await run())).toBe(false);
    } finally {
      await rm(link);
    }
  });

  it('is not made while the content holds a misnamed issue file, whose warning every build prints', async () => {
    await stampedAgain();
    const misnamed = join(options.contentDir, 'index.md.txt');
    await writeFile(misnamed, '---\nyear: 2030\n---\n');
    try {
      await run();
      expect(existsSync(stampPath())).toBe(false);
      const again = await run();
      expect(stamped(again)).toBe(false);
      expect(again.warnings.filter((warning) => warning.ruleId === 'issue-extension').map((warning) => warning.file)).toEqual([misnamed]);
    } finally {
      await rm(misnamed);
    }
  });

  it('is not stamped for other settings or another output folder', async () => {
    await stampedAgain();
    const other = await run({ outDir: join(root, 'other') });
    expect(stamped(other)).toBe(false);
    // The stamp is for one output: the first folder's is gone, and its next build checks it.
    expect(stamped(await run())).toBe(false);
    await stampedAgain();
    const search = await run({ search: true });
    expect(search.counts.upToDate).toBe(false);
  });

  it('fails a strict build on its warnings, as the check against the manifest does', async () => {
    await stampedAgain();
    const error = await run({ strict: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).warnings.map(String)).toEqual(checked.warnings.map(String));
  });

  it('is a miss when a blob it names is damaged, and the build checks the output as before', async () => {
    await stampedAgain();
    const stamp = JSON.parse(await readFile(stampPath(), 'utf8')) as { warnings: { printed: string }[] };
    const blob = stamp.warnings[0]!.printed;
    await writeFile(join(options.cacheDir, 'blobs', blob.slice(0, 2), blob), 'damaged');
    const next = await run();
    expect(stamped(next)).toBe(false);
    expect(next.counts.upToDate).toBe(true);
    expect(printed(next)).toBe(printed(checked));
  });

  it('is not taken as up to date once an issue was removed', async () => {
    await stampedAgain();
    await rm(issues[2]!.dir, { recursive: true });
    const next = await run();
    expect(next.counts.upToDate).toBe(false);
    expect(next.counts.issues).toBe(2);
    expect(existsSync(join(options.outDir, `${issues[2]!.year}/${issues[2]!.number}/index.html`))).toBe(false);
  });
});

describe('a first build, without a cache', () => {
  it('walks and stamps its output when its issue files would make a manifest of the size walked from', async () => {
    const first = await syntheticBuild('jianbao-stamp-first-', 3);
    const stampOf = join(first.options.cacheDir, 'stamp.json');
    try {
      // Three issues make a manifest of a few kB: far below 1 MB, above 1 byte.
      await build({ ...first.options, walkFrom: 1_000_000 });
      expect(existsSync(stampOf)).toBe(false);
      await rm(first.options.cacheDir, { recursive: true });
      await build({ ...first.options, walkFrom: 1 });
      expect(existsSync(stampOf)).toBe(true);
      const next = await build({ ...first.options, walkFrom: 1 });
      expect(stamped(next)).toBe(true);
    } finally {
      await rm(first.root, { recursive: true, force: true });
    }
  });
});
