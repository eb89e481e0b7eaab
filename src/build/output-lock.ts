import { readFileSync, unlinkSync } from 'node:fs';
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Another build holds the output folder. */
export class OutputLockedError extends Error {
  readonly pid: number;
  constructor(outDir: string, pid: number) {
    super(`another build (pid ${pid}) is writing ${outDir}/; wait for it to finish, or delete ${outDir}.lock if no build is running`);
    this.name = 'OutputLockedError';
    this.pid = pid;
  }
}

export interface OutputLock {
  /** `<out>.lock`. */
  readonly path: string;
  /** Remove the lock if it is still ours; synchronous, so an interrupt handler can call it. */
  release(): void;
}

/**
 * Take `<out>.lock`, holding this process's pid, so that two builds never write one output
 * folder at once. A lock whose pid is no longer running is stale and taken over.
 */
export async function lockOutput(outDir: string): Promise<OutputLock> {
  const path = `${outDir}.lock`;
  await mkdir(dirname(path), { recursive: true });
  const token = `${process.pid}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(token);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw error;
    }
    const held = await readFile(path, 'utf8').catch(() => '');
    const pid = Number.parseInt(held, 10);
    // Another build in this process counts as another build too.
    if (Number.isInteger(pid) && pid > 0 && running(pid)) throw new OutputLockedError(outDir, pid);
    // Stale: take it over, unless someone else just did.
    if ((await readFile(path, 'utf8').catch(() => '')) === held) await unlink(path).catch(() => undefined);
  }
  let held = true;
  return {
    path,
    release() {
      if (!held) return;
      held = false;
      try {
        if (readFileSync(path, 'utf8') === token) unlinkSync(path);
      } catch {
        // Already gone.
      }
    },
  };
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
