import { placeIn } from '../util/text-place.ts';
import type { Point, Position } from 'unist';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { asHalfWidth } from '../format/half-width.ts';
import { reportProblem } from '../report/messages.ts';
import type { RuleId } from '../report/rules.ts';
import { eachNode, SKIP } from '../util/each-node.ts';
import { headingEndMark } from './heading-end.ts';
import { HAN, isCjk } from './cjk.ts';
import { CAPTION } from './rehype-figures.ts';
import { SPACED_DESTINATION } from './remark-spaced-destinations.ts';

const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };
/** Half-width punctuation with the spaces around it. */
const PUNCTUATION = /[ \t]*([,;:?!])[ \t]*/g;
const PARENTHESES = /\(([^()\n]*)\)/g;
/**
 * A pair of parentheses one full width and one half (`（含中央补助资金1.2亿元)`), as an input method
 * switched between them leaves it: the half-width one, in its group, is the slip.
 */
const MISMATCHED_PARENTHESES = /（[^（）()\n]*(\))|(\()[^（）()\n]*）/g;
/**
 * A space between a Han character and a digit or Latin letter, either way round. Not a tab: that
 * separates the cells of a table pasted from Excel (`tab-table`), which taking it out would run together.
 */
const STRAY_SPACE = /(?<=\p{Script=Han}) +(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%]) +(?=\p{Script=Han})/gu;
/**
 * A space typed beside full-width punctuation (`120个 ，`, `： 10时`), which carries its own
 * space: printed, the gap is wider than any other. Not a tab, as in `STRAY_SPACE`.
 */
const SPACE_BY_MARK = /(?<=\S) +(?=[，。、；：？！）》」』”’])|(?<=[，。、；：？！（《「『“‘]) +(?=\S)/g;
/**
 * Marks typed on a Latin keyboard that GB/T 15834 sets otherwise in Chinese text, each with its
 * form: an ellipsis typed as dots or stops (`...`, `。。。`) or as one `…` is `……`, a dash typed
 * as hyphens (`--`) is `——`, a title in angle brackets (`<<决议>>`; `<梅州日报>`, Chinese from its first character and
 * without a sentence's marks, so not `<5万元的项目，>10万元`) is `《决议》`, a range
 * of numbers typed with a tilde (`3~5天`) is `3～5天`, a comma, 顿号, semicolon, colon or stop
 * typed twice (`，，`, `。。`; three stops are an ellipsis) is one, and a point ending a Chinese
 * sentence (`开工12个.下一步`, `达到98.5%.`) is `。`: only after a Han character, `%` or a
 * closing mark and before Chinese or a line's end, as a number's point (`1.5万`, `1.加强`) is a
 * digit's and `方案.docx` a file's; not after a line's numbering (`一.`, `（一）.`) or its `注.`,
 * nor after `第一.`, which stand for another mark; and a comma typed full width inside a number
 * (`1，200户`, `8，560万元`: groups of three digits) is its thousands separator, `,`. Dots and
 * hyphens only beside Chinese, as `1...5` and `--help` are not Chinese text; not `？？` or `！！`, which GB/T 15834
 * allows for a strong question or exclamation.
 */
const MARK_SLIPS: readonly {
  readonly pattern: RegExp;
  readonly name: string;
  readonly beside: boolean;
  readonly form: (typed: string, inside: string) => string;
}[] = [
  { pattern: /\.{3,}|。{3,}|(?<!…)…(?!…)/g, name: 'an ellipsis', beside: true, form: () => '……' },
  { pattern: /(?<!-)-{2,3}(?!-)/g, name: 'a dash', beside: true, form: () => '——' },
  { pattern: /<<([^<>\n]*\p{Script=Han}[^<>\n]*)>>/gu, name: 'a title', beside: false, form: (_typed, inside) => `《${inside}》` },
  { pattern: /(?<!<)<(\p{Script=Han}[^<>\n，。；！？]*)>(?!>)/gu, name: 'a title', beside: false, form: (_typed, inside) => `《${inside}》` },
  { pattern: /(?<=[0-9%℃])~(?=[0-9])/g, name: 'a range', beside: false, form: () => '～' },
  { pattern: /([，、；：])\1+|(?<!。)。。(?!。)/g, name: 'a mark typed twice', beside: false, form: (typed) => typed[0]! },
  { pattern: /(?<=(?<![\d.，,])\d{1,3}(?:，\d{3})*)，(?=\d{3}(?:，\d{3})*(?![\d，]))/gu, name: 'a thousands separator', beside: false, form: () => ',' },
  {
    pattern:
      /(?<=[\p{Script=Han}%”’）》])(?<!第[一二三四五六七八九十]+|^\s*(?:[一二三四五六七八九十]+|[（(][一二三四五六七八九十\d]+[）)]|注|附注|附件))[.．](?=[\p{Script=Han}“‘（《]|$)/gmu,
    name: 'a full stop',
    beside: false,
    form: () => '。',
  },
];
const STRAIGHT_QUOTES = /"([^"\n]*)"/g;
const CURLY_QUOTE = /[“”]/;
/** A Latin letter, digit or mark of English text, next to a quotation in it. */
const LATIN = /[A-Za-z0-9.,;:!?]/;
/**
 * A character reference up to its `;` (`&#x3000;`, `&#12288;`, `&amp;`): the `;` is Markdown's,
 * and made full width it would break the reference (import writes `&#x3000;` for a space that
 * opens bold text).
 */
