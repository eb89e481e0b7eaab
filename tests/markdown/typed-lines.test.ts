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
  });
});
