import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { AlignmentType, Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importDraft } from '../../src/import/import-draft.ts';
import { validateContent } from '../../src/pipeline.ts';
import { ContentError, formatMessage, formatProblems } from '../../src/report/messages.ts';
import { runCli } from '../support/run-cli.ts';
import { withStatedSize } from '../support/zip-sizes.ts';
import {
  framedDraft,
  marksDraft,
  numberedListDraft,
  officialNumberingDraft,
  PNG,
  photoTableDraft,
  simpleFieldDraft,
  titledTableDraft,
  twoArticleDraft,
  unitTableDraft,
} from './make-draft.ts';

const FIXTURES = 'tests/fixtures/import';
const temp: string[] = [];
afterAll(() => Promise.all(temp.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A copy of a small archive (2021年第11期 and 第12期) to import into, with the draft beside it. */
async function archive(draft?: Buffer): Promise<{ content: string; draft: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'jianbao-import-'));
  temp.push(dir);
  await cp('tests/fixtures/new/year-end', join(dir, 'content'), { recursive: true });
  if (draft) await writeFile(join(dir, 'draft.docx'), draft);
  return { content: join(dir, 'content'), draft: join(dir, 'draft.docx') };
}

/** Import `draft` as the next issue of a copy of the small archive: the result and the Markdown written. */
async function importInto(draft: Buffer) {
  const made = await archive(draft);
  const imported = await importDraft(made.draft, { contentDir: made.content, date: '2022-01-10' });
  return { imported, content: made.content, markdown: await readFile(imported.created.path, 'utf8') };
}

/** Compare with a fixture file; UPDATE_FIXTURES=1 rewrites it. */
async function expectFixture(actual: string, name: string): Promise<void> {
  const path = join(FIXTURES, name);
  if (process.env.UPDATE_FIXTURES) await writeFile(path, actual);
  expect(actual).toBe(await readFile(path, 'utf8'));
}

describe('jianbao import, a two-article draft made with the docx package', () => {
  let imported: Awaited<ReturnType<typeof importDraft>>;
  let content: string;
  beforeAll(async () => {
    const made = await archive(await twoArticleDraft());
    content = made.content;
    imported = await importDraft(made.draft, { contentDir: content, date: '2022-01-10' });
  });

  it('writes the next issue: titles, subhead levels, notes, the picture and the ::table line, text as written', async () => {
    expect(imported.created.files.map((path) => relative(content, path))).toEqual(['2022/1/index.md', '2022/1/table-1.csv', '2022/1/image-1.png']);
    await expectFixture(await readFile(imported.created.path, 'utf8'), 'two-articles.expected.md');
    expect(await readFile(join(content, '2022/1/image-1.png'))).toEqual(PNG);
  });

  it('writes the merged-header table in the repeated-cell form, header rows from the repeat-header rows', async () => {
    expect(await readFile(join(content, '2022/1/table-1.csv'), 'utf8')).toBe(
      [
        '序号,区县名称,改造计划,改造计划,改造进展情况,改造进展情况',
        '序号,区县名称,涉及户数（户）,小区数（个）,户数（户）,小区数（个）',
        '1,丰顺县,863,10,/,/',
        '2,兴宁市,"1,200",12,300,2',
        '合计,,2063,22,300,2',
        '',
      ].join('\n'),
    );
  });

  it('names the paragraph of each comment, tracked change and text box', () => {
    expect(imported.file.messages.map((message) => formatMessage(message, join(content, '..')))).toEqual([
      'draft.docx: warning: Paragraph 6 (“对尚未完工的项目，各地要…”) has a comment by 王五: “请核实”; comments are left out: act on it in the Markdown [import-unmapped]',
      'draft.docx: warning: Paragraph 6 (“对尚未完工的项目，各地要…”) has tracked changes (inserted “（新增）”, deleted “删去的话”), taken as accepted; check the text, or accept or reject them in Word and import again [import-unmapped]',
      'draft.docx: warning: Paragraph 14 (after “1月以来，梅江区抓住有利…”) has a text box (“文本框里的说明”); the bulletin has none, so its text was put after the paragraph: move it where it belongs, or delete it [import-unmapped]',
    ]);
  });

  it('passes check, the table with its two-level header and its 合计 checked', async () => {
    const validation = await validateContent(content, { workers: 0 });
    expect(formatProblems(validation, content)).toEqual([]);
    const issue = validation.issues.find((rendered) => rendered.issue.source === imported.created.path)!;
    expect(issue.articles.map((article) => article.lines)).toEqual([
      ['以更大力度压实工作责任', '全力推进城镇老旧小区改造'],
      ['梅江区加快推进老旧小区改造项目全面开工'],
      ['2024年2月梅州市城镇老旧小区改造进展情况'],
    ]);
    // The header as the page shows it: each cell's text (without the breaks between its words, the
    // span binding a unit in brackets and the one holding a group heading in view),
    // colspan and rowspan, row by row.
    const thead = /<thead>(.*?)<\/thead>/s.exec(issue.html)?.[1] ?? '';
    const span = (attributes: string, name: string) => Number(new RegExp(`${name}="(\\d+)"`).exec(attributes)?.[1] ?? 1);
    const header = thead
      .split('</tr>')
      .filter((row) => row.includes('<th'))
      .map((row) =>
        [...row.matchAll(/<th([^>]*)>(.*?)<\/th>/g)].map(([, attributes = '', text = '']) => [
          text.replace(/<wbr>|<span class="(?:keep-together|group-heading)">|<\/span>/g, ''),
          span(attributes, 'colspan'),
          span(attributes, 'rowspan'),
        ]),
      );
    expect(header).toEqual([
      [
        ['序号', 1, 2],
        ['区县名称', 1, 2],
        ['改造计划', 2, 1],
        ['改造进展情况', 2, 1],
      ],
      [
        ['涉及户数（户）', 1, 1],
        ['小区数（个）', 1, 1],
        ['户数（户）', 1, 1],
        ['小区数（个）', 1, 1],
      ],
    ]);
    expect(issue.tables[0]?.total).toEqual(['合计', '', '2063', '22', '300', '2']);
    expect(issue.html).toContain('class="note note-source"');
    expect(issue.html).toContain('class="note note-author"');
  });
});

