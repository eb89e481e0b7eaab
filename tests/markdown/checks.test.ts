import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_DIRECTIVES } from '../../src/markdown/directives.ts';
import { TABLE_DIRECTIVE } from '../../src/table/table-directive.ts';
import { createProcessor } from '../../src/markdown/processor.ts';
import remarkDirectiveNames from '../../src/markdown/remark-directive-names.ts';
import remarkLocalFiles from '../../src/markdown/remark-local-files.ts';
import remarkNoHtml from '../../src/markdown/remark-no-html.ts';
import remarkRequireArticles from '../../src/markdown/remark-require-articles.ts';
import { formatMessage } from '../../src/report/messages.ts';

const lines = (file: VFile) => file.messages.map((message) => formatMessage(message));

describe('remarkDirectiveNames', () => {
  const run = (markdown: string) =>
    unified()
      .use(remarkParse)
      .use(remarkDirective)
      .use(remarkDirectiveNames)
      .use(remarkRehype)
      .use(rehypeStringify)
      .process(new VFile({ path: 'issue.md', value: markdown }));

  it('keeps text that remark-directive reads as a text directive, literally', async () => {
    const file = await run('会议于10:30召开。\n\n注:abc 见附件，比例 3:1，注:abc{x=1}。');
    expect(String(file)).toBe('<p>会议于10:30召开。</p>\n<p>注:abc 见附件，比例 3:1，注:abc{x=1}。</p>');
    expect(file.messages).toEqual([]);
  });

  it('keeps them literally through the whole issue pipeline too', async () => {
    const file = await createProcessor({ root: '.' }).process(new VFile({ path: 'issue.md', value: '## 文\n\n会议于10:30召开，注:abc 见附件。' }));
    expect(String(file)).toContain('<p>会议于10:30召开，注:abc 见<span class="keep-together">附件。</span></p>');
    // Only the typography check speaks, of the half-width colon in Chinese text.
    expect(file.messages.map((message) => message.ruleId)).toEqual(['cjk-punctuation']);
  });

  it('reports an unknown leaf or container directive at its place, and a known one of the wrong kind', async () => {
    const file = await run('正文\n\n::chart{src="a.csv"}\n\n:::note\n内容\n:::\n\n:::table\n:::');
    expect(lines(file)).toEqual([
      'issue.md:3:1: Unknown directive `::chart`: nothing would be printed for it; jianbao knows `::table{src="progress.csv"}` (write `\\::chart` to print the text as is) [directive-unknown]',
      'issue.md:5:1: Unknown directive `:::note`: nothing would be printed for it; jianbao knows `::table{src="progress.csv"}` (write `\\:::note` to print the text as is) [directive-unknown]',
      'issue.md:9:1: Expected `::table{src="progress.csv"}` on a line of its own, got `:::table` [directive-unknown]',
    ]);
    expect(file.messages.map((message) => [message.fatal, message.ruleId, message.source])).toEqual(Array(3).fill([true, 'directive-unknown', 'jianbao']));
  });

  it('suggests the directive an editor probably meant, with the attributes written', async () => {
    const file = await run('::tabel{src="flood.csv" header-rows="2"}\n\n::tabel');
    expect(lines(file)).toEqual([
      'issue.md:1:1: Unknown directive `::tabel`: nothing would be printed for it; did you mean `::table{src="flood.csv" header-rows="2"}`? [directive-unknown]',
      'issue.md:3:1: Unknown directive `::tabel`: nothing would be printed for it; did you mean `::table{src="progress.csv"}`? [directive-unknown]',
    ]);
  });

  it('reports a ::table line typed with the input method in Chinese mode, which would vanish as a paragraph', async () => {
    const file = await run(
      [
        '::table{src="a.csv"，header-rows="1"}',
        '::table {src="a.csv"}',
        '：：table{src="a.csv"}',
        '::table{src="a.csv"\u3000header-rows="1"}',
        '::table{src="a.csv",header-rows="1"}',
        '::table{src=a.csv header-rows}}',
        '::tables 不是表格',
      ].join('\n\n'),
    );
    const why = (place: string, what: string) =>
      `issue.md:${place}: Cannot read this \`::table\` line: ${what}; write it as \`::table{src="progress.csv"}\`, in half-width characters [directive-malformed]`;
    expect(lines(file)).toEqual([
      why('1:20', 'found “，” between attributes, which are separated by spaces'),
      why('3:8', 'found a space before `{`'),
      why('5:1', 'found the full-width “：”, where `:` belongs'),
      why('7:20', 'found “\u3000” between attributes, which are separated by spaces'),
      why('9:20', 'found “,” between attributes, which are separated by spaces'),
      why('11:8', 'its attributes are not `name="value"` pairs inside `{}`'),
    ]);
  });

  it('works with no options, and takes the known list from one place', async () => {
    expect(KNOWN_DIRECTIVES.map((directive) => directive.name)).toEqual([TABLE_DIRECTIVE.name]);
    const file = await unified()
      .use(remarkParse)
      .use(remarkDirective)
      .use(remarkDirectiveNames, { known: [] })
      .use(remarkRehype)
      .use(rehypeStringify)
      .process('::table{src="a.csv"}');
    expect(file.messages.map((message) => message.reason)).toEqual([
      'Unknown directive `::table`: nothing would be printed for it; jianbao knows  (write `\\::table` to print the text as is)',
    ]);
  });
});

