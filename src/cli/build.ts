import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { relative } from 'node:path';
import { build, type BuildResult } from '../pipeline.ts';
import type { UsedFace } from '../print/printer.ts';
import { handleInterrupts, wasInterrupted } from '../util/interrupt.ts';
import { createProgress, progressMode } from '../report/progress.ts';
import { parseShard } from '../output/shard.ts';
import { formatTimings } from '../report/timings.ts';
import { WriteInterruptedError } from '../output/write-output.ts';
import { withPath } from '../report/system-error.ts';
import { CACHE_OPTIONS, type Command, cacheDirOf } from './command.ts';

export const buildCommand: Command = {
  name: 'build',
  summary: 'Build every issue’s page and the archive index',
  usage: `jianbao build [--content DIR] [--out DIR] [--templates DIR] [--no-pdf] [--no-share-image] [--browser PATH|system] [--cache DIR | --no-cache] [--cache-from DIR]…
              [--shard I/N] [--no-search] [--strict] [--quiet] [--timings]

  --content DIR    content folder (default: content)
  --out DIR        output folder (default: dist)
  --templates DIR  templates folder (default: ./templates, else the bundled ones)
  --no-pdf         skip the PDFs (pages link no PDF then)
  --no-share-image skip each issue's share picture (pages name the series' one then)
  --browser B      print with the Chrome, Edge or Chromium program at path B, or with \`system\` an
                   installed one, rather than the packaged Chromium (default on Linux x64: the
                   same PDF bytes on every machine); PUPPETEER_EXECUTABLE_PATH comes first
  --cache DIR      build cache folder (default: .cache/jianbao/<content folder>-<hash>)
  --no-cache       build everything from scratch, neither reading nor writing a cache
  --cache-from DIR also take unchanged issues and PDFs from this cache, read-only (repeatable):
                   how the caches of a sharded build are assembled
  --shard I/N      render only the I-th of N parts of the PDFs, for a CI matrix
  --no-search      leave out the search index (a shard's pages are not published)
  --strict         stop on warnings (typography, image descriptions…) as on errors, writing nothing
  --quiet          print nothing but problems
  --timings        print how long each phase took`,
  async run(argv, io) {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        content: { type: 'string', default: 'content' },
        out: { type: 'string', default: 'dist' },
        templates: { type: 'string' },
        ...CACHE_OPTIONS,
        'cache-from': { type: 'string', multiple: true, default: [] },
        shard: { type: 'string' },
        'no-search': { type: 'boolean', default: false },
        'no-pdf': { type: 'boolean', default: false },
        'no-share-image': { type: 'boolean', default: false },
        browser: { type: 'string' },
        strict: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        timings: { type: 'boolean', default: false },
      },
      strict: true,
    });
    const cacheDir = cacheDirOf(values);
    // A folder that is not there is most often a typo, or an artifact not downloaded: every PDF
    // would be printed again, where the build was to print none.
    const missing = values['cache-from'].filter((dir) => !existsSync(dir));
    if (missing.length > 0) throw new Error(`Cannot find the cache folder ${missing.join(', ')} given to --cache-from; check its path`);
    const shard = values.shard === undefined ? undefined : parseShard(values.shard);
    const started = performance.now();
    const progress = createProgress({
      stream: { write: (text: string) => io.stdout(text), isTTY: io.isTTY },
      mode: values.quiet ? 'quiet' : progressMode({ isTTY: io.isTTY }),
    });
    // Ctrl-C stops the writing, removes the temporary folder and leaves the output folder as it was.
    const stopHandling = handleInterrupts(() =>
      io.stderr(`jianbao: interrupted; ${values.out}/ is left as it was
`),
    );
    let result: BuildResult;
    try {
      result = await build({
        contentDir: values.content,
        outDir: values.out,
        templatesDir: values.templates,
        cacheDir,
        cacheFrom: values['cache-from'],
        shard,
        search: !values['no-search'],
        pdf: !values['no-pdf'],
        shareImage: !values['no-share-image'],
        browser: values.browser,
        strict: values.strict,
        onProgress: (event) => progress.update(event),
        removeInBackground: true,
      });
    } catch (error) {
      // The interrupt handler says so and exits; closing the browser fails the PDFs in flight.
      if (error instanceof WriteInterruptedError || wasInterrupted()) return 130;
      throw withPath(error, values.out);
    } finally {
      stopHandling();
      progress.finish();
    }
    // A part at a time, formatted as written (see `BuildResult.printedWarnings`).
    for (const text of result.printedWarnings()) io.stderr(text);
    for (const problem of result.cacheProblems) io.stderr(`jianbao: build cache: ${problem}; rebuilt\n`);
    if (result.builtAgain) io.stderr(`jianbao: ${result.builtAgain}; built again\n`);
    if (!values.quiet) io.stdout(`${summary(result, performance.now() - started)}\n`);
    if (!values.quiet && result.faces.length > 0) io.stdout(`${facesLine(result.faces)}\n`);
    if (values.timings) io.stdout(`jianbao: ${formatTimings(result.timings)}\n`);
    return 0;
  },
};

/**
 * `jianbao: 1000 issues (1 rendered, 999 unchanged), 1000 PDFs (1 printed, 999 unchanged, by @sparticuz/chromium 153.0.0), 1046 files written (9 pages made, 6 changed) into dist/ in 0.84 s`,
 * or `…, dist/ already up to date (1046 files) in 0.61 s` when nothing had to be written.
 */
export function summary(result: BuildResult, ms: number): string {
  const { counts } = result;
  const { search: index } = counts;
  const bundles = index === 'off' ? 0 : index.built + index.unchanged;
  const search =
    index === 'off'
      ? ', no search index'
      : index.built === 0
        ? ', search index unchanged'
        : `, search index: ${index.built} of ${bundles} year${bundles === 1 ? '' : 's'} indexed again`;
  const output = counts.upToDate
    ? `${result.outDir}/ already up to date (${counts.pages} files)`
    : `${counts.pages} files written (${counts.pagesMade} pages made, ${counts.pagesChanged} changed${search}) into ${result.outDir}/`;
  return `jianbao: ${counts.issues} issue${counts.issues === 1 ? '' : 's'} (${counts.rendered} rendered, ${counts.skipped} unchanged), ${counts.pdfs} PDF${counts.pdfs === 1 ? '' : 's'} (${counts.pdfsRendered} printed, ${counts.pdfs - counts.pdfsRendered} unchanged${result.browser === undefined ? '' : `, by ${result.browser}`}), ${output} in ${(ms / 1000).toFixed(2)} s`;
}

/**
 * `jianbao: PDF faces: body 方正仿宋_GBK (font file content/fonts/fzfs.ttf) · title Noto Serif SC
 * (bundled) · …`: what each role printed in, so a missing licensed face shows in every build log.
 */
export function facesLine(faces: readonly UsedFace[]): string {
  const where = (face: UsedFace) =>
    face.source === 'file'
      ? `font file ${relative(process.cwd(), face.file ?? '')
          .split('\\')
          .join('/')}`
      : face.source;
  return `jianbao: PDF faces: ${faces.map((face) => `${face.role} ${face.face} (${where(face)})`).join(' · ')}`;
}
