/** What joins the months of a range as editors type it: `1—5月`, `1-5月`, `1－5月`, `1~5月`, `1至5月`. */
export const RANGE_DASH = '[—–－\\-~～至]';

/**
 * Months from `from` to `to`, each a date `YYYY-MM-DD` or a month `YYYY-MM`: `2024-02-28` →
 * `2024-03-05` is 1, `2025-02` → `2025-03-10` is 1.
 */
export function monthsBetween(from: string, to: string): number {
  const months = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  return months(to) - months(from);
}
