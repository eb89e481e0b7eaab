import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/parse-yaml.ts';

/** The messages parsing `text` gives, as `line:column message`. */
function messages(text: string): string[] {
  const file = new VFile({ path: 'index.md', value: text });
  expect(parseYaml(text, file)).toBeUndefined();
  return file.messages.map((message) => `${message.line}:${message.column} ${message.message} [${message.ruleId}]`);
}

describe('YAML syntax errors say what to type', () => {
  it('names a key typed with the full-width colon, at its line, instead of yaml’s implicit keys', () => {
    expect(messages('year: 2025\nnumber: 2\ntotal: 2\ndate：2025-04-10\n')).toEqual([
      '4:1 YAML syntax: Expected “: ” after the key `date`, found the full-width colon “：”; type the colon with the input method in English (half-width) mode [yaml-syntax]',
    ]);
    expect(messages('distribution:\n  报送： 市委办公室\n  发送: 各县\n')).toEqual([
      '2:3 YAML syntax: Expected “: ” after the key `报送`, found the full-width colon “：”; type the colon with the input method in English (half-width) mode [yaml-syntax]',
    ]);
  });

  it('shows a value holding “: ” in quotes', () => {
    expect(messages('year: 2025\nspecial: 防汛专刊: 第一号\n')).toEqual([
      '2:10 YAML syntax: Nested mappings are not allowed in compact mappings; a value holding “: ” is put in quotes: special: "防汛专刊: 第一号" [yaml-syntax]',
    ]);
  });

  it('leaves a full-width colon inside a value alone', () => {
    const file = new VFile({ path: 'index.md' });
    expect(parseYaml('title: 关于：老旧小区改造\n', file)?.data).toEqual({ title: '关于：老旧小区改造' });
    expect(file.messages).toEqual([]);
  });

  it('refuses a tag yaml does not know, which it would read as text, rather than print a program as the title', () => {
    expect(messages('year: 2025\ntitle: !!js/function "function () { require(\'fs\') }"\nissuer: !include 局.yaml\n')).toEqual([
      '2:8 YAML syntax: Unexpected tag `!!js/function`: YAML here holds plain text, numbers, dates and lists, never code or a program’s objects; delete the tag [yaml-syntax]',
      '3:9 YAML syntax: Unexpected tag `!include`: YAML here holds plain text, numbers, dates and lists, never code or a program’s objects; delete the tag [yaml-syntax]',
    ]);
  });
});
