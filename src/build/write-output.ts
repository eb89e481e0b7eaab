import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { OutputFile } from '../render/render-pages.ts';
import { mapConcurrent } from '../util/map-concurrent.ts';
import { onInterrupt } from './interrupt.ts';
import { lockOutput } from './output-lock.ts';

/** The build was interrupted before the new output was swapped in. */
export class WriteInterruptedError extends Error {
  constructor(outDir: string) {
    super(`interrupted; ${outDir}/ is left as it was`);
    this.name = 'WriteInterruptedError';
  }
}

/** Files written at once. */
const WRITE_CONCURRENCY = 32;

/** A file already on disk (a PDF) that belongs in the output at `path`. */
export interface CopiedFile {
  readonly path: string;
  readonly source: string;
}

/**
 * Write the whole site into a sibling temporary folder, then swap it in with renames, so a
 * failed or interrupted build never leaves a half-written archive behind:
 *
 * - `<out>.lock` keeps a second build from writing at the same time (OutputLockedError);
 * - an error while writing removes the temporary folder and leaves `<out>` as it was;
 * - an interrupt (see `handleInterrupts`) stops the writing after the file in flight and does
 *   the same; once the swap has begun it is completed, a matter of two renames;
 * - leftovers of a build that was killed outright are cleaned up by the next one.
 */
export async function writeOutput(outDir: string, files: Iterable<OutputFile>, copies: readonly CopiedFile[] = []): Promise<void> {
  const lock = await lockOutput(outDir);
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const staging = `${outDir}.tmp-${stamp}`;
  const previous = `${outDir}.old-${stamp}`;
  let interrupted = false;
  let finish = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const unregister = onInterrupt(() => {
    interrupted = true;
    return finished;
  });
  const stopIfInterrupted = () => {
    if (interrupted) throw new WriteInterruptedError(outDir);
  };
  // Between the renames `<out>` is missing and its previous content waits in `previous`.
  let swapping = false;
  try {
    await removeLeftovers(outDir);
    const list = [...files];
    await mkdir(staging, { recursive: true });
    const folders = [...new Set([...list, ...copies].map((file) => dirname(join(staging, file.path))))];
    await mapConcurrent(folders, WRITE_CONCURRENCY, (folder) => mkdir(folder, { recursive: true }));
    // An interrupt stops each writer before its next file; the files in flight settle first.
    await mapConcurrent(list, WRITE_CONCURRENCY, (file) => {
      stopIfInterrupted();
      return writeFile(join(staging, file.path), file.contents);
    });
    await mapConcurrent(copies, WRITE_CONCURRENCY, (file) => {
      stopIfInterrupted();
      return copyFile(file.source, join(staging, file.path));
    });
    stopIfInterrupted();
    swapping = true;
    const hadPrevious = await rename(outDir, previous).then(() => true, (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    });
    await rename(staging, outDir);
    swapping = false;
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  } catch (error) {
    if (swapping && !existsSync(outDir) && existsSync(previous)) await rename(previous, outDir);
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
    lock.release();
    unregister();
    finish();
  }
}

/**
 * Temporary folders of builds that were killed (SIGKILL, power loss): with the lock held, no
 * other build owns one. A build killed between its renames left `<out>` missing: put it back.
 */
async function removeLeftovers(outDir: string): Promise<void> {
  const parent = dirname(outDir);
  const name = basename(outDir);
  const entries = await readdir(parent).catch(() => []);
  const olds = entries.filter((entry) => entry.startsWith(`${name}.old-`));
  const temps = entries.filter((entry) => entry.startsWith(`${name}.tmp-`));
  const [restore] = olds;
  if (restore !== undefined && !existsSync(outDir)) await rename(join(parent, restore), outDir);
  // A restored folder is no longer there; `force` skips it.
  for (const entry of [...olds, ...temps]) await rm(join(parent, entry), { recursive: true, force: true });
}