describe('raw HTML', () => {
  const hostile = '## 标题\n\n<script>alert(1)</script>\n\n正文<img src=x onerror=alert(1)>。\n\n<!-- 编辑备注 -->\n';

  it('is an error at each place, naming the HTML', async () => {
    const file = await unified()
      .use(remarkParse)
      .use(remarkNoHtml)
      .use(remarkRehype)
      .use(rehypeStringify)
      .process(new VFile({ path: 'issue.md', value: hostile }));
    expect(lines(file)).toEqual([
      'issue.md:3:1: Unexpected raw HTML `<script>alert(1)</script>`; write Markdown instead (HTML is not published: it could run code in a reader’s browser) [html]',
      'issue.md:5:3: Unexpected raw HTML `<img src=x onerror=alert(1)>`; write Markdown instead (HTML is not published: it could run code in a reader’s browser) [html]',
    ]);
  });

  it('never reaches the page, even past the check', async () => {
    const html = String(await createProcessor({ root: '.' }).process(new VFile({ path: 'issue.md', value: hostile })));
    expect(html).not.toMatch(/<script|onerror|alert/);
  });

  it('may be refused in comments too', async () => {
    const file = await unified().use(remarkParse).use(remarkNoHtml, { allowComments: false }).use(remarkRehype).use(rehypeStringify).process('<!-- x -->');
    expect(file.messages).toHaveLength(1);
  });
});

