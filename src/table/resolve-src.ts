import { isAbsolute, relative, resolve } from 'node:path';
import { isInside, realOrSelf } from '../util/inside.ts';
import type { Problem } from './problem.ts';

export interface ResolveOptions {
  /** Folder of the Markdown file, absolute. */
  readonly from: string;
  /** Content folder to stay inside, absolute; no check when undefined. */
  readonly root: string | undefined;
  /** Folder that `root` is shown relative to in messages. */
  readonly cwd: string;
}

/**
 * The absolute path of a `src`, or why it is refused: with a root, `src` must be relative and
 * stay inside the root, also after following symlinks.
 */
export async function resolveSrc(
  src: string,
  options: ResolveOptions,
): Promise<{ readonly path: string } | { readonly problem: Problem }> {
  const path = resolve(options.from, src);
  const { root } = options;
  if (root === undefined) return { path };

  const shown = `${relative(options.cwd, root) || '.'}/`;
  const outside = (detail = ''): { readonly problem: Problem } => ({
    problem: {
      reason: `Expected a CSV path inside ${shown}, got ${src}${detail}`,
      ruleId: 'table-src-outside-root',
    },
  });
  if (isAbsolute(src) || !isInside(root, path)) return outside();

  if (!isInside(realOrSelf(root), realOrSelf(path))) return outside(', which is a symlink leading outside it');
  return { path };
}


