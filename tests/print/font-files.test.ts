/**
 * Font files named in bulletin.yaml's `fonts:` (tests/fixtures/font-files): the body role names
 * fonts/body.woff2, a slice of LXGW WenKai Mono standing in for a licensed 仿宋 that no machine has
 * installed. One build, one PDF: that face is embedded; a title font file that is not a font is a
 * warning at its entry, and the title prints in the bundled face; a heading family no machine has
 * is a warning naming the bundled face used instead; the build reports the face each role used. A missing file and one outside
 * the content folder are errors at their entries, found when the content is loaded.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/load/load-content.ts';
import { facesLine } from '../../src/cli/build.ts';
import type { BuildResult } from '../../src/pipeline.ts';
import { buildPdfs } from '../support/shared-browser.ts';

const fixture = fileURLToPath(new URL('../fixtures/font-files/content/', import.meta.url));

let dir: string;
let result: BuildResult;

/** A copy of the fixture with `fonts:` written as given. */
function contentWith(name: string, fonts: string): string {
  const content = join(dir, name);
  cpSync(fixture, content, { recursive: true });
  const yaml = readFileSync(join(content, 'bulletin.yaml'), 'utf8').replace(/^fonts:[\s\S]*$/m, `fonts:\n${fonts}`);
  writeFileSync(join(content, 'bulletin.yaml'), yaml);
  return content;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jianbao-font-files-'));
  const content = contentWith('content', '  body: [fonts/body.woff2]\n  title: [fonts/broken.ttf]\n  heading: [No Such Face 仿宋]\n');
  writeFileSync(join(content, 'fonts', 'broken.ttf'), 'not a font\n');
  result = await buildPdfs(content, dir);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a font file in fonts:', () => {
  it('embeds its face for the body', () => {
    const fonts = execFileSync('pdffonts', [join(dir, 'dist', '2021', '1', '2021-1.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/\+LXGWWenKaiMono-Regular\s/);
    // The title's broken file left it to the bundled face.
    expect(fonts).toMatch(/\+NotoSerifSC-Black\s/);
  });

  it('warns at the entry of a file that does not load as a font', () => {
    const warnings = result.warnings.filter((warning) => warning.ruleId === 'font-unavailable');
    expect(warnings.map((warning) => [warning.file?.endsWith('bulletin.yaml'), warning.line, warning.column])).toEqual([
      [true, 6, 11],
      [true, 7, 12],
    ]);
    expect(warnings[0]!.reason).toContain('fonts/broken.ttf does not load as a font, so the title text prints in the next face');
  });

  it('warns when no family a role names is installed, naming the face used instead', () => {
    const warnings = result.warnings.filter((warning) => warning.ruleId === 'font-unavailable');
    expect(warnings[1]!.reason).toContain('`fonts.heading`: No Such Face 仿宋 is not installed on this machine, so the heading text prints in Noto Sans SC');
  });

  it('tells the build summary which face each role printed in, and where it came from', () => {
    expect(result.faces).toEqual([
      { role: 'body', face: 'LXGW WenKai Mono', source: 'file', file: join(dir, 'content', 'fonts', 'body.woff2') },
      { role: 'title', face: 'Noto Serif SC', source: 'bundled' },
      { role: 'heading', face: 'Noto Sans SC', source: 'bundled' },
      { role: 'kai', face: 'LXGW WenKai', source: 'bundled' },
    ]);
    expect(facesLine(result.faces.slice(1, 3))).toBe('jianbao: PDF faces: title Noto Serif SC (bundled) · heading Noto Sans SC (bundled)');
  });

  it('reports a missing file and one outside the content folder at their entries', async () => {
    const content = contentWith('bad', '  body: [仿宋_GB2312, fonts/missing.ttf]\n  heading:\n    - ../outside.otf\n');
    writeFileSync(join(dir, 'outside.otf'), 'a file outside the content folder\n');
    const { errors, site } = await loadContent(content);
    expect(errors.map((error) => [error.ruleId, error.line, error.column])).toEqual([
      ['font-file', 5, 21],
      ['font-file', 7, 7],
    ]);
    expect(errors[0]!.reason).toContain('`fonts.body`: Cannot find the font file fonts/missing.ttf; paths are relative to bulletin.yaml');
    expect(errors[1]!.reason).toContain('`fonts.heading`: Expected a font file path inside');
    // A family name stays a name; a file is resolved beside bulletin.yaml.
    expect(site.series?.fonts?.body).toEqual(['仿宋_GB2312', { file: join(content, 'fonts', 'missing.ttf') }]);
  });
});
