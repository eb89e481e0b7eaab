import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostScriptOutlines } from '../../src/load/font-files.ts';
import { loadSeries } from '../../src/load/load-series.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-font-files-'));
  await mkdir(join(dir, 'fonts'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A font file's first bytes as each container starts: what tells its outlines apart. */
const sfnt = (version: string) => Buffer.concat([Buffer.from(version, 'latin1'), Buffer.alloc(12)]);
const TRUETYPE = Buffer.from([0, 1, 0, 0, ...Buffer.alloc(12)]);
/** A collection (`ttcf`, version 1, one face) whose first face, at offset 16, starts with `first`. */
const collection = (first: Buffer) => Buffer.concat([Buffer.from('ttcf', 'latin1'), Buffer.from([0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 16]), first]);
const woff2 = (flavor: string) => Buffer.concat([Buffer.from('wOF2', 'latin1'), Buffer.from(flavor, 'latin1'), Buffer.alloc(8)]);

describe('font files with PostScript outlines', () => {
  it('are told apart from TrueType ones in each container: OpenType, collection, WOFF2', async () => {
    const cases: [string, Buffer, boolean][] = [
      ['cff.otf', sfnt('OTTO'), true],
      ['tt.ttf', TRUETYPE, false],
      ['cff.ttc', collection(sfnt('OTTO')), true],
      ['tt.ttc', collection(TRUETYPE), false],
      ['cff.woff2', woff2('OTTO'), true],
      ['tt.woff2', woff2('\0\x01\0\0'), false],
    ];
    for (const [name, bytes, postScript] of cases) {
      await writeFile(join(dir, 'fonts', name), bytes);
      expect(hasPostScriptOutlines(join(dir, 'fonts', name)), name).toBe(postScript);
    }
  });

  it('get a warning at their entry in bulletin.yaml, which Chromium would embed as unnamed Type 3 fonts', async () => {
    await writeFile(
      join(dir, 'bulletin.yaml'),
      'title: 工作简报\nissuer: 县农业农村局\nurl: https://example.org/\ndistribution:\n  报送: 县委办\nfonts:\n  body: [fonts/tt.ttf]\n  title: [fonts/cff.otf]\n',
    );
    const { file, series } = await loadSeries(join(dir, 'bulletin.yaml'));
    expect(series?.fonts?.title).toEqual([{ file: join(dir, 'fonts/cff.otf') }]);
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.fatal ? '' : 'warning '}[${message.ruleId}]`)).toEqual([
      '8:11 warning [font-outlines]',
    ]);
    expect(file.messages[0]!.reason).toContain('The font file fonts/cff.otf has PostScript (CFF) outlines');
  });
});
