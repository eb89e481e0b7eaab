import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  FootnoteReferenceRun,
  Document,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  InsertedTextRun,
  Packer,
  Paragraph,
  SimpleField,
  Tab,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  Textbox,
  TextRun,
  VerticalMergeType,
} from 'docx';

/** A 2×2 red PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');

const text = (value: string, options: { bold?: boolean; size?: number } = {}) => new TextRun({ text: value, ...options });
const paragraph = (value: string) => new Paragraph({ children: [text(value)] });

function cell(value: string, options: { columnSpan?: number; verticalMerge?: 'restart' | 'continue' } = {}) {
  return new TableCell({
    children: [paragraph(value)],
    ...(options.columnSpan && { columnSpan: options.columnSpan }),
    ...(options.verticalMerge && { verticalMerge: options.verticalMerge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }),
  });
}

/**
 * The progress table as county offices send it: 序号 and 区县名称 merged down two rows
 * (vMerge), the group headings merged across (gridSpan), both header rows repeated on every
 * page (tblHeader), and a 合计 label merged across two columns.
 */
export function progressTable(total = '2063'): Table {
  return new Table({
    rows: [
      new TableRow({
        tableHeader: true,
        children: [
          cell('序号', { verticalMerge: 'restart' }),
          cell('区县名称', { verticalMerge: 'restart' }),
          cell('改造计划', { columnSpan: 2 }),
          cell('改造进展情况', { columnSpan: 2 }),
        ],
      }),
      new TableRow({
        tableHeader: true,
        children: [
          cell('', { verticalMerge: 'continue' }),
          cell('', { verticalMerge: 'continue' }),
          cell('涉及户数（户）'),
          cell('小区数（个）'),
          cell('户数（户）'),
          cell('小区数（个）'),
        ],
      }),
      new TableRow({ children: ['1', '丰顺县', '863', '10', '/', '/'].map((value) => cell(value)) }),
      new TableRow({ children: ['2', '兴宁市', '1,200', '12', '300', '2'].map((value) => cell(value)) }),
      new TableRow({ children: [cell('合计', { columnSpan: 2 }), cell(total), cell('22'), cell('300'), cell('2')] }),
    ],
  });
}

export interface DraftOptions {
  /** Put a comment, a text box and tracked changes in, to be warned about. @default true */
  readonly unmapped?: boolean;
  /** The 合计 of the table's first number column. @default '2063', the sum of its rows */
  readonly total?: string;
}

/**
 * A two-article draft as editors send them: one title in the Title style with a manual line
 * break, one centred bold title typed by hand, subheads of the four levels, a 供稿 note, the
 * progress table under a Heading 1 title, and a photo.
 */
