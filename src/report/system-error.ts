import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { printable } from './messages.ts';

/** What the operating system says went wrong with a file: Node's `ENOSPC`, `ENOTDIR`, … errors. */
interface SystemError extends Error {
  readonly code: string;
  readonly path: string;
  /** The second path of a copy, rename or link. */
  readonly dest?: string;
}

/** For each error code, a sentence that names the path and says what to do. */
const EXPLAIN: Readonly<Record<string, (error: SystemError) => string>> = {
  ENOSPC: ({ path }) => `No space left on the disk while writing ${printable(path)} (ENOSPC); free some space, or write to another disk with --out, and run again`,
  EDQUOT: ({ path }) => `Disk quota used up while writing ${printable(path)} (EDQUOT); free some space, or write to another disk with --out, and run again`,
  ENOTDIR: ({ path }) => `Cannot write ${printable(path)}: ${fileOnTheWay(path) ?? 'part of its path'} is a file where a folder is needed (ENOTDIR); move the file away, or choose another folder with --out`,
  EBUSY: ({ path }) => `Cannot move or replace ${printable(path)}: it is in use, as the current folder, a mount point or by another program (EBUSY); write to a folder of its own, such as --out dist`,
  ENOENT: ({ path, dest }) => {
    const target = dest ?? path;
    return existsSync(dirname(target))
      ? `Cannot find ${printable(path)} (ENOENT); check that it exists, and run again`
      : `Cannot write ${printable(target)}: the folder ${printable(dirname(target))}/ does not exist (ENOENT); create it first, or choose a path in an existing folder`;
  },
  EACCES: ({ path }) => `Permission denied for ${printable(path)} (EACCES); choose a folder you may write to, or change its permissions`,
  EPERM: ({ path }) => `Not permitted to change ${printable(path)} (EPERM); choose a folder you may write to, or change its permissions`,
  EROFS: ({ path }) => `Cannot write ${printable(path)}: the disk is read-only (EROFS); choose a folder on a writable disk with --out`,
  EISDIR: ({ path }) => `Cannot write ${printable(path)}: it is a folder where a file is needed (EISDIR); choose a file name`,
};

/**
 * A system error as a sentence that names the path and says what to do, for the CLI to print;
 * undefined for any other error, whose own message says what to fix.
 */
export function describeSystemError(error: unknown): string | undefined {
  return isSystemError(error) ? EXPLAIN[error.code]?.(error) : undefined;
}

function isSystemError(error: unknown): error is SystemError {
  const { code, path } = (error ?? {}) as Partial<SystemError>;
  return error instanceof Error && typeof code === 'string' && typeof path === 'string';
}

/** The folder on `path` that is a file instead (`dist` in `dist/2022/1/index.html`). */
function fileOnTheWay(path: string): string | undefined {
  for (let folder = dirname(resolve(path)); dirname(folder) !== folder; folder = dirname(folder)) {
    if (statSync(folder, { throwIfNoEntry: false })?.isFile()) return printable(relative(process.cwd(), folder) || folder);
  }
  return undefined;
}
