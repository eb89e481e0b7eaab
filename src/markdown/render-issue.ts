import type { VFile } from 'vfile';
import type { Issue, RenderedIssue } from '../model.ts';
import type { Processor } from './processor.ts';

/**
 * Run an issue's Markdown through the processor. Problems are messages on `file`
 * (fatal ones stop the build); the result is undefined when the issue cannot be rendered.
 */
export async function renderIssue(processor: Processor, issue: Issue, file: VFile): Promise<RenderedIssue | undefined> {
  const before = file.messages.length;
  await processor.process(file);
  if (file.messages.slice(before).some((message) => message.fatal)) return undefined;
  return {
    issue,
    html: String(file.value),
    articles: file.data.articles ?? [],
    dependencies: file.data.dependencies ?? [],
    tables: file.data.tables ?? [],
  };
}
