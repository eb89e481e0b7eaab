import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { OutputFile } from '../model.ts';
import { onInterrupt } from '../util/interrupt.ts';
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from './output-folder.ts';
import { OLD_PREFIX, removeDetached } from './work-folder.ts';
import { keepSpare, makeSpare, takeSpare } from './spare-output.ts';
import type { FolderWalk } from '../util/walk-folder.ts';

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
 * The new output, written file by file as the build makes it into `<work>/site` and swapped in
 * by `commit`, so a failed or interrupted build never leaves a half-written archive behind and
 * no page waits in memory for the others. `work` is the build's own folder beside the output
 * (see `startWork`, which also holds the lock on the output folder and cleans up after builds
 * that were killed). A file the output being replaced already holds byte for byte is
 * hard-linked from there rather than written. Every output gets OUTPUT_MARKER, which lets the
 * next build replace it.
 *
 * - an error while writing, or `close` before `commit`, removes `<work>/site` and leaves `<out>`
 *   as it was;
 * - an interrupt (see `handleInterrupts`) makes the next write or pause throw
 *   WriteInterruptedError; once the swap has begun it is completed, a matter of two renames.
 */
export interface OutputWriter {
  /** The folder the new output is written into (`<work>/site`). */
  readonly dir: string;
  /** Write `file` now, or link the previous output's file when it holds the same bytes; gives the bytes. */
  write(file: OutputFile): Buffer;
  /**
   * Place a file already on disk (a CSV, a PDF) at `file.path`; true when that is a hard link to
   * `file.source` (one to `link`), so that the file is the source itself, size and times.
   */
  copy(file: CopiedFile): boolean;
  /**
   * Make these folders of the new output (paths in it) ahead of the files written into them, on
   * the thread pool while the build goes on: a folder costs the file system several times what a
   * link does, and an archive has a folder an issue. A read through the thread pool waits for
   * them meanwhile.
   */
  prepare(folders: Iterable<string>): void;
  /** Yield to the event loop after every BATCH files, so that an interrupt is seen; throws once there was one. */
  pause(): Promise<void>;
  /** Swap the new output in. */
  commit(): Promise<void>;
  /** Remove what is left of the new output (all of it when not committed); always call it. */
  close(): Promise<void>;
}

export interface OpenOutputOptions {
  /**
   * Leave the output swapped out to an `rm -rf` that runs on after the build (`removeInBackground`)
   * rather than wait for it at `close`; not on Windows, where Node removes it.
   * @default false
   */
  readonly removeInBackground?: boolean;
  /**
   * The new output as `seedOutput` started it, from the output being replaced: the writer then
   * leaves in place what it already holds and removes at `commit` what the build did not write.
   * @default none: the new output starts empty
   */
  readonly seed?: OutputSeed | undefined;
  /**
   * When the new output is not seeded, make the next build's spare of it once it is swapped in
   * (see spare-output.ts), by a `cp -al` that runs on after the build: for an output the next
   * build will walk, from the CLI, as `removeInBackground`. A seeded output's spare is the output
   * it replaced.
   * @default false
   */
  readonly spareInBackground?: boolean;
}

/**
 * The output being replaced, hard-linked file by file into the new output's folder in another
 * process or thread, started once the build knows it has something to write and before it has
 * anything: on another core while the build loads and checks the content, rather than one link
 * a kept file on the build's own. From the spare the last build left (see spare-output.ts), that
 * is a few links; without one, `cp -al` links every file and makes every folder (at 10,000
 * issues 20,000 links and 10,000 folders, 0.9–3.5 s here).
 */
export interface OutputSeed {
  /** True once every file is linked in; false when that failed, and nothing of it is left. */
  readonly done: Promise<boolean>;
  /** The files and symbolic links the seed holds, by path in the output (as a walk of it found them). */
  readonly files: Promise<Iterable<string> | undefined>;
  /** Stop the copying and remove what it made; for a build that ends before it opens its output. */
  discard(): Promise<void>;
}

/**
 * Start `seed` for the output `outDir` in the build's folder `work` (see `OutputSeed`), or none
 * where there is no `cp -al` (GNU cp: Linux) or nothing to seed from. `walk` is what `outDir`
 * holds; without it the seed is discarded, as stale files could not be told.
 */
