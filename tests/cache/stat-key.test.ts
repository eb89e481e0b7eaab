import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BuildCache } from '../../src/cache/build-cache.ts';
import { loadContent } from '../../src/load/load-content.ts';
import type { Issue } from '../../src/model.ts';
import { type SyntheticBuildOptions, syntheticBuild } from '../support/synthetic-build.ts';
import type { SyntheticIssue } from '../../scripts/synthetic-archive.ts';

let root: string;
let issues: SyntheticIssue[];
let options: SyntheticBuildOptions;

/** A whole second: `utimes` sets it back exactly (a Date keeps only milliseconds). */
const MTIME = 1_600_000_000;

beforeEach(async () => {
  ({ root, issues, options } = await syntheticBuild('jianbao-stat-key-', 2));
  await utimes(file(), MTIME, MTIME);
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** Files written moments ago count as settled for a build that starts a minute from now. */
const LATER = () => Date.now() + 60_000;

/**
 * Load the content as a build does, and save the cache as a complete build does: the first
 * issue, and how many of the two issue files were read (the others known unchanged by their stat).
 */
async function load(start?: number): Promise<{ readonly issue: Issue; readonly read: number }> {
  const cache = await BuildCache.open({ dir: options.cacheDir, contentDir: options.contentDir, ...(start === undefined ? {} : { start }) });
  const { site, errors } = await loadContent(options.contentDir, cache);
  expect(errors).toEqual([]);
  await cache.save({ complete: true });
  const issue = site.issues.find((found) => found.source === file());
  expect(issue).toBeDefined();
  return { issue: issue!, read: site.filesRead };
}

const file = () => join(options.contentDir, `${issues[0]!.year}/${issues[0]!.number}/index.md`);

/** Change the issue's date by one day, keeping the file's size, mtime and atime (its ctime changes). */
async function editKeepingStat(): Promise<string> {
  const before = await stat(file());
  expect(before.mtimeMs).toBe(MTIME * 1000);
  const text = await readFile(file(), 'utf8');
  const date = /^date: (\d{4}-\d{2}-)(\d)(\d)$/m.exec(text)!;
  const edited = text.replace(date[0], `date: ${date[1]}${date[2]}${date[3] === '1' ? '2' : '1'}`);
  await writeFile(file(), edited);
  await utimes(file(), MTIME, MTIME);
  const after = await stat(file());
  expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
  return edited;
}

describe('loading by stat', () => {
  it('does not read an unchanged issue file again, and sees an edit that keeps its size and mtime', async () => {
    const first = await load(LATER());
    expect(first.read).toBe(2);
    const second = await load(LATER());
    expect(second.read).toBe(0);
    expect({ ...second.issue, markdown: second.issue.markdown }).toEqual({ ...first.issue, markdown: first.issue.markdown });

    const edited = await editKeepingStat();
    const third = await load(LATER());
    expect(third.read).toBe(1);
    expect(third.issue.markdown).toBe(edited);
    expect(third.issue.date).not.toBe(first.issue.date);
  });

  it('reads again a file changed just before the build read it (racy), however its stat looks', async () => {
    // Written moments ago: its stat is not trusted, so the next build reads it.
    const first = await load();
    const second = await load();
    expect(second.read).toBe(2);
    expect(second.issue).toEqual(first.issue);
    const edited = await editKeepingStat();
    const third = await load();
    expect(third.issue.markdown).toBe(edited);
    expect(third.issue.date).not.toBe(first.issue.date);
  });

  it('refuses an unread text changed during the build', async () => {
    await load(LATER());
    const { issue, read } = await load(LATER());
    expect(read).toBe(0);
    await editKeepingStat();
    expect(() => issue.markdown).toThrow(/ changed or was removed during the build; build again, which loads it anew$/);
  });
});