const REFERENCE = /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31})$/;
/**
 * Underscores around text with Chinese in it that Markdown left as text (`这是__重点__的`):
 * CommonMark reads `_` as emphasis only beside spaces or punctuation, to keep `snake_case`, and
 * remark-cjk-friendly, like the CJK-friendly amendment it implements, widens only `*`. Marks
 * with a Latin letter or digit outside them join a code or a name (`HB_2026_01、表名t_project`),
 * so are left alone.
 */
const UNDERSCORES = /(?<![_\\A-Za-z\d])(__?)(?![_\s])([^_\n]*?\p{Script=Han}[^_\n]*?)(?<![_\s\\])\1(?![_A-Za-z\d])/gu;
/**
 * Characters that text copied from a web page or WeChat brings along: a no-break space, which
 * prints as a space where the editor sees none to remove, and the invisible soft hyphen,
 * zero-width space, word joiner and byte order mark, which print nothing but stay in the page's
 * text and its search index. Not U+200D, which joins an emoji's parts.
 */
const PASTED = /[\u00A0\u00AD\u200B\u2060\uFEFF]+/g;
const PASTED_NAMES: Readonly<Record<string, string>> = {
  '\u00A0': 'no-break space (U+00A0)',
  '\u00AD': 'soft hyphen (U+00AD)',
  '\u200B': 'zero-width space (U+200B)',
  '\u2060': 'word joiner (U+2060)',
  '\uFEFF': 'zero-width no-break space (U+FEFF)',
};
/**
 * Emoji, as text pasted from WeChat holds them (`点赞👍`): characters shown as pictures by default,
 * with their skin tones and joined parts, a run of them at a time. Not `❤️` and the like, a
 * symbol made a picture by U+FE0F, which the fonts print as the symbol.
 */
const EMOJI = /(?:\p{Emoji_Presentation}(?:\p{Emoji_Modifier}|\uFE0F|\u200D\p{Extended_Pictographic}\uFE0F?)*)+/gu;
/**
 * A tab after a line's numbering (`（一）⇥加强组织领导`, `一、⇥总体情况`), as Word's automatic
 * numbering copied as text leaves it: it prints as a space. Not after `1.`, where it starts a
 * Markdown list, which prints no tab.
 */
const NUMBERING_TAB = /^[ \u3000]*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\d+[．、]|[①-⑳])(\t+)/gm;
/**
 * A line's numbering typed with the wrong mark after it (GB/T 15834 §4.5.3): a Chinese numeral
 * with a point (`一.加强组织领导`, for `一、`), a number in parentheses with one after them
 * (`（一）、加强领导`, `（1）.`), which takes none.
 */
const NUMBERING_MARK = /^[ \u3000]*(?:([一二三四五六七八九十]+)([.．])|([（(][一二三四五六七八九十\d]+[）)])([、.．]))/gm;
/** Full-width digits, as some input methods type them (`１２３个`, `８５％`), with a decimal point and percent sign of theirs. */
const FULL_WIDTH_NUMBER = /[０-９]+(?:[．.][０-９]+)?％?/g;
/** Emphasis and strikethrough marks: Chinese on both sides of `**一是**,` still counts. */
const MARKUP = /[*_~]/;

