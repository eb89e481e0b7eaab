import { existsSync, lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FolderWalk } from '../util/walk-folder.ts';
import { removeDetached, runDetached } from './work-folder.ts';

/**
 * Where the output the last build replaced is kept for the next build to start its new output
 * from, rather than removed: `.<out>.jianbao-work/spare/`, beside `work`, the build's own folder
 * (see `startWork`). Made up to date with the output by linking in the files that build wrote, it
 * is the new output's seed (see `seedOutput`) for a few links instead of a link for every file
 * and a folder for every issue: at 10,000 issues `cp -al` took 2.3–3.5 s of system time to link
 * 20,950 entries here, 2.8 s of it making the 10,471 folders (strace), and the `rm -rf` of the
 * replaced output as long again.
 */
export function spareFolder(work: string): string {
  return join(dirname(work), 'spare');
}

/** The spare being made the new output's seed: `done` is true once it matches the output. */
export interface SpareUpdate {
  readonly done: Promise<boolean>;
  /** Stop updating it; `done` is then false. */
  stop(): Promise<void>;
}

/**
 * Move the spare beside the build's folder `work`, when there is one, to `staging` and make it
 * hold what the output `outDir` holds as `walk` found it: the output's own files, hard-linked and
 * told by their inode (see UPDATE). Undefined when there is no spare.
 */
export function takeSpare(outDir: string, work: string, staging: string, walk: Promise<FolderWalk | undefined>): SpareUpdate | undefined {
  // Only a folder of its own: the update removes what the folder holds beyond the output, so a
  // symbolic link there, to wherever, is never followed.
  const spare = spareFolder(work);
  if (!lstatSync(spare, { throwIfNoEntry: false })?.isDirectory()) return undefined;
  try {
    renameSync(spare, staging);
  } catch {
    return undefined;
  }
  if (!lstatSync(staging).isDirectory()) {
    rmSync(staging, { force: true });
    return undefined;
  }
  // Started at once: it walks the spare while the output is walked.
  const worker = new Worker(UPDATE, { eval: true, workerData: { staging, output: outDir } });
  const updated = new Promise<boolean>((resolve) => {
    worker.once('message', (posted: { error?: string }) => resolve(posted.error === undefined));
    worker.once('error', () => resolve(false));
    worker.once('exit', () => resolve(false));
  });
  const done = walk.then(async (found) => {
    if (!found) {
      await worker.terminate();
      return false;
    }
    const files = [...found.files.keys()];
    const inodes = Float64Array.from(files, (path) => found.files.get(path)![3]);
    worker.postMessage({ files, inodes, links: found.links }, [inodes.buffer]);
    return updated;
  });
  return {
    done,
    async stop() {
      await worker.terminate();
      await done;
    },
  };
}

/**
 * Keep `folder` (the output a seeded build swapped out, or its new output when it failed) as the
 * next build's spare, beside the build's folder `work`; false when it cannot be (the caller
 * removes it then).
 */
export async function keepSpare(folder: string, work: string): Promise<boolean> {
  const spare = spareFolder(work);
  const kept = await rename(folder, spare).then(
    () => true,
    () => false,
  );
  if (kept) ignored(spare);
  return kept;
}

/**
 * Keep the spare out of git's way, as the output itself is: a `.gitignore` ignoring all of it, a
 * file the next build's update removes with the rest the output lacks.
 */
function ignored(spare: string): void {
  try {
    writeFileSync(join(spare, '.gitignore'), '# The output the last jianbao build replaced, kept for the next to start from.\n*\n');
  } catch {
    // Only git's view of the folder is at stake.
  }
}

/**
 * Make the spare beside the build's folder `work` from the output `outDir` by a `cp -al` that
 * outlives the build (see `OpenOutputOptions.spareInBackground`): 2.3–3.5 s of system time at
 * 10,000 issues, on the other core as the build saves its cache and after it returned, rather
 * than in the next build. Linux only (GNU `cp`). A build that takes it before it is complete
 * takes what is there: a spare of any part of the output is brought up to date alike.
 */
export function makeSpare(outDir: string, work: string): void {
  const spare = spareFolder(work);
  if (process.platform !== 'linux' || existsSync(spare)) return;
  // Made and ignored first: `cp -alT` links the output into it.
  try {
    mkdirSync(spare);
  } catch {
    return;
  }
  ignored(spare);
  runDetached('cp', ['-alT', '--', outDir, spare]);
}

/** Remove the spare beside the build's folder `work` in the background: a build that does not start from it leaves it stale. */
export function dropSpare(work: string): void {
  if (existsSync(spareFolder(work))) removeDetached(spareFolder(work));
}

// CommonJS for an eval'd worker, as walk-folder.ts's: synchronous calls, one after another, on
// another core while the build loads and checks the content, the spare walked while the output
// is, and brought up to date once the output's listing comes. The spare's walk tells each file's
// inode: a file of the output's that the spare holds under the same inode is that very file,
// linked there by the build that wrote it (or by `cp -al`). What the spare holds besides is
// removed first (so that a folder can take a file's place, and a file a folder's), then each
// file it lacks is linked in from the output.
const UPDATE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readdirSync, lstatSync, linkSync, mkdirSync, rmSync } = require('node:fs');
const { staging, output } = workerData;
const held = new Map();
const folders = [];
function walk() {
  const stack = [''];
  while (stack.length > 0) {
    const folder = stack.pop();
    for (const entry of readdirSync(folder === '' ? staging : staging + '/' + folder, { withFileTypes: true })) {
      const path = folder === '' ? entry.name : folder + '/' + entry.name;
      if (entry.isDirectory()) {
        folders.push(path);
        stack.push(path);
      } else held.set(path, entry.isFile() ? lstatSync(staging + '/' + path).ino : -1);
    }
  }
}
function update({ files, inodes, links }) {
  const missing = [...links];
  for (let index = 0; index < files.length; index++) {
    if (held.get(files[index]) === inodes[index]) held.delete(files[index]);
    else missing.push(files[index]);
  }
  for (const path of held.keys()) rmSync(staging + '/' + path, { force: true });
  const needed = new Set();
  for (const path of [...files, ...links]) {
    for (let end = path.lastIndexOf('/'); end > 0; end = path.lastIndexOf('/', end - 1)) needed.add(path.slice(0, end));
  }
  const present = new Set();
  for (const folder of folders) {
    if (needed.has(folder)) present.add(folder);
    else rmSync(staging + '/' + folder, { recursive: true, force: true });
  }
  for (const path of missing) {
    const end = path.lastIndexOf('/');
    const folder = end > 0 ? path.slice(0, end) : '';
    if (folder !== '' && !present.has(folder)) {
      mkdirSync(staging + '/' + folder, { recursive: true });
      present.add(folder);
    }
    try {
      linkSync(output + '/' + path, staging + '/' + path);
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // Put there meanwhile, as by the cp -al of a spare still being made: replaced by the output's.
      rmSync(staging + '/' + path, { recursive: true, force: true });
      linkSync(output + '/' + path, staging + '/' + path);
    }
  }
}
let failure;
try {
  walk();
} catch (error) {
  failure = String(error);
}
parentPort.once('message', (listing) => {
  try {
    if (failure === undefined) update(listing);
  } catch (error) {
    failure = String(error);
  }
  parentPort.postMessage({ error: failure });
});
`;
