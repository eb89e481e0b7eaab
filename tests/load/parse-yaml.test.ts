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

  it('reports lists nested past bounds once, at the level that passes them, before yaml runs out of stack', () => {
    const reason =
      'YAML syntax: Expected at most 64 lists or maps one inside another, found more from here; these values are text, numbers and lists of names: close each [ with ] and each { with }, and indent a key only under the key it belongs to [yaml-syntax]';
    // 20,000 levels unclosed (an error a level, and then no stack), closed, or of `{`.
    expect(messages(`title: 甲\ndistribution: ${'['.repeat(20_000)}\n`)).toEqual([`2:79 ${reason}`]);
    expect(messages(`distribution:\n  报送: ${'['.repeat(2000)}${']'.repeat(2000)}\n`)).toEqual([`2:71 ${reason}`]);
    expect(messages(`distribution: ${'{a: '.repeat(100)}\n`)).toEqual([`1:271 ${reason}`]);
    // Maps nested by indentation, one level a line.
    const indented = Array.from({ length: 1000 }, (_, level) => `${' '.repeat(level)}k:\n`).join('');
    expect(messages(indented)).toEqual([`65:1 ${reason}`]);
  });

  it('reports an unclosed list once, not once a level', () => {
    expect(messages(`issuer: ${'['.repeat(10)}\ndate: 2025-01-01\n`)).toEqual([
      '2:1 YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ] [yaml-syntax]',
    ]);
  });

  it('counts no brackets inside quotes, comments and block text', () => {
    const file = new VFile({ path: 'index.md' });
    const quoted = `title: "${'['.repeat(100)}"\nissuer: '${'{'.repeat(100)}'\n# ${'['.repeat(100)}\nspecial: |\n  ${'['.repeat(100)}\n`;
    expect(parseYaml(quoted, file)?.data).toEqual({ title: '['.repeat(100), issuer: '{'.repeat(100), special: `${'['.repeat(100)}\n` });
    expect(file.messages).toEqual([]);
  });
});
