import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { createProcessor } from '../../src/markdown/processor.ts';
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

/** The print HTML without the `<wbr>`s an address breaks at, which the last tests look at. */
async function printed(markdown: string): Promise<{ web: string; print: string }> {
  const { web, print } = await editions(markdown);
  return { web, print: print.replaceAll('<wbr>', '') };
}

describe('rehypePrintLinkAddresses', () => {
  it('prints a web address, mail address or telephone number after the link’s text, in full-width brackets, on paper only', async () => {
    const { web, print } = await printed(
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
    const { print } = await printed('见[通知](https://www.example.cn/通知/2025.html?a=%20)，来信[办公室](mailto:zjj@meizhou.gov.cn?subject=报送)。');
    expect(print).toContain('<span class="link-address">（https://www.example.cn/通知/2025.html?a=%20）</span>');
    expect(print).toContain('<span class="link-address">（zjj@meizhou.gov.cn）</span>');
  });

  it('prints a telephone number once when the text is the number, however it is spaced or dashed', async () => {
    const { print } = await printed('致电[0753-2188888](tel:07532188888)或[0753 218 8889](tel:0753-2188889)。');
    expect(print).toBe(
      '<p>致电<a href="tel:07532188888" class="link-tel">0753-2188888</a>或<a href="tel:0753-2188889" class="link-tel">0753 218 8889</a>。</p>',
    );
    const { print: other } = await printed('致电[0753-2188888](tel:07532188889)。');
    expect(other).toContain('<span class="link-tel">（07532188889）</span>');
  });

  it('prints a link that shows its address once, marked as an address, and links to files and places in the issue as they are', async () => {
    const markdown =
      '网址：https://zjj.meizhou.gov.cn，<https://example.org/>，<https://www.example.cn/通知/2025.html>，[https://www.example.cn/通知](https://www.example.cn/通知)，[zjj.meizhou.gov.cn](https://zjj.meizhou.gov.cn/)，[zjj@meizhou.gov.cn](mailto:zjj@meizhou.gov.cn)，[附件1](附件1.xlsx)，[目录](#contents)。';
    const { web, print } = await printed(markdown);
    expect(print).toBe(web.replace(/<a href="(?:https?|mailto):[^"]*"/g, '$& class="link-address"'));
    expect(print).not.toContain('（');
  });

  it('prints a link in a title or subhead as its text, as the contents list does', async () => {
    const { web, print } = await printed('## 链接测试[县政府网](https://www.pingyuan.gov.cn/)\n\n### 一、小标题[链接](tel:0753-8821234)\n');
    expect(print).toBe(web);
    expect(print).not.toContain('（');
  });

  it('lets an address break after a `/` or `.` before a letter or digit, not after the `/` that ends it', async () => {
    const { print } = await editions('见[通知](https://www.pingyuan.gov.cn/pysswj/gkmlpt/index)或https://a.cn/fxkh/。');
    expect(print).toContain('<span class="link-address">（https://<wbr>www.<wbr>pingyuan.<wbr>gov.<wbr>cn/<wbr>pysswj/<wbr>gkmlpt/<wbr>index）</span>');
    expect(print).toContain('class="link-address">https://<wbr>a.<wbr>cn/<wbr>fxkh/</a>');
  });

  it('prints a 落款’s linked office as its name, as a title’s link', async () => {
    const markdown =
      '## 通知\n\n特此通知。\n\n[平远县水务局](https://www.pingyuan.gov.cn/pysswj/)\n\n2025年5月20日\n\n（来源：[平远县水务局](https://www.pingyuan.gov.cn/pysswj/)）\n';
    const file = await createProcessor({ root: '.' }).process(new VFile({ path: 'index.md', value: markdown }));
    const print = file.data.printHtml!;
    expect(print).toContain('<div class="signature"><p><a href="https://www.pingyuan.gov.cn/pysswj/">平远县水务局</a></p>');
    // The note's link, set right too, keeps its address.
    expect(print).toMatch(/<p class="note[^"]*">（来源：<span><a [^>]*>平远县水务局<\/a><span class="link-address">（https:/);
  });
});
