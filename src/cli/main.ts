import type { Command, CommandIO } from './command.ts';
import { version } from './version.ts';
import { ContentError, formatProblems, summarize } from '../report/messages.ts';
import { describeSystemError } from '../report/system-error.ts';

/**
 * Each command's module by name, in the order the usage lists them, loaded only when that command
 * runs: loading every command's libraries (Markdown, templates, YAML, printing) cost each start
 * about 0.3 s, as much as a 10,000-issue build with nothing changed spends on its own work.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  init: async () => (await import('./init.ts')).initCommand,
  build: async () => (await import('./build.ts')).buildCommand,
  check: async () => (await import('./check.ts')).checkCommand,
  new: async () => (await import('./new.ts')).newCommand,
  import: async () => (await import('./import.ts')).importCommand,
  pdf: async () => (await import('./pdf.ts')).pdfCommand,
  dev: async () => (await import('./dev.ts')).devCommand,
};

const processIO: CommandIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY,
};

async function usage(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `Usage: jianbao <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun \`jianbao <command> --help\` for a command's options, \`jianbao --version\` for the version.\n`;
}

/** Run the CLI; resolves to the process exit code. */
export async function main(argv: readonly string[], io: CommandIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    io.stdout(await usage());
    return name ? 0 : 1;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout(`jianbao ${version()}\n`);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.stderr(`jianbao: unknown command “${name}”\n\n${await usage()}`);
    return 1;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`Usage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: CommandIO): number {
  if (error instanceof ContentError) {
    const problems = { errors: error.messages, warnings: error.warnings };
    for (const line of formatProblems(problems)) io.stderr(`${line}\n`);
    io.stderr(`jianbao: ${summarize(problems)} in the content; nothing was written\n`);
    return 1;
  }
  // parseArgs and the build throw plain errors whose message says what to fix; the system's
  // (ENOSPC, ENOTDIR, …) are put in a sentence that names the path.
  io.stderr(`jianbao: ${describeSystemError(error) ?? (error instanceof Error ? error.message : String(error))}\n`);
  return 1;
}
