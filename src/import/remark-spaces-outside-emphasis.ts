import type { Nodes, PhrasingContent, Root } from 'mdast';

/** Bold, italic and struck-through text: Markdown's marks do not open after a space or close before one. */
const MARKED = new Set(['strong', 'emphasis', 'delete']);
const LEADING = /^\s+/;
const TRAILING = /\s+$/;

/**
 * Spaces at the edges of bold, italic or struck-through text put outside it, as editors bold a
 * whole line, its full-width indent too (`**　　1.高度重视，迅速部署。**县住建局…`): `**` before
 * a space opens nothing, so remark-stringify would write the first space as `&#x3000;`, and the
 * indent, inside the bold, would neither be left out as an indent nor let the line's numbering
 * start a run-in subhead.
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
    const first = child.children[0];
    const before = first?.type === 'text' ? (LEADING.exec(first.value)?.[0] ?? '') : '';
    if (first?.type === 'text') first.value = first.value.slice(before.length);
    const last = child.children.at(-1);
    const after = last?.type === 'text' ? (TRAILING.exec(last.value)?.[0] ?? '') : '';
    if (last?.type === 'text') last.value = last.value.slice(0, last.value.length - after.length);
    const kept = child.children.filter((grandchild) => grandchild.type !== 'text' || grandchild.value !== '');
    // Bold spaces and nothing else are spaces.
    const marked = kept.length === 0 ? [] : [{ ...child, children: kept } as PhrasingContent];
    return [...(before ? [text(before)] : []), ...marked, ...(after ? [text(after)] : [])];
  });
}

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}
