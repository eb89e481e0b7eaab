import { main } from '../../src/cli/main.ts';

/** Run `jianbao …` in-process; stdout and stderr as lines. */
export async function runCli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  // The warnings a build prints from the cache's stored text come as UTF-8 bytes.
  const code = await main(argv, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += typeof text === 'string' ? text : Buffer.from(text).toString('utf8')),
  });
  return { code, stdout, stderr, lines: stderr.split('\n').filter(Boolean) };
}
