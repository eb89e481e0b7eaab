import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The previous issue's file of the same `src` (as `jianbao new` carries tables forward), when
 * it is byte for byte the same as this issue's `path`: its numbers were not updated. A source
 * both issues share (`../shared.csv` naming one file) is not compared.
 */
export function unchangedSource(path: string, src: string, previousIssue: string | undefined): string | undefined {
  if (previousIssue === undefined) return undefined;
  const previous = resolve(dirname(previousIssue), src);
  if (previous === path) return undefined;
  try {
    // Sizes first: most carried tables were updated, and then their sizes usually differ.
    if (statSync(previous).size !== statSync(path).size) return undefined;
    return readFileSync(previous).equals(readFileSync(path)) ? previous : undefined;
  } catch {
    return undefined;
  }
}
