import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, ElementData, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import type { Article } from '../model.ts';

declare module 'vfile' {
  interface DataMap {
    /** The articles in order, for the contents list. */
    articles: Article[];
  }
}

declare module 'hast' {
  interface ElementData {
    /** An article's id in the print edition, which `rehype-html-editions` puts on its section. */
    printId?: string;
  }
}

/**
 * Each `<h2>` starts an article: wrap it and what follows up to the next `<h2>` in a
 * `<section class="article">`, give it an id from its title (and its heading that id + `-title`),
 * and record the articles. Each also gets a print id, `a1`, `a2`, …: Chromium turns each anchor
 * into a PDF named destination, and a Chinese id percent-encoded overflows the 127-byte limit PDF
 * sets on names.
 * Content before the first `<h2>` stays as a preface; GFM footnotes stay after the last article.
 */
export default function rehypeArticles() {
  return (tree: Root, file: VFile) => {
    // A fresh slugger per document keeps ids independent of earlier issues.
    const slugger = new GithubSlugger();
    const articles: Article[] = [];
    const children: RootContent[] = [];
    let section: Element | undefined;
    for (const node of tree.children) {
      if (node.type === 'element' && node.tagName === 'h2') {
        const lines = headingLines(node);
        const id = slugger.slug(lines.join(''));
        const printId = `a${articles.length + 1}`;
        articles.push({ id, printId, lines });
        // The heading's own id lets search results point at the article (Pagefind anchors to headings).
        node.properties = { ...node.properties, className: ['article-title'], id: `${id}-title` };
        // Cast: where rehype-parse is in the program (jianbao import), hast-util-from-parse5 makes its `position` a required field of every ElementData.
        const data = { printId } as Partial<ElementData> as ElementData;
        section = { type: 'element', tagName: 'section', properties: { className: ['article'], id }, data, children: [] };
        children.push(section);
      }
      // The footnotes remark-rehype appends are the issue's, not the last article's.
      if (node.type === 'element' && node.tagName === 'section' && node.properties.dataFootnotes !== undefined) section = undefined;
      if (section) section.children.push(node as ElementContent);
      else children.push(node);
    }
    tree.children = children;
    file.data.articles = articles;
  };
}

/**
 * A heading's printed lines: the text between its `<br>`s, without footnote marks (a title's
 * `[^1]` would read `…工作的意见1` in the contents, the page title, the feed and the article's id).
 */
export function headingLines(heading: Element): string[] {
  const lines: ElementContent[][] = [[]];
  for (const child of heading.children) {
    if (child.type === 'element' && child.tagName === 'br') lines.push([]);
    else if (!isNoteMark(child)) lines[lines.length - 1]!.push(child);
  }
  return lines.map((nodes) => toString({ type: 'element', tagName: 'span', properties: {}, children: nodes }).trim()).filter(Boolean);
}

/** remark-rehype's footnote mark: `<sup><a data-footnote-ref …>1</a></sup>`. */
function isNoteMark(node: ElementContent): boolean {
  return (
    node.type === 'element' &&
    node.tagName === 'sup' &&
    node.children.some((child) => child.type === 'element' && child.properties.dataFootnoteRef !== undefined)
  );
}