/** A text node's source, where its warnings are placed. */
interface Span {
  readonly text: string;
  /** Whether the text is Markdown's, not a frontmatter value's, which prints as typed. */
  readonly markdown: boolean;
  readonly start: Point & { readonly offset: number };
  /** The paragraph, heading or frontmatter value it is in, counted from 0: quotes pair up inside one. */
  readonly block: number;
}

/**
 * Typography a checker of Chinese text should flag, as warnings with a safe fix (the message's
 * `expected`, for the place's source range; `jianbao check --fix` applies them):
 * half-width punctuation beside Chinese characters, half-width parentheses around Chinese text and
 * an ellipsis, dash or title marks typed on a Latin keyboard (`MARK_SLIPS`) (`cjk-punctuation`,
 * GB/T 15834), a space between Han characters and digits or Latin letters (`cjk-space`: official
 * usage sets `2021年11月`, `GDP增长` without one) or beside full-width punctuation, straight quotes around
 * Chinese text (`cjk-punctuation`) or in an issue that also uses curly ones (`mixed-quotes`),
 * curly quotes turned the wrong way (`quote-direction`), full-width digits (`full-width-digits`,
 * GB/T 15835), underscores meant as bold or emphasis that print as typed beside Chinese
 * (`emphasis-underscore`, fixed to `**` or `*`), and the no-break and invisible spaces text
 * copied from a web page brings (`pasted-character`); and, without a fix, emoji, which the PDF's
 * fonts lack (`emoji`). Read from the source of each text node, so
 * code, links' addresses and bare web addresses are left alone; of the frontmatter, only the
 * values printed as text are read (`title`, `special`, `issuer`).
 * Hand-written rather than autocorrect-node: that one places its changes by line, not by mark,
 * leaves `;`, `(…)` and stray spaces as they are once its add-a-space rules are off, knows
 * nothing of quote styles across a file, and its configuration is global to the process.
 */
