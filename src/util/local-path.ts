import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { RuleId } from '../report/rules.ts';
import { isInside, realOrSelf } from './inside.ts';

export interface LocalPathOptions {
  /** Folder of the Markdown file, absolute. */
  readonly from: string;
  /** Content folder to stay inside, absolute; no check when undefined. */
  readonly root: string | undefined;
  /** Folder that `root` is shown relative to in messages. */
  readonly cwd: string;
}

export interface Naming {
  /** What the path names, for messages: `image`, `table source`. */
  readonly what: string;
  /** The path as the Markdown wrote it. */
  readonly written: string;
  /** Rule id of a refusal. */
  readonly ruleId: RuleId;
}

/**
 * The absolute path of a file an issue names (a link, an image, a table source): `path` is
 * relative to the Markdown file and must stay inside the root, also after following symlinks.
 * Otherwise the reason it is refused, in words an editor can act on.
 */
export function localPath(
  path: string,
  options: LocalPathOptions,
  naming: Naming,
): { readonly path: string } | { readonly reason: string; readonly ruleId: RuleId } {
  const { root } = options;
  const { what, written, ruleId } = naming;
  const shown = root === undefined ? '' : `${relative(options.cwd, root) || '.'}/`;
  const outside = (detail = '') => ({ reason: `Expected ${article(what)} path inside ${shown}, got ${written}${detail}`, ruleId });
  if (isAbsolute(path)) {
    return root === undefined ? { reason: `Expected ${article(what)} path relative to this Markdown file, got ${written}`, ruleId } : outside();
  }
  const resolved = resolve(options.from, path);
  if (root !== undefined) {
    if (!isInside(root, resolved)) return outside();
    if (!isInside(realOrSelf(root), realOrSelf(resolved))) return outside(', which is a symlink leading outside it');
  }
  // A FIFO, a device or a socket would block the build that reads it, or never end.
  if (!regularOrAbsent(resolved)) return { reason: `Expected ${article(what)} file, got ${written}, which is no regular file (a pipe or a device)`, ruleId };
  return { path: resolved };
}

/** Whether `path` is a regular file or a folder, or is not there (which the caller reports as missing). */
function regularOrAbsent(path: string): boolean {
  const found = statSync(path, { throwIfNoEntry: false });
  return found === undefined || found.isFile() || found.isDirectory();
}

/** The extension of a path, lower case and without the dot; '' when it has none. */
export function extensionOf(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** `a, b or c`, for messages listing what would do. */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function article(word: string): string {
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}
