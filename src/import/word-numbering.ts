import { children, elements, openDocx, W, wordAttribute } from './word-xml.ts';

/** One level of a numbering definition: `一、` is `{ format: 'chineseCounting', text: '%1、' }`. */
interface Level {
  readonly start: number;
  readonly format: string;
  readonly text: string;
}

/** A numbering instance (`w:num`): its definition's levels, with its own overrides. */
type Numbering = ReadonlyMap<number, Level>;

/**
 * What an instance counts with: its definition (`w:abstractNum`), whose count every instance of
 * it continues, and the levels it starts again (its `startOverride`s) where it is first used.
 */
interface List {
  readonly definition: string;
  readonly restarts: ReadonlySet<number>;
}

/** The numbering a paragraph style carries (Word's heading styles linked to a multilevel list). */
interface StyleNumbering {
  readonly numId?: string;
  readonly level?: number;
  readonly basedOn?: string;
}

/**
 * The draft with each paragraph Word numbers in an official document's way (`一、`, `（一）`,
 * `1、`, `（1）`, `①`, see `isOfficial`) carrying its number as typed text, as the draft shows
 * it, and its numbering removed: html-to-markdown then reads it as it reads a number typed by
 * hand (a subhead of that level). mammoth would make it a list item, as it keeps no number's
 * format. Other numbered lists (`1.`, `a)`) stay lists, and bullets stay bullets. The same
 * buffer when nothing is numbered so.
 *
 * Counting follows Word (and LibreOffice, which saves a list it restarts as an instance of its
 * own): the instances (`w:num`) of one definition continue one count from its level's start, an
 * instance with a `startOverride` starts its level again where it is first used, a level restarts
 * below a higher one, and a paragraph style's numbering (a heading style linked to a list) counts
 * like a paragraph's own.
 */
export async function typedNumbers(buffer: Buffer): Promise<Buffer> {
  const docx = await openDocx(buffer);
  const [documentXml, numberingXml, stylesXml] = await Promise.all(['word/document.xml', 'word/numbering.xml', 'word/styles.xml'].map(docx.xml));
  if (documentXml === undefined || numberingXml === undefined) return buffer;
  const { numberings, lists } = readNumberings(docx.parse(numberingXml));
  const styles = stylesXml === undefined ? new Map<string, StyleNumbering>() : readStyles(docx.parse(stylesXml));
  const document = docx.parse(documentXml);

  const counters = new Map<string, number[]>();
  const started = new Set<string>();
  let typed = 0;
  for (const paragraph of elements(document.getElementsByTagNameNS(W, 'p'))) {
    const properties = children(paragraph, 'pPr')[0];
    const own = children(properties, 'numPr')[0];
    // A paragraph deleted or moved away whole as a tracked change is gone once accepted, as
    // mammoth takes it: Word numbers on without it, and a number typed in would print alone.
    // One whose mark alone goes keeps its number for the text it joins (a subhead run into its paragraph).
    if (removedWhole(paragraph, properties)) continue;
    const style = own ? undefined : styleNumbering(styles, wordAttribute(children(properties, 'pStyle')[0], 'val'));
    const numId = own ? wordAttribute(children(own, 'numId')[0], 'val') : style?.numId;
    if (numId === undefined || numId === '0') continue;
    const level = Number(wordAttribute(children(own, 'ilvl')[0], 'val') ?? style?.level ?? 0);
    const numbering = numberings.get(numId);
    const definition = numbering?.get(level);
    if (!numbering || !definition || definition.format === 'bullet' || definition.format === 'none') continue;

    const list = lists.get(numId) ?? { definition: numId, restarts: new Set<number>() };
    const count = counters.get(list.definition) ?? [];
    if (list.restarts.has(level) && !started.has(`${numId} ${level}`)) {
      started.add(`${numId} ${level}`);
      count.length = level;
    }
    count[level] = (count[level] ?? definition.start - 1) + 1;
    count.length = level + 1;
    counters.set(list.definition, count);
    if (![...numbering.values()].some(isOfficial)) continue;

    const text = definition.text.replace(/%(\d)/g, (_, at: string) => {
      const index = Number(at) - 1;
      const shown = numbering.get(index);
      return formatNumber(count[index] ?? shown?.start ?? 1, shown?.format ?? 'decimal');
    });
    typeNumber(document, paragraph, properties, own, text);
    typed++;
  }
  if (typed === 0) return buffer;
  docx.zip.file('word/document.xml', docx.serialize(document));
  return docx.zip.generateAsync({ type: 'nodebuffer' });
}

