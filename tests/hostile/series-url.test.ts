import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeries } from '../../src/load/load-series.ts';
import { formatMessage } from '../../src/report/messages.ts';
import { runCli } from '../support/run-cli.ts';

const root = 'tests/fixtures/hostile/series-url';

describe('bulletin.yaml url, which becomes the feed, sitemap and canonical links', () => {
  it('refuses javascript: at its place in bulletin.yaml', async () => {
    const result = await runCli('check', '--content', root);
    expect(result.lines).toEqual([
      `${root}/bulletin.yaml:3:6: \`url\`: Expected an http: or https: address such as https://example.org/jianbao/, got javascript://x/%0Aalert(1)// [frontmatter-schema]`,
      `jianbao: checked 1 issue file in ${root}/: 1 error`,
    ]);
    expect(result.code).toBe(1);
  });

  let dir: string;
  beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'jianbao-series-url-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const load = async (url: string) => {
    const path = join(dir, 'bulletin.yaml');
    await writeFile(path, `title: 简报\nissuer: 局\nurl: ${url}\n`);
    const { file, series } = await loadSeries(path);
    return { series, lines: file.messages.map((message) => formatMessage(message, dir)) };
  };

  it.each([
    'data:text/html,x',
    'file:///etc/',
    'ftp://example.org/',
    'mailto:a@example.org',
    'http:example.org',
    'https:/example.org',
    'https://',
    'JavaScript:alert(1)',
  ])('refuses %s', async (url) => {
    const { series, lines } = await load(url);
    expect(series).toBeUndefined();
    expect(lines).toEqual([
      `bulletin.yaml:3:6: \`url\`: Expected an http: or https: address such as https://example.org/jianbao/, got ${url} [frontmatter-schema]`,
    ]);
  });

  it.each([
    ['https://example.org/jianbao', 'https://example.org/jianbao/'],
    ['http://10.1.2.3/jianbao/', 'http://10.1.2.3/jianbao/'],
    ['http://oa:8080/', 'http://oa:8080/'],
    ['https://例子.中国/简报', 'https://例子.中国/简报/'],
  ])('accepts %s', async (url, kept) => {
    const { series, lines } = await load(url);
    expect(lines).toEqual([]);
    expect(series?.url).toBe(kept);
  });
});
