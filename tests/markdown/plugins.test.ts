import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeArticles from '../../src/markdown/rehype-articles.ts';
import rehypeHtmlEditions from '../../src/markdown/rehype-html-editions.ts';
import rehypeHeadingLevels from '../../src/markdown/rehype-heading-levels.ts';
import rehypeLeadIns from '../../src/markdown/rehype-lead-ins.ts';
import rehypeNotes from '../../src/markdown/rehype-notes.ts';
import remarkGfmNoTables from '../../src/markdown/remark-gfm-no-tables.ts';
import remarkHeadingLines from '../../src/markdown/remark-heading-lines.ts';

function pipeline() {
  return unified()
    .use(remarkParse)
    .use(remarkHeadingLines)
    .use(remarkRehype)
    .use(rehypeArticles)
    .use(rehypeHeadingLevels)
    .use(rehypeNotes)
    .use(rehypeHtmlEditions);
}

describe('remarkHeadingLines', () => {
  it('breaks a heading at “ / ”', async () => {
    const html = String(await unified().use(remarkParse).use(remarkHeadingLines).use(remarkRehype).use(rehypeStringify).process('### 甲 / 乙'));
    expect(html).toBe('<h3>甲<br>\n乙</h3>');
  });

  it('takes another separator', async () => {
    const html = String(
      await unified().use(remarkParse).use(remarkHeadingLines, { separator: '｜' }).use(remarkRehype).use(rehypeStringify).process('## 甲｜乙 / 丙'),
    );
    expect(html).toBe('<h2>甲<br>\n乙 / 丙</h2>');
  });

  it('warns at a slash typed between Chinese words without the spaces of a line break', async () => {
    const file = await unified()
      .use(remarkParse)
      .use(remarkHeadingLines)
      .use(remarkRehype)
      .use(rehypeStringify)
      .process('## 优化营商环境30条措施/全力助企纾困\n\n## 一窗受理”／让企业办事更便捷 / 第二行\n\n## 2023/2024年度工作要点 / 第二行\n');
    expect(file.messages.map((message) => [message.line, message.column, message.ruleId, message.reason])).toEqual([
      [1, 15, 'heading-slash', 'Unexpected “/” in a title, which prints as a slash; to print the title on two lines, write “ / ” (space, slash, space) there'],
      [3, 9, 'heading-slash', 'Unexpected “／” in a title, which prints as a slash; to print the title on two lines, write “ / ” (space, slash, space) there'],
    ]);
  });
});

describe('remarkHeadingLines, a heading typed another way', () => {
  const process = (markdown: string) => unified().use(remarkParse).use(remarkHeadingLines).use(remarkRehype).use(rehypeStringify).process(markdown);

  it('breaks a heading at a separator typed with full-width spaces or a full-width slash', async () => {
    expect(String(await process('## 甲　/　乙 ／ 丙'))).toBe('<h2>甲<br>\n乙<br>\n丙</h2>');
  });

  it('warns at a backslash at the end of a title and at a line of --- or === under text', async () => {
    const file = await process('## 标题第一行\\\n第二行\n\n分隔线上面的文字\n---\n\n文字\n===\n\n上文\n\n---\n');
    expect(file.messages.map((message) => [message.line, message.column, message.ruleId])).toEqual([
      [1, 9, 'heading-backslash'],
      [5, 1, 'heading-underlined'],
      [8, 1, 'heading-underlined'],
    ]);
    expect(file.messages[1]!.reason).toBe(
      'Unexpected `---` under a line of text, which makes that line a title as `## …` would; for a title write `## title`, for a separator leave an empty line above the `---`',
    );
  });
});

