import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import type { FileStat, FolderWalk } from '../util/walk-folder.ts';

/**
 * The stamp of an output known to be up to date (`stamp.json` in the cache folder), as make's
 * stamp files and Bazel's file digests stand for a check already done: digests of the walks of
 * the content and output folders by the build that found the output up to date or wrote it, and
 * what that build reported. A build whose walks give the same digests, with the same settings,
 * is up to date without reading the manifest, loading the issues or comparing their entries: at
 * 10,000 issues that work (about 1 s of a 2.9 s rebuild here) is what the stamp saves. Anything
 * else — a stamp of another version, missing or damaged, another walk — is a miss and the build
 * checks as it always does.
 */
const stampSchema = z.strictObject({
  format: z.literal(1),
  /** The build's settings and folders (see `BuildCacheOptions.stampKey`). */
  key: z.string(),
  /** `contentDigests` of the content folder's walk: a digest for each of its subfolders and one (`''`) for its own files. */
  content: z.record(z.string(), z.string()),
  /** `outputDigest` of the output folder's walk. */
  output: z.string(),
  /** What the build reports: its issues, files, PDFs and search bundles. */
  issues: z.number(),
  pages: z.number(),
  pdfs: z.number(),
  searchBundles: z.number(),
  /**
   * The warnings' chunks (see `written.allWarnings` in the manifest): the printed text's blob and
   * how many it holds, the data's blob, and the issue files as the build named them.
   */
  warnings: z.array(z.strictObject({ printed: z.string(), count: z.number(), data: z.string(), sources: z.array(z.string()) })),
});

export type Stamp = z.infer<typeof stampSchema>;

const STAMP = 'stamp.json';

/** The stamp in the cache folder `dir` when it is there, whole and made with `key`. */
export function readStamp(dir: string, key: string): Stamp | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, STAMP), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = stampSchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.key === key ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Write `stamp` into the cache folder `dir`, whole or not at all. */
export async function writeStamp(dir: string, stamp: Stamp): Promise<void> {
  const path = join(dir, STAMP);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(stamp));
  await rename(temporary, path);
}

/** Remove the stamp from the cache folder `dir`: before the manifest or a blob it names changes. */
export function removeStamp(dir: string): void {
  rmSync(join(dir, STAMP), { force: true });
}

/**
 * The content folder's walk as a hash of each of its subfolders (by name) and of its own files
 * (`''`): every file's path, size, times and inode, and the symbolic links. An edit, a file
 * added, removed or replaced changes its part; a subfolder without files has none. By parts, so
 * that a build can tell a change in the first subfolder walked without waiting for the rest.
 */
export function contentDigests(walk: FolderWalk): Record<string, string> {
  const parts = new Map<string, { files: [string, FileStat][]; links: string[] }>();
  const part = (path: string) => {
    const slash = path.indexOf('/');
    const name = slash < 0 ? '' : path.slice(0, slash);
    let found = parts.get(name);
    if (!found) parts.set(name, (found = { files: [], links: [] }));
    return found;
  };
  for (const entry of walk.files) part(entry[0]).files.push(entry);
  for (const link of walk.links) part(link).links.push(link);
  return Object.fromEntries([...parts].map(([name, { files, links }]) => [name, digest(files, links, { changeAndInode: true })]));
}

/**
 * The output folder's walk as one hash: every file's path, size and modification time, as the
 * manifest's `written.files` knows them. Not the change time or inode: the files of an output
 * are hard links that the next build links again and whose removal in the background changes
 * the change time of those it kept.
 */
export function outputDigest(walk: FolderWalk): string {
  return digest([...walk.files], walk.links, { changeAndInode: false });
}

function digest(files: [string, FileStat][], links: readonly string[], { changeAndInode }: { readonly changeAndInode: boolean }): string {
  // Sorted: the order of a walk is the file system's, and a whole walk and one in parts differ.
  let text = '';
  for (const [path, stat] of files.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    text += `${path}\0${stat[0]} ${stat[1]}`;
    if (changeAndInode) text += ` ${stat[2]} ${stat[3]}`;
    text += '\n';
  }
  for (const link of [...links].sort()) text += `${link}\0link\n`;
  return createHash('sha256').update(text).digest('hex');
}
