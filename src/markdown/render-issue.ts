import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { VFile } from 'vfile';
import type { Issue, RenderedIssue } from '../model.ts';
import { reportProblem } from '../report/messages.ts';
import { findTooDeep } from './markdown-depth.ts';
import type { Processor } from './processor.ts';
import { issueTable } from '../table/table-record.ts';

/**
 * Run an issue's Markdown through the processor. Problems are messages on `file`
 * (fatal ones stop the build); the result is undefined when the issue cannot be rendered.
 * Markdown nested too deep for the parser is refused before it is parsed; should the stack still
 * run out, that is an error on the issue too, not a crash.
 */
export async function renderIssue(processor: Processor, issue: Issue, file: VFile): Promise<RenderedIssue | undefined> {
  const before = file.messages.length;
  const tooDeep = findTooDeep(issue.markdown);
  if (tooDeep) {
    reportProblem(file, tooDeep.reason, { place: tooDeep.place, ruleId: 'markdown-too-deep' });
    return undefined;
  }
  // For the checks that compare with the previous issue (a carried table left unchanged).
  file.data.previousIssue = issue.previous;
  try {
    await processor.process(file);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    reportProblem(
      file,
      `Cannot render this issue: its Markdown nests too deep for the parser (${error.message}); look for long runs of \`*\`, \`[\`, \`>\` or list markers`,
      { place: { line: 1, column: 1 }, ruleId: 'markdown-too-deep' },
    );
    return undefined;
  }
  if (file.messages.slice(before).some((message) => message.fatal)) return undefined;
  return {
    issue,
    html: String(file.value),
    // Set by the processor's compiler, rehype-html-editions.
    printHtml: file.data.printHtml!,
    articles: file.data.articles ?? [],
    dependencies: file.data.dependencies ?? [],
    attachments: ownFiles(file.data.linked ?? [], dirname(resolve(issue.source))),
    tables: (file.data.tables ?? []).map(issueTable),
    images: file.data.images ?? [],
  };
}

/** Of `paths`, those inside `folder`, relative to it with `/`. */
function ownFiles(paths: readonly string[], folder: string): string[] {
  return paths.flatMap((path) => {
    const own = relative(folder, path);
    return own === '' || own.startsWith('..') || isAbsolute(own) ? [] : [own.split('\\').join('/')];
  });
}