describe('remarkGfmNoTables', () => {
  const gfm = () => unified().use(remarkParse).use(remarkGfmNoTables).use(remarkRehype).use(rehypeStringify);

  it('reads GFM: bare web addresses, strikethrough, footnotes, task lists', async () => {
    const file = await gfm().process('详见 https://zjj.meizhou.gov.cn 。~~删去~~[^1]\n\n- [x] 已完成\n\n[^1]: 注释。');
    const html = String(file);
    expect(html).toContain('<a href="https://zjj.meizhou.gov.cn">https://zjj.meizhou.gov.cn</a>');
    expect(html).toContain('<del>删去</del>');
    expect(html).toContain('<a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a>');
    expect(html).toContain('<input type="checkbox" checked disabled> 已完成');
    expect(file.messages).toEqual([]);
  });

  it('links bare addresses right after Chinese text, also ones written with a reference or an escape', async () => {
    // Found by the pass over the texts (not the parser), which runs only where a text may hold one.
    const html = String(await gfm().process('邮箱zjj@meizhou.gov.cn，或a&#64;b.cn；网址：HTTP\\://x.cn 。'));
    expect(html).toBe(
      '<p>邮箱<a href="mailto:zjj@meizhou.gov.cn">zjj@meizhou.gov.cn</a>，或<a href="mailto:a@b.cn">a@b.cn</a>；网址：<a href="HTTP://x.cn">HTTP://x.cn</a> 。</p>',
    );
  });

  it('leaves pipe tables out, with an error at each', async () => {
    const file = await gfm().process(
      '| 区县 | 户数 |\n| --- | ---: |\n| 梅江区 | 12 |\n\n> 区县 | 户数\n> --|--\n\n竖线 a | b 不是表格。\n\n正文之后：\n甲 | 乙\n:-: | --:\n\n- 列表中：\n  甲 | 乙\n  :- | -:',
    );
    expect(String(file)).not.toContain('<table');
    expect(file.messages.map((message) => [String(message.place && 'line' in message.place ? message.place.line : ''), message.ruleId, message.fatal])).toEqual(
      [
        ['1', 'pipe-table', true],
        ['5', 'pipe-table', true],
        ['11', 'pipe-table', true],
        ['15', 'pipe-table', true],
      ],
    );
    expect(file.messages[0]?.reason).toContain('::table{src="progress.csv"}');
  });
});

describe('rehypeArticles', () => {
  it('wraps each ## in a section with a Chinese id and records the articles', async () => {
    const file = await pipeline().process('前言\n\n## 一、总体情况 / 第二行\n\n正文\n\n## 一、总体情况\n\n再正文');
    expect(String(file)).toBe(
      '<p>前言</p>\n<section class="article" id="一总体情况第二行"><h2 class="article-title" id="一总体情况第二行-title">一、总体情况<br>\n第二行</h2>\n<p>正文</p>\n\n<p class="to-contents" data-pagefind-ignore><a href="#contents">返回本期目录</a></p>\n</section><section class="article" id="一总体情况"><h2 class="article-title" id="一总体情况-title">一、总体情况</h2>\n<p>再正文</p>\n<p class="to-contents" data-pagefind-ignore><a href="#contents">返回本期目录</a></p>\n</section>',
    );
    expect(file.data.articles).toEqual([
      { id: '一总体情况第二行', printId: 'a1', lines: ['一、总体情况', '第二行'] },
      { id: '一总体情况', printId: 'a2', lines: ['一、总体情况'] },
    ]);
  });

  it('gives the print edition the same HTML with short article ids, whatever the text holds', async () => {
    // An id written out in the text before the article is text, not an anchor: only the sections' ids change.
    const file = await pipeline().process('`id="甲"`\n\n## 甲\n\n## 乙');
    expect(file.data.printHtml).toBe(
      '<p><code>id="甲"</code></p>\n<section class="article" id="a1"><h2 class="article-title" id="甲-title">甲</h2>\n</section><section class="article" id="a2"><h2 class="article-title" id="乙-title">乙</h2></section>',
    );
    expect(String(file)).toBe(
      '<p><code>id="甲"</code></p>\n<section class="article" id="甲"><h2 class="article-title" id="甲-title">甲</h2>\n\n<p class="to-contents" data-pagefind-ignore><a href="#contents">返回本期目录</a></p>\n</section><section class="article" id="乙"><h2 class="article-title" id="乙-title">乙</h2>\n<p class="to-contents" data-pagefind-ignore><a href="#contents">返回本期目录</a></p>\n</section>',
    );
  });

  it('leaves a footnote mark on a title out of the article’s lines and id', async () => {
    const processor = unified().use(remarkParse).use(remarkGfmNoTables).use(remarkRehype).use(rehypeArticles).use(rehypeStringify);
    const file = await processor.process('## 关于推进工作的意见[^1]\n\n正文。\n\n[^1]: 注释。');
    expect(file.data.articles).toEqual([{ id: '关于推进工作的意见', printId: 'a1', lines: ['关于推进工作的意见'] }]);
    // The mark stays in the heading itself, linking to its note.
    expect(String(file)).toContain('<h2 class="article-title" id="关于推进工作的意见-title">关于推进工作的意见<sup><a href="#user-content-fn-1"');
  });

  it('keeps ids independent across documents', async () => {
    const processor = pipeline();
    await processor.process('## 甲');
    expect((await processor.process('## 甲')).data.articles).toEqual([{ id: '甲', printId: 'a1', lines: ['甲'] }]);
  });
});

