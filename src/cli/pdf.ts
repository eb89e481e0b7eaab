import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { imageFiles } from '../output/image-files.ts';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { VFileMessage } from 'vfile-message';
import type { Site } from '../load/load-site.ts';
import { parseArgs } from 'node:util';
import { resolveTemplates } from '../site/templates-folder.ts';
import { checkPdfFile } from '../output/output-folder.ts';
import { pdfEdition, pdfFileName } from '../print/pdf-edition.ts';
import { createPrinter } from '../print/printer.ts';
import { findBrowser } from '../print/find-browser.ts';
import { withValidation } from '../pipeline.ts';
import { ContentError, formatProblems } from '../report/messages.ts';
import { createNunjucksEngine } from '../site/engine.ts';
import { issueView } from '../site/page-data.ts';
import { isInside } from '../util/inside.ts';
import { CACHE_OPTIONS, type Command, type CommandIO, cacheDirOf } from './command.ts';
import type { RenderedIssue, Series } from '../model.ts';
import { handleInterrupts, onInterrupt } from '../util/interrupt.ts';

export const pdfCommand: Command = {
  name: 'pdf',
  summary: 'Print one issue to PDF',
  usage: `jianbao pdf <issue.md> [--content DIR] [--out FILE] [--templates DIR] [--browser PATH|system] [--cache DIR | --no-cache]

  --content DIR    content folder the issue belongs to (default: content)
  --out FILE       where to write the PDF (default: <year>-<number>.pdf in this folder)
  --templates DIR  templates folder (default: ./templates, else the bundled ones)
  --browser B      print with the browser program at path B, or an installed one (\`system\`),
                   rather than the packaged Chromium (see \`jianbao build --help\`)
  --cache DIR      build cache to take the issues unchanged since a build from, read-only (default:
                   the one \`jianbao build\` keeps)
  --no-cache       check every issue from scratch

The content is checked as a build would check it; an error anywhere stops the PDF.`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: {
        content: { type: 'string', default: 'content' },
        out: { type: 'string' },
        templates: { type: 'string' },
        browser: { type: 'string' },
        ...CACHE_OPTIONS,
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new Error(`Expected one issue file, such as content/2021/11/index.md, got ${positionals.length}`);
    const templatesDir = resolveTemplates(values.templates);
    // Refused before any work; the default name is checked once the issue is known.
    if (values.out !== undefined) checkPdfFile(values.out, { contentDir: values.content, templatesDir });
    const wanted = resolve(positionals[0]!);
    // Told before the content is checked, which takes a while in a large archive.
    const notAnIssue = () => new Error(`${positionals[0]} is not an issue of ${values.content}/; pass --content for the folder it belongs to`);
    if (!statSync(wanted, { throwIfNoEntry: false })?.isFile()) {
      throw new Error(`Cannot find the issue file ${positionals[0]}; give the path of an issue's Markdown file, such as content/2021/11/index.md`);
    }
    if (!isInside(resolve(values.content), wanted)) throw notAnIssue();
    const cacheDir = cacheDirOf(values);
    // Ctrl-C removes the scratch folders.
    const stopHandling = handleInterrupts(() => io.stderr('jianbao: interrupted\n'));
    try {
      return await withValidation(
        values.content,
        async (validation) => {
          const { site, issues, errors } = validation;
          if (errors.length > 0) throw new ContentError(errors, validation.warnings);
          // A file's warnings at a time: an archive's are never all held.
          const isOwn = ownWarning(site, wanted);
          let others = 0;
          for (const ofFile of validation.warningsByFile()) {
            const own = ofFile.filter(isOwn);
            others += ofFile.length - own.length;
            for (const line of formatProblems({ errors: [], warnings: own })) io.stderr(`${line}\n`);
          }
          if (others > 0) io.stderr(`jianbao: ${others} warning${others === 1 ? '' : 's'} of other issues not listed; \`jianbao check\` lists them\n`);
          const rendered = issues.find((candidate) => resolve(candidate.issue.source) === wanted);
          if (!rendered) throw notAnIssue();
          await printIssue(rendered, site.series!, { out: values.out, content: values.content, browser: values.browser, templatesDir }, io);
          return 0;
        },
        { cacheDir },
      );
    } finally {
      stopHandling();
    }
  },
};

/**
 * Whether `jianbao pdf` lists a warning: one of the issue it prints (the files in its folder) or
 * of a file in no issue's folder (the series file); the other issues' are only counted, as an
 * archive's run to hundreds of thousands of lines.
 */
function ownWarning(site: Site, wanted: string): (warning: VFileMessage) => boolean {
  const otherIssues = new Set([...site.issues, ...site.placeholders].map((issue) => dirname(resolve(issue.source))));
  otherIssues.delete(dirname(wanted));
  const ofOtherIssue = (file: string) => {
    for (let dir = dirname(resolve(file)); ; dir = dirname(dir)) {
      if (otherIssues.has(dir)) return true;
      if (dirname(dir) === dir) return false;
    }
  };
  return (warning) => warning.file === undefined || !ofOtherIssue(warning.file);
}

/** Print `rendered` to `options.out`, or to its own name in this folder, and say where. */
async function printIssue(
  rendered: RenderedIssue,
  series: Series,
  options: { readonly out: string | undefined; readonly content: string; readonly browser: string | undefined; readonly templatesDir: string },
  io: CommandIO,
): Promise<void> {
  const { templatesDir } = options;
  const view = issueView(rendered);
  const out = options.out ?? pdfFileName(view);
  if (options.out === undefined) checkPdfFile(out, { contentDir: options.content, templatesDir });
  const workDir = await mkdtemp(join(tmpdir(), 'jianbao-pdf-'));
  const removeWork = () => rm(workDir, { recursive: true, force: true });
  const forgetWork = onInterrupt(removeWork);
  try {
    const printer = createPrinter({ browser: await findBrowser({ browser: options.browser }), profileDir: join(workDir, 'chromium') });
    const edition = pdfEdition({
      engine: createNunjucksEngine(templatesDir),
      series,
      templatesDir,
      workDir: join(workDir, 'pages'),
      printer,
      images: await imageFiles([rendered]),
    });
    try {
      const pdf = await edition.render(rendered, resolve(out));
      for (const line of formatProblems({ errors: [], warnings: pdf.warnings })) io.stderr(`${line}\n`);
      io.stdout(`jianbao: ${view.label} → ${out} (${pdf.pages} page${pdf.pages === 1 ? '' : 's'}, ${pdf.size} bytes, ${pdf.ms} ms)\n`);
    } finally {
      await printer.close();
    }
  } finally {
    forgetWork();
    await removeWork();
  }
}
