import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { describe, expect, it } from 'vitest';
import { createProcessor } from '../../src/markdown/processor.ts';
import rehypePreface from '../../src/markdown/rehype-preface.ts';
import remarkCjkTypography from '../../src/markdown/remark-cjk-typography.ts';
import remarkJoinCjkLines from '../../src/markdown/remark-join-cjk-lines.ts';
import { formatMessage } from '../../src/report/messages.ts';

// UPDATE_FIXTURES=1 npx vitest run tests/markdown/cjk.test.ts rewrites each expected.html and messages.txt: review the diff.
const update = Boolean(process.env['UPDATE_FIXTURES']);
const root = 'tests/fixtures/markdown-cjk';
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** The expected file's text; written from `actual` first with UPDATE=1. An absent messages.txt means none. */
async function expected(path: string, actual: string, optional = false): Promise<string> {
  if (update && (!optional || actual !== '')) await writeFile(path, actual);
  return optional && !existsSync(path) ? '' : readFile(path, 'utf8');
}

/** The Markdown rendered on its own. */
const render = (value: string) => createProcessor({ root: '.' }).process(new VFile({ path: 'a.md', value }));

/** The Markdown with the fixes of the rule's warnings made, as `check --fix` makes them, and the warnings. */
async function fixRule(typed: string, ruleId: string): Promise<{ fixed: string; warned: VFileMessage[] }> {
  const warned = (await render(typed)).messages.filter((message) => message.ruleId === ruleId);
  const fixed = warned.reduceRight((text, message) => {
    const { start, end } = message.place as { start: { offset: number }; end: { offset: number } };
    return text.slice(0, start.offset) + message.expected![0] + text.slice(end.offset);
  }, typed);
  return { fixed, warned };
}

describe('Chinese text as editors type it, one fixture issue per rule', () => {
  it('finds the cases', () => {
    expect(cases).toEqual([
      'emoji',
      'emphasis',
      'enumeration',
      'footnotes',
      'full-width-digits',
      'heading-depth',
      'heading-punctuation',
      'join-lines',
      'lists',
      'pasted',
      'preface',
      'preface-plain',
      'quotes',
      'ranges-doubled',
      'straight-quotes',
      'typed-marks',
      'typography',
    ]);
  });

  it.each(cases)('%s', async (name) => {
    const dir = join(root, name);
    const file = new VFile({ path: join(dir, 'input.md'), value: await readFile(join(dir, 'input.md'), 'utf8') });
    await createProcessor({ root: resolve(dir) }).process(file);
    const html = `${String(file)}\n`;
    const messages = file.messages.map((message) => `${formatMessage(message)}\n`).join('');
    expect(html).toBe(await expected(join(dir, 'expected.html'), html));
    expect(messages).toBe(await expected(join(dir, 'messages.txt'), messages, true));
  });
});