describe('rehypeHeadingLevels', () => {
  it('classes headings by their numbering, not their Markdown level', async () => {
    const html = String(await pipeline().process('## 文\n\n### 一、甲\n\n#### （二）乙\n\n### 3. 丙\n\n##### （4）丁\n\n### 无编号 / 两行'));
    expect(html).toContain('<h3 class="subhead level-1">一、甲</h3>');
    expect(html).toContain('<h4 class="subhead level-2">（二）乙</h4>');
    expect(html).toContain('<h3 class="subhead level-3">3. 丙</h3>');
    expect(html).toContain('<h5 class="subhead level-4">（4）丁</h5>');
    expect(html).toContain('<h3 class="subhead">无编号<br>\n两行</h3>');
  });

  it('knows the third and fourth levels as editors also type them', async () => {
    const html = String(await pipeline().process('## 文\n\n##### 2、乙\n\n##### ３．丙\n\n###### （１）丁\n'));
    expect(html).toContain('<h5 class="subhead level-3">2、乙</h5>');
    expect(html).toContain('<h5 class="subhead level-3">３．丙</h5>');
    expect(html).toContain('<h6 class="subhead level-4">（１）丁</h6>');
  });
});

describe('rehypeNotes', () => {
  it('marks closing author and source notes only', async () => {
    const html = String(await pipeline().process('## 文\n\n（这不是注）\n\n正文\n\n（作者：某某\\\n某单位）\n\n## 二\n\n正文\n\n(综合整理)'));
    expect(html).toContain('<p>（这不是注）</p>');
    expect(html).toContain('<p class="note note-author">（作者：某某<br>\n某单位）</p>');
    expect(html).toContain('<p class="note note-source">(综合整理)</p>');
  });
});

describe('rehypeLeadIns', () => {
  it('marks a paragraph ending in a colon right before a list, and no other', async () => {
    const html = String(
      await unified()
        .use(remarkParse)
        .use(remarkRehype)
        .use(rehypeLeadIns)
        .use(rehypeStringify)
        .process('会议要求：\n\n1. 甲\n\n现将有关情况通报如下：\n\n正文。\n\n会议指出。\n\n- 乙\n\n- 丙：\n\n  - 丁\n'),
    );
    expect(html).toContain('<p class="lead-in">会议要求：</p>\n<ol>');
    expect(html).toContain('<p>现将有关情况通报如下：</p>');
    expect(html).toContain('<p>会议指出。</p>');
    expect(html).toContain('<p class="lead-in">丙：</p>');
  });
});
