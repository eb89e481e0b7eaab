import { hash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** SHA-256 of `data` as hex: what the build cache keys and names its files by. */
export function contentHash(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}

/** One hash of several parts, each length-prefixed so that parts cannot run into each other. */
export function combineHashes(...parts: readonly string[]): string {
  return contentHash(parts.map((part) => `${part.length}:${part}`).join(''));
}

/** One hash of every file under `dir`, by path and content; a missing folder hashes as empty. */
export async function folderHash(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)).sort();
  return combineHashes(...(await Promise.all(files.map(async (file) => `${relative(dir, file)}:${contentHash(await readFile(file))}`))));
}