export default function remarkCjkTypography() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const spans: Span[] = [];
    // Where a heading ends in a mark `heading-punctuation` says to remove: not made full width too.
    const headingEnds = new Set<number>();
    let block = 0;
    eachNode(tree, (node) => {
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') block += 1;
      const ending = node.type === 'heading' ? headingEndMark(node) : undefined;
      const textEnd = ending?.text.position?.end.offset;
      if (ending && textEnd !== undefined) headingEnds.add(textEnd - ending.text.value.length + ending.match.index);
      const start = node.position?.start;
      const end = node.position?.end?.offset;
      // A bare web address (`https://example.org/a,b`, `<https://…/路径,参数>`) is an address, not
      // text: its commas are part of it. A link written `[text](address)` has text to check.
      if (node.type === 'link' && start?.offset !== undefined && source[start.offset] !== '[') return SKIP;
      if (node.type === 'yaml' && start?.offset !== undefined && end !== undefined)
        spans.push(...printedValues(source, start.offset, end, start.line).map((value) => ({ ...value, block: ++block })));
      if (node.type === 'text' && start?.offset !== undefined && end !== undefined) {
        // An image or link left as text by a space in its file name is `link-space`'s: its brackets
        // made full width, or the space taken out, would break it further.
        const text = source.slice(start.offset, end).replace(SPACED_DESTINATION, (typed) => '\uE000'.repeat(typed.length));
        spans.push({ text, markdown: true, start: { ...start, offset: start.offset }, block });
      }
    });
    const warn = (span: Span, from: number, to: number, reason: string, ruleId: RuleId, expected: string) => {
      const message = reportProblem(file, reason, { place: position(span, from, to), ruleId });
      message.actual = span.text.slice(from, to);
      message.expected = [expected];
    };
    const curly = spans.some((span) => CURLY_QUOTE.test(span.text));

    for (const [span, at, expected] of turnedQuotes(spans)) {
      warn(
        span,
        at,
        at + 1,
        `Unexpected ${span.text[at]} where a quotation ${expected === '“' || expected === '‘' ? 'opens' : 'closes'}; use ${expected}, as quotes open ${expected === '“' || expected === '”' ? '“ and close ”' : '‘ and close ’'} (GB/T 15834)`,
        'quote-direction',
        expected,
      );
    }

    for (const span of spans) {
      for (const match of span.text.matchAll(PUNCTUATION)) {
        const at = match.index;
        const mark = match[1]!;
        const markAt = at + match[0].indexOf(mark);
        if (escaped(span.text, markAt) || (mark === ';' && reference(span.text.slice(0, markAt))) || headingEnds.has(span.start.offset + markAt)) continue;
        const before = charAround(source, span.start.offset + at, -1);
        const after = charAround(source, span.start.offset + at + match[0].length, 1);
        // Chinese on either side: `完成,GDP` and `时间:10:30` too, but not `1,000` or `http:`.
        if (!isCjk(before) && !isCjk(after)) continue;
        warn(
          span,
          at,
          at + match[0].length,
          `Unexpected half-width “${mark}” in Chinese text; use the full-width “${FULL_WIDTH[mark]}” (GB/T 15834)`,
          'cjk-punctuation',
          FULL_WIDTH[mark]!,
        );
      }
      for (const match of span.text.matchAll(PARENTHESES)) {
        const inside = match[1]!;
        if (!HAN.test(inside) || escaped(span.text, match.index)) continue;
        warn(
          span,
          match.index,
          match.index + match[0].length,
          `Unexpected half-width parentheses around Chinese text “${match[0]}”; use full-width ones, “（${inside}）” (GB/T 15834)`,
          'cjk-punctuation',
          `（${inside}）`,
        );
      }
      for (const match of span.text.matchAll(MISMATCHED_PARENTHESES)) {
        const [at, typed, expected] = match[1] ? [match.index + match[0].length - 1, ')', '）'] : [match.index, '(', '（'];
        if (escaped(span.text, at)) continue;
        warn(span, at, at + 1, `Unexpected half-width “${typed}” paired with a full-width one; use “${expected}” (GB/T 15834)`, 'cjk-punctuation', expected);
      }
      for (const { pattern, name, beside, form } of MARK_SLIPS) {
        for (const match of span.text.matchAll(pattern)) {
          const end = match.index + match[0].length;
          // A heading's last mark is `heading-punctuation`'s, to remove, not to make full width.
          if (escaped(span.text, match.index) || headingEnds.has(span.start.offset + match.index)) continue;
          if (beside && !isCjk(charAround(source, span.start.offset + match.index, -1)) && !isCjk(charAround(source, span.start.offset + end, 1))) continue;
          const expected = form(match[0], match[1] ?? '');
          warn(span, match.index, end, `Unexpected “${match[0]}” for ${name} in Chinese text; use “${expected}” (GB/T 15834)`, 'cjk-punctuation', expected);
        }
      }
      // The characters past the span's ends, past emphasis marks: a space after bold `**注意：** 请`
      // or before a mark after code `` `x` ，`` is beside the mark all the same.
      const before = span.markdown ? (charAround(source, span.start.offset, -1) ?? '') : '';
      const after = span.markdown ? (charAround(source, span.start.offset + span.text.length, 1) ?? '') : '';
      for (const match of `${before}${span.text}${after}`.matchAll(SPACE_BY_MARK)) {
        const index = match.index - before.length;
        if (index < 0 || index + match[0].length > span.text.length) continue;
        const mark = index === 0 ? before : span.text[index - 1]!;
        const next = span.text[index + match[0].length] ?? after;
        const [where, of] = /[，。、；：？！）》」』”’]/.test(next) && !/[，。、；：？！（《「『“‘]/.test(mark) ? ['before', next] : ['after', mark];
        warn(
          span,
          index,
          index + match[0].length,
          `Unexpected space ${where} “${of}”: full-width punctuation carries its own space, so the gap prints too wide; remove it`,
          'cjk-space',
          '',
        );
      }
      // The space between a caption's number and its title (`图1 梅江区…`) is the caption's own.
      const caption = span.markdown ? (CAPTION.exec(span.text)?.[0].length ?? 0) : 0;
      for (const match of span.text.matchAll(STRAY_SPACE)) {
        if (match.index + match[0].length === caption) continue;
        const before = span.text[match.index - 1];
        const after = span.text[match.index + match[0].length];
        warn(
          span,
          match.index,
          match.index + match[0].length,
          `Unexpected space between “${before}” and “${after}”; official usage sets Han characters beside digits and Latin letters without one, so remove it`,
          'cjk-space',
          '',
        );
      }
      for (const match of span.text.matchAll(PASTED)) {
        const end = match.index + match[0].length;
        // A no-break space between Latin words or numbers (`Windows 10`) becomes a space; beside Chinese, nothing.
        const space = match[0].includes('\u00A0') && !isCjk(span.text[match.index - 1]) && !isCjk(span.text[end]) ? ' ' : '';
        const names = [...new Set(match[0])].map((char) => PASTED_NAMES[char]).join(' and ');
        warn(
          span,
          match.index,
          end,
          `Unexpected ${names}, as text copied from a web page or WeChat holds it; ${space === '' ? 'remove it' : 'type a plain space'}`,
          'pasted-character',
          space,
        );
      }
      for (const match of span.text.matchAll(NUMBERING_TAB)) {
        const at = match.index + match[0].length - match[1]!.length;
        const numbering = match[0].slice(0, at - match.index).trim();
        warn(
          span,
          at,
          match.index + match[0].length,
          `Unexpected tab after the numbering “${numbering}”, as Word's numbering copied as text leaves it, which prints as a space; remove it`,
          'cjk-space',
          '',
        );
      }
      for (const match of span.text.matchAll(NUMBERING_MARK)) {
        const [numbering, mark] = match[1] ? [match[1], match[2]!] : [match[3]!, match[4]!];
        const at = match.index + match[0].length - 1;
        const [reason, expected] = match[1] ? ['a Chinese numeral is followed by “、”', '、'] : ['a number in parentheses takes no mark after it', ''];
        warn(span, at, at + 1, `Unexpected “${mark}” after the numbering “${numbering}”: ${reason} (GB/T 15834)`, 'cjk-punctuation', expected);
      }
      for (const match of span.text.matchAll(FULL_WIDTH_NUMBER)) {
        const half = asHalfWidth(match[0], /[０-９．％]/g);
        warn(
          span,
          match.index,
          match.index + match[0].length,
          `Unexpected full-width digits “${match[0]}”; Arabic numerals are set half width, “${half}” (GB/T 15835)`,
          'full-width-digits',
          half,
        );
      }
      for (const match of span.text.matchAll(EMOJI)) {
        // No fix: what the picture said may need words in its place.
        reportProblem(
          file,
          `Unexpected emoji “${match[0]}”: the bulletin's fonts have none, so the PDF prints a blank or a box in its place; say it in words, or remove it`,
          { place: position(span, match.index, match.index + match[0].length), ruleId: 'emoji' },
        );
      }
      for (const match of span.markdown ? span.text.matchAll(UNDERSCORES) : []) {
        const [written, marks, inside] = match as unknown as [string, string, string];
        const stars = '*'.repeat(marks.length);
        warn(
          span,
          match.index,
          match.index + written.length,
          `Unexpected underscores around “${inside}”, which print as typed: beside Chinese, Markdown reads only \`*\` as ${marks.length === 2 ? 'bold' : 'emphasis'}; write ${stars}${inside}${stars} (or \\_ for an underscore)`,
          'emphasis-underscore',
          `${stars}${inside}${stars}`,
        );
      }
      for (const match of span.text.matchAll(STRAIGHT_QUOTES)) {
        if (escaped(span.text, match.index)) continue;
        const from = span.start.offset + match.index;
        // A quotation in an English sentence (`is called "Smart Meizhou", and`) is English
        // typography, whatever quotes the Chinese text around it uses.
        const english =
          !HAN.test(match[1]!) && [wordAround(source, from, -1), wordAround(source, from + match[0].length, 1)].some((char) => LATIN.test(char ?? ''));
        // Chinese in them, as half-width parentheses around it: GB/T 15834 quotes Chinese with “”.
        const problem: readonly [string, RuleId] | undefined =
          curly && !english
            ? [`in an issue that also uses curly ones; use one style, “${match[1]}”`, 'mixed-quotes']
            : HAN.test(match[1]!)
              ? [`around Chinese text; use curly ones, “${match[1]}”`, 'cjk-punctuation']
              : undefined;
        if (!problem) continue;
        const [reason, ruleId] = problem;
        warn(span, match.index, match.index + match[0].length, `Unexpected straight quotes ${match[0]} ${reason} (GB/T 15834)`, ruleId, `“${match[1]}”`);
      }
    }
  };
}

