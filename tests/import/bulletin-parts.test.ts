import { appendFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { importDraft } from '../../src/import/import-draft.ts';
import { validateContent } from '../../src/pipeline.ts';
import { formatMessage, formatProblems } from '../../src/report/messages.ts';
import { runCli } from '../support/run-cli.ts';
import { type BulletinOptions, PNG, twoArticleDraft, wholeBulletinDraft } from './make-draft.ts';

const FIXTURES = 'tests/fixtures/import';
const temp: string[] = [];
afterAll(() => Promise.all(temp.map((dir) => rm(dir, { recursive: true, force: true }))));

/**
 * A content folder to import into with the draft beside it: a copy of the small archive
 * (2021年第11期 总第18期 and 第12期 总第19期; bulletin.yaml's 报送 is 局领导), or an empty
 * archive of the sample series (its 报送, 发送 and 抄送 those of the reference bulletin).
 */
async function archive(draft: Buffer | undefined, from: 'year-end' | 'sample' = 'year-end'): Promise<{ content: string; draft: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'jianbao-bulletin-'));
  temp.push(dir);
  const content = join(dir, 'content');
  if (from === 'year-end') await cp('tests/fixtures/new/year-end', content, { recursive: true });
  else {
    await mkdir(content);
    await cp('content/bulletin.yaml', join(content, 'bulletin.yaml'));
  }
  if (draft) await writeFile(join(dir, 'draft.docx'), draft);
  return { content, draft: join(dir, 'draft.docx') };
}

/** Import a whole bulletin made with `options` into the small archive, dated by its masthead. */
async function importBulletin(options: BulletinOptions = {}, date?: string) {
  const made = await archive(await wholeBulletinDraft(options));
  const imported = await importDraft(made.draft, { contentDir: made.content, ...(date && { date }) });
  const messages = imported.file.messages.map((message) => formatMessage(message, join(made.content, '..')));
  return { imported, content: made.content, markdown: await readFile(imported.created.path, 'utf8'), messages };
}

/** The frontmatter block, and the Markdown's first lines after it. */
function head(markdown: string, lines = 1): string {
  const end = markdown.indexOf('\n---\n', 4) + 5;
  return `${markdown.slice(0, end)}${markdown
    .slice(end)
    .split('\n')
    .slice(0, lines + 1)
    .join('\n')}`;
}

describe('jianbao import, an older whole bulletin', () => {
  it('reads a date in Chinese numerals and a 报送 wrapped onto a line of its own, its names grouped by commas kept as typed', async () => {
    const { imported, content, markdown, messages } = await importBulletin({
      date: '二〇二一年十月二十八日',
      reportedTo: ['省水利厅，市委、市政府领导，市人大常委会办公室，', '　　　市纪委监委驻市水务局纪检监察组。'],
    });
    expect(relative(content, imported.created.path)).toBe('2021/10/index.md');
    expect(markdown).toContain('date: 2021-10-28\n');
    expect(markdown).toContain('  报送: 省水利厅，市委、市政府领导，市人大常委会办公室，市纪委监委驻市水务局纪检监察组\n');
    expect(markdown.slice(markdown.indexOf('\n---\n', 4))).not.toMatch(/纪检监察组|二〇二一/);
    expect(messages.join('\n')).toContain('date 2021-10-28 (paragraph 4, “梅州市住房和城乡建设局 二〇二一年十月二十八日”)');
  });

  it('reads an issue line in Chinese numerals', async () => {
    const { imported, content, markdown } = await importBulletin({ issueLine: '二〇二一年第十期 总第一百零五期', date: '二〇二一年十月二十八日' });
    expect(relative(content, imported.created.path)).toBe('2021/10/index.md');
    expect(head(markdown, 0)).toContain('year: 2021\nnumber: 10\ntotal: 105\ndate: 2021-10-28\n');
  });

  it('reads Chinese numerals whose zero is typed as a circle or a letter O, as drafts often have it', async () => {
    const { imported, content, markdown } = await importBulletin({ issueLine: '二○二一年第十期 总第一百零五期', date: '二O二一年十月二十八日' });
    expect(relative(content, imported.created.path)).toBe('2021/10/index.md');
    expect(head(markdown, 0)).toContain('year: 2021\nnumber: 10\ntotal: 105\ndate: 2021-10-28\n');
    expect(markdown).not.toMatch(/二[○O]二一/);
  });

  it('reads a 专刊’s name into `special`, and a 增刊’s number into `supplement`', async () => {
    const special = await importBulletin({ special: '防汛专刊' });
    expect(relative(special.content, special.imported.created.path)).toBe('2021/10/index.md');
    expect(head(special.markdown, 0)).toContain('# 防汛专刊 2021年第10期 总第17期\nyear: 2021\nspecial: 防汛专刊\nnumber: 10\ntotal: 17\n');
    expect(special.messages[0]).toContain('special 防汛专刊 (paragraph 3, “防汛专刊”)');
    const supplement = await importBulletin({ issueLine: '2021年增刊第2期' });
    expect(relative(supplement.content, supplement.imported.created.path)).toBe('2021/s2/index.md');
    expect(head(supplement.markdown, 0)).toContain('# 2021年增刊第2期\nyear: 2021\nsupplement: 2\ndate: 2021-10-28\n');
    expect(supplement.messages[0]).toContain('supplement 2 (paragraph 3, “2021年增刊第2期”)');
  });
});