describe('remarkLocalFiles', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jianbao-links-'));
    await mkdir(join(dir, 'content/2021/11'), { recursive: true });
    await writeFile(join(dir, 'content/2021/11/photo.jpg'), 'jpg');
    await writeFile(join(dir, 'secret.txt'), 'secret');
    await symlink(join(dir, 'secret.txt'), join(dir, 'content/2021/11/leak.jpg'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const run = (markdown: string, options = { root: 'content' }) =>
    unified()
      .use(remarkParse)
      .use(remarkLocalFiles, options)
      .use(remarkRehype)
      .use(rehypeStringify)
      .process(new VFile({ cwd: dir, path: 'content/2021/11/index.md', value: markdown }));

  it('accepts files beside the issue, remote addresses and anchors, and lists local files as dependencies', async () => {
    const file = await run('![现场](photo.jpg) [网站](https://example.org/) [邮件](mailto:a@example.org) [上文](#top) [图](photo.jpg?v=2#x)');
    expect(file.messages).toEqual([]);
    expect(file.data.dependencies).toEqual([join(dir, 'content/2021/11/photo.jpg')]);
  });

  it('reports a missing file, a path out of the content folder, an absolute path, a symlink out and a bad scheme', async () => {
    const file = await run(
      '![图](missing.jpg)\n\n![图](../../../../etc/passwd)\n\n![图](/etc/passwd)\n\n![图](leak.jpg)\n\n[点击](javascript:alert(1))\n\n![图](data:image/png;base64,AA)\n\n[附件][a]\n\n[a]: ../12/none.pdf',
    );
    expect(lines(file)).toEqual([
      'content/2021/11/index.md:1:1: Cannot find content/2021/11/missing.jpg for the image missing.jpg; paths are relative to this Markdown file [image-missing]',
      'content/2021/11/index.md:3:1: Expected an image path inside content/, got ../../../../etc/passwd [image-outside-root]',
      'content/2021/11/index.md:5:1: Expected an image path inside content/, got /etc/passwd [image-outside-root]',
      'content/2021/11/index.md:7:1: Expected an image path inside content/, got leak.jpg, which is a symlink leading outside it [image-outside-root]',
      'content/2021/11/index.md:9:1: Expected the link to name a file beside the issue or an http:, https:, mailto: or tel: address, got javascript:alert(1) [link-scheme]',
      'content/2021/11/index.md:11:1: Expected the image to name a file beside the issue or an http: or https: address, got data:image/png;base64,AA [image-scheme]',
      'content/2021/11/index.md:15:1: Cannot find content/2021/12/none.pdf for the link ../12/none.pdf; paths are relative to this Markdown file [link-missing]',
    ]);
    expect(file.messages.every((message) => message.fatal && message.source === 'jianbao' && /^(image|link)-/.test(message.ruleId ?? ''))).toBe(true);
  });

  it('warns about an image without a description, unless a 图：… caption under it describes it', async () => {
    const file = await run('![](photo.jpg)');
    expect(lines(file)).toEqual([
      'content/2021/11/index.md:1:1: warning: Image photo.jpg has no description; write one in the brackets, ![description](photo.jpg), for readers who cannot see it [image-alt]',
    ]);
    // The README's own form: the caption on the next line, or in the next paragraph.
    expect(lines(await run('![](photo.jpg)\n图：梅江区的小区改造现场\n\n![](photo.jpg)\n\n图1：新建成的加工车间'))).toEqual([]);
    expect(lines(await run('![](photo.jpg)\n\n正文。'))).toHaveLength(1);
  });

  it('works with no options', async () => {
    const file = await unified()
      .use(remarkParse)
      .use(remarkLocalFiles)
      .use(remarkRehype)
      .use(rehypeStringify)
      .process(new VFile({ cwd: dir, path: 'content/2021/11/index.md', value: '[a](photo.jpg)' }));
    expect(file.messages).toEqual([]);
  });
});

describe('remarkRequireArticles', () => {
  it('warns when there is no ## heading, and works with no options', async () => {
    const file = await unified()
      .use(remarkParse)
      .use(remarkRequireArticles)
      .use(remarkRehype)
      .use(rehypeStringify)
      .process(new VFile({ path: 'a.md', value: '\n正文' }));
    expect(lines(file)).toEqual([
      'a.md:2:1: warning: No ## heading: the issue has no articles and its contents list is empty; start each article with `## title` [issue-no-articles]',
    ]);
    expect((await unified().use(remarkParse).use(remarkRequireArticles).use(remarkRehype).use(rehypeStringify).process('## 文')).messages).toEqual([]);
  });

  it('warns at each heading above an article’s, which would print larger than the masthead', async () => {
    const file = await createProcessor({ root: '.' }).process(new VFile({ path: 'a.md', value: '# 2021年第11期\n\n## 文\n\n正文\n\n# 结语\n' }));
    const above = (line: number) =>
      `a.md:${line}:1: warning: Unexpected \`#\` heading: the series title on the masthead is the issue's only title above its articles, and an article starts with \`## title\`; write \`##\` here [heading-above-article]`;
    expect(lines(file)).toEqual([above(1), above(7)]);
  });
});

describe('footnote marks', () => {
  it('warns of a mark without a note, printed as written, and of a note no mark refers to, left out', async () => {
    const markdown = '## 文\n\n下设3个工作组[^c]。\n\n全年完成改造[^1]，另见\n说明[^x]。\n\n[^1]: 含续建项目。\n\n[^d]: 没有标注的注释。\n';
    const file = await createProcessor({ root: '.' }).process(new VFile({ path: 'issue.md', value: markdown }));
    expect(lines(file)).toEqual([
      'issue.md:3:8: warning: Footnote mark [^c] has no note: it prints as written; add a line `[^c]: …` under the article, or remove the mark [footnote-mark]',
      'issue.md:6:3: warning: Footnote mark [^x] has no note: it prints as written; add a line `[^x]: …` under the article, or remove the mark [footnote-mark]',
      'issue.md:10:1: warning: Footnote [^d] is not marked in the text: its note is left out; put [^d] where it belongs, or remove the note [footnote-mark]',
    ]);
    expect(String(file)).toContain('含续建项目');
  });
});

describe('the typography check of the frontmatter', () => {
  it('reads the values printed as text (title, special, issuer), without their quotes or comments, at their places', async () => {
    const file = new VFile({
      path: 'a.md',
      value: '---\nyear: 2021\ntitle: 测试,标题\nspecial: "防汛;专刊"\nissuer: 县局 # 注释,不查\ndate: 2021-01-10\n---\n\n## 文\n\n正文。\n',
    });
    await createProcessor({ root: '.' }).process(file);
    expect(file.messages.map((message) => [message.line, message.column, message.ruleId, message.actual, message.expected])).toEqual([
      [3, 10, 'cjk-punctuation', ',', ['，']],
      [4, 13, 'cjk-punctuation', ';', ['；']],
    ]);
  });
});
