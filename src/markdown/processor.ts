import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import remarkTable from '../table/remark-table.ts';
import rehypeArticles from './rehype-articles.ts';
import rehypeAttachments from './rehype-attachments.ts';
import rehypeHtmlEditions from './rehype-html-editions.ts';
import rehypeHeadingLevels from './rehype-heading-levels.ts';
import { FOOTNOTE_LABELS } from './footnote-labels.ts';
import rehypeFigures from './rehype-figures.ts';
import rehypeNotes from './rehype-notes.ts';
import rehypeAddressees from './rehype-addressees.ts';
import rehypeKeepLastCharacters from './rehype-keep-last-characters.ts';
import rehypeLeadIns from './rehype-lead-ins.ts';
import rehypePhraseBreaks from './rehype-phrase-breaks.ts';
import rehypePreface from './rehype-preface.ts';
import rehypePrintBrackets from './rehype-print-brackets.ts';
import rehypePrintLinkAddresses from './rehype-print-link-addresses.ts';
import rehypeRunInSubheads from './rehype-run-in-subheads.ts';
import remarkCjkTypography from './remark-cjk-typography.ts';
import remarkControlCharacters from './remark-control-characters.ts';
import remarkDirectiveNames from './remark-directive-names.ts';
import remarkGfmNoTables from './remark-gfm-no-tables.ts';
import remarkAddressEnds from './remark-address-ends.ts';
import remarkLocalFiles from './remark-local-files.ts';
import remarkNoHtml from './remark-no-html.ts';
import remarkSpacedDestinations from './remark-spaced-destinations.ts';
import remarkFootnoteMarks from './remark-footnote-marks.ts';
import rehypeSignature from './rehype-signature.ts';
import remarkPlaceholders from './remark-placeholders.ts';
import remarkRequireArticles from './remark-require-articles.ts';
import remarkAttachmentLines from './remark-attachment-lines.ts';
import remarkHeadingLines from './remark-heading-lines.ts';
import remarkJoinCjkLines from './remark-join-cjk-lines.ts';
import remarkTypedIndent from './remark-typed-indent.ts';
import remarkTypedLineBreaks from './remark-typed-line-breaks.ts';
import remarkTypedSubheads from './remark-typed-subheads.ts';

export interface ProcessorOptions {
  /** The content folder: embeds may not reach outside it. */
  readonly root: string;
}

/**
 * Markdown tree → HTML tree → HTML string (and the print edition's, see rehype-html-editions),
 * for one issue file (frontmatter included).
 * The checks (pipe tables, directive names, raw HTML, links and images, articles) run before
 * anything renders; raw HTML never reaches the page (remark-rehype drops it). Emphasis closes
 * after full-width punctuation (`**编者按：**近期…`, remark-cjk-friendly), and the typography
 * check reads the source before hard-wrapped lines are joined.
 */
export function createProcessor(options: ProcessorOptions) {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter)
    .use(remarkCjkFriendly)
    .use(remarkGfmNoTables)
    .use(remarkAddressEnds)
    .use(remarkDirective)
    .use(remarkDirectiveNames)
    .use(remarkNoHtml)
    .use(remarkControlCharacters)
    .use(remarkFootnoteMarks)
    .use(remarkLocalFiles, { root: options.root })
    .use(remarkSpacedDestinations)
    .use(remarkRequireArticles)
    .use(remarkPlaceholders)
    .use(remarkHeadingLines)
    .use(remarkCjkTypography)
    .use(remarkTypedLineBreaks)
    .use(remarkAttachmentLines)
    .use(remarkTypedSubheads)
    .use(remarkTypedIndent)
    .use(remarkJoinCjkLines)
    .use(remarkTable, { root: options.root })
    .use(remarkRehype, FOOTNOTE_LABELS)
    .use(rehypeArticles)
    .use(rehypePreface)
    .use(rehypeAddressees)
    .use(rehypeHeadingLevels)
    .use(rehypeNotes)
    .use(rehypeAttachments)
    .use(rehypeLeadIns)
    .use(rehypeSignature)
    .use(rehypeFigures)
    .use(rehypePhraseBreaks)
    .use(rehypeKeepLastCharacters)
    .use(rehypeRunInSubheads)
    .use(rehypePrintBrackets)
    .use(rehypePrintLinkAddresses)
    .use(rehypeHtmlEditions)
    .freeze();
}

export type Processor = ReturnType<typeof createProcessor>;
