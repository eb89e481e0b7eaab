import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { runCli } from '../support/run-cli.ts';

// What already held when issue 11 was filed, kept holding. Escaping of frontmatter title and
// issuer, and raw HTML in the body, are tested in tests/check and tests/markdown; here every
// other place content reaches a page, and the link schemes and paths not tested there.
const root = 'tests/fixtures/hostile/injection';
let out: string;
let pages: Map<string, string>;

beforeAll(async () => {
  out = join(await mkdtemp(join(tmpdir(), 'jianbao-injection-')), 'dist');
  await build({ contentDir: root, outDir: out, pdf: false, search: false, cacheDir: false });
  const files = (await readdir(out, { recursive: true })).filter((path) => /\.(html|xml)$/.test(path));
  pages = new Map(await Promise.all(files.map(async (path) => [path, await readFile(join(out, path), 'utf8')] as const)));
});
afterAll(() => rm(join(out, '..'), { recursive: true, force: true }));

describe('script in content', () => {
  it('opens no tag and sets no attribute on any page, feed or sitemap', () => {
    expect([...pages.keys()]).toEqual(expect.arrayContaining(['2021/1/index.html', 'index.html', 'feed.xml', 'sitemap.xml']));
    // Tags with their attributes; a quoted value is skipped whole, so text inside it is no attribute.
    const tags = [...[...pages.values()].join('\n').matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g)];
    const attributes = tags.flatMap((tag) =>
      [...tag[2]!.matchAll(/([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g)].map((match) => [match[1]!.toLowerCase(), match[2] ?? ''] as const),
    );
    expect(tags.length).toBeGreaterThan(100);
    expect(attributes.filter(([name]) => name.startsWith('on'))).toEqual([]);
    expect(attributes.filter(([name, value]) => (name === 'href' || name === 'src') && /^["']?\s*(javascript|data|vbscript|file):/i.test(value))).toEqual([]);
    // The only scripts are the templates' own, loaded from assets/.
    expect(tags.filter((tag) => tag[1]!.toLowerCase() === 'script').map((tag) => tag[0])).toEqual([
      '<script src="../assets/search-from-disk.js">',
      '<script type="module" src="../assets/search.js" data-root="../">',
    ]);
    expect(tags.filter((tag) => /^(iframe|object|embed)$/i.test(tag[1]!))).toEqual([]);
    expect(tags.filter((tag) => tag[1]!.toLowerCase() === 'img').map((tag) => tag[0])).toEqual(['<img src="photo.jpg" alt="&#x22; onerror=&#x22;alert(1)">']);
  });

  it.each([
    ['series title', '简报&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['issue title', '标题&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['issuer', '&lt;img src=x onerror=alert(1)&gt;'],
    ['distribution name', '领导&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['distribution name closing a quote', '&quot; onmouseover=&quot;alert(1)'],
    ['distribution role', '发送&lt;svg onload=alert(1)&gt;'],
    ['distribution of the issue', '&lt;iframe src=javascript:alert(1)&gt;'],
    ['heading', '标题&#x3C;script>alert(1)&#x3C;/script>'],
    ['body text and code', '正文 &#x3C;script>alert(1)&#x3C;/script>，<code>&#x3C;img src=x onerror=alert(1)></code>'],
    ['link text and title', '<a href="https://example.org/" title="&#x22; onmouseover=&#x22;alert(1)">链接&#x3C;img src=x onerror=alert(1)></a>'],
    ['image description', 'alt="&#x22; onerror=&#x22;alert(1)"'],
    ['footnote', '注释&#x3C;script>alert(1)&#x3C;/script>'],
    ['CSV cell', '>&#x3C;script>alert(1)&#x3C;/script><'],
    ['CSV cell closing a quote', '>" onmouseover="alert(1)<'],
  ])('%s prints as text', (_where, escaped) => {
    // Headings carry a <wbr> between words (rehype-phrase-breaks): the text between is what counts.
    expect(pages.get('2021/1/index.html')?.replaceAll('<wbr>', '')).toContain(escaped);
  });
});

describe('the Content-Security-Policy', () => {
  it('is set on every page before any resource: no script but the site’s own files, no plugin, no <base>', () => {
    const html = [...pages].filter(([path]) => path.endsWith('.html'));
    expect(html.length).toBeGreaterThan(5);
    for (const [path, page] of html) {
      const head = page.slice(0, page.search(/<(?:link|script|style|img)\b/));
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(head)?.[1];
      expect(policy, path).toBe(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' http: https:; object-src 'none'; base-uri 'none'; form-action 'self'",
      );
    }
  });
});

describe('links that could run code or leave the content folder', () => {
  it('are refused at their line', async () => {
    const fixture = 'tests/fixtures/hostile/injection-links';
    const file = `${fixture}/2021/1/index.md`;
    const scheme = (line: number, url: string) =>
      `${file}:${line}:1: Expected the link to name a file beside the issue or an http:, https:, mailto: or tel: address, got ${url} [link-scheme]`;
    const result = await runCli('check', '--content', fixture);
    expect(result.lines).toEqual([
      scheme(10, 'javascript:alert(1)'),
      scheme(12, 'JaVaScRiPt:alert(1)'),
      scheme(14, 'data:text/html,<script>alert(1)</script>'),
      scheme(16, 'file:///etc/passwd'),
      scheme(18, 'vbscript:msgbox(1)'),
      scheme(20, 'javascript:alert(1)'), // <javascript:alert(1)>, an autolink
      `${file}:22:1: Expected a link path inside ${relative('.', fixture)}/, got ../../../../etc/passwd [link-outside-root]`,
      `${file}:24:1: Expected an image path inside ${fixture}/, got ../../../../etc/passwd [image-outside-root]`,
      `${file}:26:1: Expected a link path inside ${fixture}/, got /etc/passwd [link-outside-root]`,
      scheme(30, 'javascript:alert(1)'), // a link definition
      `jianbao: checked 1 issue file in ${fixture}/: 10 errors`,
    ]);
  });
});
