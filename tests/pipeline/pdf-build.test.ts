import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/pipeline.ts';
import { builtSample } from '../site/served-site.ts';
import { runCli } from '../support/run-cli.ts';

const PDFS = ['2021/11/2021-11.pdf', '2021/12/2021-12.pdf', '2022/1/2022-1.pdf'];
const sha = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

let root: string;
let first: BuildResult;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'jianbao-pdf-build-'));
  // One issue of the sample, the one with a table, a chart and structure ids: printing is the
  // slow part, and the run's shared build (tests/site/served-site.ts) has printed all three.
  const content = join(root, 'content');
  await cp('content/bulletin.yaml', join(content, 'bulletin.yaml'));
  await cp('content/2021/11', join(content, '2021/11'), { recursive: true });
  // Without the share pictures, as a build told `--no-share-image` (the run's shared build makes
  // them, tests/site/readers.test.ts looks at them).
  first = await build({ contentDir: content, outDir: join(root, 'one'), cacheDir: false, search: false, shareImage: false });
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('jianbao build with PDFs', () => {
  it('writes a PDF beside each issue page and leaves no work folder behind', async () => {
    expect(first.counts.pdfs).toBe(1);
    expect((await readFile(join(root, 'one', PDFS[0]!))).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await readdir(root)).sort()).toEqual(['content', 'one']);
    const shared = await builtSample();
    for (const pdf of PDFS) expect((await readFile(join(shared, pdf))).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('links the PDF from the issue page under a Chinese download name', async () => {
    const html = await readFile(join(root, 'one', '2021/11/index.html'), 'utf8');
    expect(html).toMatch(/href="(\.\.\/\.\.\/2021\/11\/)?2021-11\.pdf" download="梅州市城镇老旧小区改造工作简报2021年第11期\.pdf"/);
  });

  it('leaves out the share pictures when told, the pages naming the series picture instead', async () => {
    expect(existsSync(join(root, 'one', '2021/11/share.png'))).toBe(false);
    expect(await readFile(join(root, 'one', '2021/11/index.html'), 'utf8')).toContain(
      '<meta property="og:image" content="https://example.org/jianbao/assets/share.png">',
    );
    expect(existsSync(join(await builtSample(), '2021/11/share.png'))).toBe(true);
  });

  it('builds byte-identical PDFs from the same input', async () => {
    // The other build is the run's shared one of the whole sample (tests/site/served-site.ts),
    // made in another process, with the other issues, the search index and a cache.
    const other = await builtSample();
    expect(await sha(join(other, PDFS[0]!))).toBe(await sha(join(root, 'one', PDFS[0]!)));
  });

  it('prints one issue with `jianbao pdf`', async () => {
    const out = join(root, 'single.pdf');
    const { code, stdout, lines } = await runCli('pdf', 'content/2021/11/index.md', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^jianbao: 2021年第11期 总第18期 → .*single\.pdf \(\d+ pages, \d+ bytes, \d+ ms\)\n$/);
    // Its own warnings, and how many the other issues have (2021年第12期 two, 2022年第1期 one).
    expect(lines.slice(0, -1).filter((line) => line.startsWith('content/2021/11/index.md:'))).toHaveLength(33);
    expect(lines.slice(33)).toEqual(['jianbao: 3 warnings of other issues not listed; `jianbao check` lists them']);
    expect(await sha(out)).toBe(await sha(join(root, 'one', PDFS[0]!)));
    await rm(out);
  });

  it('skips PDFs with --no-pdf', async () => {
    const out = join(root, 'no-pdf');
    expect((await runCli('build', '--out', out, '--no-pdf', '--no-cache', '--quiet')).code).toBe(0);
    expect(existsSync(join(out, '2021/11/index.html'))).toBe(true);
    expect(existsSync(join(out, PDFS[0]!))).toBe(false);
    expect(await readFile(join(out, '2021/11/index.html'), 'utf8')).not.toContain('.pdf"');
    await rm(out, { recursive: true });
  });
});
