import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { OutputFile } from '../render/render-pages.ts';

/**
 * Write the whole site into a sibling temporary folder, then swap it in with renames,
 * so a failed or interrupted build never leaves a half-written archive behind.
 */
export async function writeOutput(outDir: string, files: Iterable<OutputFile>): Promise<void> {
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const staging = `${outDir}.tmp-${stamp}`;
  const previous = `${outDir}.old-${stamp}`;
  try {
    for (const file of files) {
      const target = join(staging, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.contents);
    }
    await mkdir(staging, { recursive: true });
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
