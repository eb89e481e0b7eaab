import matter from 'gray-matter';
import { VFile } from 'vfile';
import type { Issue, Series } from '../model.ts';
import { mergeDistribution } from './distribution.ts';
import { parseYaml, reportSchemaIssues, valuePlaces } from './parse-yaml.ts';
import { frontmatterSchema } from './schema.ts';

/** gray-matter finds the frontmatter; `yaml` parses it so messages keep their positions. */
const splitOnly = { engines: { yaml: () => ({}) } };

/**
 * Validate one issue file against the schema and apply the data cascade:
 * series defaults < frontmatter < computed values. Problems are fatal messages on `file`.
 */
export function loadIssue(file: VFile, series: Series): Issue | undefined {
  const markdown = String(file.value);
  const split = matter(markdown, splitOnly);
  if (split.matter === undefined || !markdown.startsWith('---')) {
    const message = file.message('Missing frontmatter: an issue starts with a `---` block giving year, number, total and date', {
      place: { line: 1, column: 1 },
      ruleId: 'frontmatter-missing',
      source: 'jianbao',
    });
    message.fatal = true;
    return undefined;
  }
  // `split.matter` starts right after the opening `---`, so its line n is the file's line n.
  const parsed = parseYaml(split.matter, file, 1);
  if (!parsed) return undefined;
  const result = frontmatterSchema.safeParse(parsed.data);
  if (!result.success) {
    reportSchemaIssues(result.error.issues, parsed, file, 1);
    return undefined;
  }
  const fm = result.data;
  return {
    source: file.path,
    markdown,
    year: fm.year,
    number: fm.number,
    total: fm.total,
    date: fm.date,
    title: fm.title ?? series.title,
    issuer: fm.issuer ?? series.issuer,
    distribution: mergeDistribution(series.distribution, fm.distribution),
    path: `${fm.year}/${fm.number}/`,
    places: valuePlaces(parsed, 1),
  };
}
