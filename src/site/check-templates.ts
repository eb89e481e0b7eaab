import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { VFile } from 'vfile';
import { type TemplateEngine, TemplateSyntaxError } from './engine.ts';
import { reportProblem } from '../report/messages.ts';

/**
 * Compile every `.njk` template under `templatesDir`, partials included, so that a syntax
 * mistake is found before a build renders with it. One file per template; each mistake is an
 * error on it at its line and column. Mistakes found only when rendering (an unknown filter
 * applied to data) still stop the build.
 */
export async function checkTemplates(templatesDir: string, engine: TemplateEngine): Promise<VFile[]> {
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
