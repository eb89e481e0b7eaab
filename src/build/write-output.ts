import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { OutputFile } from '../render/render-pages.ts';
import { mapConcurrent } from '../util/map-concurrent.ts';

/** Files written at once. */
const WRITE_CONCURRENCY = 32;

/**
 * Write the whole site into a sibling temporary folder, then swap it in with renames,
 * so a failed or interrupted build never leaves a half-written archive behind.
 */
export async function writeOutput(outDir: string, files: Iterable<OutputFile>): Promise<void> {
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const staging = `${outDir}.tmp-${stamp}`;
  const previous = `${outDir}.old-${stamp}`;
  try {
    const list = [...files];
    await mkdir(staging, { recursive: true });
    const folders = [...new Set(list.map((file) => dirname(join(staging, file.path))))];
    await mapConcurrent(folders, WRITE_CONCURRENCY, (folder) => mkdir(folder, { recursive: true }));
    await mapConcurrent(list, WRITE_CONCURRENCY, (file) => writeFile(join(staging, file.path), file.contents));
    const hadPrevious = await rename(outDir, previous).then(() => true, (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    });
    await rename(staging, outDir);
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
