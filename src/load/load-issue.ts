import { VFile } from 'vfile';
import type { Issue, Series } from '../model.ts';
import { reportProblem } from '../report/messages.ts';
import { mergeDistribution } from './distribution.ts';
import { parseYaml, reportSchemaIssues, valuePlaces } from './parse-yaml.ts';
import { issueSlug } from './issue-slug.ts';
import { frontmatterSchema, supplementSchema } from './schema.ts';
import { splitFrontmatter } from './split-frontmatter.ts';

/** An issue as its frontmatter and the series give it: what loading finds besides its file and text. */
export type LoadedFields = Omit<Issue, 'source' | 'markdown' | 'previous'>;

/**
 * Validate one issue file against the schema and apply the data cascade:
 * series defaults < frontmatter < computed values. Problems are fatal messages on `file`.
 */
export function loadIssue(file: VFile, series: Series): Issue | undefined {
  const markdown = String(file.value);
  const split = splitFrontmatter(markdown);
  if ('problem' in split) {
    reportProblem(file, split.problem.reason, { place: split.problem.place, ruleId: split.problem.ruleId });
    return undefined;
  }
  const parsed = parseYaml(split.yaml, file, 1);
  if (!parsed) return undefined;
  const supplement = typeof parsed.data === 'object' && parsed.data !== null && 'supplement' in parsed.data;
  const yearEnd = series.yearEndInNextYear ?? false;
  const schema = supplement ? supplementSchema(series.supplementsCountInTotal ?? false, yearEnd) : frontmatterSchema(yearEnd);
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    reportSchemaIssues(result.error.issues, parsed, file, 1);
    return undefined;
  }
  const fm = result.data;
  const number = 'supplement' in fm ? fm.supplement : fm.number;
  return {
    source: file.path,
    markdown,
    year: fm.year,
    number,
    ...('supplement' in fm && { supplement: true }),
    total: fm.total,
    ...(fm.special !== undefined && { special: fm.special }),
    date: fm.date,
    title: fm.title ?? series.title,
    issuer: fm.issuer ?? series.issuer,
    distribution: mergeDistribution(series.distribution, fm.distribution),
    path: `${fm.year}/${issueSlug({ number, supplement: 'supplement' in fm })}/`,
    places: valuePlaces(parsed, 1),
  };
}

/**
 * An issue whose frontmatter has errors, with placeholder values: its Markdown (the
 * frontmatter's lines left empty) still goes through the checks, and it is never published.
 */
export function placeholderIssue(file: VFile): Issue {
  const split = splitFrontmatter(String(file.value));
  return {
    source: file.path,
    markdown: split.body,
    year: 0,
    number: 0,
    total: 0,
    date: '',
    title: '',
    issuer: '',
    distribution: [],
    path: '',
    ...('yaml' in split ? numbering(split.yaml) : {}),
  };
}

/**
 * The year, number and total a broken frontmatter still gives right, with their places: a number
 * it repeats is named in the same run (a copied folder whose date is missing, see
 * `repeatedNumbers`), and a gap it fills is none (`checkNumbering`'s fillers).
 */
function numbering(yaml: string): Partial<Pick<Issue, 'year' | 'number' | 'supplement' | 'total' | 'places'>> {
  const parsed = parseYaml(yaml, new VFile(), 1);
  const data = (parsed?.data ?? {}) as Record<string, unknown>;
  const whole = (key: string) => (Number.isSafeInteger(data[key]) && (data[key] as number) > 0 ? (data[key] as number) : undefined);
  const [year, number, supplement, total] = [whole('year'), whole('number'), whole('supplement'), whole('total')];
  if (!parsed || year === undefined || (number === undefined) === (supplement === undefined)) return {};
  return {
    year,
    number: (number ?? supplement)!,
    ...(supplement !== undefined && { supplement: true }),
    ...(total !== undefined && { total }),
    places: valuePlaces(parsed, 1),
  };
}
