import { constants, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { OutputFile } from '../model.ts';
import { onInterrupt } from '../util/interrupt.ts';
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from './output-folder.ts';

/** The build was interrupted before the new output was swapped in. */
export class WriteInterruptedError extends Error {
  constructor(outDir: string) {
    super(`interrupted; ${outDir}/ is left as it was`);
    this.name = 'WriteInterruptedError';
  }
}

/** Files written between two looks at an interrupt. */
const BATCH = 100;

/** A file already on disk (a PDF) that belongs in the output at `path`. */
export interface CopiedFile {
  readonly path: string;
  readonly source: string;
  /**
   * The source is the build's own file (a PDF in its work folder, never shared with the cache),
   * so it may be hard-linked rather than copied; content files are always copied.
   * @default false
   */
  readonly link?: boolean;
}

/**
 * Write the whole site into `<work>/site`, then swap it in with renames, so a failed or
 * interrupted build never leaves a half-written archive behind. `work` is the build's own folder
 * beside the output (see `startWork`, which also holds the lock on the output folder and cleans
 * up after builds that were killed). A file the output being replaced already holds byte for
 * byte is hard-linked from there rather than written. Every output gets OUTPUT_MARKER, which
 * lets the next build replace it.
 *
 * - an error while writing removes `<work>/site` and leaves `<out>` as it was;
 * - an interrupt (see `handleInterrupts`) stops the writing after the file in flight and does
 *   the same; once the swap has begun it is completed, a matter of two renames.
 */
export async function writeOutput(outDir: string, files: Iterable<OutputFile>, copies: readonly CopiedFile[], work: string): Promise<void> {
  const staging = join(work, 'site');
  const previous = join(work, 'previous');
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
    const list = [...files, { path: OUTPUT_MARKER, contents: OUTPUT_MARKER_TEXT }];
    await mkdir(staging, { recursive: true });
    const folders = [...new Set([...list, ...copies].map((file) => dirname(join(staging, file.path))))];
    // Synchronous calls in batches: for thousands of small files they beat the thread pool's
    // round trips several times over, and an interrupt is still seen between batches.
    await inBatches(folders, (folder) => mkdirSync(folder, { recursive: true }), stopIfInterrupted);
    // The files of the output being replaced, linked where they hold the same bytes.
    const replaced = existsSync(outDir);
    const before = (path: string) => (replaced ? join(outDir, path) : undefined);
    await inBatches(list, (file) => write(file.contents, join(staging, file.path), before(file.path)), stopIfInterrupted);
    await inBatches(copies, (file) => place(file, join(staging, file.path), before(file.path)), stopIfInterrupted);
    stopIfInterrupted();
    swapping = true;
    const hadPrevious = await rename(outDir, previous).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    await rename(staging, outDir);
    swapping = false;
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  } catch (error) {
    if (swapping && !existsSync(outDir) && existsSync(previous)) await rename(previous, outDir);
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
    unregister();
    finish();
  }
}

/** Run `write` over `items`, yielding to the event loop (and checking `check`) every BATCH items. */
async function inBatches<T>(items: readonly T[], write: (item: T) => void, check: () => void): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH) {
    check();
    for (const item of items.slice(start, start + BATCH)) write(item);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * Write `contents` at `target`, or hard-link the previous build's file when it holds the same
 * bytes: a rebuild after a small change then writes only what changed, unchanged files keep
 * their modification times, and removing the previous output frees only the replaced files.
 */
function write(contents: string | Uint8Array, target: string, previous: string | undefined): void {
  if (previous !== undefined && holds(previous, contents) && tryLink(previous, target)) return;
  fresh(target, () => writeFileSync(target, contents, { flag: 'wx' }));
}

function place(file: CopiedFile, target: string, previous: string | undefined): void {
  if (file.link && tryLink(file.source, target)) return;
  if (!file.link && previous !== undefined && sameFiles(previous, file.source) && tryLink(previous, target)) return;
  fresh(target, () => copyFileSync(file.source, target, constants.COPYFILE_EXCL));
}

/**
 * Create `target` with `create`, which fails when it exists. A second file at the same path
 * replaces the first by a new file, never by writing into it: it may be a link to the output
 * being replaced, which must stay as it was until the swap.
 */
function fresh(target: string, create: () => void): void {
  try {
    create();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    rmSync(target);
    create();
  }
}

/** False where hard links are impossible (another file system, FAT). */
function tryLink(source: string, target: string): boolean {
  try {
    linkSync(source, target);
    return true;
  } catch {
    return false;
  }
}

/** Whether `path` is a plain file (no symlink) holding exactly `contents`; read only when sizes match. */
function holds(path: string, contents: string | Uint8Array): boolean {
  const size = typeof contents === 'string' ? Buffer.byteLength(contents) : contents.byteLength;
  return plainFileSize(path) === size && readFileSync(path).equals(typeof contents === 'string' ? Buffer.from(contents) : contents);
}

/** Whether `previous` is a plain file with the same bytes as `source`. */
function sameFiles(previous: string, source: string): boolean {
  const size = plainFileSize(previous);
  return size !== undefined && size === statSync(source).size && readFileSync(previous).equals(readFileSync(source));
}

function plainFileSize(path: string): number | undefined {
  const found = lstatSync(path, { throwIfNoEntry: false });
  return found?.isFile() ? found.size : undefined;
}
