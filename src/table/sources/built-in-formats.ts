/**
 * The built-in number formats a workbook names by number alone, with no format text in it, as
 * Chinese Excel and WPS save them: the dates of the 年月日 button and the 千位分隔样式 button's
 * accounting format. exceljs's table of built-in formats (`exceljs/lib/xlsx/defaultnumformats.js`)
 * has the Chinese ones under a locale key it never reads and lacks 41–44, so those cells came
 * with no format and printed as General: a date as its serial number (45443.6041666667), 3200.256
 * for 3,200.26. It also names 22 `m/d/yy "h":mm`, with the hour quoted. The formats here are
 * Chinese Excel's (ECMA-376 Part 1, §18.8.30, with the zh-CN forms).
 */
export const CHINESE_BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  22: 'yyyy/m/d h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  41: '_ * #,##0_ ;_ * -#,##0_ ;_ * "-"_ ;_ @_ ',
  42: '_ ¥* #,##0_ ;_ ¥* -#,##0_ ;_ ¥* "-"_ ;_ @_ ',
  43: '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ',
  44: '_ ¥* #,##0.00_ ;_ ¥* -#,##0.00_ ;_ ¥* "-"??_ ;_ @_ ',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** exceljs's table of built-in formats: an entry's `f` is the format it gives a cell. */
type BuiltInTable = Record<number, { f?: string }>;

/**
 * Give exceljs the Chinese built-in formats, once, before it reads a workbook: it keeps a cell's
 * format, never its number, so the table it looks the number up in is the one place to do it.
 */
export function useChineseBuiltInFormats(table: BuiltInTable): void {
  for (const [id, format] of Object.entries(CHINESE_BUILT_IN_FORMATS)) table[Number(id)] = { ...table[Number(id)], f: format };
}
