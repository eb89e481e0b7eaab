import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import type { Article } from '../model.ts';

declare module 'vfile' {
  interface DataMap {
    /** The articles in order, for the contents list. */
    articles: Article[];
  }
}

export interface Options {
  /**
   * Prefix for article ids, so anchors never collide with the page's own ids.
   * @default ''
   */
  readonly idPrefix?: string;
}

/**
 * Each `<h2>` starts an article: wrap it and what follows up to the next `<h2>` in a
 * `<section class="article">`, give it an id from its title (and its heading that id + `-title`),
 * and record the articles.
 * Content before the first `<h2>` stays as a preface; GFM footnotes stay after the last article.
 */
export default function rehypeArticles(options: Options = {}) {
  const idPrefix = options.idPrefix ?? '';
  return (tree: Root, file: VFile) => {
    // A fresh slugger per document keeps ids independent of earlier issues.
    const slugger = new GithubSlugger();
    const articles: Article[] = [];
    const children: RootContent[] = [];
    let section: Element | undefined;
    for (const node of tree.children) {
      if (node.type === 'element' && node.tagName === 'h2') {
        const lines = headingLines(node);
        const id = idPrefix + slugger.slug(lines.join(''));
        articles.push({ id, lines });
        // The heading's own id lets search results point at the article (Pagefind anchors to headings).
        node.properties = { ...node.properties, className: ['article-title'], id: `${id}-title` };
        section = { type: 'element', tagName: 'section', properties: { className: ['article'], id }, children: [] };
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

/** A heading's printed lines: the text between its `<br>`s. */
export function headingLines(heading: Element): string[] {
  const lines: ElementContent[][] = [[]];
  for (const child of heading.children) {
    if (child.type === 'element' && child.tagName === 'br') lines.push([]);
    else lines[lines.length - 1]!.push(child);
  }
  return lines.map((nodes) => toString({ type: 'element', tagName: 'span', properties: {}, children: nodes }).trim()).filter(Boolean);
}