describe('jianbao import, a whole bulletin typed in Word', () => {
  it('reads the masthead into the frontmatter and the 版记 into its distribution, leaving them and the contents out of the text', async () => {
    const { imported, content, markdown, messages } = await importBulletin();
    // An old issue goes where its numbers put it, before the archive's newest.
    expect(relative(content, imported.created.path)).toBe('2021/10/index.md');
    expect(head(markdown)).toBe(
      [
        '---',
        '# 2021年第10期 总第17期',
        'year: 2021',
        'number: 10',
        'total: 17',
        'date: 2021-10-28',
        '# title, issuer and distribution come from bulletin.yaml unless given here',
        'distribution:',
        '  发送: [各县（市、区）人民政府, 市直有关单位]',
        '  抄送: 市委办公室',
        '---',
        '',
        '## 以更大力度压实工作责任 / 全力推进城镇老旧小区改造',
      ].join('\n'),
    );
    // The second article and its note close the text: the 版记 is no part of it.
    expect(markdown.endsWith('10月以来，梅江区抓住有利施工时机，集中力量推进改造项目前期工作。\n\n（梅江区住房和城乡建设局供稿）\n')).toBe(true);
    expect(markdown.slice(markdown.indexOf('\n---\n', 4))).not.toMatch(/简报|本期目录|◆|报送|抄送|印发/);
    expect(imported.tables).toBe(0);
    expect(messages).toEqual([
      'draft.docx: warning: Paragraphs 1–4 (“内部资料”) are the masthead and were left out of the text; read into the frontmatter: number 10 and total 17 (paragraph 3, “2021年第10期 总第17期”), date 2021-10-28 (paragraph 4, “梅州市住房和城乡建设局 2021年10月28日”); its title “梅州市城镇老旧小区改造工作简报” (paragraph 2) is not bulletin.yaml’s “测试工作简报” and its issuer “梅州市住房和城乡建设局” (paragraph 4) not bulletin.yaml’s “测试局”: the issue prints bulletin.yaml’s unless its frontmatter gives `title` or `issuer`; also left out: “内部资料” (paragraph 1); check them against the draft [import-bulletin-parts]',
      'draft.docx: warning: Paragraphs 6–8 (“本期目录”) are the contents and were left out of the text; the bulletin lists its articles from their titles [import-bulletin-parts]',
      'draft.docx: warning: Paragraphs 17–20 (“报送：局领导。”) are the 版记 and were left out of the text; written into the frontmatter’s distribution, as they differ from bulletin.yaml’s: 发送 (paragraph 18), 抄送 (paragraph 19); 报送 (paragraph 17) is bulletin.yaml’s, so it is not repeated; the bulletin prints no 印发 line: “梅州市住房和城乡建设局办公室 2021年10月28日印发” (paragraph 20); check them against the draft [import-bulletin-parts]',
    ]);
    const validation = await validateContent(content, { workers: 0 });
    expect(formatProblems(validation, content)).toEqual([]);
    const issue = validation.issues.find((rendered) => rendered.issue.source === imported.created.path)!;
    expect(issue.issue.distribution).toEqual([
      { role: '报送', recipients: '局领导' },
      { role: '发送', recipients: ['各县（市、区）人民政府', '市直有关单位'] },
      { role: '抄送', recipients: '市委办公室' },
    ]);
  });

  it('leaves out a contents followed by a 编者按, which stays before the first title as the issue’s preface', async () => {
    const note = '编者按：近期，各地老旧小区改造工作取得新进展，现将有关做法刊发，供各地学习借鉴。';
    const bold = await importBulletin({ editorNote: note });
    expect(bold.markdown).toContain(`---\n\n${note}\n\n## 以更大力度压实工作责任 / 全力推进城镇老旧小区改造\n`);
    expect(bold.messages[1]).toBe(
      'draft.docx: warning: Paragraphs 6–8 (“本期目录”) are the contents and were left out of the text; the bulletin lists its articles from their titles [import-bulletin-parts]',
    );
    // A heading typed plain and spaced out, entries with dot leaders, one naming the title as it was before it was reworded.
    const plain = await importBulletin({
      contents: ['目　　录', '以更大力度压实工作责任全力推进城镇老旧小区改造……………1', '梅江区加快推进老旧小区改造……………………3'],
      editorNote: note,
    });
    expect(plain.markdown).toContain(`---\n\n${note}\n\n## 以更大力度压实工作责任 / 全力推进城镇老旧小区改造\n`);
    expect(plain.messages[1]).toBe(
      'draft.docx: warning: Paragraphs 6–8 (“目 录”) are the contents and were left out of the text; the bulletin lists its articles from their titles; “梅江区加快推进老旧小区改造……………………3” (paragraph 8) names no title of the draft: check that no article is missing [import-bulletin-parts]',
    );
    const validation = await validateContent(plain.content, { workers: 0 });
    const issue = validation.issues.find((rendered) => rendered.issue.source === plain.imported.created.path)!;
    expect(issue.html).toContain('<div class="preface">');
  });

  it('files a year’s last issue sent out in the next January under its own year, as its masthead says, where the series allows it', async () => {
    const made = await archive(await wholeBulletinDraft({ issueLine: '2021年第13期 总第20期', date: '2022年1月5日' }));
    await appendFile(join(made.content, 'bulletin.yaml'), 'year-end-in-next-year: true\n');
    const imported = await importDraft(made.draft, { contentDir: made.content });
    const { content } = made;
    const markdown = await readFile(imported.created.path, 'utf8');
    const messages = imported.file.messages.map((message) => formatMessage(message, join(content, '..')));
    expect(relative(content, imported.created.path)).toBe('2021/13/index.md');
    expect(head(markdown).split('\n').slice(1, 6)).toEqual(['# 2021年第13期 总第20期', 'year: 2021', 'number: 13', 'total: 20', 'date: 2022-01-05']);
    expect(messages[0]).not.toContain('is not the year of the issue’s date');
    const { errors, warnings } = await validateContent(content, { workers: 0 });
    expect(errors.map((message) => formatMessage(message))).toEqual([]);
    expect(warnings.map((message) => message.ruleId)).toContain('numbering-date-next-year');
  });

  it('reads a series title typed on two lines as one, the mark above it left out', async () => {
    const { messages } = await importBulletin({ title: ['梅州市城镇老旧小区改造', '工作简报'] });
    expect(messages[0]).toContain('its title “梅州市城镇老旧小区改造工作简报” (paragraph 2) is not bulletin.yaml’s “测试工作简报”');
    expect(messages[0]).toContain('also left out: “内部资料” (paragraph 1)');
    expect(messages[0]).toMatch(/^draft\.docx: warning: Paragraphs 1–5 /);
  });

  it('files a bulletin dated in the year after its issue line’s under the date’s year, and says so, where the series does not allow it', async () => {
    const { imported, content, messages } = await importBulletin({ issueLine: '2021年第13期 总第20期', date: '2022年1月5日' });
    expect(relative(content, imported.created.path)).toBe('2022/13/index.md');
    expect(messages[0]).toContain(
      'its year 2021 (paragraph 3) is not the year of the issue’s date, 2022, under which it is filed: correct the date or the year',
    );
  });

  it('refuses an older bulletin without 总第N期, saying to write it in, and writes nothing', async () => {
    const made = await archive(await wholeBulletinDraft({ issueLine: '2020年第5期', date: '2020年5月10日' }));
    await expect(importDraft(made.draft, { contentDir: made.content })).rejects.toThrow(
      /^Expected the 总第N期 of 2020年第5期, dated 2020-05-10, before the newest issue 2021年第12期 总第19期 \(.*2021\/12\/index\.md\): .*write its 总第N期 into the bulletin's issue line \(2020年第5期 总第N期\) and import it again$/,
    );
    await expect(readFile(join(made.content, '2020', '5', 'index.md'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a bulletin already in the archive, naming the file and not another command', async () => {
    const { content, draft } = await archive(await wholeBulletinDraft());
    await importDraft(draft, { contentDir: content });
    await expect(importDraft(draft, { contentDir: content })).rejects.toThrow(
      `${join(content, '2021', '10', 'index.md')} already exists; jianbao never overwrites a file: move it away or write the issue by hand`,
    );
  });

  it('reads 第N期 without 总第N期, a date after a tab, and a 版记 laid out in a borderless table; the total is the archive’s next', async () => {
    const { imported, content, markdown, messages } = await importBulletin({
      issueLine: '第1期',
      tab: true,
      date: '2022年1月10日',
      banji: 'table',
      contents: false,
    });
    expect(relative(content, imported.created.path)).toBe('2022/1/index.md');
    expect(head(markdown).split('\n').slice(1, 6)).toEqual(['# 2022年第1期 总第20期', 'year: 2022', 'number: 1', 'total: 20', 'date: 2022-01-10']);
    expect(markdown).toContain('distribution:\n  发送: [各县（市、区）人民政府, 市直有关单位]\n  抄送: 市委办公室\n---\n\n## 以更大力度压实工作责任');
    expect(imported.created.files.map((path) => relative(content, path))).toEqual(['2022/1/index.md']);
    expect(messages[0]).toBe(
      'draft.docx: warning: Paragraphs 1–4 (“内部资料”) are the masthead and were left out of the text; read into the frontmatter: number 1 (paragraph 3, “第1期”), date 2022-01-10 (paragraph 4, “梅州市住房和城乡建设局 2022年1月10日”); it gives no 总第N期, so total 20 follows the archive, as `jianbao new` numbers it; its title “梅州市城镇老旧小区改造工作简报” (paragraph 2) is not bulletin.yaml’s “测试工作简报” and its issuer “梅州市住房和城乡建设局” (paragraph 4) not bulletin.yaml’s “测试局”: the issue prints bulletin.yaml’s unless its frontmatter gives `title` or `issuer`; also left out: “内部资料” (paragraph 1); check them against the draft [import-bulletin-parts]',
    );
    // The table’s cells are paragraphs 14–21, two a row: 报送 and its names are paragraphs 14 and 15.
    expect(messages[1]).toMatch(/^draft\.docx: warning: Paragraphs 14–21 \(“报送： 局领导。”\) are the 版记 .*: 发送 \(paragraph 16\), 抄送 \(paragraph 18\);/);
    expect(messages).toHaveLength(2);
    expect((await validateContent(content, { workers: 0 })).errors).toEqual([]);
  });

  it('keeps a date given (--date) before the masthead’s, and says so', async () => {
    const { imported, messages } = await importBulletin({}, '2021-10-30');
    expect(imported.created.date).toBe('2021-10-30');
    expect(messages[0]).toContain(
      'read into the frontmatter: number 10 and total 17 (paragraph 3, “2021年第10期 总第17期”); its date 2021-10-28 (paragraph 4) was not used, as the date 2021-10-30 was given;',
    );
  });

  it('imports a bulletin LibreOffice saved, as the reference bulletin stands: (2021 年第 11 期 总第 18 期), the date on a line of its own, contents without a heading, the 版记 after the last table', async () => {
    const { content } = await archive(undefined, 'sample');
    const imported = await importDraft(join(FIXTURES, 'whole-bulletin.docx'), { contentDir: content });
    const markdown = await readFile(imported.created.path, 'utf8');
    expect(relative(content, imported.created.path)).toBe('2021/11/index.md');
    if (process.env.UPDATE_FIXTURES) await writeFile(join(FIXTURES, 'whole-bulletin.expected.md'), markdown);
    expect(markdown).toBe(await readFile(join(FIXTURES, 'whole-bulletin.expected.md'), 'utf8'));
    expect(imported.created.files.map((path) => relative(content, path))).toEqual(['2021/11/index.md', '2021/11/table-1.csv']);
    expect(imported.file.messages.map((message) => message.message)).toEqual([
      'Paragraphs 1–4 (“梅州市城镇老旧小区改造工作 简 报”) are the masthead and were left out of the text; read into the frontmatter: number 11 and total 18 (paragraph 2, “(2021 年第 11 期 总第 18 期)”), date 2021-11-29 (paragraph 4, “2021 年 11 月 29 日”); check them against the draft',
      'Paragraphs 5–7 (“以党的十九届六中全会精神为指引 扎实推进城镇老旧小区改造“四…”) are the contents and were left out of the text; the bulletin lists its articles from their titles',
      'Paragraphs 32–35 (“报送：正勇、王晖、永祥，陈亮、钟优同志。”) are the 版记 and were left out of the text; written into the frontmatter’s distribution, as they differ from bulletin.yaml’s: 抄送 (paragraph 34); 报送 (paragraph 32) and 发送 (paragraph 33) are bulletin.yaml’s, so they are not repeated; the bulletin prints no 印发 line: “梅州市住房和城乡建设局办公室 2021年12月30日印发” (paragraph 35); check them against the draft',
    ]);
    const validation = await validateContent(content, { workers: 0 });
    expect(formatProblems(validation, content)).toEqual([]);
  });

  it('says what it did not read: no date (today’s then), a role naming no one, the defaults’ roles the 版记 lacks, a picture in the masthead', async () => {
    const line = (value: string) => new Paragraph({ children: [new TextRun(value)] });
    const emblem = new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 40, height: 40 } })] });
    const { content, draft } = await archive(
      await Packer.toBuffer(
        new Document({
          sections: [
            {
              children: [
                emblem,
                line('工作简报'),
                line('第3期'),
                line('蕉岭县老旧小区改造'),
                line('今年以来，蕉岭县推进改造。'),
                line('报送：市领导'),
                line('抄送：'),
              ],
            },
          ],
        }),
      ),
      'sample',
    );
    const imported = await importDraft(draft, { contentDir: content });
    const markdown = await readFile(imported.created.path, 'utf8');
    expect(markdown).toContain(
      `date: ${imported.created.date}\n# title, issuer and distribution come from bulletin.yaml unless given here\ndistribution:\n  报送: 市领导\n---\n\n蕉岭县老旧小区改造\n`,
    );
    expect(imported.file.messages.map((message) => message.message)).toEqual([
      `Paragraphs 1–3 (“工作简报”) are the masthead and were left out of the text; read into the frontmatter: number 3 (paragraph 3, “第3期”); it gives no 总第N期, so total 1 follows the archive, as \`jianbao new\` numbers it; it gives no date, so the issue is dated today, ${imported.created.date}; its title “工作简报” (paragraph 2) is not bulletin.yaml’s “梅州市城镇老旧小区改造工作简报”: the issue prints bulletin.yaml’s unless its frontmatter gives \`title\`; a picture in them was left out with them: put back by hand any that belongs to the text; check them against the draft`,
      'Paragraphs 6–7 (“报送：市领导”) are the 版记 and were left out of the text; written into the frontmatter’s distribution, as they differ from bulletin.yaml’s: 报送 (paragraph 6); 抄送 (paragraph 7) names no one, so nothing was read from it; bulletin.yaml’s 发送 is printed too, though the draft’s 版记 has none (write `发送:` with nothing after it under `distribution` to leave it out); bulletin.yaml’s 抄送 is printed too, though the draft’s 版记 has none (write `抄送:` with nothing after it under `distribution` to leave it out); check them against the draft',
    ]);
  });

  it('prints what it read when run as `jianbao import` without --date', async () => {
    const { content, draft } = await archive(await wholeBulletinDraft());
    const result = await runCli('import', draft, '--content', content);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${content}/2021/10/index.md\n`);
    expect(result.lines.filter((line) => line.endsWith('[import-bulletin-parts]'))).toHaveLength(3);
  });
});

describe('jianbao import, a draft that is only articles', () => {
  it('imports it as before: no masthead or 版记 is found in a title ending in 简报, a 第N期 in a sentence or a closing 报送 sentence', async () => {
    const { content, draft } = await archive(
      await Packer.toBuffer(
        new Document({
          sections: [
            {
              children: [
                new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '蕉岭县老旧小区改造工作简报', bold: true })] }),
                new Paragraph({ children: [new TextRun('2021年第10期简报刊发后，蕉岭县完成改造小区4个。')] }),
                new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('梅江区加快推进改造')] }),
                new Paragraph({ children: [new TextRun('请各地于每月25日前报送进展情况。')] }),
              ],
            },
          ],
        }),
      ),
    );
    const imported = await importDraft(draft, { contentDir: content, date: '2022-01-10' });
    expect(imported.file.messages).toEqual([]);
    const markdown = await readFile(imported.created.path, 'utf8');
    expect(markdown.slice(markdown.indexOf('## '))).toBe(
      '## 蕉岭县老旧小区改造工作简报\n\n2021年第10期简报刊发后，蕉岭县完成改造小区4个。\n\n## 梅江区加快推进改造\n\n请各地于每月25日前报送进展情况。\n',
    );
  });

  it('imports the two-article draft byte for byte as before, its last table a table', async () => {
    const { content, draft } = await archive(await twoArticleDraft());
    const imported = await importDraft(draft, { contentDir: content, date: '2022-01-10' });
    expect(imported.file.messages.map((message) => message.ruleId)).toEqual(['import-unmapped', 'import-unmapped', 'import-unmapped']);
    expect(imported.tables).toBe(1);
    expect(await readFile(imported.created.path, 'utf8')).toBe(await readFile(join(FIXTURES, 'two-articles.expected.md'), 'utf8'));
  });
});
