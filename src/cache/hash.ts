import { hash } from 'node:crypto';

/** SHA-256 of `data` as hex: what the build cache keys and names its files by. */
export function contentHash(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}

/** One hash of several parts, each length-prefixed so that parts cannot run into each other. */
export function combineHashes(...parts: readonly string[]): string {
  return contentHash(parts.map((part) => `${part.length}:${part}`).join(''));
}
