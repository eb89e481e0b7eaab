import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { eachNode, SKIP } from '../../src/util/each-node.ts';

const tree = (): Root => unified().use(remarkParse).parse('# 标题 *一*\n\n正文**二**。\n\n- 甲\n- 乙\n');

describe('eachNode', () => {
  it('visits every node depth first in document order, with its index and parent', () => {
    const seen: string[] = [];
    eachNode(tree(), (node, index, parent) => {
      seen.push(`${parent?.type ?? '-'}[${index ?? '-'}] ${node.type}${'value' in node ? ` ${node.value}` : ''}`);
    });
    expect(seen).toEqual([
      '-[-] root',
      'root[0] heading',
      'heading[0] text 标题 ',
      'heading[1] emphasis',
      'emphasis[0] text 一',
      'root[1] paragraph',
      'paragraph[0] text 正文',
      'paragraph[1] strong',
      'strong[0] text 二',
      'paragraph[2] text 。',
      'root[2] list',
      'list[0] listItem',
      'listItem[0] paragraph',
      'paragraph[0] text 甲',
      'list[1] listItem',
      'listItem[0] paragraph',
      'paragraph[0] text 乙',
    ]);
  });

  it('leaves out the children of a node when told to skip', () => {
    const seen: string[] = [];
    eachNode(tree(), (node) => {
      seen.push(node.type);
      if (node.type === 'heading' || node.type === 'list') return SKIP;
      return undefined;
    });
    expect(seen).toEqual(['root', 'heading', 'paragraph', 'text', 'strong', 'text', 'text', 'list']);
  });

  it('goes on from the index returned, without entering the node, after a replacement', () => {
    const root = tree();
    const seen: string[] = [];
    eachNode(root, (node, index, parent) => {
      seen.push(node.type);
      if (node.type === 'strong' && parent && index !== undefined) {
        parent.children.splice(index, 1, { type: 'text', value: '[二]' }, { type: 'text', value: '[三]' });
        return index + 2;
      }
      return undefined;
    });
    // The replaced node's child is not visited, nor are the nodes put in its place.
    expect(seen).toEqual([
      'root',
      'heading',
      'text',
      'emphasis',
      'text',
      'paragraph',
      'text',
      'strong',
      'text',
      'list',
      'listItem',
      'paragraph',
      'text',
      'listItem',
      'paragraph',
      'text',
    ]);
    expect(root.children[1]).toMatchObject({ children: [{ value: '正文' }, { value: '[二]' }, { value: '[三]' }, { value: '。' }] });
  });
});
