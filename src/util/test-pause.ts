import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file `testPause` writes into the build's own folder once it has stopped. */
export const PAUSED_FILE = 'paused';

/**
 * A seam for the tests of interrupted builds, not a setting for users: with the environment
 * variable JIANBAO_PAUSE_AT set to a phase of `build` (`validate`, `pages`, `write`, …), or to
 * `check` (`withValidation`, once the content is checked), the build stops before that phase,
 * writes PAUSED_FILE into its folder `workDir` and waits there
 * until a signal ends it. A test then interrupts the build at exactly that point, instead of
 * racing a large archive to catch it midway.
 */
export async function testPause(phase: string, workDir: string): Promise<void> {
  if (process.env.JIANBAO_PAUSE_AT !== phase) return;
  writeFileSync(join(workDir, PAUSED_FILE), phase);
  // A pending timer keeps the process alive (a bare promise would let it exit), and the event loop
  // free for the signal handlers.
  await new Promise(() => setInterval(() => {}, 60_000));
}
