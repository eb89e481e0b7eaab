import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * What some test files need from the machine besides Node and npm: the program that reads PDFs
 * back, and a Chinese face for the browser tests that measure the web pages. `bash .ci/run`
 * installs both on a fresh Debian machine; the README's `npm test` then runs every file.
 */
export interface SystemTool {
  /** As the notice names it, with how to install it. */
  readonly name: string;
  /** What in a test file shows it needs the tool. */
  readonly marker: RegExp;
  readonly present: () => boolean;
}

const TOOLS: readonly SystemTool[] = [
  {
    name: 'poppler-utils, which the PDF layout tests read PDFs back with (Debian: apt-get install poppler-utils)',
    marker: /poppler\.ts|print-pages\.ts|'pdf(?:fonts|images|info|toppm|totext)'/,
    present: () => output('pdftotext', ['-v']) !== undefined,
  },
  {
    name: 'a Chinese system font, which the browser tests lay the web pages out in (Debian: apt-get install fonts-noto-cjk)',
    marker: /useServedSample\(/,
    present: () => Boolean(output('fc-list', [':lang=zh'])?.trim()),
  },
];

/** Standard output of `command`, or undefined when it is not there or fails. */
function output(command: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/**
 * The test files under `root`'s `tests/` that need a tool this machine lacks, by path from
 * `root`, and a notice saying which and how to run them. In CI (`CI=true`, as the build's
 * progress display tells it) none is left out: a missing tool fails its tests there, as it
 * should. `ci` and `present` stand in for the environment and the machine in this helper's own
 * test.
 */
export function testsLeftOut(
  root: string,
  {
    ci = process.env.CI === 'true' || process.env.CI === '1',
    present = (tool: SystemTool) => tool.present(),
  }: { readonly ci?: boolean; readonly present?: (tool: SystemTool) => boolean } = {},
): { readonly files: readonly string[]; readonly notice: string | undefined } {
  if (ci) return { files: [], notice: undefined };
  const missing = TOOLS.filter((tool) => !present(tool));
  if (missing.length === 0) return { files: [], notice: undefined };
  const tests = readdirSync(join(root, 'tests'), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.test.ts'))
    .map((path) => join(root, 'tests', path));
  const lines: string[] = [];
  const files: string[] = [];
  for (const tool of missing) {
    const needing = tests.filter((file) => tool.marker.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file).replaceAll('\\', '/'));
    files.push(...needing);
    lines.push(`  ${needing.length} test files need ${tool.name}`);
  }
  const notice = [
    `jianbao tests: left out for want of what npm does not install (with it, or with \`bash .ci/run\` on Debian, they run; CI=true never leaves them out):`,
    ...lines,
  ].join('\n');
  return { files: [...new Set(files)], notice };
}
