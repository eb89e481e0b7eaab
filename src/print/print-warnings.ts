import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { RenderedIssue } from '../model.ts';
import { parseYaml, placeAt } from '../load/parse-yaml.ts';
import type { FontFileFace } from './fonts.ts';
import type { MissingFamilies } from './render-pdf.ts';
import { reportProblem } from '../report/messages.ts';

export interface PrintWarningsOptions {
  /** The folder of the issue's print page, which relative URLs are read from. */
  readonly pageDir: string;
  /** The templates folder, searched for what the issue's Markdown does not name. */
  readonly templatesDir: string;
}

/**
 * A warning (`print-resource`) for each file the print page asked for and could not show —
 * refused (remote, outside the folders it may read), missing or undecodable — so that nothing
 * drops out of a PDF silently. Each is placed where the URL is written: in the issue's Markdown
 * (as written there, or its file name), else in a template, else at the issue's first line.
 */
export function printWarnings(
  rendered: RenderedIssue,
  report: { readonly blocked: readonly string[]; readonly brokenImages: readonly string[] },
  options: PrintWarningsOptions,
): VFileMessage[] {
  const urls = [...new Set([...report.blocked, ...report.brokenImages])].filter((url) => !url.startsWith('data:'));
  const files = new Map<string, VFile>();
  const fileFor = (path: string) => {
    let file = files.get(path);
    if (!file) files.set(path, (file = new VFile({ path })));
    return file;
  };
  for (const url of urls) {
    const written = writtenForm(url, options.pageDir);
    const found = locate(rendered.issue.markdown, written) ?? templatePlace(options.templatesDir, written);
    const file = fileFor(found?.path ?? rendered.issue.source);
    const why = report.blocked.includes(url)
      ? 'the print page may load only the issue’s own files, the templates and the bundled fonts, nothing from another site'
      : 'the file is missing or does not read as an image';
    reportProblem(file, `The PDF leaves out ${written}: ${why}; save it beside the issue and name it by its file name`, {
      place: found?.place ?? { line: 1, column: 1 },
      ruleId: 'print-resource',
    });
  }
  return [...files.values()].flatMap((file) => file.messages);
}

/**
 * A warning (`distribution-overflow`) when the 版记 runs over more than one page (see
 * `PrintLayoutReport.distribution`), at the issue's `distribution` when it gives one.
 */
export function distributionWarnings(rendered: RenderedIssue, distribution: { readonly pages: number } | null): VFileMessage[] {
  if (!distribution || distribution.pages <= 1) return [];
  const { issue } = rendered;
  const file = new VFile({ path: issue.source });
  reportProblem(
    file,
    `The 版记 runs over ${distribution.pages} pages: GB/T 9704 sets it at the foot of the issue’s last page; shorten its lists, naming a group of recipients once (各县（市、区）住房和城乡建设局)`,
    { place: issue.places?.['distribution'] ?? { line: 1, column: 1 }, ruleId: 'distribution-overflow' },
  );
  return file.messages;
}

/**
 * A warning (`font-unavailable`) for each font file from bulletin.yaml that Chromium could not load
 * (not a font, damaged), at its entry there, and for each role whose family names none is
 * installed, at the role's list: those roles printed in another face than the one asked for.
 */
export function fontWarnings(failed: readonly FontFileFace[], missing: readonly MissingFamilies[], seriesSource: string): VFileMessage[] {
  if (failed.length === 0 && missing.length === 0) return [];
  const text = readFileSync(seriesSource, 'utf8');
  const file = new VFile({ path: seriesSource });
  for (const face of failed) {
    const written = relative(dirname(seriesSource), face.file).split('\\').join('/');
    reportProblem(
      file,
      `\`fonts.${face.role}\`: The font file ${written} does not load as a font, so the ${face.role} text prints in the next face of its list; save the face as .ttf, .otf, .ttc or .woff2 again, or delete the entry`,
      { place: locate(text, written)?.place ?? { line: 1, column: 1 }, ruleId: 'font-unavailable' },
    );
  }
  // By the YAML's own positions: `fonts.title` is not the series' `title:` above it.
  const parsed = missing.length > 0 ? parseYaml(text, new VFile()) : undefined;
  for (const { role, families, used } of missing) {
    reportProblem(
      file,
      `\`fonts.${role}\`: ${families.length === 1 ? `${families[0]} is not` : `none of ${families.join(', ')} is`} installed on this machine, so the ${role} text prints in ${used}; install it, or save the face as a font file in the content folder and name that file here`,
      { place: parsed ? placeAt(parsed, ['fonts', role]) : { line: 1, column: 1 }, ruleId: 'font-unavailable' },
    );
  }
  return file.messages;
}

/** The URL as the page wrote it: relative to the print page's folder for a file. */
function writtenForm(url: string, pageDir: string): string {
  if (!url.startsWith('file:')) return url;
  try {
    return relative(pageDir, fileURLToPath(url)).split('\\').join('/');
  } catch {
    return url;
  }
}

/** Line and column of the first place `text` names the URL or its file name, 1-based. */
function locate(text: string, written: string): { path?: string; place: { line: number; column: number } } | undefined {
  for (const needle of [written, basename(written)]) {
    const index = needle === '' ? -1 : text.indexOf(needle);
    if (index < 0) continue;
    const before = text.slice(0, index).split('\n');
    return { place: { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 } };
  }
  return undefined;
}

/** Where a template names the URL: the print page, then its partials. */
function templatePlace(templatesDir: string, written: string): { path: string; place: { line: number; column: number } } | undefined {
  let names: string[];
  try {
    names = readdirSync(templatesDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.njk') || name.endsWith('.css'));
  } catch {
    return undefined;
  }
  for (const name of names.sort((a, b) => Number(b === 'print.njk') - Number(a === 'print.njk'))) {
    const path = join(templatesDir, name);
    const found = locate(readFileSync(path, 'utf8'), written);
    if (found) return { path, place: found.place };
  }
  return undefined;
}
