import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { createProcessor } from '../../src/markdown/processor.ts';

const render = async (markdown: string) => String(await createProcessor({ root: '.' }).process(new VFile({ path: 'index.md', value: markdown })));
/** The paragraphs of the article, their spans taken away. */
const paragraphs = async (markdown: string) =>
  [...(await render(`## 通知\n\n${markdown}`)).matchAll(/<p(?: class="addressees")?>([\s\S]*?)<\/p>/g)].map((found) =>
    found[1]!.replace(/<\/?span[^>]*>/g, ''),
  );

describe('a line typed with full-width spaces at its start', () => {
  it('is aligned under the line above, counted from where the first line starts', async () => {
    // The first line gets the two characters' indent of every paragraph, so the second two more.
    expect(await paragraphs('联系人：张明\n　　　　电话：0753-8821234\n')).toEqual(['联系人：张明<br>\n　　　　　　电话：0753-8821234']);
    expect(await paragraphs('　　联系人：张明\n　　　　　　电话：0753-8821234\n')).toEqual(['联系人：张明<br>\n　　　　　　电话：0753-8821234']);
  });

  it('counts its spaces from the first line of the paragraph it is in, after a line typed flush left', async () => {
    expect(await paragraphs('各镇人民政府：\n　　请认真贯彻落实。\n　　联系人：张明\n　　　　　　电话：0753-8821234\n')).toEqual([
      '各镇人民政府：',
      '请认真贯彻落实。',
      '联系人：张明<br>\n　　　　　　电话：0753-8821234',
    ]);
  });

  it('starts a paragraph when indented as one, as Word’s paragraphs are copied without an empty line between them', async () => {
    expect(await paragraphs('　　今年以来，我市扎实推进\n工作，取得明显成效。\n　　一是**加强**监管。\n　　二是强化督导。\n')).toEqual([
      '今年以来，我市扎实推进工作，取得明显成效。',
      '一是<strong>加强</strong>监管。',
      '二是强化督导。',
    ]);
  });

  it('is not needed for a note in parentheses on the last line, which starts a paragraph (a note) when typed flush left', async () => {
    const html = await render('## 会议\n\n　　会议以视频形式开到各镇。\n（县应急管理局办公室供稿）\n');
    expect(html).toContain('<p>会议以视频形式开到<span class="keep-together">各镇。</span></p>\n<p class="note note-source">（县应急管理局办公室供稿）</p>');
    // Not where the text goes on in the parentheses: `…如下\n(见附表)` is a hard-wrapped sentence.
    expect(await paragraphs('会议要求如下\n（见附表）\n')).toEqual(['会议要求如下（见附表）']);
  });

  it('is kept a line in a list, and lines without such spaces are still joined', async () => {
    expect(await render('## 通知\n\n- 第一项\n　　说明\n')).toContain('<li>第一项<br>\n　　<span class="keep-together">说明</span></li>');
    expect(await paragraphs('今年以来，我市扎实推进\n工作。\n')).toEqual(['今年以来，我市扎实推进工作。']);
    // A full-width space typed at a line's end goes with the line ending.
    expect(await paragraphs('现将有关　\n情况通报如下。\n')).toEqual(['现将有关情况通报如下。']);
  });
});

describe('a line of nothing but full-width spaces', () => {
  it('is left out, so the 落款 or the note before it still closes the article', async () => {
    const html = await render('## 通知\n\n请认真贯彻落实。\n\n平远县乡村振兴局\n\n2025年1月17日\n\n　\n\n## 会议\n\n正文。\n\n（县应急管理局供稿）\n\n　　\n');
    expect(html).toContain('<div class="signature"><p>平远县乡村振');
    expect(html).toContain('<p class="note note-source">（县应急管理局供稿）</p>');
    expect(html).not.toContain('<p></p>');
  });
});

describe('a line typed flush left that starts with a numbering', () => {
  it('starts a paragraph in an article, as each item typed under the one before is one', async () => {
    expect(await paragraphs('（二）加强宣传引导。\n1.宣传到位。\n2．群众参与。\n（1）第一项要求。\n（2）第二项要求。\n')).toEqual([
      '（二）加强宣传引导。',
      '1.宣传到位。',
      '2．群众参与。',
      '（1）第一项要求。',
      '（2）第二项要求。',
    ]);
    // Items numbered with the characters an input method offers: ①, ⑴, ⒈.
    expect(await paragraphs('主要做法：\n①宣传到位。\n②群众参与。\n⑴第一项。\n⒉第二项。\n')).toEqual([
      '主要做法：',
      '①宣传到位。',
      '②群众参与。',
      '⑴第一项。',
      '⒉第二项。',
    ]);
    // A short line without a sentence is then a subhead (remark-typed-subheads).
    expect(await render('## 通知\n\n正文第一段。\n二、第二部分\n')).toContain(
      '<p>正文第<span class="keep-together">一段。</span></p>\n<h3 class="subhead level-1">',
    );
  });

  it('leaves a hard-wrapped line that starts with a number, and a list item’s lines, joined', async () => {
    expect(await paragraphs('全市共完成\n1.5万户，于\n3、4月份完成。\n')).toEqual(['全市共完成1.5万户，于3、4月份完成。']);
    expect(await render('## 通知\n\n- 第一项\n2.说明\n')).toContain('<li>第一项2.<span class="keep-together">说明</span></li>');
  });

  it('keeps a list of attachments typed under 附件： together', async () => {
    expect(await render('## 通知\n\n附件：1.关于甲的通知\n2.关于乙的通知\n')).toContain('<li><span class="attachment-number">1.</span>');
    expect((await render('## 通知\n\n附件：1.关于甲的通知\n2.关于乙的通知\n')).match(/<li>/g)).toHaveLength(2);
  });
});

describe('a line typed flush left that starts with an enumeration’s 一是', () => {
  it('starts a paragraph after a line that ends a sentence or a clause', async () => {
    expect(
      await paragraphs('主要做法如下：\n一是加强组织领导，明确责任。\n二是强化资金保障；\n三是**严格**督查考核。\n十一是“抓落实。”\n十是完善机制。\n'),
    ).toEqual([
      '主要做法如下：',
      '一是加强组织领导，明确责任。',
      '二是强化资金保障；',
      '三是<strong>严格</strong>督查考核。',
      '十一是“抓落实。”',
      '十是完善机制。',
    ]);
    // Indented as a paragraph it already was one.
    expect(await paragraphs('　　主要做法如下。\n　　一是加强组织领导。\n二是强化资金保障。\n')).toEqual([
      '主要做法如下。',
      '一是加强组织领导。',
      '二是强化资金保障。',
    ]);
  });

  it('is joined to the line before where that breaks off mid-sentence, as hard-wrapped text', async () => {
    expect(await paragraphs('全市坚持统筹推进，做到统\n一是非标准、统一口径，逐步\n推进\n二是重点。\n')).toEqual([
      '全市坚持统筹推进，做到统一是非标准、统一口径，逐步推进二是重点。',
    ]);
    expect(await paragraphs('今年以来，我市进一\n步加强监管，\n一是之前的做法。\n')).toEqual(['今年以来，我市进一步加强监管，一是之前的做法。']);
  });
});

describe('a paragraph indented with half-width spaces or a tab', () => {
  it('is a paragraph, its indent left out, not a code block', async () => {
    expect(await paragraphs('    四个半角空格缩进的段落。\n\n\t制表符缩进的段落。\n')).toEqual(['四个半角空格缩进的段落。', '制表符缩进的段落。']);
    expect(await render('## 通知\n\n```\n代码\n```\n')).toContain('<pre><code>代码\n</code></pre>');
  });
});
