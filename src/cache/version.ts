import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { combineHashes, fileHash } from './hash.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let memo: Promise<string> | undefined;

/**
 * A hash of jianbao itself: its package.json (version and dependency ranges), its lock file and
 * every file under src/. Any change to the code that renders makes every cached output stale.
 */
export function jianbaoVersion(): Promise<string> {
  memo ??= computeVersion();
  return memo;
}

async function computeVersion(): Promise<string> {
  const src = join(ROOT, 'src');
  const entries = await readdir(src, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const hashes = [join(ROOT, 'package.json'), join(ROOT, 'package-lock.json'), ...files].map((path) => fileHash(path) ?? 'missing');
  return combineHashes([...files.map((path) => path.slice(src.length)), ...hashes]);
}
