import { dirname, join, resolve } from 'node:path';
import type { RenderedIssue } from '../model.ts';
import type { CopiedFile } from './write-output.ts';

/**
 * The files from an issue's folder that its Markdown links to or shows (images, documents),
 * placed at the same relative path beside its page, so `![…](photo.jpg)` resolves on the web page
 * and on the print page alike. A `::table`'s source is not among them (see `RenderedIssue.attachments`).
 */
export function issueAttachments(rendered: RenderedIssue): CopiedFile[] {
  const folder = dirname(resolve(rendered.issue.source));
  return rendered.attachments.map((file) => ({ path: `${rendered.issue.path}${file}`, source: join(folder, ...file.split('/')) }));
}
