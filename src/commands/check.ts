import { parseArgs } from 'node:util';
import { validateContent } from '../check/validate-content.ts';
import { formatProblems, summarize } from '../report/messages.ts';
import type { Command } from './command.ts';

export const checkCommand: Command = {
  name: 'check',
  summary: 'Check the content as a build would, writing nothing',
  usage: `jianbao check [--content DIR] [--strict]

  --content DIR  content folder (default: content)
  --strict       fail on warnings too

Prints every problem as path:line:column: message, errors first, then warnings
(path:line:column: warning: message). Exits 1 on any error, or on any warning with --strict.`,
  async run(argv, io) {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        content: { type: 'string', default: 'content' },
        strict: { type: 'boolean', default: false },
      },
      strict: true,
    });
    const result = await validateContent(values.content);
    const folder = values.content.replace(/\/+$/, '') || '.';
    const count = result.site.files.length - 1;
    const checked = `checked ${count} issue file${count === 1 ? '' : 's'} in ${folder}/`;
    if (result.errors.length === 0 && result.warnings.length === 0) {
      io.stdout(`jianbao: ${checked}: no problems\n`);
      return 0;
    }
    for (const line of formatProblems(result)) io.stderr(`${line}\n`);
    io.stderr(`jianbao: ${checked}: ${summarize(result)}\n`);
    return result.errors.length > 0 || (values.strict && result.warnings.length > 0) ? 1 : 0;
  },
};
