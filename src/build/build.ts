import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { VFileMessage } from 'vfile-message';
import { validateContent } from '../check/validate-content.ts';
import type { RenderedIssue } from '../model.ts';
import { ContentError } from '../report/messages.ts';
import { createNunjucksEngine } from '../render/engine.ts';
import { renderPages } from '../render/render-pages.ts';
import { searchIndex } from '../search/pagefind.ts';
import { readAssets } from './read-assets.ts';
import { writeOutput } from './write-output.ts';

export interface BuildOptions {
  /** @default 'content' */
  readonly contentDir?: string;
  /** @default 'dist' */
  readonly outDir?: string;
  /** @default './templates' when it exists, else the templates jianbao ships */
  readonly templatesDir?: string;
  /**
   * Build the Pagefind search index into `<out>/pagefind/`.
   * @default true
   */
  readonly search?: boolean;
}

export interface BuildResult {
  readonly issues: readonly RenderedIssue[];
  readonly outDir: string;
  /** Problems that did not stop the build; the CLI prints them. */
  readonly warnings: readonly VFileMessage[];
}

/** The templates jianbao ships, used when the project has none of its own. */
export const BUNDLED_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));

export function resolveTemplates(dir?: string): string {
  return dir ?? (existsSync('templates') ? 'templates' : BUNDLED_TEMPLATES);
}

/**
 * validate (the checks `jianbao check` runs) → render → write. Throws ContentError listing
 * every error found, with the warnings; the output folder is then left as it was.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const contentDir = options.contentDir ?? 'content';
  const outDir = options.outDir ?? 'dist';
  const templatesDir = resolveTemplates(options.templatesDir);

  const { site, issues, errors, warnings } = await validateContent(contentDir);
  if (errors.length > 0) throw new ContentError(errors, warnings);

  const engine = createNunjucksEngine(templatesDir);
  const files = [...renderPages(engine, site.series!, issues), ...(await readAssets(templatesDir))];
  if (options.search ?? true) files.push(...(await searchIndex(files)));
  await writeOutput(outDir, files);
  return { issues, outDir, warnings };
}
