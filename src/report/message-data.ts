import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { memoize } from '../util/memoize.ts';
import { addMessage, problemsIn } from './messages.ts';

/**
 * A message as plain data: how it crosses from a render worker to the main thread, and how the
 * build cache keeps an issue's warnings to show them again when the issue comes from the cache.
 */
export interface MessageData {
  readonly reason: string;
  /** The file the message is about, when not the issue's own (a CSV). */
  readonly file?: string | undefined;
  readonly name: string;
  readonly place?: VFileMessage['place'];
  /** The place in the file's own terms, when not its line and column (a workbook's `3月进展!E12`). */
  readonly where?: string | undefined;
  readonly ruleId?: string | undefined;
  readonly source?: string | undefined;
  readonly fatal?: boolean | null | undefined;
  readonly url?: string | undefined;
  readonly note?: string | undefined;
  /** A warning's fix: the source it replaces and what with. */
  readonly actual?: string | undefined;
  readonly expected?: readonly string[] | undefined;
}

export function toMessageData(message: VFileMessage): MessageData {
  const { reason, file, name, place, where, ruleId, source, fatal, url, note, actual, expected } = message;
  return { reason, file, name, place, where, ruleId, source, fatal, url, note, actual, expected };
}

/** Put the message back on `file`, as it was. */
export function restoreMessage(file: VFile, data: MessageData): VFileMessage {
  const message = addMessage(file, shared(data.reason), { place: data.place, ruleId: shared(data.ruleId), source: shared(data.source) });
  message.fatal = data.fatal;
  if (data.file !== undefined) message.file = shared(data.file);
  message.name = shared(data.name);
  if (data.where) message.where = data.where;
  if (data.url) message.url = data.url;
  if (data.note) message.note = data.note;
  if (data.actual != null) message.actual = shared(data.actual);
  if (data.expected) message.expected = data.expected.map(shared);
  return message;
}

/**
 * The warnings stored for each file at `source` (an issue, taken from the build cache), put back
 * as messages in the order a build reports them (see `problemsIn`).
 */
export function restoredWarnings(stored: readonly { readonly source: string; readonly warnings: readonly MessageData[] }[]): readonly VFileMessage[] {
  return problemsIn(
    stored.map(({ source, warnings }) => {
      const file = new VFile({ path: source });
      for (const warning of warnings) restoreMessage(file, warning);
      return file;
    }),
  ).warnings;
}

/**
 * One copy of a message's text for all the messages that repeat it. A message from a render
 * worker or the cache arrives with new strings, and an archive's warnings repeat a few reasons,
 * rule ids and fixes hundreds of thousands of times: at 5,000 synthetic issues (165,000
 * warnings) the copies held 40 MB until the warnings were printed. Bounded, so that a long
 * `jianbao dev` does not grow it.
 */
const intern = memoize(100_000, (text: string) => text);

function shared<T extends string | undefined>(text: T): T {
  return (text === undefined ? text : intern(text)) as T;
}
