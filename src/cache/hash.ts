import { createHash, hash } from 'node:crypto';
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** SHA-256 of `data` as hex: what the build cache keys and names its files by. */
export function contentHash(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}

/** `contentHash` of the parts' bytes one after another, without copying them into one buffer. */
export function joinedHash(parts: readonly (string | Uint8Array)[]): string {
  const hasher = createHash('sha256');
  for (const part of parts) hasher.update(part);
  return hasher.digest('hex');
}

/**
 * One hash of several parts, each length-prefixed so that parts cannot run into each other. An
 * array, not arguments: a 20,000-issue output's key has 140,000 parts, past the number of
 * arguments a call can spread (about 120,000 in V8).
 */
export function combineHashes(parts: readonly string[]): string {
  return contentHash(parts.map((part) => `${part.length}:${part}`).join(''));
}

/**
 * The hash of a file's bytes, undefined when it cannot be read. Synchronous: a build hashes a
 * thousand small CSVs, and a read through the thread pool costs more than the read.
 */
export function fileHash(path: string): string | undefined {
  try {
    return contentHash(readFileSync(path));
  } catch {
    return undefined;
  }
}

/** One hash of every file under `dir`, by path and content; a missing folder hashes as empty. */
export function folderHash(dir: string): string {
  let entries: Dirent[] = [];
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    // No such folder.
  }
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  return combineHashes(files.map((file) => `${relative(dir, file)}:${fileHash(file) ?? 'unreadable'}`));
}