export async function twoArticleDraft(options: DraftOptions = {}): Promise<Buffer> {
  const unmapped = options.unmapped ?? true;
  const children = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [text('以更大力度压实工作责任'), new TextRun({ text: '全力推进城镇老旧小区改造', break: 1 })] }),
    paragraph('2024年是实施“十四五”规划的关键一年。为深入贯彻落实党中央决策部署，现将有关情况通报如下。'),
    paragraph('一、总体要求'),
    paragraph('坚持以人民为中心的发展思想，坚持“居民自愿、政府引导”的原则（详见附件），确保完成年度任务。'),
    paragraph('（一）抓好续建项目收尾'),
    new Paragraph({
      children: unmapped
        ? [
            text('对尚未完工的项目，各地要倒排工期'),
            new CommentRangeStart(0),
            text('、挂图作战'),
            new CommentRangeEnd(0),
            new TextRun({ children: [new CommentReference(0)] }),
            text('，力争上半年全部完工。'),
            new InsertedTextRun({ text: '（新增）', id: 1, author: '李四', date: '2024-03-01T00:00:00Z' }),
            new DeletedTextRun({ text: '删去的话', id: 2, author: '李四', date: '2024-03-01T00:00:00Z' }),
          ]
        : [text('对尚未完工的项目，各地要倒排工期、挂图作战，力争上半年全部完工。')],
    }),
    paragraph('1. 加强施工组织'),
    paragraph('（1）落实质量安全责任'),
    paragraph('各地要加强施工组织和质量安全监管。'),
    new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: PNG,
          transformation: { width: 40, height: 40 },
          altText: { name: '施工现场', description: '施工现场', title: '施工现场' },
        }),
      ],
    }),
    paragraph('（梅州市住房和城乡建设局供稿）'),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [text('梅江区加快推进老旧小区改造项目全面开工', { bold: true })] }),
    paragraph('1月以来，梅江区抓住有利施工时机，集中力量推进改造项目前期工作。'),
    ...(unmapped ? [new Textbox({ alignment: AlignmentType.LEFT, children: [paragraph('文本框里的说明')], style: { width: '2in', height: '1in' } })] : []),
    paragraph('（作者：张三）'),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text('2024年2月梅州市城镇老旧小区改造进展情况')] }),
    progressTable(options.total),
  ];
  const document = new Document({
    ...(unmapped && { comments: { children: [{ id: 0, author: '王五', date: new Date('2024-03-01'), children: [paragraph('请核实')] }] } }),
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

/** A one-article draft whose list is numbered by Word (a numbering definition), not typed. */
export async function numberedListDraft(): Promise<Buffer> {
  const item = (value: string) => new Paragraph({ numbering: { reference: 'decimal', level: 0 }, children: [text(value)] });
  const document = new Document({
    numbering: { config: [{ reference: 'decimal', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }] }] },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [text('石正镇扎实推进农村改厕')] }),
          paragraph('存在的问题主要有：'),
          item('资金缺口较大；'),
          item('施工进度受天气影响。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/**
 * A one-article draft with simple fields (`w:fldSimple`), as Word writes a PAGE or a DATE field:
 * their results as last shown (`1`, `2021年11月10日`), in a footnote too.
 */
export async function simpleFieldDraft(): Promise<Buffer> {
  const document = new Document({
    footnotes: { 1: { children: [new Paragraph({ children: [text('见第'), new SimpleField('PAGE', '3'), text('页。')] })] } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [text('平远县召开安全生产工作会议')] }),
          new Paragraph({
            children: [
              text('当前第'),
              new SimpleField('PAGE', '1'),
              text('页，会议于'),
              new SimpleField('DATE \\@ "yyyy年M月d日"', '2021年11月10日'),
              text('召开。'),
              new FootnoteReferenceRun(1),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/**
 * A draft whose subheads Word numbers in an official document's way (`一、` `（一）` from a
 * multilevel list, the top level through a heading style linked to it), with a `1.` list and
 * a `①` list under them, and an attachment list typed by hand.
 */
export async function officialNumberingDraft(): Promise<Buffer> {
  const numbered = (reference: string, level: number, value: string) => new Paragraph({ numbering: { reference, level }, children: [text(value)] });
  const subhead = (value: string) => new Paragraph({ style: 'cnHeading', children: [text(value, { bold: true })] });
  const document = new Document({
    styles: { paragraphStyles: [{ id: 'cnHeading', name: '一级标题', run: { bold: true }, paragraph: { numbering: { reference: 'official', level: 0 } } }] },
    numbering: {
      config: [
        {
          reference: 'official',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
            { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
          ],
        },
        { reference: 'circled', levels: [{ level: 0, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%1', start: 9, alignment: AlignmentType.LEFT }] },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [text('石正镇扎实推进农村改厕')] }),
          subhead('主要做法'),
          numbered('official', 1, '高位推动'),
          numbered('official', 1, '强化宣传'),
          subhead('存在问题'),
          numbered('official', 2, '资金缺口较大；'),
          numbered('official', 2, '施工进度受天气影响。'),
          numbered('circled', 0, '南台村'),
          numbered('circled', 0, '北坑村'),
          subhead('下一步打算'),
          numbered('official', 1, '加快进度'),
          paragraph('附件：1.石正镇农村改厕工作方案'),
          paragraph('2.石正镇改厕验收标准'),
          paragraph('3.石正镇改厕资金管理办法'),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/**
 * A draft framed as offices frame them: a 编者按 in a one-cell table, a table whose note row is
 * merged across its foot, a footnote on a cell, and header merges running below the one row
 * marked to repeat, and a photo anchored inside a paragraph's text.
 */
export async function framedDraft(): Promise<Buffer> {
  const photo = new ImageRun({
    type: 'png',
    data: PNG,
    transformation: { width: 40, height: 40 },
    altText: { name: '现场', description: '现场', title: '现场' },
  });
  const document = new Document({
    footnotes: { 1: { children: [paragraph('含续建项目。')] } },
    sections: [
      {
        children: [
          new Table({ rows: [new TableRow({ children: [cell('编者按：现将城关镇的做法刊发，供各地学习借鉴。')] })] }),
          new Paragraph({ heading: HeadingLevel.TITLE, children: [text('城关镇推动重点项目建设提速')] }),
          new Paragraph({ children: [photo, text('活动现场，共栽植苗木2000余株。')] }),
          new Table({
            rows: [
              new TableRow({ tableHeader: true, children: [cell('项目', { verticalMerge: 'restart' }), cell('1-2月', { columnSpan: 2 })] }),
              new TableRow({ children: [cell('', { verticalMerge: 'continue' }), cell('金额（万元）'), cell('个数（个）')] }),
              new TableRow({
                children: [cell('甲'), new TableCell({ children: [new Paragraph({ children: [text('10'), new FootnoteReferenceRun(1)] })] }), cell('1')],
              }),
              new TableRow({ children: ['合计', '10', '1'].map((value) => cell(value)) }),
              new TableRow({ children: [cell('注：金额含续建项目。', { columnSpan: 3 })] }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** A paragraph holding a photo described as `name` (or without a description). */
function picture(name = '') {
  const altText = name ? { altText: { name, description: name, title: name } } : {};
  return new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 40, height: 40 }, ...altText })] });
}

/**
 * A draft with what a table's CSV or a title's text cannot hold: a footnote on the title, a
 * superscript (m²), and a picture in a table of figures.
 */
export async function marksDraft(): Promise<Buffer> {
  const document = new Document({
    footnotes: { 1: { children: [paragraph('老旧小区指2000年底前建成的住宅小区。')] } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [text('城关镇老旧小区改造见成效'), new FootnoteReferenceRun(1)] }),
          new Paragraph({ children: [text('改造面积8.6万m'), new TextRun({ text: '2', superScript: true }), text('。')] }),
          new Table({
            rows: [
              new TableRow({ children: [cell('小区'), cell('户数（户）'), cell('现场')] }),
              new TableRow({ children: [cell('东山小区'), cell('120'), new TableCell({ children: [picture('东山小区')] })] }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

export interface BulletinOptions {
  /** The issue line under the masthead. @default '2021年第10期 总第17期' */
  readonly issueLine?: string;
  /** Put a tab between issuer and date, as Word's right-aligned date is typed, rather than spaces. @default false */
  readonly tab?: boolean;
  /** The issue's date as the masthead prints it. @default '2021年10月28日' */
  readonly date?: string;
  /** A 本期目录 naming the two articles, or the contents' lines as typed, each a plain paragraph. @default true */
  readonly contents?: boolean | readonly string[];
  /** A 编者按 paragraph after the contents. @default none */
  readonly editorNote?: string;
  /** The 版记 typed as paragraphs or laid out in a borderless table. @default 'paragraphs' */
  readonly banji?: 'paragraphs' | 'table';
  /** The 报送 names, on a line or on several (each a paragraph after the first). @default ['局领导。'] */
  readonly reportedTo?: readonly string[];
  /** A special issue's name on a line of its own under the series title (`防汛专刊`). @default none */
  readonly special?: string;
  /** The series title's lines, each a paragraph. @default ['梅州市城镇老旧小区改造工作简报'] */
  readonly title?: readonly string[];
}

/**
 * A whole bulletin as offices keep their archive in Word: the red masthead (a mark, the series
 * title, the issue line, the issuer and date), a 本期目录, two articles (a title typed over two
 * lines with a manual break, subheads, a 供稿 note) and the 版记 with its 报送, 发送, 抄送 and
 * 印发 lines.
 */
export async function wholeBulletinDraft(options: BulletinOptions = {}): Promise<Buffer> {
  const centred = (value: string, run: { bold?: boolean; size?: number; color?: string } = {}) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: value, ...run })] });
  const issuer = '梅州市住房和城乡建设局';
  const date = options.date ?? '2021年10月28日';
  const [reported = '局领导。', ...more] = options.reportedTo ?? [];
  const banji: Array<[string, string]> = [
    ['报送：', reported],
    ...more.map((names): [string, string] => ['', names]),
    ['发送：', '各县（市、区）人民政府、市直有关单位。'],
    ['抄送：', '市委办公室。'],
  ];
  const printed = `梅州市住房和城乡建设局办公室    ${date}印发`;
  const children = [
    paragraph('内部资料'),
    ...(options.title ?? ['梅州市城镇老旧小区改造工作简报']).map((line) => centred(line, { bold: true, size: 60, color: 'FF0000' })),
    ...(options.special ? [centred(options.special, { bold: true })] : []),
    centred(options.issueLine ?? '2021年第10期 总第17期'),
    new Paragraph({ children: options.tab ? [new TextRun({ children: [issuer, new Tab(), date] })] : [text(`${issuer}　　　　${date}`)] }),
    new Paragraph({ children: [] }),
    ...(options.contents === false
      ? []
      : Array.isArray(options.contents)
        ? options.contents.map(paragraph)
        : [
            centred('本期目录', { bold: true }),
            paragraph('◆ 以更大力度压实工作责任 全力推进城镇老旧小区改造……1'),
            paragraph('◆ 梅江区加快推进老旧小区改造项目全面开工……3'),
          ]),
    ...(options.editorNote ? [paragraph(options.editorNote)] : []),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [text('以更大力度压实工作责任'), new TextRun({ text: '全力推进城镇老旧小区改造', break: 1 })] }),
    paragraph('2021年是实施“十四五”规划的开局之年。为深入贯彻落实党中央决策部署，现将有关情况通报如下。'),
    paragraph('一、总体要求'),
    paragraph('坚持以人民为中心的发展思想，确保完成年度任务。'),
    centred('梅江区加快推进老旧小区改造项目全面开工', { bold: true }),
    paragraph('10月以来，梅江区抓住有利施工时机，集中力量推进改造项目前期工作。'),
    paragraph('（梅江区住房和城乡建设局供稿）'),
    new Paragraph({ children: [] }),
    ...(options.banji === 'table'
      ? [
          new Table({
            borders: TableBorders.NONE,
            rows: [
              ...banji.map(([role, names]) => new TableRow({ children: [cell(role), cell(names)] })),
              new TableRow({ children: [cell(''), cell(printed)] }),
            ],
          }),
        ]
      : [...banji.map(([role, names]) => paragraph(`${role}${names}`)), paragraph(printed)]),
  ];
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/**
 * Photos laid out in borderless tables, as offices set photos side by side: two photos without
 * descriptions over their captions, then captions typed as 图1：/图2： over two described photos,
 * then a photo with its caption in its own cell.
 */
export async function photoTableDraft(): Promise<Buffer> {
  const photos = (...names: string[]) => new TableRow({ children: names.map((name) => new TableCell({ children: [picture(name)] })) });
  const captions = (...texts: string[]) => new TableRow({ children: texts.map((value) => cell(value)) });
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [text('平远县老旧小区改造见成效')] }),
          paragraph('改造前后对比如下。'),
          new Table({ borders: TableBorders.NONE, rows: [photos('', ''), captions('改造前的小区', '改造后的小区')] }),
          new Table({ borders: TableBorders.NONE, rows: [captions('图1：新建停车位', '图2：加装电梯'), photos('停车位', '电梯')] }),
          new Table({
            borders: TableBorders.NONE,
            rows: [new TableRow({ children: [new TableCell({ children: [picture(), paragraph('居民议事会')] }), cell('')] })],
          }),
          paragraph('（平远县住房和城乡建设局供稿）'),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/**
 * A table typed as Excel sheets are laid out: its title merged across its top, a unit line typed
 * in its last cell, then the header, the three rows marked to repeat as header rows.
 */
export async function titledTableDraft(): Promise<Buffer> {
  const row = (values: readonly string[], header = false) =>
    new TableRow({ ...(header && { tableHeader: true }), children: values.map((value) => cell(value)) });
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [text('平远县老旧小区改造进展情况')] }),
          new Table({
            rows: [
              new TableRow({ tableHeader: true, children: [cell('平远县老旧小区改造进展情况统计表', { columnSpan: 3 })] }),
              row(['', '', '单位：个、户'], true),
              row(['镇（街道）', '小区数（个）', '户数（户）'], true),
              row(['大柘镇', '12', '1024']),
              row(['仁居镇', '3', '210']),
              row(['合计', '15', '1234']),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** A table of investment whose figures are typed with their unit, `1,200万元`, beside a rate column. */
export async function unitTableDraft(): Promise<Buffer> {
  const row = (values: readonly string[]) => new TableRow({ children: values.map((value) => cell(value)) });
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [text('平远县燃气管道改造投资情况')] }),
          new Table({
            rows: [
              row(['项目', '计划投资', '完成投资', '完成率']),
              row(['燃气管道', '1,200万元', '600万元', '50%']),
              row(['供水管网', '800万元', '', '—']),
              row(['合计', '2,000万元', '600万元', '30%']),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
