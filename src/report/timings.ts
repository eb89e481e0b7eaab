/** How long each phase of a build took, in the order they ran. */
export type PhaseTimings = ReadonlyArray<{ readonly phase: string; readonly ms: number }>;

/** Times a build's phases: `await timer.time('render', () => …)`. */
export class PhaseTimer {
  readonly #entries: { phase: string; ms: number }[] = [];

  async time<T>(phase: string, work: () => Promise<T> | T): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.#entries.push({ phase, ms: performance.now() - started });
    }
  }

  get entries(): PhaseTimings {
    return this.#entries;
  }
}

/** `load 120 ms · render 900 ms · write 300 ms`, what `jianbao build --timings` prints. */
export function formatTimings(timings: PhaseTimings): string {
  return timings.map(({ phase, ms }) => `${phase} ${Math.round(ms)} ms`).join(' · ');
}
