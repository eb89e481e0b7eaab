import { describe, expect, it } from 'vitest';
import { createProgress, progressMode } from '../../src/report/progress.ts';

function recorder() {
  const chunks: string[] = [];
  let time = 0;
  return { chunks, stream: { write: (text: string) => chunks.push(text) }, now: () => time, advance: (ms: number) => (time += ms) };
}

describe('progress display', () => {
  it('prints plain lines when a step ends, and at most every 5 s in between', () => {
    const { chunks, stream, now, advance } = recorder();
    const progress = createProgress({ stream, mode: 'lines', now });
    progress.update({ kind: 'phase', phase: 'render' });
    advance(1000);
    progress.update({ kind: 'issue', done: 1, total: 4 });
    advance(1000);
    progress.update({ kind: 'issue', done: 2, total: 4 });
    advance(5000);
    progress.update({ kind: 'issue', done: 3, total: 4 });
    progress.update({ kind: 'issue', done: 4, total: 4 });
    progress.finish();
    expect(chunks).toEqual(['jianbao: render · issues 3/4 · 7.0 s · about 2.3 s left\n', 'jianbao: render · issues 4/4 · 7.0 s\n']);
  });

  it('redraws one line on a terminal and clears it at the end', () => {
    const { chunks, stream, now, advance } = recorder();
    const progress = createProgress({ stream: { ...stream, columns: 200 }, mode: 'live', now });
    progress.update({ kind: 'phase', phase: 'pdf' });
    advance(500);
    progress.update({ kind: 'download', label: 'PDF', done: 1, total: 2 });
    progress.finish();
    expect(chunks).toEqual(['\r\x1b[2Kjianbao: pdf · 0.0 s', '\r\x1b[2Kjianbao: pdf · PDFs 1/2 · 0.5 s · about 0.5 s left', '\r\x1b[2K']);
  });

  it('prints nothing when quiet', () => {
    const { chunks, stream, now } = recorder();
    const progress = createProgress({ stream, mode: 'quiet', now });
    progress.update({ kind: 'issue', done: 1, total: 1 });
    progress.finish();
    expect(chunks).toEqual([]);
  });

  it('uses plain lines in CI and off a terminal', () => {
    expect(progressMode({ isTTY: true }, {})).toBe('live');
    expect(progressMode({ isTTY: true }, { CI: 'true' })).toBe('lines');
    expect(progressMode({ isTTY: false }, {})).toBe('lines');
  });
});