/** Whether a paragraph's mark and all its text are deleted (`w:del`) or moved away (`w:moveFrom`) as a tracked change. */
function removedWhole(paragraph: Element, properties: Element | undefined): boolean {
  const mark = children(properties, 'rPr')[0];
  if (children(mark, 'del').length + children(mark, 'moveFrom').length === 0) return false;
  // Deleted text is `w:delText`; moved-away text is `w:t` inside `w:moveFrom`.
  return elements(paragraph.getElementsByTagNameNS(W, 't')).every((text) => text.textContent === '' || inMoveFrom(text, paragraph));
}

function inMoveFrom(node: Node, paragraph: Element): boolean {
  for (let parent = node.parentNode; parent && parent !== paragraph; parent = parent.parentNode) {
    if ((parent as Element).namespaceURI === W && (parent as Element).localName === 'moveFrom') return true;
  }
  return false;
}

/** Chinese numerals, circled and full-width digits (ECMA-376's ST_NumberFormat). */
const OFFICIAL_FORMATS = /^(chinese|taiwanese|ideograph|decimalEnclosedCircle|decimalFullWidth)/;
/** `%1、`, `（%1）`, `(%1)`: a number written as Chinese documents write it. */
const OFFICIAL_TEXT = /[、（）．]|\(%/;

/**
 * Whether a level numbers as Chinese documents do: its list is their subheads' numbering, each
 * of its levels typed out (a `1.` under `（一）` too); a list numbered only `1.` `a.` `i.` stays a
 * Markdown list.
 */
function isOfficial(level: Level): boolean {
  return OFFICIAL_FORMATS.test(level.format) || OFFICIAL_TEXT.test(level.text);
}

/** Put `text` at the start of the paragraph, in its first run's formatting, and take its numbering away. */
function typeNumber(document: Document, paragraph: Element, properties: Element | undefined, own: Element | undefined, text: string): void {
  const run = document.createElementNS(W, 'w:r');
  const firstRun = children(paragraph, 'r')[0];
  const format = children(firstRun, 'rPr')[0];
  if (format) run.appendChild(format.cloneNode(true));
  const value = document.createElementNS(W, 'w:t');
  value.setAttribute('xml:space', 'preserve');
  value.appendChild(document.createTextNode(text));
  run.appendChild(value);
  paragraph.insertBefore(run, properties ? properties.nextSibling : paragraph.firstChild);
  if (own) {
    properties!.removeChild(own);
    return;
  }
  // A style's numbering is taken away by numbering instance 0.
  const none = document.createElementNS(W, 'w:numPr');
  const numId = document.createElementNS(W, 'w:numId');
  numId.setAttribute('w:val', '0');
  none.appendChild(numId);
  properties!.appendChild(none);
}

function readNumberings(numbering: Document): { numberings: Map<string, Numbering>; lists: Map<string, List> } {
  const definitions = new Map<string, Map<number, Level>>();
  for (const abstract of elements(numbering.getElementsByTagNameNS(W, 'abstractNum'))) {
    definitions.set(wordAttribute(abstract, 'abstractNumId') ?? '', readLevels(abstract));
  }
  const instances = new Map<string, Numbering>();
  const lists = new Map<string, List>();
  for (const instance of elements(numbering.getElementsByTagNameNS(W, 'num'))) {
    const definition = wordAttribute(children(instance, 'abstractNumId')[0], 'val') ?? '';
    const levels = new Map(definitions.get(definition) ?? []);
    const restarts = new Set<number>();
    for (const override of children(instance, 'lvlOverride')) {
      const index = Number(wordAttribute(override, 'ilvl') ?? 0);
      const replaced = readLevels(override).get(index) ?? levels.get(index);
      const start = wordAttribute(children(override, 'startOverride')[0], 'val');
      if (start !== undefined) restarts.add(index);
      if (replaced) levels.set(index, start === undefined ? replaced : { ...replaced, start: Number(start) });
    }
    const numId = wordAttribute(instance, 'numId') ?? '';
    instances.set(numId, levels);
    lists.set(numId, { definition, restarts });
  }
  return { numberings: instances, lists };
}

function readLevels(parent: Element): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const level of children(parent, 'lvl')) {
    levels.set(Number(wordAttribute(level, 'ilvl') ?? 0), {
      // Word and WPS write w:start; 1 where one does not.
      start: Number(wordAttribute(children(level, 'start')[0], 'val') ?? 1),
      format: wordAttribute(children(level, 'numFmt')[0], 'val') ?? 'decimal',
      text: wordAttribute(children(level, 'lvlText')[0], 'val') ?? '',
    });
  }
  return levels;
}

