import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildOptions } from '../../src/pipeline.ts';
import { BUNDLED_TEMPLATES } from '../../src/site/templates-folder.ts';
import { type SyntheticIssue, writeSyntheticArchive } from '../../scripts/synthetic-archive.ts';

export type SyntheticBuildOptions = BuildOptions & { contentDir: string; outDir: string; cacheDir: string };

/**
 * A fresh folder under the system's temporary folder holding a synthetic archive of `count`
 * issues (`perYear` a year), with build options for it: no PDFs and no search index, the cases
 * that are about them turn them on. Pagefind and Chromium cost most of a small build.
 */
export async function syntheticBuild(
  prefix: string,
  count: number,
  perYear = 3,
): Promise<{ root: string; issues: SyntheticIssue[]; options: SyntheticBuildOptions }> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  const issues = await writeSyntheticArchive(join(root, 'content'), { issues: count, perYear });
  const options = {
    contentDir: join(root, 'content'),
    outDir: join(root, 'dist'),
    cacheDir: join(root, 'cache'),
    templatesDir: BUNDLED_TEMPLATES,
    pdf: false,
    search: false,
  };
  return { root, issues, options };
}
