import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { VFile } from 'vfile';
import { type TemplateEngine, TemplateSyntaxError } from './engine.ts';
import { BUNDLED_TEMPLATES } from './templates-folder.ts';
import { reportProblem } from '../report/messages.ts';

/**
 * The files of a templates folder a build opens by name: the pages' templates, the print page
 * and its stylesheet. An office that put only the template it edits into `templates/` would
 * otherwise pass `check` and see its build stop on `template not found`.
 */
const RENDERED = ['404.njk', 'index.njk', 'issue.njk', 'print.njk', 'print/print.css', 'search.njk', 'series.njk', 'year.njk'];

/**
 * Compile every `.njk` template under `templatesDir`, partials included, so that a syntax
 * mistake is found before a build renders with it. One file per template; each mistake is an
 * error on it at its line and column. Mistakes found only when rendering (an unknown filter
 * applied to data) still stop the build.
 */
export async function checkTemplates(templatesDir: string, engine: TemplateEngine): Promise<VFile[]> {
  return [...missingTemplates(templatesDir), ...(await compileTemplates(templatesDir, engine))];
}

/** One error on the folder naming the files of `RENDERED` it lacks, or none. */
function missingTemplates(templatesDir: string): VFile[] {
  const missing = RENDERED.filter((name) => !existsSync(join(templatesDir, name)));
  if (missing.length === 0) return [];
  const folder = new VFile({ path: templatesDir });
  const bundled = relative(process.cwd(), BUNDLED_TEMPLATES) || '.';
  reportProblem(
    folder,
    `Expected every template a build renders with, found no ${missing.join(', ')}; a templates folder stands in for jianbao's as a whole: copy jianbao's templates (${bundled}/) into it and edit the copies`,
    { ruleId: 'template-missing' },
  );
  return [folder];
}

async function compileTemplates(templatesDir: string, engine: TemplateEngine): Promise<VFile[]> {
  const entries = await readdir(templatesDir, { recursive: true, withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.njk'))
    .map((entry) => relative(templatesDir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
  return names.map((name) => {
    const file = new VFile({ path: join(templatesDir, name) });
    try {
      engine.compile(name);
    } catch (error) {
      if (!(error instanceof TemplateSyntaxError)) throw error;
      // Without a place the template ended too soon: point at its end.
      const place = error.place ?? { line: readFileSync(file.path, 'utf8').trimEnd().split('\n').length, column: 1 };
      reportProblem(file, `Template syntax: ${error.reason}`, { place, ruleId: 'template-syntax' });
    }
    return file;
  });
}
