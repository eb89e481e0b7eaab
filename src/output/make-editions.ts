import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuildCache } from '../cache/build-cache.ts';
import type { DownloadEdition, EditionFile, RenderedIssue } from '../model.ts';
import { mapConcurrent } from '../util/map-concurrent.ts';
import { itemsInShard, type Shard } from './shard.ts';

export interface MakeEditionOptions {
  /** A folder of the build's own where the files wait until they are written out. */
  readonly workDir: string;
  /** Where unchanged files come from, by the edition's key. */
  readonly cache?: BuildCache | undefined;
  /** Make only this shard's files; see `itemsInShard`. */
  readonly shard?: Shard | undefined;
  /** Told after each file, for a progress display. */
  readonly onFile?: (done: number, total: number) => void;
}

/**
 * Issues prepared at once: enough to keep every page of the browser pool busy, few enough that
 * the files checked and restored from the cache are not all in memory together.
 */
const IN_FLIGHT = 16;

/**
 * The edition's file for each issue (of the shard), taken from the cache when its key is there,
 * else made, several at once, and stored. The edition is closed afterwards, even on failure.
 */
export async function makeEdition(edition: DownloadEdition, issues: readonly RenderedIssue[], options: MakeEditionOptions): Promise<EditionFile[]> {
  const wanted = itemsInShard(issues, options.shard);
  let done = 0;
  try {
    return await mapConcurrent(wanted, IN_FLIGHT, async (rendered): Promise<EditionFile> => {
      const { issue } = rendered;
      const name = edition.fileName(issue);
      const source = join(options.workDir, issue.path, name);
      const key = await edition.key(rendered);
      const made = !(await options.cache?.restoreEdition(edition, key, source));
      let warnings: EditionFile['warnings'] = [];
      if (made) {
        await mkdir(join(options.workDir, issue.path), { recursive: true });
        warnings = (await edition.render(rendered, source)).warnings ?? [];
        await options.cache?.storeEdition(edition, key, source);
      }
      options.onFile?.(++done, wanted.length);
      const { size } = await stat(source);
      return {
        edition: edition.name,
        path: `${issue.path}${name}`,
        source,
        link: true,
        downloadName: edition.downloadName(issue),
        bytes: size,
        made,
        warnings,
      };
    });
  } finally {
    await edition.close();
  }
}
