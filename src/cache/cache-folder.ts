import { basename, join, resolve } from 'node:path';
import { contentHash } from './hash.ts';

/**
 * `.cache/jianbao/<content>/` in the working folder (git-ignored), one folder per content folder
 * so that builds of different content folders never share entries.
 */
export function defaultCacheDir(contentDir: string): string {
  const content = resolve(contentDir);
  return join('.cache', 'jianbao', `${basename(content)}-${contentHash(content).slice(0, 12)}`);
}
