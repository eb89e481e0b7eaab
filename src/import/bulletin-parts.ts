import { asHalfWidth } from '../format/half-width.ts';
import type { VFile } from 'vfile';
import { formatRecipients } from '../format/chinese.ts';
import { isoDate } from '../load/schema.ts';
import type { DistributionEntry, Series } from '../model.ts';
import type { NextIssue } from '../new/next-issue.ts';
import type { Distribution } from '../new/skeleton.ts';
import { PREFACE_LABEL } from '../markdown/rehype-preface.ts';
import { reportProblem } from '../report/messages.ts';
import { excerpt } from './html-to-markdown.ts';
import { children, elements, openDocx, paragraphNumbers, W } from './word-xml.ts';

/** A line of the draft: a paragraph, a line of one after a manual break, or a table's row. */
interface Line {
  /** Its text, spaces (full-width ones and tabs too) made one, full-width digits ASCII. */
  readonly text: string;
  /** Its paragraph, numbered as import's other warnings number them. */
  readonly paragraph: number;
  /** The body's block (paragraph or table) it is in, by index. */
  readonly block: number;
}

/** A value read from the draft, with the line it was read from. */
interface Read<T> {
  readonly value: T;
  readonly line: Line;
}

/** The body's blocks from `from` to `to`, a part of the bulletin around its articles. */
interface Part {
  readonly from: number;
  readonly to: number;
  /** Its first line, to name it by. */
  readonly first: Line;
}

/** A part as found in the draft: its first and last paragraphs, and the pictures left out with it. */
type Located<T extends Part> = T & { readonly paragraphs: readonly [number, number]; readonly pictures: number };

interface Masthead extends Part {
  readonly title?: Read<string>;
  readonly issuer?: Read<string>;
  readonly year?: Read<number>;
  readonly number?: Read<number>;
  readonly total?: Read<number>;
  /** `YYYY-MM-DD`. */
  readonly date?: Read<string>;
  /** Its issue line numbers a 增刊 (`2023年增刊第1期`): `number` is the supplement's. */
  readonly supplement?: boolean;
  /** A special issue's name above the issue line (`防汛专刊`). */
  readonly special?: Read<string>;
  /** Its lines neither read nor its title (`内部资料`), left out with it. */
  readonly others: readonly Line[];
  /** What was not read, and why. */
  readonly unread: readonly string[];
}

interface Contents extends Part {
  /** Entries naming no title of the draft, under a 目录 heading: the editor checks no article is missing. */
  readonly unnamed: readonly Line[];
}

interface Banji extends Part {
  /** Each role with its recipients as typed; a role typed twice has both lines' names. */
  readonly roles: readonly Read<{ readonly role: string; readonly recipients: string }>[];
  /** The 印发 line and a print run (`共印50份`): the bulletin prints neither. */
  readonly printed: readonly Line[];
}

/** The parts of a whole bulletin found around its articles; none in a draft of articles. */
export interface BulletinParts {
  readonly masthead?: Located<Masthead>;
  readonly contents?: Located<Contents>;
  readonly banji?: Located<Banji>;
}

interface Block {
  readonly node: Element;
  readonly first: number;
  readonly last: number;
  readonly lines: readonly Line[];
  readonly pictures: number;
}

