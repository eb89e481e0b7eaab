import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/import/word-numbering.ts';

describe('formatNumber', () => {
  it.each([
    [1, 'chineseCounting', '一'],
    [10, 'chineseCounting', '十'],
    [11, 'chineseCounting', '十一'],
    [20, 'chineseCountingThousand', '二十'],
    [105, 'chineseCounting', '一百零五'],
    [110, 'chineseCounting', '一百一十'],
    [1200, 'chineseCounting', '一千二百'],
    [12, 'chineseLegalSimplified', '壹拾贰'],
    [3, 'ideographDigital', '三'],
    [10, 'ideographDigital', '一〇'],
    [102, 'taiwaneseDigital', '一〇二'],
    [3, 'ideographTraditional', '丙'],
    [9, 'decimalEnclosedCircle', '⑨'],
    [12, 'decimalFullWidth', '１２'],
    [28, 'lowerLetter', 'bb'],
    [14, 'upperRoman', 'XIV'],
    [7, 'decimalZero', '07'],
    [7, 'someFormatUnknownHere', '7'],
  ])('writes %i in %s as %s', (n, format, text) => {
    expect(formatNumber(n, format)).toBe(text);
  });
});
