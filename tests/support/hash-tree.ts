import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** One hash over every file's path and bytes under `dir`: equal hashes, byte-identical trees. */
export async function hashTree(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files)
    hash
      .update(`${relative(dir, file)}\0`)
      .update(await readFile(file))
      .update('\0');
  return `${files.length} files ${hash.digest('hex')}`;
}
