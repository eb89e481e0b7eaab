/**
 * Cleanups to run when the process is interrupted (Ctrl-C, SIGTERM) mid-build. Each may return
 * a promise: the process exits once all have settled, so a writer can finish the file system
 * call in flight and remove what it wrote.
 */
type Cleanup = () => void | Promise<void>;

const cleanups = new Set<Cleanup>();
let interrupted = false;

/** Whether a signal arrived: work failing after it failed because of the cleanups, not on its own. */
export function wasInterrupted(): boolean {
  return interrupted;
}

/** Register `cleanup` until the returned function is called. */
export function onInterrupt(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => void cleanups.delete(cleanup);
}

/**
 * Run every registered cleanup, the newest first and one at a time, as nested `finally` blocks
 * would: the browser started during a build closes before the build's folder, which holds its
 * profile, is removed. One failing does not stop the others.
 */
export async function runInterruptCleanups(): Promise<void> {
  const pending = [...cleanups].reverse();
  cleanups.clear();
  for (const cleanup of pending) {
    try {
      await cleanup();
    } catch {
      // The next cleanup still runs.
    }
  }
}

const EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

/**
 * Until the returned function is called, SIGINT and SIGTERM run the cleanups, call `notify`
 * and exit with 128 + the signal number (130 for Ctrl-C), as shells expect. A second Ctrl-C
 * while cleaning up exits at once.
 */
export function handleInterrupts(notify: (signal: NodeJS.Signals) => void): () => void {
  const handler = (signal: NodeJS.Signals) => {
    interrupted = true;
    void runInterruptCleanups().then(() => {
      notify(signal);
      process.exit(EXIT_CODES[signal] ?? 1);
    });
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
