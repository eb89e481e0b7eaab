import { type Dirent, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** A file's size, modification and change times (as `Stats.mtimeMs`, `ctimeMs`) and inode. */
export type FileStat = readonly [size: number, mtimeMs: number, ctimeMs: number, ino: number];

/** What a walk of a folder found, by path in it with `/`: symbolic links are not followed. */
export interface FolderWalk {
  /** Each plain file's stat. */
  readonly files: ReadonlyMap<string, FileStat>;
  /** The symbolic links, sorted. */
  readonly links: readonly string[];
}

// CommonJS for an eval'd worker: it needs no module of the pipeline, so no bundle or tsx either.
// Each folder's walk is posted as it is done, or its error's message.
const WALK = `
const { parentPort, workerData: roots } = require('node:worker_threads');
const { readdirSync, lstatSync } = require('node:fs');
function walk(root) {
  const files = [];
  const stats = [];
  const links = [];
  const folders = [''];
  while (folders.length > 0) {
    const folder = folders.pop();
    let entries;
    try {
      entries = readdirSync(folder === '' ? root : root + '/' + folder, { withFileTypes: true });
    } catch (error) {
      // A folder that is not there holds nothing; one that cannot be read fails the walk.
      if (folder === '' && error.code === 'ENOENT') break;
      throw error;
    }
    for (const entry of entries) {
      const path = folder === '' ? entry.name : folder + '/' + entry.name;
      if (entry.isDirectory()) folders.push(path);
      else if (entry.isSymbolicLink()) links.push(path);
      else if (entry.isFile()) {
        const found = lstatSync(root + '/' + path, { throwIfNoEntry: false });
        if (found?.isFile()) {
          files.push(path);
          stats.push(found.size, found.mtimeMs, found.ctimeMs, found.ino);
        }
      }
    }
  }
  return { files, numbers: Float64Array.from(stats), links: links.sort() };
}
for (const root of roots) {
  try {
    const found = walk(root);
    parentPort.postMessage(found, [found.numbers.buffer]);
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
}
`;

type Posted = { files: string[]; numbers: Float64Array; links: string[] } | { error: string };

/**
 * Walk the folders `dirs` one after the other on one worker thread while the build goes on, for
 * the stats of the thousands of files a rebuild compares with the last build's: the main
 * thread's stats of the 20,000 files of a 10,000-issue output took 0.6 s, the walk 0.43-0.5 s
 * beside it. One thread for all, as a second one beside the main thread on two cores slowed its
 * reading of the manifest by 0.4-0.6 s. Starting the worker takes about 80 ms, which only a few
 * thousand files repay. A walk gives undefined when it fails, as on a folder under its `dir` it
 * cannot read (the caller then looks for itself, and reports it); `dir` not there holds nothing.
 *
 * With `onPart`, each folder is walked in parts, told as they are done: this thread lists its own
 * files, and the worker walks its subfolders one after the other, the last by name first (an
 * archive's newest years, where an editor's change usually is), so that a caller can tell a
 * change before the rest is walked. Two workers sharing the subfolders were no faster for the
 * stamp's builds on two cores (1.99-2.14 s against 1.86-1.99 s with nothing changed at 10,000
 * issues), the main thread reading meanwhile.
 */
export function walkFolders(dirs: readonly string[], { onPart }: WalkOptions = {}): Promise<FolderWalk | undefined>[] {
  if (!onPart) return walkOnThread(dirs);
  const tops = dirs.map(topLevel);
  const roots = tops.flatMap((top, index) => (top ? top.folders.map((name) => `${dirs[index]}/${name}`) : []));
  const walked = new Map(walkOnThread(roots).map((walk, index) => [roots[index]!, walk]));
  return tops.map(async (top, index) => {
    if (!top) {
      onPart(index, '', undefined);
      return undefined;
    }
    onPart(index, '', { files: top.files, links: top.links });
    const parts = await Promise.all(
      top.folders.map(async (name) => {
        const part = await walked.get(`${dirs[index]}/${name}`)!;
        const found = part && prefixed(name, part);
        onPart(index, name, found);
        return found;
      }),
    );
    if (parts.some((part) => part === undefined)) return undefined;
    const files = new Map(top.files);
    const links = [...top.links];
    for (const part of parts) {
      for (const [path, stat] of part!.files) files.set(path, stat);
      links.push(...part!.links);
    }
    return { files, links: links.sort() };
  });
}

export interface WalkOptions {
  /**
   * Told each part of the folder `dirs[dir]` as it is walked, with paths from that folder: its
   * own files and links (`''`) at once, then each subfolder by name, or undefined when it could
   * not be walked. A caller can act on a part before the rest is walked.
   * @default none: each folder is walked whole
   */
  readonly onPart?: (dir: number, name: string, walk: FolderWalk | undefined) => void;
}

/** `walk` of the subfolder `name`, with paths from its parent. */
function prefixed(name: string, walk: FolderWalk): FolderWalk {
  const files = new Map<string, FileStat>();
  for (const [path, stat] of walk.files) files.set(`${name}/${path}`, stat);
  return { files, links: walk.links.map((link) => `${name}/${link}`) };
}

/** A folder's own files (stat'ed here), symbolic links and subfolders; nothing when it is not there; undefined when it cannot be read. */
function topLevel(dir: string): { files: Map<string, FileStat>; links: string[]; folders: string[] } | undefined {
  const top = { files: new Map<string, FileStat>(), links: [] as string[], folders: [] as string[] };
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? top : undefined;
  }
  for (const entry of entries) {
    if (entry.isDirectory()) top.folders.push(entry.name);
    else if (entry.isSymbolicLink()) top.links.push(entry.name);
    else if (entry.isFile()) {
      const found = lstatSync(join(dir, entry.name), { throwIfNoEntry: false });
      if (found?.isFile()) top.files.set(entry.name, [found.size, found.mtimeMs, found.ctimeMs, found.ino]);
    }
  }
  top.folders.sort().reverse();
  return top;
}

/** Walk `dirs` one after the other on one worker thread (see `walkFolders`). */
function walkOnThread(dirs: readonly string[]): Promise<FolderWalk | undefined>[] {
  const worker = new Worker(WALK, { eval: true, workerData: dirs });
  const resolvers: ((walk: FolderWalk | undefined) => void)[] = [];
  const walks = dirs.map(() => new Promise<FolderWalk | undefined>((resolve) => resolvers.push(resolve)));
  let next = 0;
  worker.on('message', (posted: Posted) => {
    resolvers[next++]?.('error' in posted ? undefined : folderWalk(posted));
  });
  // Those not posted yet: a settled promise ignores another resolve.
  const fail = () => {
    for (const resolve of resolvers) resolve(undefined);
  };
  worker.once('error', fail);
  worker.once('exit', fail);
  return walks;
}

function folderWalk({ files, numbers, links }: { files: string[]; numbers: Float64Array; links: string[] }): FolderWalk {
  const stat = (index: number): FileStat => [numbers[4 * index]!, numbers[4 * index + 1]!, numbers[4 * index + 2]!, numbers[4 * index + 3]!];
  return { files: new Map(files.map((path, index) => [path, stat(index)])), links };
}