/** A masthead is found in the draft's first lines, or not at all. */
const MASTHEAD_MAX_LINES = 10;
/** A sentence, which no line of a masthead is. */
const SENTENCE = /[。，；：！？,;:!?]/;
/** The series title: `住房城乡建设工作简报`, `梅州市城镇老旧小区改造工作 简 报`, `《工作简报》`. */
const SERIES_TITLE = /简报$/;
const TITLE_MAX_LENGTH = 40;
const ISSUER_MAX_LENGTH = 30;
/** What a masthead's mark of circulation says (`内部资料`, `注意保存`, `秘密★1年`): not part of the title. */
const CIRCULATION_MARK = /内部|资料|参阅|保存|秘密|机密|绝密|★/;
/** A line above the issue line other than the title (`内部资料`, `防汛专刊`). */
const MARK_MAX_LENGTH = 20;
/** A special issue's name (`防汛专刊`, `抗疫特刊`), which the frontmatter's `special` holds. */
const SPECIAL = /^\S{0,10}(专刊|特刊)$/;
/** Numbers in digits or in Chinese numerals, as older mastheads write them (`总第一百零五期`). */
const TOTAL = /总\s*第\s*([\d〇零一二三四五六七八九十百千]+)\s*期/;
const ISSUE = /(?:([\d〇零一二三四五六七八九]{4})\s*年\s*)?(增刊\s*)?第\s*([\d〇零一二三四五六七八九十百]+)\s*期/;
/** A date, in digits or in Chinese numerals as older bulletins write it (`二〇二三年九月二十八日`). */
const DATE = /([\d〇零一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月\s*([\d一二三四五六七八九十]{1,3})\s*日/;
/** Chinese numerals' digits, and the units between them. */
const DIGITS = '〇一二三四五六七八九';
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const BRACKETS = /[()（）〔〕【】[\]]/g;
/** How an issuer signs a masthead (`…局编`), not part of its name. */
const ISSUER_SUFFIX = /(编印|编|主办)$/;
const CONTENTS_HEADING = /^(本期)?(目录|要目)$/;
/** A contents entry's list mark (`◆`, `1.`, `一、`) and page number (`……3`). */
const ENTRY_MARK = /^(?:[◆◇●○■□★☆·•\-—]|\d+[.．、]|[一二三四五六七八九十]+、)\s*/;
const ENTRY_PAGE = /(?:\s*[.…·．]{2,}\s*|\s+)\d+$/;
/** A title taken up again no shorter than this ends the contents. */
const ENTRY_MIN_LENGTH = 4;
const ROLE = /^(报送|发送|抄送|分送|主送)\s*(?:[:：]|\s|$)\s*(.*)$/;
const PRINTED = /印发$/;
const PRINTED_MAX_LENGTH = 60;
const COPIES = /^[(（]?共印\s*\d+\s*份[)）]?$/;

/**
 * The draft without the parts of a whole bulletin around its articles, and what they give:
 * the masthead (series title, issue line, issuer and date) at its top, a contents (目录) after
 * it, and the 版记 (报送, 发送, 抄送, 印发) at its end, as paragraphs or a table. Each is found
 * only as a whole: a masthead has its title and issue line, a contents names the titles that
 * follow, a 版记 has a role line. A draft of articles has none and is the same buffer.
 */
export async function withoutBulletinParts(buffer: Buffer): Promise<{ readonly buffer: Buffer; readonly parts: BulletinParts }> {
  const docx = await openDocx(buffer);
  const documentXml = await docx.xml('word/document.xml');
  if (documentXml === undefined) return { buffer, parts: {} };
  const document = docx.parse(documentXml);
  const body = document.getElementsByTagNameNS(W, 'body')[0];
  if (!body) return { buffer, parts: {} };
  const blocks = readBlocks(body);
  const lines = blocks.flatMap((block) => block.lines);

  const masthead = findMasthead(lines);
  const afterMasthead = masthead ? lines.findIndex((line) => line.block > masthead.to) : 0;
  const contents = afterMasthead === -1 ? undefined : findContents(lines, afterMasthead, masthead !== undefined);
  const end = contents?.to ?? masthead?.to ?? -1;
  const banji = findBanji(lines, end);
  const found = [masthead, contents, banji].filter((part): part is NonNullable<typeof part> => part !== undefined);
  if (found.length === 0) return { buffer, parts: {} };
  for (const part of found) for (const block of blocks.slice(part.from, part.to + 1)) block.node.parentNode?.removeChild(block.node);
  docx.zip.file('word/document.xml', docx.serialize(document));
  const parts = {
    ...(masthead && { masthead: located(masthead, blocks) }),
    ...(contents && { contents: located(contents, blocks) }),
    ...(banji && { banji: located(banji, blocks) }),
  };
  return { buffer: await docx.zip.generateAsync({ type: 'nodebuffer' }), parts };
}

/** What the importer knows when it reports the parts. */
export interface PartsContext {
  /** The series defaults, from bulletin.yaml. */
  readonly series: Series | undefined;
  /** The issue as numbered and dated. */
  readonly next: NextIssue;
  /** The date given (`--date`), which comes before the masthead's. */
  readonly date: string | undefined;
}

/**
 * Report, as a warning each, the parts found and what was read from which paragraph, for the
 * editor to check; and give the 版记's roles whose recipients are not the series defaults, to
 * write into the frontmatter. `jianbao new` writes no distribution, so the defaults apply: an
 * issue gives only the roles where it differs from them, as `mergeDistribution` reads it.
 */
export function reportBulletinParts(parts: BulletinParts, context: PartsContext, file: VFile): Distribution | undefined {
  // `Paragraphs 1–4 (“…”) are the masthead and were left out of the text; …; check them against the draft`.
  const warn = (part: Located<Part>, name: string, clauses: readonly string[], check = true) => {
    const said = [...clauses, ...pictures(part.pictures)].join('; ');
    const reason = `${where(part)} are the ${name} and were left out of the text; ${said}${check ? '; check them against the draft' : ''}`;
    reportProblem(file, reason, { ruleId: 'import-bulletin-parts' });
  };
  if (parts.masthead) warn(parts.masthead, 'masthead', mastheadClauses(parts.masthead, context));
  if (parts.contents) {
    const { unnamed } = parts.contents;
    const stale =
      unnamed.length === 0
        ? []
        : [`${unnamed.map(named).join(', ')} name${unnamed.length === 1 ? 's' : ''} no title of the draft: check that no article is missing`];
    warn(parts.contents, 'contents', ['the bulletin lists its articles from their titles', ...stale], false);
  }
  if (!parts.banji) return undefined;
  const defaults = context.series?.distribution ?? [];
  const differing: Record<string, DistributionEntry['recipients']> = {};
  const clauses: string[] = [];
  const rolesAt = (roles: readonly Read<{ role: string }>[]) => roles.map(({ value, line }) => `${value.role} (paragraph ${line.paragraph})`);
  const given = parts.banji.roles.filter(({ value }) => value.recipients !== '');
  const same = given.filter(({ value }) => {
    const recipients = recipientsOf(value.recipients);
    const known = defaults.find((entry) => entry.role === value.role);
    if (known && formatRecipients(known.recipients) === formatRecipients(recipients)) return true;
    differing[value.role] = recipients;
    return false;
  });
  const written = given.filter((role) => !same.includes(role));
  if (written.length > 0) clauses.push(`written into the frontmatter’s distribution, as they differ from bulletin.yaml’s: ${rolesAt(written).join(', ')}`);
  if (same.length > 0) {
    const one = same.length === 1;
    clauses.push(`${rolesAt(same).join(' and ')} ${one ? 'is' : 'are'} bulletin.yaml’s, so ${one ? 'it is' : 'they are'} not repeated`);
  }
  for (const { value, line } of parts.banji.roles.filter((role) => role.value.recipients === '')) {
    clauses.push(`${value.role} (paragraph ${line.paragraph}) names no one, so nothing was read from it`);
  }
  const typed = new Set(given.map(({ value }) => value.role));
  for (const { role } of defaults.filter((entry) => !typed.has(entry.role))) {
    // Printed unless the issue's frontmatter leaves the role empty.
    clauses.push(
      `bulletin.yaml’s ${role} is printed too, though the draft’s 版记 has none (write \`${role}:\` with nothing after it under \`distribution\` to leave it out)`,
    );
  }
  if (parts.banji.printed.length > 0) clauses.push(`the bulletin prints no 印发 line: ${parts.banji.printed.map(named).join(', ')}`);
  warn(parts.banji, '版记', clauses);
  return Object.keys(differing).length > 0 ? differing : undefined;
}

function mastheadClauses(masthead: Masthead, { series, next, date }: PartsContext): string[] {
  // What went into the frontmatter, by the line it was read from.
  const read = new Map<Line, string[]>();
  const add = (found: Read<unknown> | undefined, text: string) => found && read.set(found.line, [...(read.get(found.line) ?? []), text]);
  add(masthead.special, `special ${masthead.special?.value}`);
  add(masthead.number, masthead.supplement ? `supplement ${masthead.number?.value}` : `number ${masthead.number?.value}`);
  add(masthead.total, `total ${masthead.total?.value}`);
  const dateUsed = masthead.date && (date === undefined || date === masthead.date.value);
  if (dateUsed) add(masthead.date, `date ${masthead.date?.value}`);
  const clauses = [
    read.size === 0
      ? 'nothing was read into the frontmatter'
      : `read into the frontmatter: ${[...read].map(([line, values]) => `${values.join(' and ')} (${quoted(line)})`).join(', ')}`,
  ];

  const missing = [
    ...(masthead.number ? [] : [['第N期', `${next.supplement ? 'supplement' : 'number'} ${next.number}`]]),
    ...(masthead.total || next.total === undefined ? [] : [['总第N期', `total ${next.total}`]]),
  ];
  if (missing.length > 0) {
    clauses.push(
      `it gives no ${missing.map(([label]) => label).join(' or ')}, so ${missing.map(([, value]) => value).join(' and ')} follow${missing.length === 1 ? 's' : ''} the archive, as \`jianbao new\` numbers it`,
    );
  }
  if (!masthead.date && date === undefined) clauses.push(`it gives no date, so the issue is dated today, ${next.date}`);
  if (masthead.date && !dateUsed)
    clauses.push(`its date ${masthead.date.value} (paragraph ${masthead.date.line.paragraph}) was not used, as the date ${date} was given`);
  if (masthead.year && masthead.year.value !== next.year) {
    clauses.push(
      `its year ${masthead.year.value} (paragraph ${masthead.year.line.paragraph}) is not the year of the issue’s date, ${next.year}, under which it is filed: correct the date or the year`,
    );
  }
  clauses.push(...masthead.unread);

  const compact = (text: string) => text.replace(/\s/g, '').replace(ISSUER_SUFFIX, '');
  const compared: Array<[string, Read<string> | undefined, string | undefined]> = [
    ['title', masthead.title, series?.title],
    ['issuer', masthead.issuer, series?.issuer],
  ];
  const differing = compared.filter(
    (entry): entry is [string, Read<string>, string] => entry[1] !== undefined && entry[2] !== undefined && compact(entry[1].value) !== compact(entry[2]),
  );
  if (differing.length > 0) {
    const phrases = differing.map(
      ([key, found, own], index) => `its ${key} “${found.value}” (paragraph ${found.line.paragraph}) ${index === 0 ? 'is ' : ''}not bulletin.yaml’s “${own}”`,
    );
    clauses.push(
      `${phrases.join(' and ')}: the issue prints bulletin.yaml’s unless its frontmatter gives ${differing.map(([key]) => `\`${key}\``).join(' or ')}`,
    );
  }
  if (masthead.others.length > 0) clauses.push(`also left out: ${masthead.others.map(named).join(', ')}`);
  return clauses;
}

/** `Paragraphs 1–4 (“梅州市城镇老旧小区改造工作 简 报”)`, as import's warnings name paragraphs. */
function where({ paragraphs: [first, last], ...part }: Located<Part>): string {
  return `${first === last ? `Paragraph ${first}` : `Paragraphs ${first}–${last}`} (“${excerpt(part.first.text, 30)}”)`;
}

/** `paragraph 3, “2021年第10期 总第17期”`. */
function quoted(line: Line): string {
  return `paragraph ${line.paragraph}, “${excerpt(line.text, 30)}”`;
}

/** `“内部资料” (paragraph 1)`. */
function named(line: Line): string {
  return `“${excerpt(line.text, 30)}” (paragraph ${line.paragraph})`;
}

/** The pictures left out with a part (a masthead's emblem or red rule drawn as one). */
function pictures(count: number): string[] {
  if (count === 0) return [];
  return [`${count === 1 ? 'a picture in them was' : `${count} pictures in them were`} left out with them: put back by hand any that belongs to the text`];
}

/** A part with the paragraphs of its first and last blocks, and the pictures its blocks hold. */
function located<T extends Part>(part: T, blocks: readonly Block[]): Located<T> {
  const own = blocks.slice(part.from, part.to + 1);
  return { ...part, paragraphs: [own[0]!.first, own.at(-1)!.last], pictures: own.reduce((sum, block) => sum + block.pictures, 0) };
}

/** The body's paragraphs and tables, those inside a content control (a Word contents) too, with their lines. */
function readBlocks(body: Element): Block[] {
  const numbers = paragraphNumbers(body);
  const nodes = (container: Element | undefined): Element[] =>
    elements(container?.childNodes ?? []).flatMap((node) => {
      if (node.namespaceURI !== W) return [];
      if (node.localName === 'sdt') return nodes(children(node, 'sdtContent')[0]);
      if (node.localName === 'customXml') return nodes(node);
      return node.localName === 'p' || node.localName === 'tbl' ? [node] : [];
    });
  return nodes(body).map((node, block) => {
    const own = [...(node.localName === 'p' ? [node] : []), ...elements(node.getElementsByTagNameNS(W, 'p'))]
      .map((paragraph) => numbers.get(paragraph))
      .filter((number): number is number => number !== undefined);
    const lineOf = (text: string, paragraph: number): Line[] =>
      text
        .split('\n')
        .map(normalise)
        .filter(Boolean)
        .map((value) => ({ text: value, paragraph, block }));
    const lines =
      node.localName === 'p' ? lineOf(paragraphText(node), numbers.get(node) ?? 0) : children(node, 'tr').flatMap((row) => rowLines(row, numbers, lineOf));
    const pictures = node.getElementsByTagNameNS(W, 'drawing').length + node.getElementsByTagNameNS(W, 'pict').length;
    return { node, first: Math.min(...own), last: Math.max(...own), lines, pictures };
  });
}

/**
 * A table row's lines: a row of one cell (a 版记 ruled as a table) has its paragraphs' lines, a
 * row of several cells (`报送：` | `局领导。`) one line of their texts, at its first paragraph.
 */
function rowLines(row: Element, numbers: Map<Element, number>, lineOf: (text: string, paragraph: number) => Line[]): Line[] {
  const cells = children(row, 'tc')
    .map((cell) => children(cell, 'p').map((paragraph) => ({ text: paragraphText(paragraph), number: numbers.get(paragraph) ?? 0 })))
    .filter((paragraphs) => paragraphs.some((paragraph) => paragraph.text.trim() !== ''));
  if (cells.length === 1) return cells[0]!.flatMap((paragraph) => lineOf(paragraph.text, paragraph.number));
  const first = cells[0]?.find((paragraph) => paragraph.text.trim() !== '');
  return first ? lineOf(cells.map((paragraphs) => paragraphs.map((paragraph) => paragraph.text).join('\n')).join(' '), first.number) : [];
}

/** A paragraph's text as Word shows it: a tab as a tab, a manual break as a new line; no text box's or deletion's text. */
function paragraphText(paragraph: Element): string {
  let text = '';
  const visit = (node: Element) => {
    for (const child of elements(node.childNodes)) {
      if (child.namespaceURI !== W) {
        if (child.localName !== 'Fallback') visit(child);
      } else if (child.localName === 't') text += child.textContent ?? '';
      else if (child.localName === 'tab') text += '\t';
      else if (child.localName === 'br' || child.localName === 'cr') text += '\n';
      // Properties hold tab stops, not tabs; a text box's paragraphs are its own.
      else if (!['pPr', 'rPr', 'txbxContent', 'del', 'moveFrom', 'p'].includes(child.localName)) visit(child);
    }
  };
  visit(paragraph);
  return text;
}

function normalise(text: string): string {
  return (
    asHalfWidth(text, /[０-９]/g)
      // A zero in Chinese numerals typed as a look-alike, as drafts often have it: 二○二三年, 二O二三年.
      .replace(/(?<=[〇零一二三四五六七八九十])[○◯OＯ]|[○◯OＯ](?=[〇零一二三四五六七八九十])/g, '〇')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * The masthead: the draft's first lines, up to the issue line and the issuer and date after
 * it, when they hold the series title and an issue line (`2021年第11期`, `第11期`, `总第18期`).
 * It ends where its block ends; a value read twice differently is not read.
 */
function findMasthead(lines: readonly Line[]): Masthead | undefined {
  let title: Read<string> | undefined;
  let issuer: Read<string> | undefined;
  let issueLine = false;
  const reads = new Map<keyof typeof LABELS, Read<number | string>>();
  const conflicts = new Set<keyof typeof LABELS>();
  const record = (key: keyof typeof LABELS, value: number | string | undefined, line: Line) => {
    const known = reads.get(key);
    if (value === undefined || known?.value === value) return;
    if (known) conflicts.add(key);
    else reads.set(key, { value, line });
  };
  const others: Line[] = [];
  const unread: string[] = [];
  let special: Read<string> | undefined;
  let supplement = false;
  let end = -1;
  for (const [index, line] of lines.slice(0, MASTHEAD_MAX_LINES).entries()) {
    const numbers = numbersLine(line.text);
    if (!title && isSeriesTitle(line.text)) {
      // A title typed on two lines (`梅州市城镇老旧小区改造` above `工作简报`): the line above it
      // is its first, unless it is a mark (`内部资料`).
      const previous = others.at(-1);
      const above = previous !== undefined && previous === lines[index - 1] && !CIRCULATION_MARK.test(previous.text) ? others.pop() : undefined;
      title = { value: `${above?.text ?? ''}${line.text}`.replace(/[\s《》]/g, ''), line: above ?? line };
    } else if (numbers) {
      issueLine ||= numbers.number !== undefined || numbers.total !== undefined;
      record('year', numbers.year, line);
      record('total', numbers.total, line);
      record('date', numbers.date, line);
      supplement ||= numbers.supplement === true;
      record('number', numbers.number, line);
      if (numbers.badDate) unread.push(`its date ${numbers.badDate} (paragraph ${line.paragraph}) is not on the calendar, so it was not read`);
      if (numbers.issuer && !issuer) issuer = { value: numbers.issuer, line };
    } else if (isIssuer(line.text) && isDateLine(lines[index + 1]?.text)) issuer ??= { value: line.text, line };
    else if (!issueLine && !special && SPECIAL.test(line.text.replace(/\s/g, ''))) special = { value: line.text.replace(/\s/g, ''), line };
    else if (!issueLine && line.text.length <= MARK_MAX_LENGTH && !SENTENCE.test(line.text)) others.push(line);
    else break;
    end = index;
  }
  const last = lines[end];
  // A block (a table) holding more than the masthead is no part of one.
  if (!title || !issueLine || !last || lines[end + 1]?.block === last.block) return undefined;
  for (const key of conflicts) {
    unread.push(`it gives two different ${LABELS[key]}, so neither was read`);
    reads.delete(key);
  }
  const number = (key: 'year' | 'number' | 'total') => reads.get(key) as Read<number> | undefined;
  return {
    from: 0,
    to: last.block,
    first: lines[0]!,
    title,
    issuer,
    year: number('year'),
    number: number('number'),
    total: number('total'),
    date: reads.get('date') as Read<string> | undefined,
    ...(supplement && { supplement }),
    ...(special && { special }),
    others,
    unread,
  };
}

/** The masthead's values, as messages name them. */
const LABELS = { year: '年', number: '第N期', total: '总第N期', date: 'date' } as const;

function isSeriesTitle(text: string): boolean {
  const compact = text.replace(/[\s《》]/g, '');
  return SERIES_TITLE.test(compact) && compact.length <= TITLE_MAX_LENGTH && !SENTENCE.test(compact);
}

function isIssuer(text: string): boolean {
  return text.length <= ISSUER_MAX_LENGTH && !SENTENCE.test(text) && !/\d/.test(text);
}

function isDateLine(text: string | undefined): boolean {
  const numbers = text === undefined ? undefined : numbersLine(text);
  return numbers !== undefined && (numbers.date !== undefined || numbers.badDate !== undefined) && numbers.number === undefined && !numbers.issuer;
}

interface NumbersLine {
  readonly year?: number;
  readonly number?: number;
  readonly supplement?: boolean;
  readonly total?: number;
  readonly date?: string;
  /** A date written as a date but not on the calendar (`2021年2月30日`). */
  readonly badDate?: string;
  readonly issuer?: string;
}

/**
 * A line of the masthead's numbers: `2021年第11期 总第18期`, `（2021 年第 11 期）`, `总第18期`,
 * `梅州市住房和城乡建设局  2021年12月30日`: what it gives, or undefined when it holds anything
 * but numbers and an issuer's name.
 */
function numbersLine(text: string): NumbersLine | undefined {
  let rest = text;
  const take = (pattern: RegExp) => {
    const match = pattern.exec(rest);
    if (match) rest = `${rest.slice(0, match.index)} ${rest.slice(match.index + match[0].length)}`;
    return match;
  };
  // 总第18期 first: 第18期 is in it.
  const total = take(TOTAL);
  const date = take(DATE);
  const issue = take(ISSUE);
  if (!total && !date && !issue) return undefined;
  rest = rest.replace(BRACKETS, ' ').replace(/\s+/g, ' ').trim();
  if (rest !== '' && !isIssuer(rest)) return undefined;
  const iso = date ? `${arabic(date[1]!)}-${arabic(date[2]!).padStart(2, '0')}-${arabic(date[3]!).padStart(2, '0')}` : undefined;
  const valid = iso !== undefined && isoDate.safeParse(iso).success;
  return {
    ...(issue?.[1] && { year: Number(arabic(issue[1])) }),
    ...(issue && { number: Number(arabic(issue[3]!)) }),
    ...(issue?.[2] && { supplement: true }),
    ...(total && { total: Number(arabic(total[1]!)) }),
    ...(valid ? { date: iso } : date && { badDate: date[0] }),
    ...(rest !== '' && { issuer: rest }),
  };
}

/**
 * A number in Arabic digits: as written, or from Chinese numerals, digit by digit for a year
 * (`二〇二三`), else by their units (`九`, `十二`, `二十八`, `一百零五`).
 */
function arabic(number: string): string {
  if (/^\d+$/.test(number)) return number;
  const digit = (char: string) => DIGITS.indexOf(char === '零' ? '〇' : char);
  if (!/[十百千]/.test(number)) return [...number].map(digit).join('');
  let sum = 0;
  let current = 0;
  for (const char of number) {
    const unit = UNITS[char];
    if (unit === undefined) current = digit(char);
    else {
      sum += (current || 1) * unit;
      current = 0;
    }
  }
  return String(sum + current);
}

/**
 * The contents: an optional `目录` line and its entries, each naming a title further on, up to
 * where the first title starts. Without the heading, only right after a masthead and with two
 * entries or more.
 */
function findContents(lines: readonly Line[], start: number, afterMasthead: boolean): Contents | undefined {
  const heading = lines[start] && CONTENTS_HEADING.test(lines[start].text.replace(/\s/g, '')) ? lines[start] : undefined;
  if (!heading && !afterMasthead) return undefined;
  const from = heading ? start + 1 : start;
  const first = lines[from];
  if (!first) return undefined;
  // A title on two lines starts as its entry does: `以…为指引` of `以…为指引 扎实推进…`.
  const starts = (entry: Line, line: Line) => {
    const title = line.text.replace(/\s/g, '');
    return title.length >= ENTRY_MIN_LENGTH && entryText(entry.text).startsWith(title);
  };
  const title = lines.findIndex((line, index) => index > from && starts(first, line));
  if (title === -1) return undefined;
  // A 编者按 between the entries and the first title is the issue's preface, kept as text.
  const preface = lines.findIndex((line, index) => index > from && index < title && PREFACE_LABEL.test(line.text));
  const end = preface === -1 ? title : preface;
  const entries = lines.slice(from, end);
  if (entries.length < (heading ? 1 : 2) || entries.some((entry) => /[。；]$/.test(entry.text))) return undefined;
  // Each entry names a title further on, in order: a contents, not text that happens to repeat.
  // Under a 目录 heading, an entry the title was reworded since (or a wrong one) is the contents' still.
  let next = title;
  const unnamed: Line[] = [];
  for (const entry of entries) {
    const found = lines.findIndex((line, index) => index >= next && starts(entry, line));
    if (found === -1 && !heading) return undefined;
    if (found === -1) unnamed.push(entry);
    else next = found + 1;
  }
  if (lines[end]!.block === lines[end - 1]!.block) return undefined;
  return { from: (heading ?? first).block, to: lines[end - 1]!.block, first: heading ?? first, unnamed };
}

/** An entry's text without its list mark, page number and spaces. */
function entryText(text: string): string {
  return text.replace(ENTRY_MARK, '').replace(ENTRY_PAGE, '').replace(/\s/g, '');
}

/**
 * The 版记: the draft's last lines, each a role (`报送：…`), the 印发 line or a print run, with
 * a role among them; whole blocks only, and after `after` (the masthead's or contents' block).
 */
function findBanji(lines: readonly Line[], after: number): Banji | undefined {
  let start = lines.length;
  while (start > 0) {
    const line = lines[start - 1]!;
    if (line.block <= after) break;
    const own = ROLE.test(line.text) || (PRINTED.test(line.text) && line.text.length <= PRINTED_MAX_LENGTH) || COPIES.test(line.text);
    if (!own && !continuesRole(lines, start - 1)) break;
    start--;
  }
  // A block whose first lines are text (an article's last paragraph with a break) is no part of it.
  while (start < lines.length && start > 0 && lines[start - 1]!.block === lines[start]!.block) start++;
  const own = lines.slice(start);
  // A role typed twice has the names of both lines, at the first.
  const roles = new Map<string, { names: string[]; line: Line }>();
  let last: string[] | undefined;
  for (const [index, line] of own.entries()) {
    const [, role, names = ''] = ROLE.exec(line.text) ?? [];
    // A role's names going on over a line of their own: the list goes on.
    if (role === undefined && last && continuesRole(own, index)) last[last.length - 1] += line.text;
    if (role === undefined) continue;
    const known = roles.get(role) ?? roles.set(role, { names: [], line }).get(role)!;
    if (names.trim()) known.names.push(names.trim());
    last = known.names;
  }
  if (roles.size === 0) return undefined;
  return {
    from: own[0]!.block,
    to: own.at(-1)!.block,
    first: own[0]!,
    roles: [...roles].map(([role, { names, line }]) => ({ value: { role, recipients: names.join('、') }, line })),
    printed: own.filter((line, index) => !ROLE.test(line.text) && !continuesRole(own, index)),
  };
}

/**
 * Whether the line at `index` goes on with the names of a role on the line before (or of one
 * going on there): `报送：省水利厅，…，市政协办公室，` then `　　　市纪委监委驻市水务局纪检监察组。`, the
 * names wrapped onto a line (or paragraph) of their own.
 */
function continuesRole(lines: readonly Line[], index: number): boolean {
  const line = lines[index];
  const before = lines[index - 1];
  if (!line || !before || ROLE.test(line.text) || PRINTED.test(line.text) || /[。.]$/.test(before.text)) return false;
  return ROLE.test(before.text) || continuesRole(lines, index - 1);
}

/**
 * Recipients as the frontmatter writes them: a list of the names between 、 (not those inside
 * brackets, `各县（市、区）人民政府`), or the one name as a string; without the closing 。, which
 * printing adds.
 */
function recipientsOf(text: string): DistributionEntry['recipients'] {
  const names: string[] = [''];
  let depth = 0;
  const written = text.replace(/[。.]$/, '');
  for (const char of written) {
    if ('(（《“[【〔'.includes(char)) depth++;
    else if (')）》”]】〕'.includes(char)) depth = Math.max(0, depth - 1);
    // Names grouped by commas too (`省水利厅，市委、市政府领导`): a list would lose the groups.
    if ((char === '，' || char === ',') && depth === 0) return written.trim();
    if (char === '、' && depth === 0) names.push('');
    else names[names.length - 1] += char;
  }
  const list = names.map((name) => name.trim()).filter(Boolean);
  return list.length === 1 ? list[0]! : list;
}
