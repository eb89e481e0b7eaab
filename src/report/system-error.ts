import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { printable } from './messages.ts';

/** What the operating system says went wrong with a file: Node's `ENOSPC`, `ENOTDIR`, … errors. */
interface SystemError extends Error {
  readonly code: string;
  readonly path?: string;
  /** The second path of a copy, rename or link. */
  readonly dest?: string;
}

/** For each error code, a sentence that names the path and says what to do; `target` is the path written to. */
const EXPLAIN: Readonly<Record<string, (path: string, target: string) => string>> = {
  ENOSPC: (_path, target) =>
    `No space left on the disk while writing ${printable(target)} (ENOSPC); free some space, or write to another disk with --out, and run again`,
  EDQUOT: (_path, target) =>
    `Disk quota used up while writing ${printable(target)} (EDQUOT); free some space, or write to another disk with --out, and run again`,
  ENOTDIR: (_path, target) =>
    `Cannot write ${printable(target)}: ${fileOnTheWay(target) ?? 'part of its path'} is a file where a folder is needed (ENOTDIR); move the file away, or choose another folder with --out`,
  EBUSY: (path) =>
    `Cannot move or replace ${printable(path)}: it is in use, as the current folder, a mount point or by another program (EBUSY); write to a folder of its own, such as --out dist`,
  ENOENT: (path, target) =>
    existsSync(dirname(target))
      ? `Cannot find ${printable(path)} (ENOENT); check that it exists, and run again`
      : `Cannot write ${printable(target)}: the folder ${printable(dirname(target))}/ does not exist (ENOENT); create it first, or choose a path in an existing folder`,
  EACCES: (_path, target) => `Permission denied for ${printable(target)} (EACCES); choose a folder you may write to, or change its permissions`,
  EPERM: (_path, target) => `Not permitted to change ${printable(target)} (EPERM); choose a folder you may write to, or change its permissions`,
  EROFS: (_path, target) => `Cannot write ${printable(target)}: the disk is read-only (EROFS); choose a folder on a writable disk with --out`,
  EISDIR: (_path, target) => `Cannot write ${printable(target)}: it is a folder where a file is needed (EISDIR); choose a file name`,
};

/**
 * A system error as a sentence that names the path and says what to do, for the CLI to print;
 * undefined for any other error, whose own message says what to fix. Of a copy or rename, the
 * path named is the one written to.
 */
export function describeSystemError(error: unknown): string | undefined {
  return isSystemError(error) && typeof error.path === 'string' ? EXPLAIN[error.code]?.(error.path, error.dest ?? error.path) : undefined;
}

/**
 * Name `path` in a system error that names none: a write to an open file (ENOSPC in the middle
 * of the output) reports only its code. Returns the error, for `throw withPath(error, out)`.
 */
export function withPath(error: unknown, path: string): unknown {
  if (isSystemError(error) && error.path === undefined) Object.assign(error, { path });
  return error;
}

function isSystemError(error: unknown): error is SystemError {
  return error instanceof Error && typeof (error as Partial<SystemError>).code === 'string';
}

/** The folder on `path` that is a file instead (`dist` in `dist/2022/1/index.html`), as written there. */
function fileOnTheWay(path: string): string | undefined {
  for (let folder = dirname(path); dirname(folder) !== folder; folder = dirname(folder)) {
    if (existsSync(folder) && statSync(folder).isFile()) return printable(folder);
  }
  return undefined;
}