export function seedOutput(outDir: string, work: string, walk: Promise<FolderWalk | undefined>): OutputSeed | undefined {
  // A folder of its own: `cp -a` would copy a symbolic link to one as the link.
  if (process.platform !== 'linux' || !lstatSync(outDir, { throwIfNoEntry: false })?.isDirectory()) return undefined;
  const staging = join(work, 'site');
  const files = walk.then((found) => found && [...found.files.keys(), ...found.links]);
  const spare = takeSpare(outDir, work, staging, walk);
  const child = spare ? undefined : spawn('cp', ['-alT', '--', outDir, staging], { stdio: 'ignore' });
  const copied =
    spare?.done ??
    new Promise<boolean>((resolve) => {
      child!.on('error', () => resolve(false));
      child!.on('close', (code) => resolve(code === 0));
    });
  let discarded = false;
  const discard = async () => {
    discarded = true;
    forget();
    child?.kill('SIGKILL');
    await spare?.stop();
    await done;
    // What it linked, all or part, is a spare as good as any for the next build (see spare-output.ts).
    if (existsSync(staging) && !(await keepSpare(staging, work))) await removeTree(staging);
  };
  // An interrupt stops it before the build's folder is removed (see `runInterruptCleanups`).
  const forget = onInterrupt(discard);
  const done = Promise.all([copied, files]).then(async ([copied, listed]) => {
    if (copied && listed !== undefined) return true;
    if (!discarded) await removeTree(staging);
    return false;
  });
  done.then(forget, forget);
  return { done, files, discard };
}

