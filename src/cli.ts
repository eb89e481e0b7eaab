import { parseArgs } from 'node:util';
import { build } from './build/build.ts';
import { ContentError, formatMessage } from './report/messages.ts';

const USAGE = `Usage: jianbao <command> [options]

Commands:
  build     Build every issue's page and the archive index

Options for build:
  --content DIR    content folder (default: content)
  --out DIR        output folder (default: dist)
  --templates DIR  templates folder (default: ./templates, else the bundled ones)
  -h, --help       show this help
`;

/** Run the CLI; resolves to the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE);
    return command ? 0 : 1;
  }
  try {
    switch (command) {
      case 'build':
        return await runBuild(rest);
      default:
        process.stderr.write(`jianbao: unknown command “${command}”\n\n${USAGE}`);
        return 1;
    }
  } catch (error) {
    return report(error);
  }
}

async function runBuild(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'dist' },
      templates: { type: 'string' },
      // Accepted now so scripts can pass it; PDFs are not built yet.
      'no-pdf': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const started = performance.now();
  const result = await build({ contentDir: values.content, outDir: values.out, templatesDir: values.templates });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  process.stdout.write(`jianbao: built ${result.issues.length} issues into ${result.outDir}/ in ${seconds} s\n`);
  return 0;
}

function report(error: unknown): number {
  if (error instanceof ContentError) {
    for (const message of error.messages) process.stderr.write(`${formatMessage(message)}\n`);
    process.stderr.write(`jianbao: ${error.message}; nothing was written\n`);
    return 1;
  }
  const text = error instanceof Error ? error.message : String(error);
  process.stderr.write(`jianbao: ${text}\n`);
  return 1;
}
