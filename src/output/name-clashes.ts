import { placeIn } from '../util/text-place.ts';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { RenderedIssue } from '../model.ts';
import { reportProblem } from '../report/messages.ts';
import { ISSUE_EDITIONS, type IssueEdition } from './editions.ts';

/**
 * A file an issue links or shows named as a file an edition makes in the issue's folder (its page
 * `index.html`, its PDF `2021-11.pdf`, its share picture `share.png`): written after it, the
 * made file would take its place, and the link would lead to the print edition, say. An error at
 * the link, for each, before any edition is made. The issue's text is read only for a clash.
 */
export function nameClashes(issues: readonly RenderedIssue[], editions: readonly IssueEdition[] = ISSUE_EDITIONS): VFileMessage[] {
  const messages: VFileMessage[] = [];
  for (const { issue, attachments } of issues) {
    for (const name of attachments) {
      const edition = editions.find((each) => each.fileName(issue) === name);
      if (!edition) continue;
      const file = new VFile({ path: issue.source, value: issue.markdown });
      messages.push(
        reportProblem(
          file,
          `Cannot publish ${name}, which this issue links or shows: the build writes the issue's ${edition.label} under that name beside it, which would take its place; rename the file and its link`,
          { place: linkPlace(file, name), ruleId: 'attachment-name' },
        ),
      );
    }
  }
  return messages;
}

/** Where the Markdown first names the file as a link's or an image's address, if it does. */
function linkPlace(file: VFile, name: string): { line: number; column: number } | undefined {
  const text = String(file.value);
  const found = new RegExp(`\\]\\(\\s*<?(?:\\./)?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(text);
  if (!found) return undefined;
  return placeIn(text, found.index + found[0].length - name.length);
}
