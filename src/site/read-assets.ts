import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { OutputFile } from '../model.ts';

/** The templates' `assets/` folder, copied to `<out>/assets/` as is. */
export async function readAssets(templatesDir: string): Promise<OutputFile[]> {
  const dir = join(templatesDir, 'assets');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const path = join(entry.parentPath, entry.name);
        return { path: join('assets', relative(dir, path)), contents: await readFile(path) };
      }),
  );
}