describe('jianbao import', () => {
  it('keeps a title’s footnote, a superscript number, and the picture of a table of figures, after it with a warning', async () => {
    const made = await archive(await marksDraft());
    const imported = await importDraft(made.draft, { contentDir: made.content, date: '2022-01-10' });
    const markdown = await readFile(imported.created.path, 'utf8');
    expect(markdown).toContain(
      [
        '## 城关镇老旧小区改造见成效[^1]',
        '改造面积8.6万m²。',
        '::table{src="table-1.csv" header-rows="1"}',
        '![东山小区](image-1.png)',
        '[^1]: 老旧小区指2000年底前建成的住宅小区。',
      ].join('\n\n'),
    );
    expect(imported.file.messages.map((message) => `${message.message} [${message.ruleId}]`)).toEqual([
      "Table 1 (table-1.csv) has pictures in its cells (image-1.png); a table holds text, so they were put after it: move them where they belong, and give the table's cells their text [import-unmapped]",
    ]);
  });

  it('writes a table’s title merged across its top and its unit line before it as text, not as header rows', async () => {
    const { imported, content, markdown } = await importInto(await titledTableDraft());
    expect(markdown).toContain(['平远县老旧小区改造进展情况统计表', '单位：个、户', '::table{src="table-1.csv" header-rows="1"}'].join('\n\n'));
    expect(await readFile(join(content, '2022/1/table-1.csv'), 'utf8')).toBe(
      '镇（街道）,小区数（个）,户数（户）\n大柘镇,12,1024\n仁居镇,3,210\n合计,15,1234\n',
    );
    expect(imported.file.messages).toEqual([]);
  });

  it('warns of a Word table’s figures typed with their unit, naming the table and column, as the 合计 goes unchecked', async () => {
    const { imported } = await importInto(await unitTableDraft());
    expect(imported.file.messages.map((message) => `${message.message} [${message.ruleId}]`)).toEqual(
      [
        ['计划投资', '1,200万元', '万元'],
        ['完成投资', '600万元', '万元'],
      ].map(
        ([heading, example, unit]) =>
          `Table 1 (table-1.csv) has figures typed with their unit in its column “${heading}” (${example}), which the table reads as text, so their 合计 goes unchecked: write the unit in the column's heading (${heading}（${unit}）) and the figures alone in its cells [import-table-unit]`,
      ),
    );
  });

  it('writes the photos a table lays out as photos with their 图： captions, in reading order, and no table', async () => {
    const { imported, content, markdown } = await importInto(await photoTableDraft());
    expect(imported.tables).toBe(0);
    expect(markdown).toContain(
      [
        '改造前后对比如下。',
        '![](image-1.png)\n图：改造前的小区',
        '![](image-2.png)\n图：改造后的小区',
        '![停车位](image-3.png)\n图1：新建停车位',
        '![电梯](image-4.png)\n图2：加装电梯',
        '![](image-5.png)\n图：居民议事会',
        '（平远县住房和城乡建设局供稿）',
      ].join('\n\n'),
    );
    expect(imported.file.messages.map((message) => `${message.message} [${message.ruleId}]`)).toEqual([
      'Table 1 of the draft lays out photos, not figures: it was written as 2 photos, each with the caption beside it as its 图： line, in reading order (image-1.png（图：改造前的小区）、image-2.png（图：改造后的小区）); check them against the draft [import-unmapped]',
      'Table 2 of the draft lays out photos, not figures: it was written as 2 photos, each with the caption beside it as its 图： line, in reading order (image-3.png（图1：新建停车位）、image-4.png（图2：加装电梯）); check them against the draft [import-unmapped]',
      'Table 3 of the draft lays out photos, not figures: it was written as a photo, each with the caption beside it as its 图： line, in reading order (image-5.png（图：居民议事会）); check them against the draft [import-unmapped]',
    ]);
    // Each caption is its photo's figcaption, and describes it: no image-alt warning.
    const validation = await validateContent(content, { workers: 0 });
    expect(formatProblems(validation, content)).toEqual([]);
    const issue = validation.issues.find((rendered) => rendered.issue.source === imported.created.path)!;
    expect([...issue.html.matchAll(/<figcaption[^>]*>(.*?)<\/figcaption>/g)].map(([, caption]) => caption)).toEqual([
      '图：改造前的小区',
      '图：改造后的小区',
      '图1：新建停车位',
      '图2：加装电梯',
      '图：居民议事会',
    ]);
  });

  it('puts the indent of a line bolded whole, spaces too, outside the bold, so its numbering starts a run-in subhead', async () => {
    const line = (bold: string, rest = '') => new Paragraph({ children: [new TextRun({ text: bold, bold: true }), ...(rest ? [new TextRun(rest)] : [])] });
    const draft = new Document({
      sections: [
        {
          children: [
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '平远县推进老旧小区改造', bold: true, size: 44 })] }),
            line('　　1.高度重视，迅速部署。', '县住建局第一时间召开专题会议。'),
            line('　　一是', '建立周调度机制。'),
            line('　　二、坚持群众主体'),
          ],
        },
      ],
    });
    const { imported, content, markdown } = await importInto(await Packer.toBuffer(draft));
    expect(markdown.slice(markdown.indexOf('## '))).toBe(
      [
        '## 平远县推进老旧小区改造',
        '　　**1.高度重视，迅速部署。**县住建局第一时间召开专题会议。',
        '　　**一是**建立周调度机制。',
        '### 二、坚持群众主体\n',
      ].join('\n\n'),
    );
    const validation = await validateContent(content, { workers: 0 });
    expect(formatProblems(validation, content)).toEqual([]);
    const issue = validation.issues.find((rendered) => rendered.issue.source === imported.created.path)!;
    expect(issue.html).toContain('<p><span class="run-in level-3"><strong>1.高度重视，迅速部署。</strong></span>县住建局');
    expect(issue.html).toContain('<p><strong>一是</strong>建立周调度');
  });

  it('keeps the two lines of a bold title typed by hand with a manual line break (Shift+Enter)', async () => {
    const title = new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: '兴宁市多措并举', bold: true }), new TextRun({ text: '加快推进既有住宅加装电梯', bold: true, break: 1 })],
    });
    const body = new Paragraph({ children: [new TextRun('　　兴宁市把既有住宅加装电梯作为民生实事。')] });
    const { imported, content, markdown } = await importInto(await Packer.toBuffer(new Document({ sections: [{ children: [title, body] }] })));
    expect(markdown.slice(markdown.indexOf('## '))).toBe('## 兴宁市多措并举 / 加快推进既有住宅加装电梯\n\n　　兴宁市把既有住宅加装电梯作为民生实事。\n');
    const validation = await validateContent(content, { workers: 0 });
    const issue = validation.issues.find((rendered) => rendered.issue.source === imported.created.path)!;
    expect(issue.articles.map((article) => article.lines)).toEqual([['兴宁市多措并举', '加快推进既有住宅加装电梯']]);
  });

  it('makes a manual line break before a line indented as a paragraph, or opening with a subhead’s numbering or an enumeration’s 二是, a paragraph break', async () => {
    // Text pasted into Word from a web page: its paragraphs are lines of one paragraph.
    const lines = [
      '　　今年以来，平远县扎实推进老旧小区改造工作，取得明显成效。 ',
      '　　一、主要做法',
      '（一）坚持党建引领。县里成立临时党支部12个。',
      '二是强化资金保障。',
      '　　附件：1.平远县老旧小区改造项目清单',
      '　　　　　2.平远县老旧小区改造资金安排表',
      '平远县住房和城乡建设局',
      '2022年2月25日',
    ];
    const pasted = new Paragraph({ children: lines.map((text, index) => new TextRun({ text, ...(index > 0 && { break: 1 }) })) });
    // A line bolded whole, its indent too.
    const bold = new Paragraph({
      children: [new TextRun('　　今年以来，各镇积极作为。'), new TextRun({ text: '　　二、取得成效', bold: true, break: 1 })],
    });
    const title = new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '平远县探索老旧小区改造新路径', bold: true })] });
    const { imported, content, markdown } = await importInto(await Packer.toBuffer(new Document({ sections: [{ children: [title, pasted, bold] }] })));
    expect(markdown.slice(markdown.indexOf('## '))).toBe(
      [
        '## 平远县探索老旧小区改造新路径',
        '　　今年以来，平远县扎实推进老旧小区改造工作，取得明显成效。',
        '### 一、主要做法',
        '（一）坚持党建引领。县里成立临时党支部12个。',
        // An enumeration's 一是 after the end of a sentence.
        '二是强化资金保障。',
        // Aligned under the line above, and a date: line breaks still.
        '　　附件：1.平远县老旧小区改造项目清单\\\n　　　　　2.平远县老旧小区改造资金安排表\\\n平远县住房和城乡建设局\\\n2022年2月25日',
        '　　今年以来，各镇积极作为。',
        '### 二、取得成效\n',
      ].join('\n\n'),
    );
    const validation = await validateContent(content, { workers: 0 });
    const issue = validation.issues.find((rendered) => rendered.issue.source === imported.created.path)!;
    expect(issue.html).toContain('<p><span class="run-in level-2">（一）坚持党建引领。</span>县里');
  });

  it('keeps the text a simple field (w:fldSimple, a PAGE or a DATE field) last showed, in a footnote too', async () => {
    const { imported, markdown } = await importInto(await simpleFieldDraft());
    expect(markdown.slice(markdown.indexOf('## '))).toBe('## 平远县召开安全生产工作会议\n\n当前第1页，会议于2021年11月10日召开。[^1]\n\n[^1]: 见第3页。\n');
    expect(imported.file.messages).toEqual([]);
  });

  it('writes a list Word numbered as a Markdown list', async () => {
    const { imported, markdown } = await importInto(await numberedListDraft());
    expect(markdown).toContain('## 石正镇扎实推进农村改厕\n\n存在的问题主要有：\n\n1. 资金缺口较大；\n2. 施工进度受天气影响。\n');
    expect(imported.file.messages).toEqual([]);
  });

  it('types out the numbers Word gives subheads (一、 （一） from a list, or a heading style linked to it), which then are subheads', async () => {
    const { imported, markdown } = await importInto(await officialNumberingDraft());
    expect(markdown.slice(markdown.indexOf('## '))).toBe(
      [
        '## 石正镇扎实推进农村改厕',
        '### 一、主要做法',
        '#### （一）高位推动',
        '#### （二）强化宣传',
        '### 二、存在问题',
        // A sentence numbered `1.` under them is text, as typed; the circled list counts from its start.
        '1.资金缺口较大；',
        '2.施工进度受天气影响。',
        '⑨南台村',
        '⑩北坑村',
        '### 三、下一步打算',
        '#### （一）加快进度',
        // Further lines of an attachment list are no subheads.
        '附件：1.石正镇农村改厕工作方案',
        '2.石正镇改厕验收标准',
        '3.石正镇改厕资金管理办法\n',
      ].join('\n\n'),
    );
    expect(imported.file.messages).toEqual([]);
  });

  it('takes a framed 编者按 as text, a table’s note row after it, its header as far as its merges run, and a photo out of a line', async () => {
    const { imported, markdown, content } = await importInto(await framedDraft());
    expect(markdown.slice(markdown.indexOf('编者按'))).toBe(
      [
        '编者按：现将城关镇的做法刊发，供各地学习借鉴。',
        '## 城关镇推动重点项目建设提速',
        '活动现场，共栽植苗木2000余株。',
        '![现场](image-1.png)',
        '::table{src="table-1.csv" header-rows="2"}',
        '注：金额含续建项目。',
        // The cell's note, kept for the editor to move: check warns that nothing marks it.
        '[^1]: 含续建项目。\n',
      ].join('\n\n'),
    );
    expect(await readFile(join(dirname(imported.created.path), 'table-1.csv'), 'utf8')).toBe(
      '项目,1-2月,1-2月\n项目,金额（万元）,个数（个）\n甲,10,1\n合计,10,1\n',
    );
    expect(imported.file.messages.map((message) => message.message)).toEqual([
      "Table 1 (table-1.csv) has footnote 1 on its cell “10”; a table's cell holds no footnote, so the mark was left out and the note goes unprinted: write it as a 注： line under the table",
      'The paragraph “活动现场，共栽植苗木20…” has image-1.png inside its text; it was put after the paragraph, as a photo of its own: move it where it belongs',
    ]);
    const validation = await validateContent(content, { workers: 0 });
    expect(validation.errors).toEqual([]);
    expect(validation.warnings.map((message) => message.ruleId)).toEqual(['footnote-mark']);
  });

  it('gives a table whose 合计 is wrong to check, which names the CSV cell', async () => {
    const { content, draft } = await archive(await twoArticleDraft({ unmapped: false, total: '2000' }));
    const imported = await importDraft(draft, { contentDir: content, date: '2022-01-10' });
    expect(imported.file.messages).toEqual([]);
    const validation = await validateContent(content, { workers: 0 });
    expect(validation.errors.map((message) => [relative(content, String(message.file)), message.line, message.column, message.ruleId])).toEqual([
      ['2022/1/table-1.csv', 5, 3, 'table-total'],
    ]);
  });

  it('imports a draft saved by LibreOffice: a centred bold title typed by hand, header rows from the merges', async () => {
    const { content } = await archive();
    const imported = await importDraft(join(FIXTURES, 'libreoffice-draft.docx'), { contentDir: content, date: '2022-01-10' });
    expect(imported.file.messages).toEqual([]);
    await expectFixture(await readFile(imported.created.path, 'utf8'), 'libreoffice-draft.expected.md');
    expect(await readFile(join(content, '2022/1/table-1.csv'), 'utf8')).toBe(
      '序号,镇名,改造计划,改造计划\n序号,镇名,户数（户）,小区数（个）\n1,蕉城镇,320,4\n2,长潭镇,80,1\n合计,,400,5\n',
    );
    const validation = await validateContent(content, { workers: 0 });
    expect(formatProblems(validation, content)).toEqual([]);
    expect(validation.issues[0]?.tables[0]?.total).toEqual(['合计', '', '400', '5']);
  });

  it('imports a table LibreOffice saved with an invisible grid column, and list numbers continued over its list instances', async () => {
    const { content } = await archive();
    const imported = await importDraft(join(FIXTURES, 'libreoffice-grid.docx'), { contentDir: content, date: '2022-01-10' });
    // The 合计's figures under their heads, not a column to the left with an empty column after the names.
    expect(await readFile(join(content, '2022/1/table-1.csv'), 'utf8')).toBe(
      [
        '序号,街道（镇）,改造计划,改造计划,已完工,已完工',
        '序号,街道（镇）,小区（个）,户数（户）,小区（个）,户数（户）',
        '1,金山街道,5,"1,230",3,820',
        '2,江南街道,4,986,2,410',
        '3,西郊街道,3,512,3,512',
        '4,三角镇,2,300,0,/',
        '合计,,14,"3,028",8,"1,742"',
        '',
      ].join('\n'),
    );
    // As LibreOffice shows them: its restarted list is an instance of the same definition, whose count the next one continues.
    const subheads = (await readFile(imported.created.path, 'utf8')).split('\n').filter((line) => line.startsWith('#'));
    expect(subheads.filter((line) => line.startsWith('### '))).toEqual([
      '### 一、高位推动，压实工作责任',
      '### 一、群众参与，凝聚改造合力',
      '### 二、强化监管，确保工程质量',
    ]);
    expect((await validateContent(content, { workers: 0 })).errors).toEqual([]);
    // A row with an empty cell of its own in the invisible column, as LibreOffice writes where rows' edges differ.
    const other = await archive();
    await importDraft(join(FIXTURES, 'invisible-column-cell.docx'), { contentDir: other.content, date: '2022-01-10' });
    expect(await readFile(join(other.content, '2022/1/table-1.csv'), 'utf8')).toBe('地区,户数（户）,小区数（个）\n梅江区,100,2\n梅县区,200,3\n合计,300,5\n');
  });

  it('numbers subheads as Word shows the draft with its tracked changes accepted: a subhead deleted or moved away is not counted', async () => {
    const { content } = await archive();
    // Saved by LibreOffice with changes tracked: 加强组织领导 deleted, 抓好质量安全 moved up to first.
    const imported = await importDraft(join(FIXTURES, 'libreoffice-tracked-subheads.docx'), { contentDir: content, date: '2022-01-10' });
    const subheads = (await readFile(imported.created.path, 'utf8')).split('\n').filter((line) => line.startsWith('###'));
    expect(subheads).toEqual(['### 一、抓好质量安全', '### 二、强化项目储备', '### 三、做好宣传引导']);
  });

  it('keeps the number of a subhead whose paragraph mark alone was deleted as a tracked change, run into the paragraph it joins, and says it was joined', async () => {
    const { content } = await archive();
    // Saved by LibreOffice: the mark after （一）加强组织领导。 deleted, joining it to 各镇要成立工作专班。
    const imported = await importDraft(join(FIXTURES, 'libreoffice-tracked-joined-subhead.docx'), { contentDir: content, date: '2022-01-10' });
    const markdown = await readFile(imported.created.path, 'utf8');
    expect(markdown).toContain('\n（一）加强组织领导。各镇要成立工作专班。\n\n#### （二）强化资金保障\n');
    expect(imported.file.messages.map((message) => message.reason)).toEqual([
      'Paragraph 2 (“加强组织领导。”) has its paragraph mark deleted as a tracked change, taken as accepted: it was joined to the next paragraph; check the text, or accept or reject the change in Word and import again',
    ]);
  });

  it('leaves out hidden text (字体 → 隐藏), which Word neither shows nor prints, in the text, a table and a footnote, naming each', async () => {
    const { content } = await archive();
    const imported = await importDraft(join(FIXTURES, 'libreoffice-hidden-text.docx'), { contentDir: content, date: '2022-01-10' });
    const markdown = await readFile(imported.created.path, 'utf8');
    expect(markdown).toContain('　　今年以来，平远县改造老旧小区3个。下一步将加快进度。\n');
    expect(markdown).toContain('[^2]: 数据截至11月30日\n');
    expect(await readFile(join(content, '2022/1/table-1.csv'), 'utf8')).toBe('区县,户数（户）\n丰顺县,863\n兴宁市,"1,200"\n合计,"2,063"\n');
    const left = 'which Word neither shows nor prints; it was left out: copy it into the Markdown if it is meant to be published';
    expect(imported.file.messages.map((message) => message.reason)).toEqual([
      `Paragraph 2 (“今年以来，平远县改造老旧…”) has hidden text (“此句内部掌握，不对外。”), ${left}`,
      `Paragraph 8 (“1,200”) has hidden text (“（含补报300户）”), ${left}`,
      `Footnote [^2] (“数据截至11月30日”) has hidden text (“（未核实）”), ${left}`,
    ]);
    expect((await validateContent(content, { workers: 0 })).errors).toEqual([]);
  });

  /** A small photo, and a centred paragraph of runs: a draft's photo and caption lines. */
  const photo = () => new ImageRun({ type: 'png', data: PNG, transformation: { width: 40, height: 30 } });
  const centred = (children: (ImageRun | TextRun)[]) => new Paragraph({ alignment: AlignmentType.CENTER, children });

  it('takes a photo’s caption set centred and bold for no title, in a paragraph of its own (图1 …) or under the picture in its paragraph', async () => {
    const draft = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              centred([new TextRun({ text: '梅江区扎实推进老旧小区改造', bold: true, size: 44 })]),
              new Paragraph('　　今年以来，梅江区改造老旧小区30个。'),
              centred([photo()]),
              centred([new TextRun({ text: '图1  金山街道改造后的小区', bold: true })]),
              new Paragraph('　　居民议事会定期召开。'),
              centred([photo(), new TextRun({ text: '居民议事会现场', bold: true, break: 1 })]),
              new Paragraph('　　下一步继续推进。'),
            ],
          },
        ],
      }),
    );
    const { imported, markdown, content } = await importInto(draft);
    expect(markdown.slice(markdown.indexOf('---\n\n') + 5)).toBe(
      [
        '## 梅江区扎实推进老旧小区改造',
        '　　今年以来，梅江区改造老旧小区30个。',
        '![](image-1.png)',
        '**图1 金山街道改造后的小区**',
        '　　居民议事会定期召开。',
        '**居民议事会现场**',
        '![](image-2.png)',
        '　　下一步继续推进。\n',
      ].join('\n\n'),
    );
    expect(imported.file.messages.map((message) => message.reason)).toEqual([
      'The paragraph “居民议事会现场” has image-2.png inside its text; it was put after the paragraph, as a photo of its own: move it where it belongs',
    ]);
    // One article, its first photo captioned by its 图1 line.
    const validation = await validateContent(content, { workers: 0 });
    expect(validation.issues[0]?.articles.map((article) => article.lines)).toEqual([['梅江区扎实推进老旧小区改造']]);
    expect(formatProblems(validation, content).filter((line) => line.includes('image-1.png'))).toEqual([]);
  });

  it('writes a short centred line right under a photo as its 图： caption, set bold or not, and leaves body text under one as it is', async () => {
    const draft = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              centred([new TextRun({ text: '梅江区扎实推进老旧小区改造', bold: true, size: 44 })]),
              centred([photo()]),
              centred([new TextRun({ text: '金山街道改造后的小区', font: '楷体_GB2312' })]),
              centred([photo()]),
              centred([new TextRun({ text: '居民议事会现场', bold: true })]),
              centred([photo()]),
              new Paragraph('　　图为改造后的小区。'),
            ],
          },
        ],
      }),
    );
    const { markdown, content } = await importInto(draft);
    expect(markdown.slice(markdown.indexOf('---\n\n') + 5)).toBe(
      [
        '## 梅江区扎实推进老旧小区改造',
        '![](image-1.png)',
        '图：金山街道改造后的小区',
        '![](image-2.png)',
        '**图：居民议事会现场**',
        '![](image-3.png)',
        '　　图为改造后的小区。\n',
      ].join('\n\n'),
    );
    const validation = await validateContent(content, { workers: 0 });
    expect(validation.issues[0]?.articles.map((article) => article.lines)).toEqual([['梅江区扎实推进老旧小区改造']]);
  });

  it('keeps the cells of a row Word starts right of the table’s edge (w:gridBefore) under their heads: a 合计 row starting under 区县', async () => {
    const row = (cells: string[], gap = false) =>
      new TableRow({ cantSplit: gap, children: cells.map((value) => new TableCell({ children: [new Paragraph(value)] })) });
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph('　　各县进展如下：'),
            new Table({
              rows: [
                row(['序号', '区县', '户数（户）', '小区数（个）']),
                row(['1', '丰顺县', '863', '10']),
                row(['2', '兴宁市', '1200', '12']),
                row(['合计', '2063', '22'], true),
              ],
            }),
          ],
        },
      ],
    });
    const zip = await JSZip.loadAsync(await Packer.toBuffer(document));
    const xml = await zip.file('word/document.xml')!.async('string');
    // As Word writes a row whose left edge was dragged in past its first column.
    const gap = xml.replace('<w:cantSplit/>', '<w:gridBefore w:val="1"/><w:wBefore w:w="1200" w:type="dxa"/>');
    expect(gap).not.toBe(xml);
    zip.file('word/document.xml', gap);
    const { content } = await importInto(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(await readFile(join(content, '2022/1/table-1.csv'), 'utf8')).toBe(
      '序号,区县,户数（户）,小区数（个）\n1,丰顺县,863,10\n2,兴宁市,1200,12\n,合计,2063,22\n',
    );
    expect((await validateContent(content, { workers: 0 })).errors).toEqual([]);
  });

  it('writes a footnote mark whose run is also set superscript itself as [^n], not bold', async () => {
    const { content } = await archive();
    const imported = await importDraft(join(FIXTURES, 'libreoffice-superscript-footnote-mark.docx'), { contentDir: content, date: '2022-01-10' });
    expect(await readFile(imported.created.path, 'utf8')).toContain('　　今年以来，平远县改造老旧小区3个[^2]，惠及群众1200户。\n\n[^2]: 数据截至11月30日。\n');
  });

  it('takes a paragraph in an office template’s own title style (centred, bold, 22 pt in the style) for a title', async () => {
    const draft = await Packer.toBuffer(
      new Document({
        styles: {
          paragraphStyles: [
            {
              id: 'a5',
              name: '简报标题',
              basedOn: 'Normal',
              paragraph: { alignment: AlignmentType.CENTER },
              run: { bold: true, size: 44, font: '方正小标宋简体' },
            },
            { id: 'a6', name: '文章大标题', basedOn: 'Normal', paragraph: { alignment: AlignmentType.CENTER }, run: { size: 44 } },
          ],
        },
        sections: [
          {
            children: [
              new Paragraph({ style: 'a5', text: '梅江区扎实推进老旧小区改造' }),
              new Paragraph('　　今年以来，梅江区改造老旧小区30个。'),
              new Paragraph({ style: 'a6', text: '平远县多措并举推进改造' }),
              new Paragraph('　　平远县改造3个小区。'),
            ],
          },
        ],
      }),
    );
    const { markdown } = await importInto(draft);
    expect(markdown.slice(markdown.indexOf('---\n\n') + 5)).toBe(
      '## 梅江区扎实推进老旧小区改造\n\n　　今年以来，梅江区改造老旧小区30个。\n\n## 平远县多措并举推进改造\n\n　　平远县改造3个小区。\n',
    );
  });

  it('leaves out the prompt of a form field left unfilled (a template’s date picker), naming it', async () => {
    const right = (text: string) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(text)] });
    const document = new Document({
      sections: [{ children: [new Paragraph('　　今年以来，梅江区改造老旧小区30个。'), right('梅江区住房和城乡建设局'), right('DATE-FIELD')] }],
    });
    const zip = await JSZip.loadAsync(await Packer.toBuffer(document));
    const xml = await zip.file('word/document.xml')!.async('string');
    // As Word saves a date picker (插入 → 日期选取器内容控件) nobody picked a date in.
    const prompt = xml.replace(
      /<w:r>((?:(?!<w:r>).)*?)DATE-FIELD(.*?)<\/w:r>/,
      '<w:sdt><w:sdtPr><w:id w:val="1"/><w:showingPlcHdr/><w:date><w:dateFormat w:val="yyyy年M月d日"/></w:date></w:sdtPr><w:sdtContent><w:r>$1单击或点击此处输入日期。$2</w:r></w:sdtContent></w:sdt>',
    );
    expect(prompt).not.toBe(xml);
    zip.file('word/document.xml', prompt);
    const { imported, markdown } = await importInto(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(markdown).not.toContain('单击');
    expect(markdown.endsWith('梅江区住房和城乡建设局\n')).toBe(true);
    expect(imported.file.messages.map((message) => message.reason)).toEqual([
      'Paragraph 3 (“单击或点击此处输入日期。”) has a form field left unfilled, showing its prompt (“单击或点击此处输入日期。”), which was left out: write what belongs there in the Markdown',
    ]);
  });

  it('reports a text box LibreOffice saved once, not the shape’s drawing (v:fill, v:stroke) mammoth passes over', async () => {
    const { content } = await archive();
    const imported = await importDraft(join(FIXTURES, 'libreoffice-textbox.docx'), { contentDir: content, date: '2022-01-10' });
    const rules = imported.file.messages.map((message) => message.ruleId);
    expect(rules).not.toContain('import-mammoth');
    expect(imported.file.messages.some((message) => message.reason.includes('text box'))).toBe(true);
  });

  it('leaves out the table of contents Word made without a 目录 line over it (toc 1, toc 2 styles), with a warning naming its entries', async () => {
    const entry = (style: string, text: string) => new Paragraph({ style, children: [new TextRun(text), new TextRun({ text: '\t1' })] });
    const draft = await Packer.toBuffer(
      new Document({
        styles: {
          paragraphStyles: [
            { id: 'TOC1', name: 'toc 1' },
            { id: 'TOC2', name: 'toc 2' },
          ],
        },
        sections: [
          {
            children: [
              entry('TOC1', '平远县推进老旧小区改造'),
              entry('TOC2', '一、主要做法'),
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '平远县推进老旧小区改造', bold: true, size: 44 })] }),
              new Paragraph('　　今年以来，平远县改造老旧小区3个。'),
            ],
          },
        ],
      }),
    );
    const { imported, markdown } = await importInto(draft);
    expect(imported.file.messages.map((message) => message.reason)).toEqual([
      "The draft's table of contents (2 entries: “平远县推进老旧小区改造”、“一、主要做法”) was left out: the bulletin makes its own from the titles",
    ]);
    expect(markdown.slice(markdown.indexOf('---\n\n') + 5)).toBe('## 平远县推进老旧小区改造\n\n　　今年以来，平远县改造老旧小区3个。\n');
  });

  it('says a text box LibreOffice saved inline, its fallback empty, was left out, not put after its paragraph', async () => {
    const { content } = await archive();
    const imported = await importDraft(join(FIXTURES, 'libreoffice-inline-textbox.docx'), { contentDir: content, date: '2022-01-10' });
    expect(imported.file.messages.map((message) => message.reason)).toEqual([
      'Paragraph 3 (after “今年以来，平远县改造老旧…”) has a text box (“典型经验：先改管网再改路面”) that was left out; copy its text where it belongs',
    ]);
    expect(await readFile(join(content, '2022/1/index.md'), 'utf8')).not.toContain('典型经验');
  });

  it('runs as `jianbao import`, printing the path, the warnings and what it wrote (the bundled CLI reads the zip and XML too)', async () => {
    const { content, draft } = await archive(await twoArticleDraft());
    const result = await runCli('import', draft, '--content', content, '--date', '2022-01-10');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${content}/2022/1/index.md\n`);
    const shown = (path: string) => relative(process.cwd(), path);
    expect(result.stderr.split('\n').slice(-2)).toEqual([
      `jianbao: imported ${draft} with 1 table and 1 picture and 3 warnings: wrote ${shown(join(content, '2022/1/index.md'))}, ${shown(join(content, '2022/1/table-1.csv'))}, ${shown(join(content, '2022/1/image-1.png'))}; now run \`jianbao check\``,
      '',
    ]);
    expect(result.stderr).toContain(`${shown(draft)}: warning: Paragraph 14 (after “1月以来，梅江区抓住有利…”) has a text box`);
  });

  it('imports a draft whose XML declares entities in a DTD, with one warning where the XML parser printed its own lines', async () => {
    const zip = await JSZip.loadAsync(await twoArticleDraft());
    const xml = await zip.file('word/document.xml')!.async('string');
    const dtd = '<!DOCTYPE w:document [<!ENTITY org "梅江区住房和城乡建设局"><!ENTITY file SYSTEM "file:///etc/passwd">]>';
    zip.file('word/document.xml', xml.replace('?>', `?>${dtd}`).replace('1月以来，', '1月以来，&org;&file;'));
    const { content, draft } = await archive(await zip.generateAsync({ type: 'nodebuffer' }));
    // xmldom prints what it reports through the console unless given a handler.
    const printed: unknown[] = [];
    const spies = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn')].map((spy) => spy.mockImplementation((...args) => void printed.push(args)));
    const result = await runCli('import', draft, '--content', content, '--date', '2022-01-10').finally(() => {
      for (const spy of spies) spy.mockRestore();
    });
    expect(printed).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.lines.filter((line) => line.includes('import-entity'))).toEqual([
      `${relative(process.cwd(), draft)}: warning: Paragraph 13 (“1月以来，&org;&f…”) uses &org;, &file;, which the draft declares in a DTD (<!DOCTYPE …>), as Word never does, and which no reader here expands: they were imported as typed; write what they stand for in the Markdown [import-entity]`,
    ]);
    expect(result.lines.filter((line) => line.includes('xmldom'))).toEqual([]);
    expect(await readFile(join(content, '2022/1/index.md'), 'utf8')).toContain('1月以来，\\&org;\\&file;梅江区');
  });

  it.each([
    ['draft.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), 'Expected a Word document saved as .docx, got a .doc file (Word 97–2003)'],
    ['draft.wps', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), 'Expected a Word document saved as .docx, got a .wps file (WPS 文字)'],
    ['draft.docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), 'Expected a .docx file, found a Word 97–2003 document or a password-protected one'],
    ['draft.docx', new TextEncoder().encode('plain text'), 'Expected a .docx file, found something else (not a Word document)'],
  ])('refuses %s (%#) with what to save instead, writing nothing', async (name, bytes, reason) => {
    const { content } = await archive();
    const path = join(content, '..', name);
    await writeFile(path, bytes);
    const error = await importDraft(path, { contentDir: content, date: '2022-01-10' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentError);
    const [message] = (error as ContentError).messages;
    expect(message?.reason).toMatch(new RegExp(`^${reason.replace(/[()]/g, '\\$&')}; open it in Word or WPS and save it as “Word 文档 \\(\\*\\.docx\\)”`));
    expect(message?.ruleId).toBe('import-format');
    await expect(readFile(join(content, '2022/1/index.md'))).rejects.toThrow();
  });
});