/** Curly quotes, double and single, each pair opening then closing. */
const QUOTE_PAIRS = [
  ['“', '”'],
  ['‘', '’'],
] as const;
/** Each pair's quotes; not an apostrophe between Latin letters (`It’s`). */
const QUOTES = { '“': /[“”]/g, '‘': /‘|(?<![A-Za-z])’|’(?![A-Za-z])/g } as const;

/**
 * Curly quotes typed the wrong way round (`他说”好的“`, `“好的“`), as an input method or Word's
 * autocorrect leaves them beside Chinese: in a paragraph, heading or value whose quotes of a kind
 * pair up (an even number), they open and close in turn, and each that does not is returned, at
 * its place in its span, with the one it should be. A paragraph with an odd number is left alone:
 * a quotation over several paragraphs opens each and closes only the last (GB/T 15834), and an
 * apostrophe (`’`) is no quote.
 */
function turnedQuotes(spans: readonly Span[]): Array<[Span, number, string]> {
  const turned: Array<[Span, number, string]> = [];
  for (let first = 0; first < spans.length; ) {
    let next = first;
    while (next < spans.length && spans[next]!.block === spans[first]!.block) next += 1;
    for (const [open, close] of QUOTE_PAIRS) {
      const quotes = spans.slice(first, next).flatMap((span) => [...span.text.matchAll(QUOTES[open])].map((match) => [span, match.index] as const));
      if (quotes.length % 2 !== 0) continue;
      for (const [index, [span, at]] of quotes.entries()) {
        const expected = index % 2 === 0 ? open : close;
        if (span.text[at] !== expected) turned.push([span, at, expected]);
      }
    }
    first = next;
  }
  return turned;
}

