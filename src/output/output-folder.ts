import { closeSync, lstatSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { join, parse } from 'node:path';
import { isInside, realPathThrough } from '../util/inside.ts';

/** The file every output folder gets: a folder that holds it was written by jianbao and may be replaced. */
export const OUTPUT_MARKER = '.jianbao-output';

export const OUTPUT_MARKER_TEXT = `This folder was written by jianbao build, which replaces it as a whole on every build:
do not keep other files here. jianbao builds only into a new or empty folder, or into one
that holds this file.
`;

/** The output given would replace files that are not the build's own; nothing was done. */
export class OutputFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputFolderError';
  }
}

export interface ProtectedFolders {
  readonly contentDir: string;
  readonly templatesDir: string;
  /** The build caches read or written. @default [] */
  readonly cacheDirs?: readonly string[];
}

/** A folder the output must keep clear of; `inside` when the output may not lie below it either. */
interface Guarded {
  readonly name: string;
  readonly path: string;
  readonly inside: boolean;
}

/**
 * Refuse, before any work is done, an output folder whose replacement would delete what is not
 * the build's own: one that is, holds or lies inside the content, templates or cache folder; is
 * or holds the current folder, the home folder or `/`; is a file; or holds files although it has
 * no OUTPUT_MARKER (it was not written by jianbao). A new or empty folder is fine.
 */
export function checkOutputFolder(outDir: string, folders: ProtectedFolders): void {
  const out = realPathThrough(outDir);
  const refuse = (reason: string, advice = 'Pass --out a new or empty folder of its own, such as dist.') =>
    new OutputFolderError(`${outDir}: refusing to use this as the output folder: ${reason}, and a build replaces its output folder as a whole. ${advice}`);
  const guarded: Guarded[] = [
    { name: 'the root folder', path: parse(out).root, inside: false },
    { name: `the home folder ${homedir()}`, path: realPathThrough(homedir()), inside: false },
    { name: `the current folder ${process.cwd()}`, path: realPathThrough('.'), inside: false },
    ...contentAndTemplates(folders),
    ...(folders.cacheDirs ?? []).map((dir) => ({ name: `the build cache ${dir}`, path: realPathThrough(dir), inside: true })),
  ];
  for (const folder of guarded) {
    if (isInside(out, folder.path)) throw refuse(`it ${out === folder.path ? 'is' : 'holds'} ${folder.name}`);
    if (folder.inside && isInside(folder.path, out)) throw refuse(`it is inside ${folder.name}`);
  }
  const found = statOrNotDir(out);
  if (found === 'under a file') throw refuse('a folder on its path is a file');
  if (found === undefined) return;
  if (!found.isDirectory()) throw refuse('it is a file, not a folder');
  const entries = readdirSync(out);
  if (entries.length === 0 || lstatSync(join(out, OUTPUT_MARKER), { throwIfNoEntry: false })?.isFile()) return;
  const shown = entries.sort().slice(0, 3).join(', ');
  const more = entries.length > 3 ? ` and ${entries.length - 3} more` : '';
  throw refuse(
    `it holds files jianbao did not write (${shown}${more})`,
    `Empty it, or pass --out a new folder; a folder written by jianbao holds ${OUTPUT_MARKER}.`,
  );
}

/**
 * Refuse, before any work is done, a `jianbao pdf --out` file that would replace what is not a
 * PDF, or lies in the content or templates folder, whose files are the bulletin's own.
 */
export function checkPdfFile(file: string, folders: ProtectedFolders): void {
  const target = realPathThrough(file);
  const refuse = (reason: string, advice: string) => new OutputFolderError(`${file}: refusing to write the PDF here: ${reason}. ${advice}`);
  for (const folder of contentAndTemplates(folders)) {
    if (isInside(folder.path, target)) throw refuse(`it is inside ${folder.name}`, 'Pass --out a path outside it, such as 2021-11.pdf.');
  }
  const found = statOrNotDir(target);
  if (found === 'under a file') throw refuse('a folder on its path is a file', 'Pass --out a path whose folders exist, such as 2021-11.pdf.');
  if (found === undefined) return;
  if (found.isDirectory()) throw refuse('it is a folder', 'Pass --out a file name, such as 2021-11.pdf.');
  if (!startsWithPdfHeader(target))
    throw refuse('the file there is not a PDF and would be replaced', 'Pass --out a new file name, or the name of a PDF to replace.');
}

/** The file's stats; undefined when it does not exist, 'under a file' when a folder on its path is a file. */
function statOrNotDir(path: string): Stats | undefined | 'under a file' {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return 'under a file';
    throw error;
  }
}

function contentAndTemplates(folders: ProtectedFolders): Guarded[] {
  return [
    { name: `the content folder ${folders.contentDir}`, path: realPathThrough(folders.contentDir), inside: true },
    { name: `the templates folder ${folders.templatesDir}`, path: realPathThrough(folders.templatesDir), inside: true },
  ];
}

function startsWithPdfHeader(path: string): boolean {
  const header = Buffer.alloc(5);
  const fd = openSync(path, 'r');
  try {
    return readSync(fd, header, 0, 5, 0) === 5 && header.toString('latin1') === '%PDF-';
  } finally {
    closeSync(fd);
  }
}
