import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { initBulletin, packedDependency } from '../new/init-bulletin.ts';
import type { Command } from './command.ts';
import { today } from '../util/today.ts';
import { dateOption } from './new.ts';
import { version } from './version.ts';

const QUESTIONS = {
  title: 'Series title (简报名称, such as 梅州市城镇老旧小区改造工作简报): ',
  issuer: 'Issuer (印发机关, such as 梅州市住房和城乡建设局): ',
  url: 'Site URL (where the archive is published, such as https://example.org/jianbao/): ',
} as const;

export const initCommand: Command = {
  name: 'init',
  summary: 'Start a bulletin in a folder of its own',
  usage: `jianbao init [DIR] [--title TITLE] [--issuer ISSUER] [--url URL] [--date YYYY-MM-DD] [--total N]

  DIR                the bulletin's folder (default: this folder)
  --title TITLE      the series title, such as 梅州市城镇老旧小区改造工作简报
  --issuer ISSUER    the issuing office, such as 梅州市住房和城乡建设局
  --url URL          where the archive is published, such as https://example.org/jianbao/
  --date YYYY-MM-DD  the first issue's date (default: today)
  --total N          the first issue's 总第N期, where the series' count goes on from issues
                     published before (default: 1)

Writes content/bulletin.yaml, the first issue (content/<year>/1/index.md and progress.csv),
package.json with the build, check and dev scripts, .gitignore and the GitHub Pages workflow
(.github/workflows/publish.yml). On a terminal it asks for what the options do not give; it
never overwrites a file (a package.json or .gitignore gets what it lacks).`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: {
        title: { type: 'string' },
        issuer: { type: 'string' },
        url: { type: 'string' },
        date: { type: 'string', default: today() },
        total: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 1) throw new Error(`Expected at most one folder, got ${positionals.length}: ${positionals.join(' ')}`);
    const dir = positionals[0] ?? '.';
    const date = dateOption(values.date);
    const total = values.total === undefined ? undefined : totalOption(values.total);
    const answers = { title: values.title, issuer: values.issuer, url: values.url };
    const missing = (Object.keys(QUESTIONS) as Array<keyof typeof QUESTIONS>).filter((key) => answers[key] === undefined);
    if (missing.length > 0) {
      if (!process.stdin.isTTY || !io.isTTY) throw new Error(`Expected ${missing.map((key) => `--${key}`).join(', ')} when not run on a terminal`);
      Object.assign(answers, await ask(missing, process.stdin, process.stdout));
    }
    const written = await initBulletin(dir, { title: answers.title!, issuer: answers.issuer!, url: answers.url!, date, total }, version());
    for (const path of written) io.stdout(`${join(dir, path)}\n`);
    const cd = dir === '.' ? '' : `cd ${shellWord(dir)} && `;
    // jianbao is not on the npm registry: the dependency init wrote names the packed file, which
    // is to be copied there (README, Start your own bulletin).
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    const packed = `jianbao-${version()}.tgz`;
    if (manifest.dependencies?.['jianbao'] === packedDependency(version()) && !existsSync(join(dir, 'vendor', packed))) {
      io.stdout(
        `\nNext: copy ${packed} (npm pack in jianbao's folder writes it) into ${join(dir, 'vendor')}/, then\n  ${cd}npm install && npx jianbao build\n`,
      );
    } else io.stdout(`\nNext: ${cd}npm install && npx jianbao build\n`);
    return 0;
  },
};

/** `--total`: a whole number from 1, as the frontmatter's `total` is. */
function totalOption(value: string): number {
  if (!/^[1-9]\d{0,5}$/.test(value)) throw new Error(`--total: Expected the first issue's 总第N期 as a whole number from 1, such as 37, got ${value}`);
  return Number(value);
}

/** `path` as one word of a shell command, quoted where it holds a space or a character the shell reads. */
function shellWord(path: string): string {
  return /^[\p{L}\p{N}_@%+=:,./-]+$/u.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}

/**
 * Ask each of `keys`' questions on the terminal, in turn. The answers are read as the terminal's
 * lines, queued: three answers pasted at once each go to their question, where `question` took
 * the first and lost the others as it waited for the second. Ends early when the input does
 * (Ctrl+D).
 */
export async function ask<Key extends keyof typeof QUESTIONS>(
  keys: readonly Key[],
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<Partial<Record<Key, string>>> {
  const terminal = createInterface({ input, output });
  const lines = terminal[Symbol.asyncIterator]();
  const answers: Partial<Record<Key, string>> = {};
  try {
    for (const key of keys) {
      output.write(QUESTIONS[key]);
      const line = await lines.next();
      if (line.done) throw new Error('Expected an answer, found the end of the input (Ctrl+D); nothing was written');
      answers[key] = line.value.trim();
    }
  } finally {
    terminal.close();
  }
  return answers;
}
