import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fontWarnings } from '../../src/print/print-warnings.ts';

const dir = mkdtempSync(join(tmpdir(), 'jianbao-font-warnings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fontWarnings', () => {
  it('places a role none of whose families is installed at its list under fonts:, not at a series key of the same name', () => {
    const source = join(dir, 'bulletin.yaml');
    writeFileSync(
      source,
      'title: 梅州市城镇老旧小区改造工作简报\nissuer: 梅州市住房和城乡建设局\nurl: https://example.org/jianbao/\nfonts:\n  body: [仿宋_GB2312]\n  title: [方正小标宋简体]\n',
    );
    const warnings = fontWarnings(
      [],
      [
        { role: 'body', families: ['仿宋_GB2312'], used: 'Noto Serif SC' },
        { role: 'title', families: ['方正小标宋简体'], used: 'Noto Serif SC' },
      ],
      source,
    );
    expect(warnings.map((warning) => [warning.reason.slice(0, 13), warning.line, warning.column])).toEqual([
      ['`fonts.body`:', 5, 9],
      ['`fonts.title`', 6, 10],
    ]);
  });
});
