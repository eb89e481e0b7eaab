import { readFileSync, statSync } from 'node:fs';

/**
 * The table `jianbao init` and `jianbao new` start an issue with when there is none to carry
 * forward (see new/skeleton.ts): a 合计 that checks, under names and figures for the editor to
 * replace.
 */
export const STARTER_TABLE = `序号,区县名称,涉及户数（户）,小区数（个）
1,甲县,0,0
2,乙县,0,0
合计,,0,0
`;

const STARTER_BYTES = Buffer.from(STARTER_TABLE);

/** Whether the file at `path` is the starter table byte for byte: its 甲县 and 乙县 would print. */
export function isStarterTable(path: string): boolean {
  try {
    return statSync(path).size === STARTER_BYTES.length && readFileSync(path).equals(STARTER_BYTES);
  } catch {
    return false;
  }
}
