import { buildCommand } from './build.ts';
import { pdfCommand } from './pdf.ts';
import { checkCommand } from './check.ts';
import type { Command, CommandIO } from './command.ts';
import { devCommand } from './dev.ts';
import { newCommand } from './new.ts';
import { initCommand } from './init.ts';
import { importCommand } from './import.ts';
import { version } from './version.ts';
import { ContentError, formatProblems, summarize } from '../report/messages.ts';
import { describeSystemError } from '../report/system-error.ts';

const COMMANDS: readonly Command[] = [initCommand, buildCommand, checkCommand, newCommand, importCommand, pdfCommand, devCommand];

const processIO: CommandIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY,
};

function usage(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `Usage: jianbao <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun \`jianbao <command> --help\` for a command's options, \`jianbao --version\` for the version.\n`;
}

/** Run the CLI; resolves to the process exit code. */
export async function main(argv: readonly string[], io: CommandIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 1;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout(`jianbao ${version()}\n`);
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`jianbao: unknown command “${name}”\n\n${usage()}`);
    return 1;
  }
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
