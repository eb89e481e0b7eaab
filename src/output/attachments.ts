import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { RenderedIssue } from '../model.ts';
import type { CopiedFile } from './write-output.ts';

/**
 * The files an issue's Markdown uses from its own folder (images, CSV tables), placed at the
 * same relative path beside its page, so `![…](photo.jpg)` resolves on the web page and on the
 * print page alike, and readers can download a table's CSV.
 */
export function issueAttachments(rendered: RenderedIssue): CopiedFile[] {
  const folder = dirname(resolve(rendered.issue.source));
  return rendered.dependencies.flatMap((dependency) => {
    const path = relative(folder, resolve(dependency));
    if (path === '' || path.startsWith('..') || isAbsolute(path)) return [];
    return [{ path: `${rendered.issue.path}${path.split('\\').join('/')}`, source: resolve(dependency) }];
  });
}