describe('jianbao import, a picture linked to a file outside the draft', () => {
  it('names the paragraph and the file in its warning, as for the other parts it leaves out', async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ heading: 'Title', children: [new TextRun('全县推进老旧小区改造')] }),
            new Paragraph({ children: [new TextRun('现场照片如下。')] }),
            new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 40, height: 40 } })] }),
          ],
        },
      ],
    });
    // The docx package embeds the picture: Word's 链接到文件 keeps only a link to it.
    const zip = await JSZip.loadAsync(await Packer.toBuffer(document));
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const linked = rels.replace(/(<Relationship [^>]*Type="[^"]*\/image"[^>]*?)Target="[^"]*"/, '$1Target="file:///D:/照片/现场.jpg" TargetMode="External"');
    expect(linked).not.toBe(rels);
    zip.file('word/_rels/document.xml.rels', linked);
    zip.file('word/document.xml', (await zip.file('word/document.xml')!.async('string')).replace('r:embed=', 'r:link='));
    const { imported } = await importInto(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(imported.file.messages.map((message) => formatMessage(message, dirname(imported.file.path!)))).toEqual([
      'draft.docx: warning: Paragraph 3 (after “现场照片如下。”) has a picture linked to file:///D:/照片/现场.jpg, a file outside the draft, which was left out; insert the picture itself in Word (without 链接到文件), or save it beside the issue and write ![description](its name) [import-unmapped]',
    ]);
  });
});

