import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { createProcessor } from '../../src/markdown/processor.ts';

const render = async (markdown: string) => String(await createProcessor({ root: '.' }).process(new VFile({ path: 'index.md', value: markdown })));

describe('a subhead typed as a paragraph of its own', () => {
  it('is the subhead `jianbao import` makes of it, in its level’s face', async () => {
    const typed = await render(
      '## 会议\n\n　　会议要求，重点抓好以下工作：\n　　一、压紧压实安全生产责任\n　　（一）落实属地管理责任。各镇要严格落实。\n　　（二）落实部门监管责任\n　　按照“三个必须”的原则，厘清行业监管边界。\n\n1.强化**源头**治理\n\n（1）排查隐患\n',
    );
    const headings = await render(
      '## 会议\n\n会议要求，重点抓好以下工作：\n\n### 一、压紧压实安全生产责任\n\n（一）落实属地管理责任。各镇要严格落实。\n\n#### （二）落实部门监管责任\n\n按照“三个必须”的原则，厘清行业监管边界。\n\n##### 1.强化**源头**治理\n\n###### （1）排查隐患\n',
    );
    expect(typed).toBe(headings);
    expect(typed).toContain('<h3 class="subhead level-1">一、<wbr>压紧<wbr>压实安全<wbr>生产责任</h3>');
    expect(typed).toContain('<p>（一）落实属地管理责任。各镇要严格<span class="keep-together">落实。</span></p>');
    expect(typed).toContain('<h4 class="subhead level-2">（二）<wbr>落实部门监管责任</h4>');
  });

  it('is not a paragraph with a sentence in it, a long one, one on two lines, or one starting with a decimal', async () => {
    const long = `一、${'坚持以人民为中心的发展思想'.repeat(4)}`;
    const html = await render(`## 会议\n\n一、加强领导。\n\n${long}\n\n（一）高位推动\\\n强化宣传\n\n1.5万户完成改造\n`);
    expect(html).not.toContain('<h3');
    expect(html).not.toContain('<h4');
    expect(html).not.toContain('<h5');
  });
});
