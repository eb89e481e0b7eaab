import { readFile, stat } from 'node:fs/promises';
import { VFile } from 'vfile';
import type { Series } from '../model.ts';
import { reportProblem } from '../report/messages.ts';
import { parseYaml, placeAt, reportSchemaIssues } from './parse-yaml.ts';
import { seriesSchema } from './schema.ts';
import { reportUnknownRoles, toEntries } from './distribution.ts';
import { resolveFontFiles } from './font-files.ts';

/** The series file's name inside the content folder. */
export const SERIES_FILE = 'bulletin.yaml';

/** Read and validate `bulletin.yaml`; problems land on the returned file as fatal messages. */
/** The most a series file may hold: its settings fit in a few kilobytes. */
const SERIES_MAX_BYTES = 1024 * 1024;

export async function loadSeries(path: string): Promise<{ file: VFile; series?: Series }> {
  let text: string;
  try {
    // A pipe or a device (`/dev/zero`) would block the read or never end it; a series file is small.
    const found = await stat(path);
    if (!found.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
    if (found.size > SERIES_MAX_BYTES) throw Object.assign(new Error('too large'), { code: `${found.size} bytes, more than ${SERIES_MAX_BYTES}` });
    text = await readFile(path, 'utf8');
  } catch (cause) {
    const file = new VFile({ path });
    reportProblem(
      file,
      `Cannot read the series file (${(cause as NodeJS.ErrnoException).code ?? cause}); every content folder needs a ${SERIES_FILE} with title, issuer and url`,
      { ruleId: 'series-missing' },
    );
    return { file };
  }
  const file = new VFile({ path, value: text });
  const parsed = parseYaml(text, file);
  if (!parsed) return { file };
  const result = seriesSchema.safeParse(parsed.data);
  if (!result.success) {
    reportSchemaIssues(result.error.issues, parsed, file);
    return { file };
  }
  const {
    title,
    issuer,
    url,
    distribution,
    fonts,
    'supplements-count-in-total': supplementsCountInTotal,
    'year-end-in-next-year': yearEndInNextYear,
  } = result.data;
  reportUnknownRoles(Object.keys(distribution), file, (role) => placeAt(parsed, ['distribution', role]));
  return {
    file,
    series: {
      title,
      issuer,
      url: url.endsWith('/') ? url : `${url}/`,
      distribution: toEntries(distribution),
      fonts: resolveFontFiles(fonts, parsed, file),
      supplementsCountInTotal,
      yearEndInNextYear,
      source: path,
    },
  };
}
