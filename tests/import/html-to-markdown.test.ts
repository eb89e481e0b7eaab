import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { htmlToMarkdown } from '../../src/import/html-to-markdown.ts';
import { tableGrid } from '../../src/import/table-grid.ts';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Element } from 'hast';

const markdown = async (html: string) => (await htmlToMarkdown(html, new VFile())).body;

describe('htmlToMarkdown', () => {
  it('makes short numbered paragraphs subheads, and keeps sentences and decimals as text', async () => {
    expect(
      await markdown(
        [
          '<p>二、重点任务</p>',
          '<p>（二）做实新年度项目储备。各地要在摸底调查的基础上，科学确定改造计划。</p>',
          '<p>1.5万户居民受益</p>',
          '<p>2．高度重视</p>',
          '<h2>会议要求</h2>',
          '<h3>（三）健全长效管理机制</h3>',
        ].join(''),
      ),
    ).toBe(
      '### 二、重点任务\n\n（二）做实新年度项目储备。各地要在摸底调查的基础上，科学确定改造计划。\n\n1.5万户居民受益\n\n##### 2．高度重视\n\n### 会议要求\n\n#### （三）健全长效管理机制\n',
    );
  });

  it('joins a title typed as two title paragraphs into one two-line title, and keeps emphasis and line breaks', async () => {
    expect(
      await markdown(
        '<h1>以党的十九届六中全会精神为指引</h1><h1>扎实推进“四项工程”</h1><p><strong>编者按：</strong>近期，*各地*。</p><p>（作者：杨清淦<br />广东省委党校）</p>',
      ),
    ).toBe('## 以党的十九届六中全会精神为指引 / 扎实推进“四项工程”\n\n**编者按：**近期，\\*各地\\*。\n\n（作者：杨清淦\\\n广东省委党校）\n');
  });

  it('turns mammoth’s footnotes into Markdown footnotes', async () => {
    expect(
      await markdown(
        '<p>按照有关规定<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>执行。</p><ol><li id="footnote-1"><p>见2021年第3号文件。 <a href="#footnote-ref-1">↑</a></p></li></ol>',
      ),
    ).toBe('按照有关规定[^1]执行。\n\n[^1]: 见2021年第3号文件。\n');
  });
});

describe('tableGrid', () => {
  const table = (html: string) => unified().use(rehypeParse, { fragment: true }).parse(html).children[0] as Element;

  it('without repeat-header rows, takes the header from the merges: down, and under a heading merged across', () => {
    const grid = tableGrid(
      table(
        '<table><tr><td rowspan="3">序号</td><td colspan="4">改造进展情况</td></tr><tr><td colspan="2">1. 正在开展</td><td colspan="2">2. 已完成</td></tr><tr><td>户数</td><td>小区数</td><td>户数</td><td>小区数</td></tr><tr><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td></tr><tr><td>合计</td><td>2</td><td>3</td><td>4</td><td>5</td></tr></table>',
      ),
    );
    expect(grid.headerRows).toBe(3);
    expect(grid.rows[1]).toEqual(['序号', '1. 正在开展', '1. 正在开展', '2. 已完成', '2. 已完成']);
  });

  it('writes a table inside a cell as its cells one after another, with a warning naming it', async () => {
    const file = new VFile();
    const draft = await htmlToMarkdown(
      '<table><tr><td><p>镇街</p></td><td><p>户数</p></td><td><p>备注</p></td></tr>' +
        '<tr><td><p>扶大镇</p></td><td><p>30</p></td><td><table><tr><td><p>已开工</p></td><td><p>待验收</p></td></tr></table></td></tr></table>',
      file,
    );
    expect(draft.tables[0]?.contents).toBe('镇街,户数,备注\n扶大镇,30,已开工 待验收\n');
    expect(file.messages.map((message) => message.reason)).toEqual([
      "Table 1 (table-1.csv) has a table inside a cell (“已开工 待验收”); a table's cell holds text, so its cells were written into that cell one after another: check the cell, or make them rows or columns of the table in Word",
    ]);
  });

  it('keeps a one-row header when nothing is merged', () => {
    expect(tableGrid(table('<table><tr><td>区县</td><td>户数</td></tr><tr><td>甲县</td><td>1</td></tr></table>')).headerRows).toBe(1);
  });
});
