import { readFile, writeFile } from 'node:fs/promises';
import type { VFileMessage } from 'vfile-message';
import { withLf } from '../load/read-issue-file.ts';

/** One fix made: the warning it answers, and the source text before and after. */
export interface AppliedFix {
  readonly message: VFileMessage;
  readonly actual: string;
  readonly expected: string;
}

/**
 * Apply the fixes warnings carry (`expected`, for their place's source range; the typography
 * check's) to their Markdown files, in place. A fix is made only where the file still holds the
 * text it was found in (`actual`) and no other fix overlaps it; the others wait for the next run.
 * Resolves to the fixes made, in file and document order.
 */
export async function applyFixes(warnings: readonly VFileMessage[]): Promise<AppliedFix[]> {
  const byFile = new Map<string, VFileMessage[]>();
  for (const message of warnings) {
    if (message.file && fixRange(message)) byFile.set(message.file, [...(byFile.get(message.file) ?? []), message]);
  }
  const applied: AppliedFix[] = [];
  for (const [path, messages] of byFile) {
    // Places are in the text as the build read it (see `withLf`); the file keeps its BOM and line endings.
    const raw = await readFile(path, 'utf8');
    const bom = raw.startsWith('\ufeff') ? '\ufeff' : '';
    const crlf = raw.includes('\r\n');
    const source = withLf(raw.slice(bom.length));
    const fixes: AppliedFix[] = [];
    let end = 0;
    for (const message of messages.sort((a, b) => fixRange(a)![0] - fixRange(b)![0])) {
      const [from, to] = fixRange(message)!;
      if (from < end || source.slice(from, to) !== message.actual) continue;
      fixes.push({ message, actual: message.actual, expected: message.expected![0]! });
      end = to;
    }
    if (fixes.length === 0) continue;
    let fixed = source;
    for (const fix of [...fixes].reverse()) {
      const [from, to] = fixRange(fix.message)!;
      fixed = fixed.slice(0, from) + fix.expected + fixed.slice(to);
    }
    await writeFile(path, bom + (crlf ? fixed.replaceAll('\n', '\r\n') : fixed));
    applied.push(...fixes);
  }
  return applied;
}

/** The source offsets a warning's fix replaces, when it has one. */
function fixRange(message: VFileMessage): [number, number] | undefined {
  const place = message.place;
  if (!place || !('start' in place) || message.actual == null || message.expected?.length !== 1) return undefined;
  const { offset: from } = place.start;
  const { offset: to } = place.end;
  return from === undefined || to === undefined ? undefined : [from, to];
}