/** Start a new output for `outDir` in the build's folder `work` (see `OutputWriter`). */
export async function openOutput(outDir: string, work: string, options: OpenOutputOptions = {}): Promise<OutputWriter> {
  const staging = join(work, 'site');
  const previous = join(work, 'previous');
  let interrupted = false;
  let swap: Promise<void> | undefined;
  // The removal of the output replaced, once swapped out: it runs while the build goes on.
  let removal: Promise<void> | undefined;
  const unregister = onInterrupt(() => {
    interrupted = true;
    // Writes are synchronous, so none is in flight here; a swap that has begun is completed, and
    // the folder it freed removed before the build's folder is.
    return swap?.then(() => removal).catch(() => undefined);
  });
  const stopIfInterrupted = () => {
    if (interrupted) throw new WriteInterruptedError(outDir);
  };
  // Seeded: the new output holds the files of the output being replaced, linked, until `commit`
  // removes those the build did not write.
  const seeded = options.seed && (await options.seed.done) ? new Set(await options.seed.files) : undefined;
  const seededFolders = seeded && foldersOf(seeded);
  await mkdir(staging, { recursive: true });
  // The files of the output being replaced, linked where they hold the same bytes.
  const replaced = existsSync(outDir);
  const before = (path: string) => (replaced ? join(outDir, path) : undefined);
  const folders = new Set<string>([staging]);
  // Folders being made by `prepare`: awaited before the swap, or the removal of what was written.
  const preparing: Promise<void>[] = [];
  // What this build placed, by path: in a seeded output, the rest was only linked in.
  const placed = new Set<string>();
  const target = (path: string) => {
    stopIfInterrupted();
    const file = join(staging, path);
    const folder = dirname(file);
    // What the seed put in the way, removed: in a seeded output, an existing file is the seed's.
    if (seeded && !placed.has(path)) clearSeeded(path, !folders.has(folder));
    placed.add(path);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    return file;
  };
  /**
   * The seed's file at `path` (a link, which is never written into), or a folder of the seed's
   * there holding nothing this build wrote; with `folders`, a file of the seed's where `path`
   * needs a folder. What this build wrote stays, to fail as it would without a seed.
   */
  const clearSeeded = (path: string, folders: boolean) => {
    const file = join(staging, path);
    if (seeded!.has(path)) rmSync(file, { force: true });
    else if (seededFolders!.has(path) && !anyUnder(placed, path)) rmSync(file, { recursive: true, force: true });
    if (!folders) return;
    for (let folder = dirname(path); folder !== '.'; folder = dirname(folder)) {
      if (seeded!.has(folder) && !placed.has(folder)) rmSync(join(staging, folder), { force: true });
    }
  };
  // The seed's file at `path`, kept when `same` (given the output being replaced's file) says so.
  const keepSeeded = (path: string, previous: string | undefined, same: (previous: string) => boolean) => {
    if (!seeded?.has(path) || placed.has(path) || previous === undefined || !same(previous)) return false;
    stopIfInterrupted();
    placed.add(path);
    return true;
  };
  let unpaused = 0;
  const writer: OutputWriter = {
    dir: staging,
    write(file) {
      const bytes =
        typeof file.contents === 'string' ? Buffer.from(file.contents) : Buffer.from(file.contents.buffer, file.contents.byteOffset, file.contents.byteLength);
      const previous = before(file.path);
      if (!keepSeeded(file.path, previous, (previous) => holds(previous, bytes))) write(bytes, target(file.path), previous);
      unpaused++;
      return bytes;
    },
    copy(file) {
      const previous = before(file.path);
      // The output being replaced's file, linked (as `BuildCache.keptPage` gives it), or a copy
      // of the same bytes: the seed linked it.
      const kept = keepSeeded(file.path, previous, (previous) => (file.link ? resolve(file.source) === resolve(previous) : sameFiles(previous, file.source)));
      const linked = kept ? file.link === true : place(file, target(file.path), previous);
      unpaused++;
      return linked;
    },
    prepare(paths) {
      // A seeded output has the folders of the output it replaces.
      if (seeded) return;
      // As `target` names them: resolved, without a trailing separator.
      const wanted = [...new Set([...paths].map((path) => resolve(staging, path)))].filter((folder) => !folders.has(folder));
      const made = (folder: string) => () => void folders.add(folder);
      // Their parents first (the years), so that each folder is then made by one call. One that
      // fails is made, or its failure thrown, by the first file written into it.
      const parents = [...new Set(wanted.map((folder) => dirname(folder)))].filter((folder) => !folders.has(folder));
      preparing.push(
        Promise.all(parents.map((folder) => mkdir(folder, { recursive: true }).then(made(folder), () => undefined))).then(() =>
          Promise.all(wanted.map((folder) => mkdir(folder).then(made(folder), () => undefined))).then(() => undefined),
        ),
      );
    },
    // Synchronous writes between pauses: for thousands of small files they beat the thread
    // pool's round trips several times over, and an interrupt is still seen between batches.
    async pause() {
      stopIfInterrupted();
      if (unpaused < BATCH) return;
      unpaused = 0;
      await new Promise<void>((resolve) => setImmediate(resolve));
      stopIfInterrupted();
    },
    commit() {
      writer.write({ path: OUTPUT_MARKER, contents: OUTPUT_MARKER_TEXT });
      swap = Promise.all(preparing).then(async () => {
        if (seeded) removeUnwritten(staging, seeded, placed);
        const replaced = await swapIn(outDir, staging, previous);
        // A seeded output's predecessor is kept for the next build to start from (see spare-output.ts).
        if (replaced && !(seeded && (await keepSpare(previous, work)))) {
          removal = options.removeInBackground && process.platform !== 'win32' ? removeInBackground(previous) : removeTree(previous);
        }
        if (!seeded && options.spareInBackground) makeSpare(outDir, work);
      });
      return swap;
    },
    async close() {
      try {
        await Promise.all(preparing);
        await swap?.catch(() => undefined);
        await removal;
        // A seeded output not swapped in (a build that failed) is a spare as good as any: the next
        // build links in what it lacks. Else an `rm -rf`, which removes a seeded one faster.
        if (seeded && existsSync(staging) && (await keepSpare(staging, work))) return;
        await (seeded ? removeTree(staging) : rm(staging, { recursive: true, force: true }));
      } finally {
        unregister();
      }
    },
  };
  return writer;
}

/**
 * `staging` becomes `outDir` by two renames; the output it replaces waits in `previous` between
 * them, and is left there (true) for the caller to remove.
 */
async function swapIn(outDir: string, staging: string, previous: string): Promise<boolean> {
  let swapping = true;
  try {
    const hadPrevious = await rename(outDir, previous).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    await rename(staging, outDir);
    swapping = false;
    return hadPrevious;
  } catch (error) {
    if (swapping && !existsSync(outDir) && existsSync(previous)) await rename(previous, outDir);
    throw error;
  }
}

/**
 * Remove the folder at `path` in another process, so that the build goes on meanwhile on
 * another core: `rm -rf` removes an output of 10,000 issues with a third of the CPU time of
 * Node's recursive `rm` (1 s here). Node's where there is no `rm` (Windows) or it failed.
 */
function removeTree(path: string): Promise<void> {
  const inNode = () => rm(path, { recursive: true, force: true });
  if (process.platform === 'win32') return inNode();
  return new Promise<void>((resolve) => execFile('rm', ['-rf', '--', path], () => resolve())).then(() => (existsSync(path) ? inNode() : undefined));
}

