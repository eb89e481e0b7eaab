import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { createProcessor } from '../../src/markdown/processor.ts';
import remarkAddressEnds from '../../src/markdown/remark-address-ends.ts';
import remarkGfmNoTables from '../../src/markdown/remark-gfm-no-tables.ts';

const html = async (markdown: string) =>
  String(await unified().use(remarkParse).use(remarkGfmNoTables).use(remarkAddressEnds).use(remarkRehype).use(rehypeStringify).process(markdown));

describe('remarkAddressEnds', () => {
  it('ends a bare web address where the Chinese text after it starts, without GFM’s trailing punctuation', async () => {
    expect(await html('详见网站https://www.meizhou.gov.cn。下一步，继续推进工作')).toBe(
      '<p>详见网站<a href="https://www.meizhou.gov.cn">https://www.meizhou.gov.cn</a>。下一步，继续推进工作</p>',
    );
    expect(await html('网址：https://www.meizhou.gov.cn/a/b.html.（市政府网站）')).toBe(
      '<p>网址：<a href="https://www.meizhou.gov.cn/a/b.html">https://www.meizhou.gov.cn/a/b.html</a>.（市政府网站）</p>',
    );
    expect(await html('网址：www.meizhou.gov.cn查询，或 https://a.cn/x 完')).toBe(
      '<p>网址：<a href="http://www.meizhou.gov.cn">www.meizhou.gov.cn</a>查询，或 <a href="https://a.cn/x">https://a.cn/x</a> 完</p>',
    );
  });

  it('links each bare address in Chinese text, not only the first, which GFM read to the next space', async () => {
    expect(await html('网站（https://a.cn/x）查询，或访问https://www.meizhou.gov.cn/a.html了解，登录www.b.cn。')).toBe(
      '<p>网站（<a href="https://a.cn/x">https://a.cn/x</a>）查询，或访问<a href="https://www.meizhou.gov.cn/a.html">https://www.meizhou.gov.cn/a.html</a>了解，登录<a href="http://www.b.cn">www.b.cn</a>。</p>',
    );
    expect(await html('见https://a.cn及https://中文和xhttps://c.cn。')).toBe('<p>见<a href="https://a.cn">https://a.cn</a>及https://中文和xhttps://c.cn。</p>');
  });

  it('warns of Markdown right after a bare address, which GFM reads into it, and its fix writes the address <…> so the marks are read', async () => {
    const render = async (value: string) => {
      const file = new VFile({ path: 'issue.md', value });
      await createProcessor({ root: process.cwd() }).process(file);
      return file;
    };
    const typed = '## 标题\n\n见https://a.cn，详见[通知](https://b.cn/x)和**重点**。网址https://c.cn，或访问https://d.cn了解，[2021]12号，内容 **照常**。\n';
    const warned = (await render(typed)).messages.filter((message) => message.ruleId === 'address-markup');
    expect(warned.map((message) => `${message.line}:${message.column} ${message.expected}`)).toEqual(['3:2 <https://a.cn>']);
    const { start, end } = warned[0]!.place as { start: { offset: number }; end: { offset: number } };
    const fixed = await render(typed.slice(0, start.offset) + warned[0]!.expected![0] + typed.slice(end.offset));
    expect(fixed.messages.filter((message) => message.ruleId === 'address-markup')).toEqual([]);
    expect(String(fixed)).toContain('见<a href="https://a.cn">https://a.cn</a>，详见<a href="https://b.cn/x">通知</a>和<strong>重点</strong>。');
  });

  it('leaves text that only starts like an address as text, and addresses written <…> or […](…) as written', async () => {
    expect(await html('登录www.梅州。及https://中文')).toBe('<p>登录www.梅州。及https://中文</p>');
    expect(await html('见<https://example.org/路径>和[链接](https://a.cn/甲)。')).toBe(
      '<p>见<a href="https://example.org/%E8%B7%AF%E5%BE%84">https://example.org/路径</a>和<a href="https://a.cn/%E7%94%B2">链接</a>。</p>',
    );
  });

  it('keeps the text after it at its place, where the checks find its marks', async () => {
    const file = new VFile({ path: 'issue.md', value: '## 标题\n\n网址https://a.cn,继续推进。\n' });
    await createProcessor({ root: process.cwd() }).process(file);
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['3:15 cjk-punctuation']);
  });
});