describe('jianbao import, a draft that unpacks to more than a draft holds', () => {
  it('is refused before the Word reader unpacks it', async () => {
    const document = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('正文。')] })] }] });
    const zip = await JSZip.loadAsync(await Packer.toBuffer(document));
    zip.file('word/media/junk.bin', Buffer.alloc(1024));
    // The archive's directory says the part unpacks to 600 MB, as a ZIP bomb's does.
    const bytes = withStatedSize(await zip.generateAsync({ type: 'nodebuffer' }), 'word/media/junk.bin', 600 * 2 ** 20);
    const made = await archive(bytes);
    const error = await importDraft(made.draft, { contentDir: made.content, date: '2022-01-10' }).catch((caught: unknown) => caught);
    expect((error as ContentError).messages.map((message) => message.reason)).toEqual([
      'Cannot read this .docx: its parts unpack to 600 MB, more than a draft holds (512 MB); save it again in Word or WPS, its pictures compressed',
    ]);
  });

  it('is refused when a part unpacks to more than its directory says, before the Word reader unpacks it', async () => {
    const document = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('正文。')] })] }] });
    const zip = await JSZip.loadAsync(await Packer.toBuffer(document));
    zip.file('word/media/junk.bin', Buffer.alloc(2 ** 21));
    const bytes = withStatedSize(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), 'word/media/junk.bin', 1024);
    const made = await archive(bytes);
    const error = await importDraft(made.draft, { contentDir: made.content, date: '2022-01-10' }).catch((caught: unknown) => caught);
    expect((error as ContentError).messages.map((message) => message.reason)).toEqual([
      "Cannot read this .docx: its part word/media/junk.bin unpacks to more than the file's directory says, as a ZIP bomb's does; open it in Word or WPS, save it again as .docx and import that",
    ]);
  });
});
