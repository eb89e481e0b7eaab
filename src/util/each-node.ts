import type { Nodes as HastNodes, Parents as HastParents, Root as HastRoot } from 'hast';
import type { Nodes as MdastNodes, Parents as MdastParents, Root as MdastRoot } from 'mdast';
import type { Node, Parent } from 'unist';

/** Every node of a tree of that kind. */
type NodeOf<Tree> = Tree extends MdastRoot ? MdastNodes : Tree extends HastRoot ? HastNodes : Node;
/** Every node with children of a tree of that kind. */
type ParentOf<Tree> = Tree extends MdastRoot ? MdastParents : Tree extends HastRoot ? HastParents : Parent;

/** Don't walk into the node's children. */
export const SKIP = 'skip';

/**
 * What a visitor returns: nothing to go on into the node's children, `SKIP` to leave them out, or
 * the index in the parent to go on from, children left out (after replacing the node, say).
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a visitor with no return statement returns void, as in unist-util-visit.
export type VisitResult = void | undefined | typeof SKIP | number;

/**
 * Call `visit` on every node of `tree`, depth first in document order, with its index in its
 * parent and the parent. This is unist-util-visit without its per-node cost: that builds a
 * closure for each node and names it (a debugging aid), which over the six walks an issue takes
 * was 8 % of the rendering CPU.
 */
export function eachNode<Tree extends Node>(
  tree: Tree,
  visit: (node: NodeOf<Tree>, index: number | undefined, parent: ParentOf<Tree> | undefined) => VisitResult,
): void {
  walk(tree, undefined, undefined);

  function walk(node: Node, index: number | undefined, parent: Parent | undefined): number | undefined {
    const result = visit(node as NodeOf<Tree>, index, parent as ParentOf<Tree> | undefined);
    if (result === undefined && 'children' in node) {
      const children = (node as Parent).children;
      for (let child = 0; child < children.length; ) child = walk(children[child]!, child, node as Parent) ?? child + 1;
    }
    return typeof result === 'number' ? result : undefined;
  }
}
