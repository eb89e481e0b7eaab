import { describe, expect, it } from 'vitest';
import { renderFeed } from '../../src/site/feed.ts';
import { runCli } from '../support/run-cli.ts';

// Invisible characters a received draft can carry: Word's line break U+000B, which no feed can
// hold, and bidirectional controls, which make a figure show otherwise than it reads.
const root = 'tests/fixtures/hostile/control-characters';
const file = `${root}/2021/1/index.md`;
const control = (code: string) =>
  `Unexpected control character U+${code}, which prints nothing, or a box, and which a feed cannot hold; delete it [control-character]`;
const bidi = (code: string) =>
  `Unexpected bidirectional control U+${code}, which can make text show in another order than it is stored, searched and copied; delete it [control-character]`;

describe('control characters and bidirectional controls', () => {
  it('are errors at their place in bulletin.yaml, frontmatter (escaped or typed), Markdown and a table’s cells', async () => {
    const result = await runCli('check', '--content', root);
    expect(result.lines).toEqual([
      `${root}/bulletin.yaml:2:9: ${bidi('202E')}`,
      `${file}:6:8: ${control('0001')}`,
      `${file}:8:7: ${bidi('2066')}`,
      // Among the messages by line and column: the table's are at the cell's.
      `${root}/2021/1/cells.csv:2:1: ${bidi('202E')}`,
      `${file}:11:6: ${control('000B')}`,
      `${file}:13:5: ${bidi('202E')}`,
      `${file}:13:10: ${bidi('202C')}`,
      `${file}:15:26: ${control('0001')}`,
      `jianbao: checked 1 issue file in ${root}/: 8 errors`,
    ]);
    expect(result.code).toBe(1);
  });
});

describe('the feed', () => {
  it('leaves out the characters XML cannot hold, so that feed readers still read it', () => {
    const series = { title: '简报\u000B标题\u0001', issuer: '局\uD800', url: 'https://example.org/', distribution: [], source: 'bulletin.yaml' };
    const feed = renderFeed(series, []);
    expect(feed).toContain('<title>简报标题</title>');
    expect(feed).toContain('<subtitle>局编印</subtitle>');
    expect(feed).not.toMatch(/(?![\t\n\r])[\p{Cc}\p{Cs}]/u);
  });
});
