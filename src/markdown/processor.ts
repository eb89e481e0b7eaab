import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import remarkTable from '../table/remark-table.ts';
import rehypeArticles from './rehype-articles.ts';
import rehypeHeadingLevels from './rehype-heading-levels.ts';
import rehypeNotes from './rehype-notes.ts';
import remarkDirectiveNames from './remark-directive-names.ts';
import remarkGfmNoTables from './remark-gfm-no-tables.ts';
import remarkLocalFiles from './remark-local-files.ts';
import remarkNoHtml from './remark-no-html.ts';
import remarkRequireArticles from './remark-require-articles.ts';
import remarkHeadingLines from './remark-heading-lines.ts';

export interface ProcessorOptions {
  /** The content folder: embeds may not reach outside it. */
  readonly root: string;
}

/**
 * Markdown tree → HTML tree → HTML string, for one issue file (frontmatter included).
 * The checks (pipe tables, directive names, raw HTML, links and images, articles) run before
 * anything renders; raw HTML never reaches the page (remark-rehype drops it).
 */
export function createProcessor(options: ProcessorOptions) {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter)
    .use(remarkGfmNoTables)
    .use(remarkDirective)
    .use(remarkDirectiveNames)
    .use(remarkNoHtml)
    .use(remarkLocalFiles, { root: options.root })
    .use(remarkRequireArticles)
    .use(remarkHeadingLines)
    .use(remarkTable, { root: options.root })
    .use(remarkRehype)
    .use(rehypeArticles)
    .use(rehypeHeadingLevels)
    .use(rehypeNotes)
    .use(rehypeStringify)
    .freeze();
}

export type Processor = ReturnType<typeof createProcessor>;
