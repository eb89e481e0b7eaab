import { describe, expect, it } from 'vitest';
import { decodeUtf8, lineAt } from '../../src/util/text-bytes.ts';

const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part)] : part)));

describe('decodeUtf8', () => {
  it('decodes UTF-8 and drops a leading byte-order mark, only a leading one', () => {
    expect(decodeUtf8(bytes('第11期'))).toBe('第11期');
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], '第11期'))).toBe('第11期');
    expect(decodeUtf8(bytes('甲', [0xef, 0xbb, 0xbf], '乙'))).toBe('甲\ufeff乙');
  });

  it('refuses bytes that are not UTF-8, such as GBK', () => {
    // 梅州 in GBK.
    expect(decodeUtf8(bytes([0xc3, 0xb7, 0xd6, 0xdd]))).toBeUndefined();
    // A character cut in half.
    expect(decodeUtf8(bytes('梅').subarray(0, 2))).toBeUndefined();
  });

  it('reads only the view it is given', () => {
    const all = bytes('甲乙丙');
    expect(decodeUtf8(all.subarray(3, 6))).toBe('乙');
  });
});

describe('lineAt', () => {
  it('counts the line breaks before the offset', () => {
    const text = bytes('a\nb\n\nc');
    expect([0, 1, 2, 4, 5].map((offset) => lineAt(text, offset))).toEqual([1, 1, 2, 3, 4]);
  });
});
