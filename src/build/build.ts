import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { loadSite } from '../load/load-site.ts';
import { createProcessor } from '../markdown/processor.ts';
import { renderIssue } from '../markdown/render-issue.ts';
import type { RenderedIssue } from '../model.ts';
import { assertNoFatal } from '../report/messages.ts';
import { createNunjucksEngine } from '../render/engine.ts';
import { renderPages } from '../render/render-pages.ts';
import { readAssets } from './read-assets.ts';
import { writeOutput } from './write-output.ts';

export interface BuildOptions {
  /** @default 'content' */
  readonly contentDir?: string;
  /** @default 'dist' */
  readonly outDir?: string;
  /** @default './templates' when it exists, else the templates jianbao ships */
  readonly templatesDir?: string;
}

export interface BuildResult {
  readonly issues: readonly RenderedIssue[];
  readonly outDir: string;
}

/** The templates jianbao ships, used when the project has none of its own. */
export const BUNDLED_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));

export function resolveTemplates(dir?: string): string {
  return dir ?? (existsSync('templates') ? 'templates' : BUNDLED_TEMPLATES);
}

/** load → validate → render → write. Throws ContentError listing every problem found. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const contentDir = options.contentDir ?? 'content';
  const outDir = options.outDir ?? 'dist';
  const templatesDir = resolveTemplates(options.templatesDir);

  const site = await loadSite(contentDir);
  assertNoFatal(site.files);

  const processor = createProcessor({ root: contentDir });
  const files: VFile[] = [];
  const issues: RenderedIssue[] = [];
  for (const issue of site.issues) {
    const file = new VFile({ path: issue.source, value: issue.markdown });
    files.push(file);
    const rendered = await renderIssue(processor, issue, file);
    if (rendered) issues.push(rendered);
  }
  assertNoFatal(files);

  const engine = createNunjucksEngine(templatesDir);
  await writeOutput(outDir, [...renderPages(engine, site.series!, issues), ...(await readAssets(templatesDir))]);
  return { issues, outDir };
}