/** The character next to `offset` in the source, looking past emphasis marks; undefined at either end. */
function charAround(source: string, offset: number, step: 1 | -1): string | undefined {
  let at = step === 1 ? offset : offset - 1;
  while (at >= 0 && at < source.length && MARKUP.test(source[at]!)) at += step;
  if (at < 0 || at >= source.length) return undefined;
  // A Han character beyond the Basic Multilingual Plane is two code units.
  return step === 1
    ? String.fromCodePoint(source.codePointAt(at)!)
    : String.fromCodePoint(source.codePointAt(source.charCodeAt(at) >= 0xdc00 && source.charCodeAt(at) <= 0xdfff ? at - 1 : at)!);
}

/** The character next to `offset` in the source past spaces and emphasis marks, as `charAround`. */
function wordAround(source: string, offset: number, step: 1 | -1): string | undefined {
  let at = offset;
  while (/[ \t]/.test(source[step === 1 ? at : at - 1] ?? '')) at += step;
  return charAround(source, at, step);
}

/** Whether `before` ends in a character reference, its `&` not escaped, so that a `;` after it closes it. */
function reference(before: string): boolean {
  const match = REFERENCE.exec(before);
  return match !== null && !escaped(before, match.index);
}

/** Whether the character at `index` is backslash-escaped, so Markdown reads it literally. */
function escaped(text: string, index: number): boolean {
  return text[index - 1] === '\\';
}

/** The source range `from`–`to` of a span's text, as lines and columns. */
/** Frontmatter values printed as text (the masthead's title and special issue name, the issuer), written on the key's line. */
const PRINTED_VALUE = /^(?:title|special|issuer):[ \t]*(.*?)[ \t]*$/gm;

/** The spans of the printed values in the frontmatter between `from` and `to` (its first line `line`), each at its place. */
function printedValues(source: string, from: number, to: number, line: number): Array<Omit<Span, 'block'>> {
  const block = source.slice(from, to);
  return [...block.matchAll(PRINTED_VALUE)].flatMap((found) => {
    const written = found[1]!;
    if (written === '' || /^[|>&*!#[{]/.test(written)) return [];
    // A quoted value's quotes are YAML's, not the text's: only what is between them is read.
    const quoted = /^(["']).*\1$/.test(written) && written.length >= 2;
    // A plain value ends where a comment starts (` # …`).
    const value = quoted ? written.slice(1, -1) : written.replace(/[ \t]+#.*$/, '');
    const at = found.index + found[0].indexOf(written, found[0].indexOf(':') + 1) + (quoted ? 1 : 0);
    const before = block.slice(0, at);
    const lineStart = before.lastIndexOf('\n') + 1;
    return [{ text: value, markdown: false, start: { line: line + (before.match(/\n/g)?.length ?? 0), column: at - lineStart + 1, offset: from + at } }];
  });
}

function position(span: Span, from: number, to: number): Position {
  return { start: pointAt(span, from), end: pointAt(span, to) };
}

function pointAt(span: Span, index: number): Point & { offset: number } {
  return { ...placeIn(span.text, index, span.start), offset: span.start.offset + index };
}
