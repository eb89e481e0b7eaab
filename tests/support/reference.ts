import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The text of the printed reference bulletin (2021年第11期 总第18期), a copy of shared/reference. */
export const REFERENCE_PATH = fileURLToPath(new URL('../fixtures/reference/meizhou-2021-11.txt', import.meta.url));

/** Compare text without layout: no whitespace, one form of parentheses, no list bullets. */
export function normalize(text: string): string {
  return text.replace(/^- /gm, '').replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/** The reference's blocks (split at blank lines), normalized; a block split by a page break stays two blocks. */
export function referenceBlocks(): string[] {
  return readFileSync(REFERENCE_PATH, 'utf8')
    .split(/\n\s*\n/)
    .map(normalize)
    .filter(Boolean);
}

/** Index of the first block not found in `text` after the previous one, or -1 when all are in order. */
export function firstMissingInOrder(text: string, blocks: readonly string[]): number {
  const haystack = normalize(text);
  let from = 0;
  for (const [index, block] of blocks.entries()) {
    const at = haystack.indexOf(block, from);
    if (at < 0) return index;
    from = at + block.length;
  }
  return -1;
}
