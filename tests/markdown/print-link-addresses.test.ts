import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeHtmlEditions from '../../src/markdown/rehype-html-editions.ts';
import rehypePrintLinkAddresses from '../../src/markdown/rehype-print-link-addresses.ts';
import remarkAddressEnds from '../../src/markdown/remark-address-ends.ts';
import remarkGfmNoTables from '../../src/markdown/remark-gfm-no-tables.ts';

async function editions(markdown: string): Promise<{ web: string; print: string }> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfmNoTables)
    .use(remarkAddressEnds)
    .use(remarkRehype)
    .use(rehypePrintLinkAddresses)
    .use(rehypeHtmlEditions)
    .process(markdown);
  return { web: String(file), print: file.data.printHtml! };
}

describe('rehypePrintLinkAddresses', () => {
  it('prints a web address, mail address or telephone number after the link’s text, in full-width brackets, on paper only', async () => {
    const { web, print } = await editions(
      '详见[市住房城乡建设局网站](https://zjj.meizhou.gov.cn/zwgk/)，或致电[值班室](tel:0753-2188888)、来信[办公室](mailto:zjj@meizhou.gov.cn)。',
    );
    expect(print).toBe(
      '<p>详见<span><a href="https://zjj.meizhou.gov.cn/zwgk/">市住房城乡建设局网站</a><span class="link-address">（https://zjj.meizhou.gov.cn/zwgk/）</span></span>，或致电<span><a href="tel:0753-2188888">值班室</a><span class="link-tel">（0753-2188888）</span></span>、来信<span><a href="mailto:zjj@meizhou.gov.cn">办公室</a><span class="link-address">（zjj@meizhou.gov.cn）</span></span>。</p>',
    );
    expect(web).toBe(
      '<p>详见<a href="https://zjj.meizhou.gov.cn/zwgk/">市住房城乡建设局网站</a>，或致电<a href="tel:0753-2188888">值班室</a>、来信<a href="mailto:zjj@meizhou.gov.cn">办公室</a>。</p>',
    );
  });

  it('prints an address as a reader types it: Chinese as written, a mail address without its subject', async () => {
    const { print } = await editions('见[通知](https://www.example.cn/通知/2025.html?a=%20)，来信[办公室](mailto:zjj@meizhou.gov.cn?subject=报送)。');
    expect(print).toContain('<span class="link-address">（https://www.example.cn/通知/2025.html?a=%20）</span>');
    expect(print).toContain('<span class="link-address">（zjj@meizhou.gov.cn）</span>');
  });

  it('prints a telephone number once when the text is the number, however it is spaced or dashed', async () => {
    const { print } = await editions('致电[0753-2188888](tel:07532188888)或[0753 218 8889](tel:0753-2188889)。');
    expect(print).toBe(
      '<p>致电<a href="tel:07532188888" class="link-tel">0753-2188888</a>或<a href="tel:0753-2188889" class="link-tel">0753 218 8889</a>。</p>',
    );
    const { print: other } = await editions('致电[0753-2188888](tel:07532188889)。');
    expect(other).toContain('<span class="link-tel">（07532188889）</span>');
  });

  it('prints a link that shows its address once, marked as an address, and links to files and places in the issue as they are', async () => {
    const markdown =
      '网址：https://zjj.meizhou.gov.cn，<https://example.org/>，<https://www.example.cn/通知/2025.html>，[https://www.example.cn/通知](https://www.example.cn/通知)，[zjj.meizhou.gov.cn](https://zjj.meizhou.gov.cn/)，[zjj@meizhou.gov.cn](mailto:zjj@meizhou.gov.cn)，[附件1](附件1.xlsx)，[目录](#contents)。';
    const { web, print } = await editions(markdown);
    expect(print).toBe(web.replace(/<a href="(?:https?|mailto):[^"]*"/g, '$& class="link-address"'));
    expect(print).not.toContain('（');
  });

  it('prints a link in a title or subhead as its text, as the contents list does', async () => {
    const { web, print } = await editions('## 链接测试[县政府网](https://www.pingyuan.gov.cn/)\n\n### 一、小标题[链接](tel:0753-8821234)\n');
    expect(print).toBe(web);
    expect(print).not.toContain('（');
  });
});