/**
 * Move the folder at `previous` (in a build's own folder) beside it as `old-<pid>-<random>` and
 * remove it with an `rm -rf` that outlives the build: on ext4 here removing the 31,000 entries of
 * an output of 10,000 issues takes 2.2 s of wall time but 0.55 s of CPU, most of it waiting on the
 * disk, which a one-change rebuild otherwise waited for at its end. The work folder goes with it
 * once empty; the next build removes what it left (see `startWork`).
 */
async function removeInBackground(previous: string): Promise<void> {
  const old = join(dirname(dirname(previous)), `${OLD_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
  await rename(previous, old);
  removeDetached(old);
}

/** A whole output at once: `files`, then `copies`, swapped in (see `openOutput`). */
export async function writeOutput(outDir: string, files: Iterable<OutputFile>, copies: readonly CopiedFile[], work: string): Promise<void> {
  const output = await openOutput(outDir, work);
  try {
    for (const file of files) {
      output.write(file);
      await output.pause();
    }
    for (const file of copies) {
      output.copy(file);
      await output.pause();
    }
    await output.commit();
  } finally {
    await output.close();
  }
}

/**
 * Write `contents` at `target`, or hard-link the previous build's file when it holds the same
 * bytes: a rebuild after a small change then writes only what changed, unchanged files keep
 * their modification times, and removing the previous output frees only the replaced files.
 */
function write(contents: Buffer, target: string, previous: string | undefined): void {
  if (previous !== undefined && holds(previous, contents) && tryLink(previous, target)) return;
  fresh(target, () => writeFileSync(target, contents, { flag: 'wx' }));
}

/** Place `file` at `target` (see `OutputWriter.copy`); true when linked to its source. */
function place(file: CopiedFile, target: string, previous: string | undefined): boolean {
  if (file.link && tryLink(file.source, target)) return true;
  if (!file.link && previous !== undefined && sameFiles(previous, file.source) && tryLink(previous, target)) return false;
  fresh(target, () => copyFileSync(file.source, target, constants.COPYFILE_EXCL));
  return false;
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

/** Every folder that holds one of `paths` (paths in a folder, with `/`), at any depth. */
function foldersOf(paths: Iterable<string>): Set<string> {
  const folders = new Set<string>();
  for (const path of paths) {
    for (let folder = dirname(path); folder !== '.' && !folders.has(folder); folder = dirname(folder)) folders.add(folder);
  }
  return folders;
}

/** Whether one of `paths` is inside the folder `folder`. */
function anyUnder(paths: Iterable<string>, folder: string): boolean {
  for (const path of paths) if (path.startsWith(`${folder}/`)) return true;
  return false;
}

/**
 * Remove from a seeded output (`staging`) the files of the output it replaced (`seeded`) that
 * this build did not write (`placed`), then the folders that leaves empty.
 */
function removeUnwritten(staging: string, seeded: Iterable<string>, placed: ReadonlySet<string>): void {
  const emptied = new Set<string>();
  for (const path of seeded) {
    if (placed.has(path)) continue;
    try {
      // Not a folder: one there now is this build's, made where the seed had a file.
      rmSync(join(staging, path), { force: true });
    } catch {
      continue;
    }
    emptied.add(dirname(join(staging, path)));
  }
  // Deepest first, each then its parents, up to the first that still holds something.
  for (const start of [...emptied].sort((a, b) => b.length - a.length)) {
    for (let folder = start; folder.length > staging.length; folder = dirname(folder)) {
      try {
        rmdirSync(folder);
      } catch {
        break;
      }
    }
  }
}

/** Whether `path` is a plain file (no symlink) holding exactly `contents`; read only when sizes match. */
function holds(path: string, contents: Buffer): boolean {
  return plainFileSize(path) === contents.byteLength && readFileSync(path).equals(contents);
}

/** Whether `previous` is a plain file with the same bytes as `source`. */
function sameFiles(previous: string, source: string): boolean {
  const size = plainFileSize(previous);
  return size !== undefined && size === statSync(source).size && readFileSync(previous).equals(readFileSync(source));
}

function plainFileSize(path: string): number | undefined {
  try {
    const found = lstatSync(path, { throwIfNoEntry: false });
    return found?.isFile() ? found.size : undefined;
  } catch (error) {
    // A file where the path has a folder (the previous output had `a`, this one has `a/b.html`).
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}
