import { relative } from 'node:path';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

/** A build stopped by problems in the content; each message says where and what. */
export class ContentError extends Error {
  readonly messages: readonly VFileMessage[];
  constructor(messages: readonly VFileMessage[]) {
    super(`${messages.length} problem${messages.length === 1 ? '' : 's'} in the content`);
    this.name = 'ContentError';
    this.messages = messages;
  }
}

/** Fatal messages across files, in file order. */
export function fatalMessages(files: readonly VFile[]): VFileMessage[] {
  return files.flatMap((file) => file.messages.filter((message) => message.fatal));
}

/** Throw a ContentError when any file carries a fatal message. */
export function assertNoFatal(files: readonly VFile[]): void {
  const fatal = fatalMessages(files);
  if (fatal.length > 0) throw new ContentError(fatal);
}

/** `content/2021/11/index.md:3:7: message`, the form editors' tools jump to. */
export function formatMessage(message: VFileMessage, cwd = process.cwd()): string {
  const file = message.file ? relative(cwd, message.file) || message.file : '<unknown>';
  const place = message.line ? `:${message.line}:${message.column ?? 1}` : '';
  return `${file}${place}: ${message.reason}`;
}
