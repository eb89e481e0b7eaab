import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblems, problemsIn } from '../report/messages.ts';
import type { Command } from './command.ts';
import { dateOption } from './new.ts';

export const importCommand: Command = {
  name: 'import',
  summary: 'Start the next issue from a Word draft (.docx): its text, tables as CSV, pictures',
  usage: `jianbao import <draft.docx> [--content DIR] [--date YYYY-MM-DD]

  --content DIR      content folder (default: content)
  --date YYYY-MM-DD  the issue's date (default: the date in the draft's masthead, else today)

Writes the next issue, numbered as \`jianbao new\` numbers it, at <content>/<year>/<number>/index.md:
titles (Title or Heading 1 style, or short centred bold paragraphs) start articles, subheads
numbered 一、 （一） 1. （1） take their levels, each table becomes table-N.csv with its ::table line,
each picture image-N.png. A whole bulletin's masthead (第N期, 总第N期, date) and 版记 (报送, 发送,
抄送) go into the frontmatter, not the text, and its 目录 is left out. Prints the Markdown file's
path, then as warnings what the bulletin cannot hold (text boxes, comments, tracked changes,
equations…), by paragraph. Never overwrites a file. Then run \`jianbao check\`. A .doc or .wps
draft must be saved as .docx first.`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: {
        content: { type: 'string', default: 'content' },
        // No default: without --date, the draft's masthead dates the issue, else today.
        date: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    const [draft, ...extra] = positionals;
    if (draft === undefined || extra.length > 0) throw new Error(`Expected one Word draft, as in \`jianbao import draft.docx\`, got ${positionals.length}`);
    const date = values.date === undefined ? undefined : dateOption(values.date);
    // Loaded only for this command: mammoth and the HTML-to-Markdown pipeline are not small.
    const { importDraft } = await import('../import/import-draft.ts');
    const imported = await importDraft(draft, { contentDir: values.content, date });
    io.stdout(`${imported.created.path}\n`);
    const problems = problemsIn([imported.file]);
    for (const line of formatProblems(problems)) io.stderr(`${line}\n`);
    const written = imported.created.files.map((path) => relative(process.cwd(), path) || path);
    io.stderr(
      `jianbao: imported ${draft} with ${imported.tables} ${imported.tables === 1 ? 'table' : 'tables'} and ${imported.images} ${imported.images === 1 ? 'picture' : 'pictures'} and ${problems.warnings.length} ${problems.warnings.length === 1 ? 'warning' : 'warnings'}: wrote ${written.join(', ')}; now run \`jianbao check\`\n`,
    );
    return 0;
  },
};
