import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { formatMessage } from '../../src/report/messages.ts';
import remarkTable, { type Options } from '../../src/table/index.ts';

/** The repo root: fixture paths and messages are relative to it. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** `tests/fixtures/table/<name>`, relative to the repo root. */
export const fixtureFolder = (name: string) => `tests/fixtures/table/${name}`;

/** Run a fixture's `index.md` through the whole pipeline, as the build would. */
export async function processFixture(name: string, options?: Options, data: VFile['data'] = {}) {
  const path = `${fixtureFolder(name)}/index.md`;
  const file = new VFile({ cwd: repoRoot, path, value: await readFile(new URL(path, `file://${repoRoot}`)), data });
  return unified().use(remarkParse).use(remarkDirective).use(remarkTable, options).use(remarkRehype).use(rehypeStringify).process(file);
}

/**
 * Run `markdown`, as `index.md` in `folder` (the content root), through the table plugin as the
 * build does: its HTML, its messages as the CLI prints them, and the file.
 */
export async function renderIn(folder: string, markdown: string) {
  const file = new VFile({ cwd: folder, path: 'index.md', value: markdown });
  await unified().use(remarkParse).use(remarkDirective).use(remarkTable, { root: folder }).use(remarkRehype).use(rehypeStringify).process(file);
  return { html: String(file), messages: file.messages.map((message) => formatMessage(message)), file };
}