describe('the rules, as the fixtures show them', () => {
  const html = (name: string) => readFile(join(root, name, 'expected.html'), 'utf8');

  it('closes emphasis after full-width punctuation, and leaves Latin emphasis as CommonMark reads it', async () => {
    const out = await html('emphasis');
    for (const bold of [
      '<strong>编者按：</strong>近期',
      '<strong>一是</strong>强化',
      '<strong>23个</strong>，',
      '<del>删去。</del>这句',
      '<em>unchanged</em>',
      '<strong>as is</strong>',
      'snake_case_words',
      'a<strong>b</strong>c',
      '2<em>3</em>4',
    ]) {
      expect(out).toContain(bold);
    }
    expect(out).not.toMatch(/\*\*|~~/);
  });

  it('warns of underscores meant as bold beside Chinese, whose fix prints them bold', async () => {
    const { fixed, warned } = await fixRule('## 文\n\n这是__重点__的内容，_着重_的文字，梅州_2021_报表。\n', 'emphasis-underscore');
    expect(warned.map((message) => [message.actual, message.expected])).toEqual([
      ['__重点__', ['**重点**']],
      ['_着重_', ['*着重*']],
    ]);
    const file = await render(fixed);
    expect(String(file)).toContain('这是<strong>重点</strong>的内容，<em>着重</em>的文字，梅州_2021_');
    expect(file.messages.filter((message) => message.ruleId === 'emphasis-underscore')).toEqual([]);
  });

  /** The fixture's input with the rule's fixes made, checked to leave no more of its warnings. */
  const fixedInput = async (name: string, ruleId: string) => {
    const { fixed } = await fixRule(await readFile(join(root, name, 'input.md'), 'utf8'), ruleId);
    expect((await fixRule(fixed, ruleId)).warned).toEqual([]);
    return fixed;
  };

  it('warns of spaces and invisible characters pasted from the web, whose fix leaves plain text', async () => {
    const fixed = await fixedInput('pasted', 'pasted-character');
    expect(fixed).toContain('从微信复制的文字，中间有不间断空格，还有零宽空格，软连字符。');
    expect(fixed).toContain('Windows 10 系统，字节顺序标记。');
    // Code, and the joiners inside an emoji, are left as they are.
    expect(fixed).toContain('`代码中的\u00a0不查`');
    expect(fixed).toContain('👨\u200d👩\u200d👧');
  });

  it('warns of emoji, which print blank in the PDF, and not of the symbols its fonts have', async () => {
    const messages = await readFile(join(root, 'emoji', 'messages.txt'), 'utf8');
    expect([...messages.matchAll(/emoji “(.*?)”/g)].map((found) => found[1])).toEqual(['🎉👍', '👏🏻', '👨‍👩‍👧']);
  });

  it("warns of curly quotes turned the wrong way where a paragraph's quotes pair up, whose fix turns them", async () => {
    const fixed = await fixedInput('quotes', 'quote-direction');
    expect(fixed).toContain('他说“好的”。又说“对的”，再说“行”。');
    expect(fixed).toContain('要按照“**四项工程**”的要求，‘单引号’对，‘反了’。');
    // A quotation over two paragraphs opens each; an apostrophe is no quote.
    expect(fixed).toContain('“第一段引文，\n\n“第二段引文。”');
    expect(fixed).toContain('It’s and don’t，‘好’。');
  });

  it('warns of straight quotes around Chinese text in an issue without curly ones, whose fix curls them', async () => {
    const fixed = await fixedInput('straight-quotes', 'cjk-punctuation');
    expect(fixed).toContain('他说“好的”，推进“四项工程”建设。');
    expect(fixed).toContain('版本号"v2.0"不是中文');
  });

  it('warns of a heading typed with more than six #, whose fix makes it a subhead', async () => {
    const fixed = await fixedInput('heading-depth', 'heading-depth');
    expect(fixed).toContain('###### （1）七级标题\n\n正文第一行\n###### 八级');
    expect(fixed).toContain('`#######` 代码里不算，#######不带空格也不算。');
    expect(String(await render(fixed))).toContain('<h6 class="subhead level-4">（1）<wbr>七级标题</h6>');
  });

  it('warns of a heading ending in punctuation, whose fix takes the mark away', async () => {
    const typed = await readFile(join(root, 'heading-punctuation', 'input.md'), 'utf8');
    expect(await fixedInput('heading-punctuation', 'heading-punctuation')).toBe(
      typed
        .replace('情况：\n', '情况\n')
        .replace('总体情况。', '总体情况')
        .replace('加强领导。', '加强领导')
        .replace('/ 情况：', '/ 情况')
        .replace('问题:', '问题'),
    );
  });

  it('warns of an ellipsis, dash, title marks or full stop typed on a Latin keyboard and of spaces beside full-width marks, whose fixes set them as GB/T 15834 does', async () => {
    const typed = await readFile(join(root, 'typed-marks', 'input.md'), 'utf8');
    const marks = await fixRule(typed, 'cjk-punctuation');
    const { fixed } = await fixRule(marks.fixed, 'cjk-space');
    expect(fixed.split('\n').slice(2, 9)).toEqual([
      '各地要抓紧推进……确保按期完成……下一步……继续推进。',
      '',
      '要坚持“一区一策”——因地制宜推进改造。',
      '',
      '学习《中共中央关于党的百年奋斗重大成就和历史经验的决议》精神。',
      '',
      '全市共改造小区120个，惠及居民5000户。时间：10时。',
    ]);
    // Dots, hyphens and dashes that are not Chinese punctuation typed wrong are left alone.
    expect(fixed.split('\n')[10]).toBe(typed.split('\n')[10]);
    // A space beside a mark past bold or code is beside it all the same.
    expect(fixed.split('\n')[12]).toBe('**注意：**请按时报送，命令`npm`，然后推进。');
    // A point ending a Chinese sentence is a stop; a number's, a file's or a numbering's is not.
    expect(fixed.split('\n').slice(14, 17)).toEqual(['全区共开工小区12个。满意度达到98.5%。群众反映“一键直达”。', '', typed.split('\n')[16]]);
  });

  it('warns of a range typed with a tilde and of a mark typed twice, whose fixes print them as GB/T 15834 sets them', async () => {
    const typed = await readFile(join(root, 'ranges-doubled', 'input.md'), 'utf8');
    const { fixed } = await fixRule(typed, 'cjk-punctuation');
    expect(fixed.split('\n').slice(2, 7)).toEqual([
      '气象部门预计，未来3～5天仍有中到大雨，气温25～32℃，降雨量50%～80%。',
      '',
      '2023～2025年分3个阶段推进。',
      '',
      '会议要求，各单位要高度重视。下一步继续推进、落实；时间：10时。',
    ]);
    expect(fixed.split('\n')[8]).toBe(typed.split('\n')[8]);
    // Two single tildes in a paragraph are a range each, not strikethrough that would print neither.
    expect(String(await render(typed))).toContain('<p>气象部门预计，未来3~5天仍有中到大雨，气温25~32℃，降雨量50%~80%。</p>');
  });

  it('warns of a parenthesis typed half width in a full-width pair, whose fix pairs them', async () => {
    const { fixed, warned } = await fixRule(
      '## 文\n\n总投资约3.2亿元（含中央补助资金1.2亿元)，其中(一期）投资1亿元，（含（1）项）和(a)不改。\n',
      'cjk-punctuation',
    );
    expect(warned.map((message) => [message.line, message.column, message.actual])).toEqual([
      [3, 23, ')'],
      [3, 27, '('],
    ]);
    expect(fixed).toContain('总投资约3.2亿元（含中央补助资金1.2亿元），其中（一期）投资1亿元，（含（1）项）和(a)不改。');
  });

  it("warns of a tab after a line's numbering, as Word's numbering copied as text leaves it, whose fix takes it out", async () => {
    const typed = '## 文\n\n### 一、\t总体情况\n\n（一）\t加强组织领导。各镇要成立专班。\n\n　　1．\t明确分工。\n\n梅江区\t完成。\n';
    const { fixed, warned } = await fixRule(typed, 'cjk-space');
    expect(warned.map((message) => [message.line, message.column])).toEqual([
      [3, 7],
      [5, 4],
      [7, 5],
    ]);
    expect(fixed).toBe('## 文\n\n### 一、总体情况\n\n（一）加强组织领导。各镇要成立专班。\n\n　　1．明确分工。\n\n梅江区\t完成。\n');
    expect(String(await render(fixed))).toContain('<span class="run-in level-2">（一）加强组织领导。</span>');
  });

  it("warns of a line's numbering typed with the wrong mark after it, whose fix numbers it as GB/T 15834 does", async () => {
    const typed = '## 文\n\n一.加强组织领导\n\n（一）、落实责任。各镇要成立专班。\n\n（2）.强化督导。\n\n会上说第一.要抓好落实。\n\n二.\t完善机制\n';
    const { fixed, warned } = await fixRule(typed, 'cjk-punctuation');
    expect(warned.map((message) => [message.line, message.column, message.actual, message.expected])).toEqual([
      [3, 2, '.', ['、']],
      [5, 4, '、', ['']],
      [7, 4, '.', ['']],
      [11, 2, '.', ['、']],
    ]);
    expect(fixed).toBe('## 文\n\n一、加强组织领导\n\n（一）落实责任。各镇要成立专班。\n\n（2）强化督导。\n\n会上说第一.要抓好落实。\n\n二、\t完善机制\n');
    const html = String(await render(fixed));
    expect(html).toContain('<h3 class="subhead level-1">一、<wbr>加强组织领导</h3>');
    expect(html).toContain('<span class="run-in level-2">（一）落实责任。</span>');
  });

  it('warns of a comma typed full width inside a number, whose fix makes it its thousands separator', async () => {
    const { fixed, warned } = await fixRule(
      '## 文\n\n涉及居民1，200户，投资8，560万元，共12，345，678元；分别为1，2，3项，2019，2020年，小区12个，300户。\n',
      'cjk-punctuation',
    );
    expect(warned.map((message) => message.column)).toEqual([6, 15, 25, 29]);
    expect(fixed).toContain('涉及居民1,200户，投资8,560万元，共12,345,678元；分别为1，2，3项，2019，2020年，小区12个，300户。');
  });

  it('warns of a title typed in single angle brackets, whose fix sets it in title marks', async () => {
    const { fixed } = await fixRule('## 文\n\n详见<梅州日报>的报道。投资<5万元的项目，>10万元的项目。\n', 'cjk-punctuation');
    expect(fixed).toContain('详见《梅州日报》的报道。投资<5万元的项目，>10万元的项目。');
  });

  it('warns once of a half-width mark ending a heading, to remove it, not also to make it full width', async () => {
    const messages = await readFile(join(root, 'heading-punctuation', 'messages.txt'), 'utf8');
    expect(messages.match(/:19:\d+:.*/g)).toEqual([expect.stringContaining('[heading-punctuation]')]);
    // A mark inside the heading is still half width beside Chinese.
    expect(messages.match(/:23:\d+:.*/g)).toEqual([expect.stringContaining('[cjk-punctuation]')]);
  });

  it('warns of full-width digits, whose fix sets them half width', async () => {
    const fixed = await fixedInput('full-width-digits', 'full-width-digits');
    expect(fixed).toContain('全市共完成改造小区123个，完成率85%，投资12.5亿元，同比增长12.5％。');
    expect(fixed).toContain('（1）全角编号的一项。');
    expect(fixed).toContain('第Ⅱ阶段和2021年不算，全角字母ＧＤＰ也不算。');
    expect(fixed).toContain('`代码中的１２３不查`');
  });

  it('joins hard-wrapped lines beside Chinese and keeps the space where Latin words meet', async () => {
    const out = await html('join-lines');
    expect(out).toContain('现将有关情况报告如下：全市完成“四项工程”改造<span class="keep-together">任务。</span>');
    expect(out).toContain('Latin words\nmeet');
    expect(out).toContain('全市 GDP增长，2021年11月完成，<strong>重点</strong>项目<code>code</code><span class="keep-together">推进。</span>');
  });

  it('leaves out an indent typed with full-width spaces, which the style sheets give every paragraph', async () => {
    const file = await createProcessor({ root: '.' }).process(
      new VFile({ path: 'a.md', value: '## 文\n\n　　今年以来，全县扎实推进各项工作。\n\n- 　　列表项的文字说明。\n' }),
    );
    expect(String(file)).toContain('<p>今年以来，全县扎实推进各项<span class="keep-together">工作。</span></p>');
    expect(String(file)).toContain('<li>列表项的文字<span class="keep-together">说明。</span></li>');
  });

  it('labels footnotes in Chinese, after the last article, the label and back-links out of the search index', async () => {
    const out = await html('footnotes');
    expect(out).toContain('<h2 class="sr-only" data-pagefind-ignore="" id="footnote-label">注释</h2>');
    expect(out).toContain('class="data-footnote-backref"><span data-pagefind-ignore="">↩<sup>2</sup></span></a>');
    expect(out).toContain('aria-label="返回正文 1"');
    expect(out).toContain('aria-label="返回正文 1-2"');
    expect(out).not.toMatch(/Footnotes|Back to reference/);
    expect(out).toMatch(/<\/section><section data-footnotes class="footnotes">[\s\S]*<\/section>\n$/);
  });

  it('marks a 编者按 before the first article only', async () => {
    expect(await html('preface')).toMatch(
      /^<div class="preface"><p><strong class="preface-label">编者按：<\/strong>近期，蕉岭县扎实推进老旧小区改造，现将有关做法刊发[\s\S]*第二段<span class="keep-together">按语。<\/span><\/p>\n<\/div>\n<section/,
    );
    expect(await html('preface')).toContain('<p>编者按：文章中的这段不是<span class="keep-together">按语。</span></p>');
    expect(await html('preface-plain')).toMatch(/^<div class="preface"><p><strong class="preface-label">按：<\/strong>本期刊发/);
  });
});

describe('the plugins on their own, with no options', () => {
  const process = (markdown: string, ...plugins: Array<() => unknown>) => {
    let processor = unified().use(remarkParse);
    for (const plugin of plugins) processor = processor.use(plugin as never);
    return processor.use(remarkRehype).use(rehypePreface).use(rehypeStringify).process(markdown);
  };

  it('remarkJoinCjkLines joins 𠀀 (Extension B) lines too', async () => {
    expect(String(await process('甲𠀀\n乙', remarkJoinCjkLines))).toBe('<p>甲𠀀乙</p>');
  });

  it('remarkCjkTypography places its warnings on the marks, with the fix', async () => {
    const file = await process('甲,乙', remarkCjkTypography);
    expect(file.messages.map((message) => [message.line, message.column, message.ruleId, message.actual, message.expected])).toEqual([
      [1, 2, 'cjk-punctuation', ',', ['，']],
    ]);
  });
});
