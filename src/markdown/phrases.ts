import { loadDefaultSimplifiedChineseParser } from 'budoux';
import { memoize } from '../util/memoize.ts';

type Parser = ReturnType<typeof loadDefaultSimplifiedChineseParser>;
let parser: Parser | undefined;
let segmenter: Intl.Segmenter | undefined;

/** Punctuation that may not start a line, and punctuation that may not end one. */
const CLOSING = /^[)\]}）】」』〉》”’、，。．；：！？%‰·…—]/u;
const OPENING = /[([{（【「『〈《“‘]$/u;

/**
 * One Han character standing alone after a word: an administrative suffix (`梅州|市`), or the
 * end of a word the segmenters split (`用水用|气`), which a narrow header would leave alone on a line.
 */
const LONE = /^\p{Script=Han}$/u;

/**
 * Words both segmenters split in the statistics bulletins report (BudouX `同|比`, `居民人|均`;
 * ICU `同|比`, `人|均可`) and in official prose (`更新高|质量`, `十四|五`, `领导|小组`, `乡村|振兴`,
 * `工作|方案`), and a range of numbers (`1—6月`): no break falls inside them. A
 * supplement to the models, not a dictionary of its own: only words the two were seen to split.
 */
const WHOLE =
  /同比|环比|人均|户均|亩均|日均|月均|年均|可支配|增加值|增速|增幅|降幅|占比|百分点|整改|高质量|高水平|高标准|十[三四五]五|领导小组|乡村振兴|工作方案|实施方案|\d+(?:[.．]\d+)?[—–～~-]+\d+/gu;

/** A unit or short note in brackets (`（万元）`, `（个百分点）`, `（市、区）`): one word, as both split it (`（万|元）`). */
export const UNIT = /[（(][^（）()\s]{1,6}[）)]/gu;

/**
 * A quoted name or slogan (`“千村示范”`, `“我为群众办实事”`, `《安全生产法》`), or each part of
 * one listed with `、` or `，` (`“千村示范、万村整治”`), which a reader takes as one name: both
 * segmenters cut it as prose (`“千村|示范”`), and in a title it stays whole up to
 * `LONGEST_QUOTED` characters. A longer one is a sentence, and breaks as one.
 */
const QUOTED = /(?<=[“‘《「『](?:[^“”‘’《》「」『』]*[、，])?)[^“”‘’《》「」『』、，]+(?=[、，”’》」』])/gu;
const LONGEST_QUOTED = 10;

/** A word of two Han characters or more, as ICU cuts them. */
const HAN_WORD = /^\p{Script=Han}{2,}$/u;

/** A two-character word, with punctuation after it (`工作、`) but none before (`“四项` may start a line). */
const TWO_HAN = /^\p{Script=Han}{2}[^\p{Script=Han}\p{L}\p{N}]*$/u;
/**
 * The longest run of two-character words kept together (`城镇老旧小区改造工作`): a longer one
 * (`全力做好汛期城镇老旧小区改造工地安全防范工作`) breaks again, as a title line at 2号 holds 20
 * characters, and a phrase wider than its line would overflow it.
 */
const LONGEST_RUN = 12;

/** A two-character word with nothing after it, which the next word may join. */
const TWO_HAN_OPEN = /^\p{Script=Han}{2}$/u;

/**
 * `text` cut where a line may break without splitting a word: `全力冲刺|年度目标任务`. A break
 * needs both BudouX's Simplified Chinese model and ICU's word dictionary (Intl.Segmenter) to
 * see a boundary there, as each alone splits words the other keeps (BudouX `年|度`, ICU
 * `平|远|县`), and none falls inside a word of `WHOLE` (`同比`, `人均`) that both split, nor
 * inside a unit in brackets (`（万元）`). With `compounds`, a short quoted name stays whole
 * (`“千村示范”`, `QUOTED`), and two two-character words in a row stay together too: both split
 * the four-character compounds of official prose (`老旧|小区`, `目标|任务`, `群众|工作`). Without (a table header, in a column a few characters wide), a
 * phrase of BudouX's also breaks where ICU sees two words of two characters or more
 * (`重大|隐患`), so that a header wraps between words, not inside the phrase where the column
 * ends (`重大隐 / 患`). Joined, the pieces are `text` again.
 */
export function phrases(text: string, { compounds = true }: { readonly compounds?: boolean } = {}): readonly string[] {
  return compounds ? withCompounds(text) : withoutCompounds(text);
}

/**
 * Texts already cut, by whether compounds stay together. Cutting one takes 20–100 µs (BudouX and
 * ICU each read the whole text; measured 58 µs for a title of 20 characters), and the same texts
 * recur: a table's header cells in every issue that carries the table, a title on the issue page
 * and in the contents list.
 */
const withCompounds = memoize(10_000, (text) => cut(text, true));
const withoutCompounds = memoize(10_000, (text) => cut(text, false));

function cut(text: string, compounds: boolean): readonly string[] {
  parser ??= loadDefaultSimplifiedChineseParser();
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const budoux = new Set<number>();
  let at = 0;
  for (const chunk of parser.parse(text)) budoux.add((at += chunk.length));
  const breaks = new Set<number>();
  let before = '';
  for (const { index, segment } of segmenter.segment(text)) {
    if (budoux.has(index) || (!compounds && HAN_WORD.test(before) && HAN_WORD.test(segment))) breaks.add(index);
    before = segment;
  }
  const quoted = compounds ? [...text.matchAll(QUOTED)].filter(([name]) => name.length <= LONGEST_QUOTED) : [];
  for (const { index, 0: word } of [...text.matchAll(WHOLE), ...text.matchAll(UNIT), ...quoted]) {
    for (let inside = index + 1; inside < index + word.length; inside++) breaks.delete(inside);
  }
  const words: string[] = [];
  let start = 0;
  for (const index of [...breaks].sort((a, b) => a - b)) {
    if (index > start) {
      words.push(text.slice(start, index));
      start = index;
    }
  }
  if (start < text.length) words.push(text.slice(start));
  // A <wbr> overrides the rule that closing punctuation never starts a line (`户数(户 / )`); and
  // a lone character goes with the word before it (`梅州|市`, `用水用|气`), or, opening the
  // text, with the word after it (`已|整改`).
  const attached: string[] = [];
  for (const word of words) {
    const last = attached.at(-1);
    if (last === undefined) {
      attached.push(word);
      continue;
    }
    const lone = (LONE.test(word) && /\p{Script=Han}$/u.test(last)) || (attached.length === 1 && LONE.test(last) && /^\p{Script=Han}/u.test(word));
    if (CLOSING.test(word) || OPENING.test(last) || lone) {
      attached[attached.length - 1] = last + word;
    } else attached.push(word);
  }
  if (!compounds) return attached;
  const joined: string[] = [];
  attached.forEach((word, index) => {
    const previous = attached[index - 1];
    const run = joined.at(-1) ?? '';
    if (previous !== undefined && TWO_HAN_OPEN.test(previous) && TWO_HAN.test(word) && run.length + word.length <= LONGEST_RUN)
      joined[joined.length - 1] += word;
    else joined.push(word);
  });
  return joined;
}
