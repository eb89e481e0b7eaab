import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { combineHashes, contentHash } from './hash.ts';

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
  const read = (path: string) => readFile(path).then(contentHash, () => 'missing');
  const hashes = await Promise.all([read(join(ROOT, 'package.json')), read(join(ROOT, 'package-lock.json')), ...files.map(read)]);
  return combineHashes(...files.map((path) => path.slice(src.length)), ...hashes);
}