function readStyles(styles: Document): Map<string, StyleNumbering> {
  const found = new Map<string, StyleNumbering>();
  for (const style of elements(styles.getElementsByTagNameNS(W, 'style'))) {
    const numbering = children(children(style, 'pPr')[0], 'numPr')[0];
    const level = wordAttribute(children(numbering, 'ilvl')[0], 'val');
    found.set(wordAttribute(style, 'styleId') ?? '', {
      numId: wordAttribute(children(numbering, 'numId')[0], 'val'),
      level: level === undefined ? undefined : Number(level),
      basedOn: wordAttribute(children(style, 'basedOn')[0], 'val'),
    });
  }
  return found;
}

/** The numbering `styleId` carries, its own or the style's it is based on. */
function styleNumbering(styles: ReadonlyMap<string, StyleNumbering>, styleId: string | undefined): StyleNumbering | undefined {
  const seen = new Set<string>();
  for (let id = styleId; id !== undefined && !seen.has(id); id = styles.get(id)?.basedOn) {
    seen.add(id);
    const style = styles.get(id);
    if (style?.numId !== undefined) return style;
  }
  return undefined;
}

const CHINESE_DIGITS = '零一二三四五六七八九';
/** Digits as ideographs, zero as 〇. */
const IDEOGRAPH_DIGITS = '〇一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/**
 * `n` as Word writes it in the format `format` (ECMA-376's ST_NumberFormat): the formats of
 * Chinese documents, and decimal for one not known here. Written out rather than taken from
 * Intl, which has no counting numerals (its `hanidec` writes 一〇 for 10, not 十).
 */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n, CHINESE_DIGITS, '十百千', true);
    // Digit by digit, as Word shows them: 一〇 for 10, 一一 for 11 (not 十, 十一).
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(n)].map((digit) => IDEOGRAPH_DIGITS[Number(digit)]).join('');
    case 'chineseLegalSimplified':
      return chineseCounting(n, LEGAL_DIGITS, '拾佰仟', false);
    case 'ideographTraditional':
      return STEMS[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac':
      return BRANCHES[(n - 1) % 12] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((digit) => String.fromCodePoint(0xff10 + Number(digit))).join('');
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'lowerLetter':
    case 'upperLetter': {
      const letter = String.fromCodePoint(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter.toUpperCase() : letter;
    }
    case 'lowerRoman':
    case 'upperRoman': {
      const roman = romanNumeral(n);
      return format === 'lowerRoman' ? roman.toLowerCase() : roman;
    }
    default:
      return String(n);
  }
}

/** 1–9999 in counting numerals: 十 (`tenAlone`; else 壹拾), 十一, 二十, 一百零五, 一千二百. */
function chineseCounting(n: number, digits: string, units: string, tenAlone: boolean): string {
  if (n <= 0 || n >= 10_000) return String(n);
  const places = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let text = '';
  let zero = false;
  places.forEach((digit, index) => {
    const unit = index < 3 ? units[2 - index]! : '';
    if (digit === 0) {
      zero = text !== '';
      return;
    }
    if (zero) text += digits[0];
    zero = false;
    // 十一, not 一十一, when the tens lead.
    text += (tenAlone && digit === 1 && unit === units[0] && text === '' ? '' : digits[digit]) + unit;
  });
  return text;
}

function romanNumeral(n: number): string {
  const numerals: readonly [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = n;
  let text = '';
  for (const [value, numeral] of numerals) {
    while (rest >= value) {
      text += numeral;
      rest -= value;
    }
  }
  return text;
}
