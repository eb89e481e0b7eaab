import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';

/**
 * 主送机关: the offices a notice is addressed to, named in its first paragraph, a line ending in a
 * full-width colon after the name of an office (`各县（市、区）水务局：`, `各镇人民政府，县安委会各
 * 成员单位：`); not a sentence that introduces what follows (`现将有关情况通报如下：`).
 */
const ADDRESSEES = /^[^。！？；：:]{2,80}(政府|委员会|委|局|厅|办公室|办|单位|部门|机关|中心|街道|镇|乡|村|社区|公司|学校|医院|同志)：$/;

/**
 * An article's first paragraph naming the offices it is addressed to (主送机关) gets the class
 * `addressees`, which the style sheets set flush left (GB/T 9704 §7.3.2: 居左顶格), not indented
 * as text. Runs after rehype-articles, which makes each article a `<section>` opening with its
 * title.
 */
export default function rehypeAddressees() {
  return (tree: Root) => {
    for (const section of tree.children) {
      if (section.type !== 'element' || section.tagName !== 'section') continue;
      const first = section.children.find((child): child is Element => child.type === 'element' && !/^h[1-6]$/.test(child.tagName));
      if (first?.tagName !== 'p' || !ADDRESSEES.test(toString(first).trim())) continue;
      first.properties = { ...first.properties, className: ['addressees'] };
    }
  };
}
