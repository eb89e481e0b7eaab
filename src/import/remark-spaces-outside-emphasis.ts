import type { Nodes, PhrasingContent, Root } from 'mdast';

/** Bold, italic and struck-through text: Markdown's marks do not open after a space or close before one. */
const MARKED = new Set(['strong', 'emphasis', 'delete']);
const LEADING = /^\s+/;
const TRAILING = /\s+$/;

/**
 * Spaces and line breaks at the edges of bold, italic or struck-through text put outside it, as
 * editors bold a whole line, its full-width indent too (`**　　1.高度重视，迅速部署。**县住建局…`),
 * and Word bolds the manual line break typed in such a line: `**` before a space opens nothing,
 * so remark-stringify would write the first space as `&#x3000;`, and the indent, inside the
 * bold, would neither be left out as an indent nor let the line's numbering start a run-in
 * subhead (nor, after a break, a paragraph: remark-line-paragraphs).
 */
export default function remarkSpacesOutsideEmphasis() {
  return (tree: Root) => {
    spacesOutside(tree);
  };
}

/** Children first, so that the spaces of `**_　　一是_**` come out of both. */
function spacesOutside(node: Nodes): void {
  if (!('children' in node)) return;
  for (const child of node.children) spacesOutside(child);
  if (!node.children.some((child) => MARKED.has(child.type))) return;
  node.children = (node.children as PhrasingContent[]).flatMap((child): PhrasingContent[] => {
    if (!MARKED.has(child.type) || !('children' in child)) return [child];
    const inside = [...child.children];
    const before = edge(inside, 'start');
    const after = edge(inside, 'end').reverse();
    // Bold spaces and nothing else are spaces.
    const marked = inside.length === 0 ? [] : [{ ...child, children: inside } as PhrasingContent];
    return [...before, ...marked, ...after];
  });
}

/** Take the breaks and spaces off one end of `children`, in the order taken. */
function edge(children: PhrasingContent[], end: 'start' | 'end'): PhrasingContent[] {
  const taken: PhrasingContent[] = [];
  const at = () => (end === 'start' ? 0 : children.length - 1);
  for (let node = children[at()]; node !== undefined; node = children[at()]) {
    if (node.type === 'break') taken.push(children.splice(at(), 1)[0]!);
    else if (node.type === 'text') {
      const spaces = (end === 'start' ? LEADING : TRAILING).exec(node.value)?.[0] ?? '';
      if (spaces === '') break;
      taken.push(text(spaces));
      const rest = end === 'start' ? node.value.slice(spaces.length) : node.value.slice(0, node.value.length - spaces.length);
      if (rest === '') children.splice(at(), 1);
      else {
        children[at()] = { ...node, value: rest };
        break;
      }
    } else break;
  }
  return taken;
}

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}
