import { main } from '../../src/cli/main.ts';

/** Run `jianbao …` in-process; stdout and stderr as lines. */
export async function runCli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr, lines: stderr.split('\n').filter(Boolean) };
}
