import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { createProcessor } from '../../src/markdown/processor.ts';

const render = async (markdown: string) => String(await createProcessor({ root: '.' }).process(new VFile({ path: 'index.md', value: markdown })));
/** The 落款 block of a rendered article, its inner spans taken away. */
const signature = (html: string) => /<div class="signature">([\s\S]*?)<\/div>/.exec(html)?.[1]?.replace(/<\/?span[^>]*>/g, '');

describe('a 落款 at an article’s end', () => {
  it('sets the office and the date apart, typed as two paragraphs or one with a line break', async () => {
    expect(signature(await render('## 通知\n\n请认真贯彻落实。\n\n平远县乡村振兴局\n\n2025年1月17日\n'))).toBe('<p>平远县乡村振兴局</p><p>2025年1月17日</p>');
    expect(signature(await render('## 通知\n\n请认真贯彻落实。\n\n平远县乡村振兴局\\\n2025年1月17日\n'))).toBe('<p>平远县乡村振兴局<br>\n2025年1月17日</p>');
    expect(signature(await render('## 通知\n\n请认真贯彻落实。\n\n二〇二五年一月十七日\n'))).toBe('<p>二〇二五年一月十七日</p>');
    // Its zero typed as a circle or a letter O, as drafts often have it.
    expect(signature(await render('## 通知\n\n请认真贯彻落实。\n\n二○二五年一月十七日\n'))).toBe('<p>二○二五年一月十七日</p>');
    expect(signature(await render('## 通知\n\n请认真贯彻落实。\n\n二O二五年一月十七日\n'))).toBe('<p>二O二五年一月十七日</p>');
  });

  it('comes before the notes, and takes no sentence for the office', async () => {
    const html = await render('## 通知\n\n请认真贯彻落实。\n\n特此通知。\n\n2025年1月17日\n\n（平远县乡村振兴局供稿）\n');
    expect(signature(html)).toBe('<p>2025年1月17日</p>');
    expect(html).toMatch(/特此<span class="keep-together">通知。<\/span><\/p>\n<div class="signature">[\s\S]*<\/div>\n<p class="note note-source">/);
  });

  it('is not a date in the text, after a line it completes, a list or a photo, or an article of a date alone', async () => {
    expect(signature(await render('## 会议\n\n2025年1月17日\n\n会议在县政府召开。\n'))).toBeUndefined();
    expect(signature(await render('## 会议\n\n会议定于近期召开。\n\n会议时间：\n\n2024年1月15日\n'))).toBeUndefined();
    expect(signature(await render('## 会议\n\n会议议程如下：\n\n- 听取汇报\n- 部署工作\n\n2024年1月15日\n'))).toBeUndefined();
    expect(signature(await render('## 2025年1月17日\n\n2025年1月17日\n'))).toBeUndefined();
  });
});

describe('a 落款 typed with spaces to set it right', () => {
  it('is found under the closing sentence too, the spaces left out', async () => {
    const typed = '## 通知\n\n请认真贯彻落实。\n\n特此通报。\n　　　　　　　　　　梅州市住房和城乡建设局\n　　　　　　　　　　2021年12月30日\n';
    const html = await render(typed);
    expect(signature(html)).toBe('<p>梅州市住房和城乡建设局<br>\n2021年12月30日</p>');
    expect(html).toContain('<p>特此<span class="keep-together">通报。</span></p>\n<div class="signature">');
    expect(signature(await render('## 通知\n\n请认真贯彻落实，特此通报。\n　　　　　　　　　　2021年12月30日\n'))).toBe('<p>2021年12月30日</p>');
    expect(signature(await render('## 通知\n\n特此通报。\n\n　　　　　梅州市住房和城乡建设局\n　　　　　2021年12月30日\n'))).toBe(
      '<p>梅州市住房和城乡建设局<br>\n2021年12月30日</p>',
    );
  });

  it('follows a list of attachments (附件说明), typed under it or as paragraphs of its own', async () => {
    const typed =
      '## 通知\n\n　　请认真贯彻落实。\n　　附件：1.工作方案\n　　　　　2.值班安排表\n　　　　　　　　　　平远县安全生产委员会办公室\n　　　　　　　　　　　2025年1月6日\n';
    expect(signature(await render(typed))).toBe('<p>平远县安全生产委员会办公室<br>\n2025年1月6日</p>');
    const paragraphs = '## 通知\n\n请认真贯彻落实。\n\n附件：1.工作方案\n　　　2.值班安排表\n\n平远县安全生产委员会办公室\n\n2025年1月6日\n';
    expect(signature(await render(paragraphs))).toBe('<p>平远县安全生产委员会办公室</p><p>2025年1月6日</p>');
  });
});
