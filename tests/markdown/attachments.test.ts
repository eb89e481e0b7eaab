import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { createProcessor } from '../../src/markdown/processor.ts';

const render = async (markdown: string) => String(await createProcessor({ root: '.' }).process(new VFile({ path: 'index.md', value: markdown })));
/** The list of attachments of an article with this text after a sentence, its spans for the last characters taken away. */
const attachments = async (markdown: string) =>
  /<div class="attachments">[\s\S]*?<\/div>/.exec(
    (await render(`## 通知\n\n请认真贯彻落实。\n\n${markdown}`)).replace(/<span class="keep-together">([^<]*)<\/span>/g, '$1'),
  )?.[0];

const list = (...items: readonly (readonly [string, string])[]) =>
  `<div class="attachments"><span class="attachments-label">附件：</span><ol>${items
    .map(([number, name]) => `<li>${number ? `<span class="attachment-number">${number}</span>` : ''}<span class="attachment-name">${name}</span></li>`)
    .join('')}</ol></div>`;

describe('a list of attachments (附件说明, GB/T 9704 §7.3.4)', () => {
  const long = '平远县道路交通、消防、燃气、烟花爆竹、危险化学品等重点行业领域节前安全隐患排查整治情况统计表';

  it('sets each attachment’s number and name apart, its lines typed under the first with full-width spaces', async () => {
    const expected = list(['1.', '平远县2025年元旦春节期间安全生产大检查工作方案'], ['2.', long], ['3.', '值班安排表']);
    expect(await attachments(`附件：1.平远县2025年元旦春节期间安全生产大检查工作方案\n　　　2.${long}\n　　　3.值班安排表\n`)).toBe(expected);
    expect(await attachments(`　　附件：1.平远县2025年元旦春节期间安全生产大检查工作方案\n　　　　　2.${long}\n　　　　　3.值班安排表\n`)).toBe(expected);
    // After paragraphs typed without an empty line between them, the first flush left.
    const typed = await render('## 通知\n\n各镇人民政府：\n　　请认真贯彻落实。\n　　附件：1.工作方案\n　　　　　2.值班安排表\n');
    expect(typed.replace(/<span class="keep-together">([^<]*)<\/span>/g, '$1')).toContain(
      `<p>请认真贯彻落实。</p>\n${list(['1.', '工作方案'], ['2.', '值班安排表'])}`,
    );
  });

  it('keeps plain lines `2.…` apart, and joins a name wrapped by hand', async () => {
    expect(await attachments('附件：1.关于做好安全生产\n工作的通知\n2.值班安排表\n')).toBe(list(['1.', '关于做好安全生产工作的通知'], ['2.', '值班安排表']));
    expect(await attachments('附件:1．工作方案\n2、值班安排表\n')).toBe(list(['1．', '工作方案'], ['2、', '值班安排表']).replace('附件：', '附件:'));
  });

  it('takes in the paragraphs `2.…` after it, as `jianbao import` writes them', async () => {
    expect(await attachments('附件：1.工作方案\n\n2.值班安排表\n\n3.检查表\n\n会议强调，要压实责任。\n')).toBe(
      list(['1.', '工作方案'], ['2.', '值班安排表'], ['3.', '检查表']),
    );
  });

  it('takes in the lines typed `2. …` with a space, a Markdown list, and the 落款 after them', async () => {
    const expected = list(['1.', '工作方案'], ['2.', '值班安排表'], ['3.', '检查表']);
    expect(await attachments('附件：1. 工作方案\n\n2. 值班安排表\n\n3. 检查表\n')).toBe(expected);
    expect(await attachments('附件：\n\n1. 工作方案\n2. 值班安排表\n3. 检查表\n')).toBe(expected);
    expect(await render('## 通知\n\n请认真贯彻落实。\n\n附件：1. 工作方案\n\n2. 值班安排表\n\n梅州市住房和城乡建设局\n\n2021年1月15日\n')).toContain(
      '<div class="signature"><p>梅州市住房和城乡建<span class="keep-together">设局</span></p><p>2021年1月15日</p></div>',
    );
  });

  it('is a single attachment without a number, and keeps links in a name', async () => {
    expect(await attachments(`附件：${long}\n`)).toBe(list(['', long]));
    // Its last two characters are kept together, as a paragraph's: a long name ends on no lone `表`.
    expect(await render(`## 通知\n\n附件：${long}\n`)).toContain('情况统<span class="keep-together">计表</span></span>');
    expect(await attachments('附件：1.[工作方案](fangan.pdf)\n　　　2.值班安排表（[下载](zhiban.pdf)）\n')).toBe(
      list(['1.', '<a href="fangan.pdf">工作方案</a>'], ['2.', '值班安排表（<a href="zhiban.pdf">下载</a>）']),
    );
  });

  it('is not a paragraph that mentions attachments, nor a list that is not one', async () => {
    expect(await attachments('详见附件：1.工作方案\n')).toBeUndefined();
    expect(await attachments('1.工作方案\n2.值班安排表\n')).toBeUndefined();
  });
});
