import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { ContentError } from '../../src/report/messages.ts';
import { runCli } from '../support/run-cli.ts';

const fixture = 'tests/fixtures/cjk-issue';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-typography-'));
  await cp(fixture, join(dir, 'content'), { recursive: true });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the typography check', () => {
  it('warns, located, and stops a build only with --strict, writing nothing', async () => {
    const content = join(dir, 'content');
    const check = await runCli('check', '--content', content);
    expect(check.code).toBe(0);
    const issue = relative(process.cwd(), join(content, '2024/1/index.md'));
    expect(check.lines).toEqual([
      `${issue}:20:12: warning: Unexpected half-width “,” in Chinese text; use the full-width “，” (GB/T 15834) [cjk-punctuation]`,
      `${issue}:20:23: warning: Unexpected half-width parentheses around Chinese text “(试点)”; use full-width ones, “（试点）” (GB/T 15834) [cjk-punctuation]`,
      `jianbao: checked 1 issue file in ${content}/: 0 errors and 2 warnings`,
    ]);
    expect((await runCli('check', '--content', content, '--strict')).code).toBe(1);
    const out = join(dir, 'dist');
    await expect(build({ contentDir: content, outDir: out, cacheDir: false, pdf: false, strict: true })).rejects.toBeInstanceOf(ContentError);
    await expect(readFile(join(out, 'index.html'))).rejects.toThrow(/ENOENT/);
  });

  it('shows the warnings again when the issue comes from the build cache, and when the output is up to date', async () => {
    const options = { contentDir: join(dir, 'content'), outDir: join(dir, 'cached'), cacheDir: join(dir, 'cache'), pdf: false, search: false };
    const cold = await build(options);
    const warm = await build({ ...options, outDir: join(dir, 'cached-again') });
    const upToDate = await build({ ...options, outDir: join(dir, 'cached-again') });
    expect([cold.counts.rendered, warm.counts.rendered, upToDate.counts.upToDate]).toEqual([1, 0, true]);
    const shown = (result: typeof cold) => result.warnings.map((warning) => `${warning.line}:${warning.column} ${warning.ruleId} ${warning.expected}`);
    expect(shown(cold)).toEqual(['20:12 cjk-punctuation ，', '20:23 cjk-punctuation （试点）']);
    expect(shown(warm)).toEqual(shown(cold));
    expect(shown(upToDate)).toEqual(shown(cold));
    await expect(build({ ...options, outDir: join(dir, 'cached-again'), strict: true })).rejects.toBeInstanceOf(ContentError);
  });

  it('--fix makes the safe fixes in the Markdown file and says what it changed', async () => {
    const content = join(dir, 'content');
    const issue = join(content, '2024/1/index.md');
    const shown = relative(process.cwd(), issue);
    const before = await readFile(issue, 'utf8');
    const fixed = await runCli('check', '--content', content, '--fix');
    expect(fixed.code).toBe(0);
    expect(fixed.stdout.split('\n').filter(Boolean)).toEqual([
      `${shown}:20:12: fixed: “,” → “，” [cjk-punctuation]`,
      `${shown}:20:23: fixed: “(试点)” → “（试点）” [cjk-punctuation]`,
      `jianbao: checked 1 issue file in ${content}/: no problems`,
    ]);
    expect(await readFile(issue, 'utf8')).toBe(before.replace('改造中,坚持“共同缔造”理念(试点)', '改造中，坚持“共同缔造”理念（试点）'));
  });

  it('--fix leaves the `;` of a character reference alone, as an imported draft writes `&#x3000;`', async () => {
    const content = join(dir, 'references');
    await cp(fixture, content, { recursive: true });
    const issue = join(content, '2024/1/index.md');
    const before = `${await readFile(issue, 'utf8')}\n**&#x3000;　一是**县&amp;镇&#12288;联动;做实。\n`;
    await writeFile(issue, before);
    const fixed = await runCli('check', '--content', content, '--fix');
    expect(fixed.stdout.split('\n').filter((line) => line.includes('fixed:'))).toEqual([
      `${relative(process.cwd(), issue)}:20:12: fixed: “,” → “，” [cjk-punctuation]`,
      `${relative(process.cwd(), issue)}:20:23: fixed: “(试点)” → “（试点）” [cjk-punctuation]`,
      `${relative(process.cwd(), issue)}:28:33: fixed: “;” → “；” [cjk-punctuation]`,
    ]);
    expect(await readFile(issue, 'utf8')).toBe(
      before.replace('改造中,坚持“共同缔造”理念(试点)', '改造中，坚持“共同缔造”理念（试点）').replace('联动;做实', '联动；做实'),
    );
  });

  it('--fix keeps the BOM and CRLF line endings of a file saved by Windows Notepad', async () => {
    const content = join(dir, 'notepad');
    await cp(fixture, content, { recursive: true });
    const issue = join(content, '2024/1/index.md');
    const before = `\ufeff${(await readFile(issue, 'utf8')).replaceAll('\n', '\r\n')}`;
    await writeFile(issue, before);
    const fixed = await runCli('check', '--content', content, '--fix');
    expect(fixed.stdout).toContain(':20:23: fixed: “(试点)” → “（试点）” [cjk-punctuation]');
    expect(await readFile(issue, 'utf8')).toBe(before.replace('改造中,坚持“共同缔造”理念(试点)', '改造中，坚持“共同缔造”理念（试点）'));
  });
});
