import { randomBytes } from 'node:crypto';
import { constants, readFileSync, unlinkSync, utimesSync } from 'node:fs';
import { copyFile, link, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';

/** Who holds a lock: enough to tell a live build from a dead one, on this machine or another. */
export interface LockHolder {
  readonly host: string;
  readonly pid: number;
  /** Tells this build's lock from a later one with the same host and pid. */
  readonly token: string;
  /** When the build started, as an ISO date. */
  readonly started: string;
}

/** Another build holds the output folder. */
export class OutputLockedError extends Error {
  readonly holder: LockHolder | undefined;
  constructor(outDir: string, path: string, holder: LockHolder | undefined) {
    const who = holder ? `another build (pid ${holder.pid} on ${holder.host}, started ${holder.started})` : 'another build';
    super(`${who} is writing ${outDir}/; wait for it to finish, or delete ${path} if no build is running`);
    this.name = 'OutputLockedError';
    this.holder = holder;
  }
}

export interface OutputLock {
  readonly path: string;
  /** Remove the lock if it is still ours; synchronous, so an interrupt handler can call it. */
  release(): void;
}

export interface LockOptions {
  /**
   * How often the holder touches the lock, so builds on other machines see it is alive.
   * @default 30_000
   */
  readonly heartbeatMs?: number;
  /**
   * How long a lock from another machine (whose pid cannot be checked) or an unreadable lock
   * must go untouched before it counts as left by a dead build.
   * @default 600_000, twenty missed heartbeats
   */
  readonly staleMs?: number;
}

const defaults = { heartbeatMs: 30_000, staleMs: 600_000 };

/**
 * Take the lock at `path` for a build of `outDir`, so that two builds never work on one output
 * folder at once. The lock names its holder (host, pid, a random token, start time) and is
 * created whole, by hard-linking a finished file to its name, which is atomic on local and
 * network file systems alike (NFS included, where exclusive creation is not always). A lock is
 * taken over only when it is stale: from this host with its pid no longer running, or, when the
 * pid cannot be checked (another host, or an unreadable lock), untouched for `staleMs` while its
 * holder touches it every `heartbeatMs`. Throws OutputLockedError otherwise.
 */
export async function lockOutput(outDir: string, path: string, options: LockOptions = {}): Promise<OutputLock> {
  const { heartbeatMs, staleMs } = { ...defaults, ...options };
  const holder: LockHolder = { host: hostname(), pid: process.pid, token: randomBytes(8).toString('hex'), started: new Date().toISOString() };
  const text = `${JSON.stringify(holder)}\n`;
  for (let attempt = 0; ; attempt++) {
    if (await create(path, text)) break;
    if (attempt > 2) throw new OutputLockedError(outDir, path, undefined);
    const held = await readFile(path, 'utf8').catch(() => undefined);
    // Released in the meantime: try again.
    if (held === undefined) continue;
    const other = parseHolder(held);
    if (!(await isStale(path, other, staleMs))) throw new OutputLockedError(outDir, path, other);
    // Stale: take it over, unless another build just did.
    if ((await readFile(path, 'utf8').catch(() => undefined)) === held) await unlink(path).catch(() => undefined);
  }
  const heartbeat = setInterval(() => {
    const now = new Date();
    try {
      utimesSync(path, now, now);
    } catch {
      // Gone: release() has nothing to do either.
    }
  }, heartbeatMs);
  heartbeat.unref();
  let held = true;
  return {
    path,
    release() {
      if (!held) return;
      held = false;
      clearInterval(heartbeat);
      try {
        if (readFileSync(path, 'utf8') === text) unlinkSync(path);
      } catch {
        // Already gone.
      }
    },
  };
}

/** Create `path` holding `text`, whole or not at all; false when it exists. */
async function create(path: string, text: string): Promise<boolean> {
  const draft = `${path}.${process.pid}-${randomBytes(4).toString('hex')}`;
  await writeFile(draft, text);
  try {
    await link(draft, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links (FAT, some SMB shares): exclusive creation instead.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    return copyFile(draft, path, constants.COPYFILE_EXCL).then(
      () => true,
      (copyError: NodeJS.ErrnoException) => {
        if (copyError.code === 'EEXIST') return false;
        throw copyError;
      },
    );
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder> | null;
    const valid = typeof value?.host === 'string' && Number.isInteger(value.pid) && typeof value.token === 'string' && typeof value.started === 'string';
    return valid ? (value as LockHolder) : undefined;
  } catch {
    return undefined;
  }
}

async function isStale(path: string, holder: LockHolder | undefined, staleMs: number): Promise<boolean> {
  // A build in this very process counts as another build too: its pid is running.
  if (holder?.host === hostname()) return !running(holder.pid);
  const touched = await stat(path).then(
    (found) => found.mtimeMs,
    () => undefined,
  );
  return touched !== undefined && Date.now() - touched > staleMs;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
