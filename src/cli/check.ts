import { parseArgs } from 'node:util';
import { resolveTemplates } from '../site/templates-folder.ts';
import { applyFixes } from '../markdown/apply-fixes.ts';
import { checkTemplates } from '../site/check-templates.ts';
import { nameClashes } from '../output/name-clashes.ts';
import { withValidation } from '../pipeline.ts';
import { createNunjucksEngine } from '../site/engine.ts';
import { formatMessage, formatProblems, problemsIn, summarizeCounts } from '../report/messages.ts';
import { CACHE_OPTIONS, type Command, type CommandIO, cacheDirOf } from './command.ts';
import { handleInterrupts } from '../util/interrupt.ts';

export const checkCommand: Command = {
  name: 'check',
  summary: 'Check the content as a build would, writing nothing',
  usage: `jianbao check [--content DIR] [--templates DIR] [--cache DIR | --no-cache] [--fix] [--strict]

  --content DIR    content folder (default: content)
  --templates DIR  templates folder whose templates must compile (default: ./templates, else the bundled ones)
  --cache DIR      build cache to take the issues unchanged since a build from, read-only (default:
                   the one \`jianbao build\` keeps, .cache/jianbao/<content folder>-<hash>)
  --no-cache       check every issue from scratch
  --fix            make the typography warnings' safe fixes in the Markdown files, and say which
  --strict         fail on warnings too

Prints every problem as path:line:column: message, errors first, then warnings
(path:line:column: warning: message). Exits 1 on any error, or on any warning with --strict.`,
  async run(argv, io) {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        content: { type: 'string', default: 'content' },
        templates: { type: 'string' },
        ...CACHE_OPTIONS,
        fix: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
      },
      strict: true,
    });
    const templatesDir = resolveTemplates(values.templates);
    const cacheDir = cacheDirOf(values);
    // Ctrl-C removes the scratch folder.
    const stopHandling = handleInterrupts(() => io.stderr('jianbao: interrupted\n'));
    try {
      return await check(values, templatesDir, cacheDir, io);
    } finally {
      stopHandling();
    }
  },
};

async function check(
  values: { readonly content: string; readonly fix: boolean; readonly strict: boolean },
  templatesDir: string,
  cacheDir: string | false | undefined,
  io: CommandIO,
): Promise<number> {
  return withValidation(
    values.content,
    async (content) => {
      const inTemplates = problemsIn(await checkTemplates(templatesDir, createNunjucksEngine(templatesDir)));
      const fixed = values.fix ? await applyFixes(content.warnings) : [];
      // The warning's text gives way to what was fixed; its rule id stays at the end.
      for (const fix of fixed)
        io.stdout(`${formatMessage(fix.message).replace(/warning: .*?(?=( \[[a-z-]+\])?$)/, `fixed: “${fix.actual}” → “${fix.expected}”`)}\n`);
      const fixedMessages = new Set(fixed.map((fix) => fix.message));
      const errors = [...content.errors, ...nameClashes(content.issues), ...inTemplates.errors];
      const folder = values.content.replace(/\/+$/, '') || '.';
      const count = content.site.files.length - 1;
      const checked = `checked ${count} issue file${count === 1 ? '' : 's'} in ${folder}/`;
      for (const line of formatProblems({ errors, warnings: [] })) io.stderr(`${line}\n`);
      // Then the warnings, a file's at a time: an archive's are never all held (10,000 synthetic
      // issues: 330,000), unless --fix needed them.
      let warnings = 0;
      for (const byFile of [content.warningsByFile(), [inTemplates.warnings]]) {
        for (const ofFile of byFile) {
          const left = ofFile.filter((warning) => !fixedMessages.has(warning));
          warnings += left.length;
          if (left.length > 0) io.stderr(`${formatProblems({ errors: [], warnings: left }).join('\n')}\n`);
        }
      }
      if (errors.length === 0 && warnings === 0) {
        io.stdout(`jianbao: ${checked}: no problems\n`);
        return 0;
      }
      io.stderr(`jianbao: ${checked}: ${summarizeCounts(errors.length, warnings)}\n`);
      return errors.length > 0 || (values.strict && warnings > 0) ? 1 : 0;
    },
    { cacheDir },
  );
}
