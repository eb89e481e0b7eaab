/** Something the build reports while it runs. */
export type ProgressEvent =
  | { readonly kind: 'phase'; readonly phase: string }
  | { readonly kind: 'issue'; readonly done: number; readonly total: number }
  /** Files of a download edition made or taken from the cache; `label` names one (`PDF`). */
  | { readonly kind: 'download'; readonly label: string; readonly done: number; readonly total: number };

export interface ProgressDisplay {
  update(event: ProgressEvent): void;
  /** Clear the live line, if any, before the summary is printed. */
  finish(): void;
}

export interface ProgressOptions {
  /** Where the display goes. */
  readonly stream: { write(text: string): unknown; readonly isTTY?: boolean; readonly columns?: number };
  /**
   * `live`: one line redrawn in place (a terminal); `lines`: a plain line now and then (CI, logs);
   * `quiet`: nothing.
   * @default 'live' on a terminal unless CI=true, else 'lines'
   */
  readonly mode?: 'live' | 'lines' | 'quiet';
  /** @default Date.now */
  readonly now?: () => number;
}

/** How often the live line is redrawn, and how often `lines` mode prints, in milliseconds. */
const LIVE_INTERVAL = 100;
const LINES_INTERVAL = 5_000;

export function progressMode(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): 'live' | 'lines' {
  return stream.isTTY && env.CI !== 'true' && env.CI !== '1' ? 'live' : 'lines';
}

/**
 * Issues and PDFs done of total, elapsed time and an estimate of the time left: redrawn on one
 * line on a terminal, printed as plain lines elsewhere (at most every 5 s, and when a step ends).
 */
export function createProgress(options: ProgressOptions): ProgressDisplay {
  const mode = options.mode ?? progressMode(options.stream);
  const now = options.now ?? Date.now;
  const started = now();
  /** By what is counted: `issues`, `PDFs`. */
  const counts = new Map<string, { done: number; total: number; started: number }>();
  let phase = '';
  let phaseStarted = started;
  let lastDraw = started;
  let live = false;

  function line(): string {
    const elapsed = (now() - started) / 1000;
    const parts = [...counts].map(([counted, { done, total }]) => `${counted} ${done}/${total}`);
    const current = [...counts.values()].at(-1);
    let eta = '';
    if (current && current.done > 0 && current.done < current.total) {
      const rate = current.done / Math.max(1, now() - current.started);
      eta = ` · about ${formatSeconds((current.total - current.done) / rate / 1000)} left`;
    }
    return `jianbao: ${[phase, ...parts].filter(Boolean).join(' · ')} · ${formatSeconds(elapsed)}${eta}`;
  }

  function draw(force: boolean): void {
    if (mode === 'quiet') return;
    const time = now();
    if (!force && time - lastDraw < (mode === 'live' ? LIVE_INTERVAL : LINES_INTERVAL)) return;
    lastDraw = time;
    if (mode === 'live') {
      const width = (options.stream.columns ?? 80) - 1;
      options.stream.write(`\r\x1b[2K${line().slice(0, width)}`);
      live = true;
    } else {
      options.stream.write(`${line()}\n`);
    }
  }

  return {
    update(event) {
      if (event.kind === 'phase') {
        phase = event.phase;
        phaseStarted = now();
        draw(mode === 'live');
        return;
      }
      const counted = event.kind === 'issue' ? 'issues' : `${event.label}s`;
      const count = counts.get(counted) ?? { done: 0, total: event.total, started: phaseStarted };
      count.done = event.done;
      count.total = event.total;
      counts.set(counted, count);
      draw(event.done === event.total);
    },
    finish() {
      if (live) options.stream.write('\r\x1b[2K');
      live = false;
    },
  };
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}
