import { parseArgs } from 'node:util';
import { build } from '../build/build.ts';
import { formatProblems } from '../report/messages.ts';
import type { Command } from './command.ts';

export const buildCommand: Command = {
  name: 'build',
  summary: 'Build every issue’s page and the archive index',
  usage: `jianbao build [--content DIR] [--out DIR] [--templates DIR]

  --content DIR    content folder (default: content)
  --out DIR        output folder (default: dist)
  --templates DIR  templates folder (default: ./templates, else the bundled ones)`,
  async run(argv, io) {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        content: { type: 'string', default: 'content' },
        out: { type: 'string', default: 'dist' },
        templates: { type: 'string' },
      },
      strict: true,
    });
    const started = performance.now();
    const result = await build({ contentDir: values.content, outDir: values.out, templatesDir: values.templates });
    for (const line of formatProblems({ errors: [], warnings: result.warnings })) io.stderr(`${line}\n`);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    io.stdout(`jianbao: built ${result.issues.length} issues into ${result.outDir}/ in ${seconds} s\n`);
    return 0;
  },
};
