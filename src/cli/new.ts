import { parseArgs } from 'node:util';
import { isoDate } from '../load/schema.ts';
import { createIssue } from '../new/create-issue.ts';
import { today } from '../util/today.ts';
import type { Command } from './command.ts';

export const newCommand: Command = {
  name: 'new',
  summary: 'Start the next issue, carrying the newest issue’s tables forward',
  usage: `jianbao new [--content DIR] [--date YYYY-MM-DD] [--supplement]

  --content DIR      content folder (default: content)
  --date YYYY-MM-DD  the issue's date (default: today)
  --supplement       start the year's next supplement (增刊) instead, in <year>/s<number>/

Writes <content>/<year>/<number>/index.md, numbered after the newest issue, and prints its path.
The series is carried forward from the newest regular issue: the articles holding ::table lines,
their headings with the period moved on (2024年2月… → 2024年3月…) and their ::table lines as
written, each table file copied beside the new issue; \`jianbao check\` warns until its numbers
are updated. Without tables to carry, and for a supplement, a starter progress.csv. Never
overwrites a file. To start from a Word draft: \`jianbao import draft.docx\`.`,
  async run(argv, io) {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        content: { type: 'string', default: 'content' },
        date: { type: 'string', default: today() },
        supplement: { type: 'boolean', default: false },
      },
      strict: true,
    });
    const created = await createIssue(values.content, dateOption(values.date), { supplement: values.supplement });
    io.stdout(`${created.path}\n`);
    return 0;
  },
};

/** The `--date` value, checked. */
export function dateOption(value: string): string {
  const date = isoDate.safeParse(value);
  if (!date.success) throw new Error(`--date: ${date.error.issues[0]?.message ?? 'Expected a date as YYYY-MM-DD'}, got ${value}`);
  return date.data;
}
