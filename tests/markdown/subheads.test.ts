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
    expect(typed).toContain('<p><span class="run-in level-2">（一）落实属地管理责任。</span>各镇要严格<span class="keep-together">落实。</span></p>');
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

describe('a run-in subhead opening a paragraph', () => {
  const paragraphs = (html: string) => html.match(/<p>.*?<\/p>/g) ?? [];

  it('is its numbering and first sentence, set apart in its level’s face, the rest of the paragraph body text', async () => {
    const html = await render(
      [
        '## 经验做法',
        '（一）加强组织领导。各地要成立工作专班，压实责任。',
        '一、强化统筹，凝聚工作合力。市委市政府高位推动。',
        '1.高度重视，迅速部署。各镇要落实。',
        '（1）排查隐患。对辖区内全部小区进行排查。',
        '**（二）强化督导。**各地要加强督导检查。',
        '　　（三）全角空格缩进的段落。正文从这里开始。',
      ].join('\n\n'),
    );
    expect(paragraphs(html)).toEqual([
      '<p><span class="run-in level-2">（一）加强组织领导。</span>各地要成立工作专班，压实<span class="keep-together">责任。</span></p>',
      '<p><span class="run-in level-1">一、强化统筹，凝聚工作合力。</span>市委市政府高位<span class="keep-together">推动。</span></p>',
      '<p><span class="run-in level-3">1.高度重视，迅速部署。</span>各镇要<span class="keep-together">落实。</span></p>',
      '<p><span class="run-in level-4">（1）排查隐患。</span>对辖区内全部小区进行<span class="keep-together">排查。</span></p>',
      '<p><span class="run-in level-2"><strong>（二）强化督导。</strong></span>各地要加强督导<span class="keep-together">检查。</span></p>',
      '<p><span class="run-in level-2">（三）全角空格缩进的段落。</span>正文从这里<span class="keep-together">开始。</span></p>',
    ]);
  });

  it('keeps the last characters of a paragraph that is all subhead bound, inside its span', async () => {
    const html = await render('## 经验做法\n\n一、加强组织领导，全面压实各级党委政府的主体责任。\n');
    expect(paragraphs(html)).toEqual([
      '<p><span class="run-in level-1">一、加强组织领导，全面压实各级党委政府的主体<span class="keep-together">责任。</span></span></p>',
    ]);
  });

  it('is not a long first sentence, a decimal, a sentence ending inside a link or bold, or a list’s, footnote’s or the 编者按’s', async () => {
    const html = await render(
      [
        '编者按：近期各地开展了以下工作。',
        '（一）加强组织领导。各地成立专班。',
        '## 经验做法',
        '（三）今年以来，我市坚持以人民为中心的发展思想，扎实推进城镇老旧小区改造工作。成效明显。',
        '1.5万户完成改造。下一步继续推进。',
        '（四）[加强领导。全面推进](https://example.org)工作。',
        '**（五）强化督导。各地**要加强检查。',
        '1. 列表项目。内容。',
        '附件：1.某某通知。\\\n2.某某方案。',
        '正文[^1]',
        '[^1]: （1）脚注。内容。',
      ].join('\n\n'),
    );
    expect(html).not.toContain('run-in');
  });

  it('is not a numbered note’s items, typed each on a line of its own, and is again after them', async () => {
    const html = await render(
      '## 经验做法\n\n注：1.本表数据截至2021年11月底。\n2.完成率=完成数/计划数×100%。\n（3）未含续建项目。\n\n2.强化督导。各地要加强检查。\n',
    );
    expect(html).toContain('<p>2.完成率=完成数/计划数×100%。</p>');
    expect(html).toContain('<p>（3）未含续建<span class="keep-together">项目。</span></p>');
    expect(html).toContain('<p><span class="run-in level-3">2.强化督导。</span>各地要加强<span class="keep-together">检查。</span></p>');
  });

  it('prints in the print edition as on the page', async () => {
    const file = await createProcessor({ root: '.' }).process(new VFile({ path: 'index.md', value: '## 经验做法\n\n（一）加强组织领导。各地要落实。\n' }));
    expect(String(file.data.printHtml)).toContain('<span class="run-in level-2">（一）加强组织领导。</span>');
  });
});
