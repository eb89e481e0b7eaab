import { Buffer, isAscii } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { asciiJson, asciiText } from '../../src/util/ascii-json.ts';

describe('asciiJson', () => {
  const value = {
    title: '梅州市城镇老旧小区改造工作简报',
    emoji: '进度 ✅ 𠮷',
    controls: 'tab\there\nline "quoted" \\ back',
    mixed: ['ascii', 'é', '\u2028', 12.5, null, true],
    键: { nested: '（综合整理）' },
  };

  it('writes only ASCII bytes, which parse to the same value', () => {
    const bytes = asciiJson(JSON.stringify(value));
    expect(isAscii(bytes)).toBe(true);
    expect(JSON.parse(bytes.toString('latin1'))).toEqual(value);
    expect(bytes.toString('latin1')).toContain('\\u6885\\u5dde');
    // A character beyond the first plane is its two surrogates, each escaped.
    expect(bytes.toString('latin1')).toContain('\\ud842\\udfb7');
  });

  it('escapes characters at either end and runs side by side', () => {
    expect(asciiJson(JSON.stringify('梅州')).toString('latin1')).toBe('"\\u6885\\u5dde"');
    expect(asciiJson(JSON.stringify(['简', 'a', '报'])).toString('latin1')).toBe('["\\u7b80","a","\\u62a5"]');
  });

  it('leaves ASCII JSON as it is', () => {
    const json = JSON.stringify({ a: [1, 'b\\n'], c: 'd' });
    expect(asciiJson(json).toString('latin1')).toBe(json);
  });

  it('reads back ASCII bytes and UTF-8 ones alike', () => {
    expect(JSON.parse(asciiText(asciiJson(JSON.stringify(value))))).toEqual(value);
    expect(asciiText(Buffer.from(JSON.stringify(value)))).toBe(JSON.stringify(value));
  });
});
