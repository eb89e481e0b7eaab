import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { lockOutput, type LockOptions, type OutputLock } from './output-lock.ts';

/** A build's own folders, and the lock on its output folder. */
export interface BuildWork {
  /** This build's folder, `.<out>.jianbao-work/run-<pid>-<random>/`; see `workFolder`. */
  readonly dir: string;
  readonly lock: OutputLock;
  /** Remove this build's folder and release the lock (and the work folder, once empty). */
  finish(): Promise<void>;
}

/** The name of an output swapped out and being removed in the background, before its pid. */
export const OLD_PREFIX = 'old-';

/**
 * A build's folder, the drafts the lock is created from and outputs swapped out: the only names
 * ever removed.
 */
const OWN = /^(run-|lock\.|old-)\d+-[0-9a-f]{8}$/;

/**
 * Where a build keeps what it writes before the output folder is swapped: the hidden sibling
 * `.<out>.jianbao-work/`, holding
 *
 * - `lock`: the build working on `<out>` (see `lockOutput`);
 * - `run-<pid>-<random>/`: one build's own folder, with `site/` (the new output being written),
 *   `previous/` (the output being replaced, during the swap), `pdf/` (print pages and PDFs) and
 *   `chromium/` (the browser's profile);
 * - `old-<pid>-<random>/`: an output swapped out, which an `rm -rf` the build left behind is
 *   removing (see `OpenOutputOptions.removeInBackground`).
 *
 * Names no person would pick, next to the output so that renames stay on one disk; folders
 * beside the output such as `dist.old-backup` are never looked at.
 */
export function workFolder(outDir: string): string {
  const out = resolve(outDir);
  return join(dirname(out), `.${basename(out)}.jianbao-work`);
}

/**
 * Lock `outDir` and clean up after builds that were killed outright (SIGKILL, power loss):
 * with the lock held, no other build owns a folder in the work folder. A build killed between
 * its renames left `<out>` missing: it is put back. Then make this build's own folder.
 */
export async function startWork(outDir: string, options: LockOptions = {}): Promise<BuildWork> {
  const work = workFolder(outDir);
  const lock = await takeLock(outDir, work, options);
  try {
    await removeLeftovers(outDir, work);
    const dir = join(work, `run-${process.pid}-${randomBytes(4).toString('hex')}`);
    await mkdir(dir);
    return {
      dir,
      lock,
      async finish() {
        // Retries: a browser that is being closed may still write its profile.
        await rm(dir, { recursive: true, force: true, maxRetries: 10 });
        lock.release();
        await rmdir(work).catch(() => undefined);
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Times `takeLock` makes the work folder again after another build removed it. */
const MAX_LOCK_ATTEMPTS = 50;

/** Take the lock in `work`, making the folder first; another build may remove it when it finishes. */
async function takeLock(outDir: string, work: string, options: LockOptions): Promise<OutputLock> {
  for (let attempt = 0; ; attempt++) {
    await mkdir(work, { recursive: true });
    try {
      return await lockOutput(outDir, join(work, 'lock'), options);
    } catch (error) {
      // Gone between the mkdir and the lock: a build that finished or was refused removed it while
      // empty. Each such removal is another build's last step, so a few builds starting at once
      // can take it from under this one several times in a row on a busy machine (three at once
      // did so more than three times under CI load); the bound only guards against a loop.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && attempt < MAX_LOCK_ATTEMPTS) continue;
      // Left only when it holds something, such as the other build's lock.
      await rmdir(work).catch(() => undefined);
      throw error;
    }
  }
}

async function removeLeftovers(outDir: string, work: string): Promise<void> {
  const own = (await readdir(work)).filter((name) => OWN.test(name));
  for (const name of own) {
    // Left to the `rm -rf` removing it, or to another one when that one was killed: never waited for.
    if (name.startsWith(OLD_PREFIX)) {
      removeDetached(join(work, name));
      continue;
    }
    const previous = join(work, name, 'previous');
    if (!existsSync(outDir) && existsSync(previous)) await rename(previous, outDir);
    await rm(join(work, name), { recursive: true, force: true });
  }
}

/**
 * Remove `old` (an `old-<pid>-<random>` folder in a work folder) with an `rm -rf` that outlives
 * the build, then the work folder once empty. Two at once on one folder are harmless: each
 * skips what the other removed.
 */
export function removeDetached(old: string): void {
  runDetached('sh', ['-c', 'rm -rf -- "$1"; rmdir -- "$2" 2>/dev/null', 'sh', old, dirname(old)]);
}

/** Start `command` in a process of its own that outlives the build, and forget it (a failure to start included). */
export function runDetached(command: string, args: readonly string[]): void {
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
}
