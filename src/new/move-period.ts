import { RANGE_DASH } from '../format/months.ts';

/** A month, `2024年2月`, or a range of months in one year, `2023年1—5月`, `2023年3-5月`. */
const MONTHS = new RegExp(`(\\d{4})年(\\d{1,2})(?:${RANGE_DASH}(\\d{1,2}))?月`, 'g');
const QUARTER = /(\d{4})年第([1-4一二三四])季度/g;
const CHINESE_QUARTERS = '一二三四';
/** Words of a heading whose figures add up the year so far. */
const YEAR_SO_FAR = /累计|以来/;

/**
 * A recurring heading with its period moved on by `months`: `2024年2月…进展情况` → `2024年3月…`
 * (a year boundary too: `2024年12月` → `2025年1月`), and `2024年第1季度` → `2024年第2季度`
 * by the quarters the months cross, written in the figures it was (`第一季度` → `第二季度`).
 * A range of months from January is the year so far: its end moves (`2023年1—5月` →
 * `2023年1—6月`), and in a new year it starts again (`2024年1月`, `2024年1—2月`), as does January
 * alone in a heading of totals so far (`2024年1月累计情况` → `2024年1—3月累计情况`); another range
 * moves whole (`3—5月` → `4—6月`). Other periods are left as written.
 */
export function movePeriod(text: string, months: number, from: string): string {
  if (months === 0) return text;
  const start = Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)) - 1;
  const quarters = Math.floor((start + months) / 3) - Math.floor(start / 3);
  const monthAt = (index: number) => ({ year: Math.floor(index / 12), month: (index % 12) + 1 });
  // January alone in a heading of totals so far (`2024年1月累计情况`, which a year's range
  // `1—12月` became in the new year) is the year so far too, and grows into `1—3月`.
  const soFar = YEAR_SO_FAR.test(text);
  return text
    .replace(MONTHS, (_match, year: string, first: string, last: string | undefined) => {
      const begin = monthAt(Number(year) * 12 + Number(first) - 1 + months);
      if (last === undefined && !(soFar && Number(first) === 1)) return `${begin.year}年${begin.month}月`;
      const end = monthAt(Number(year) * 12 + Number(last ?? first) - 1 + months);
      if (Number(first) === 1) return end.month === 1 ? `${end.year}年1月` : `${end.year}年1—${end.month}月`;
      return begin.year === end.year ? `${begin.year}年${begin.month}—${end.month}月` : `${begin.year}年${begin.month}月—${end.year}年${end.month}月`;
    })
    .replace(QUARTER, (_match, year: string, quarter: string) => {
      const chinese = CHINESE_QUARTERS.includes(quarter);
      const index = Number(year) * 4 + (chinese ? CHINESE_QUARTERS.indexOf(quarter) : Number(quarter) - 1) + quarters;
      const moved = (index % 4) + 1;
      return `${Math.floor(index / 4)}年第${chinese ? CHINESE_QUARTERS[moved - 1] : moved}季度`;
    });
}
