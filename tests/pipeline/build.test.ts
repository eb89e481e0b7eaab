import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { firstMissingInOrder, referenceBlocks } from '../support/reference.ts';

let out: string;
const page = (path: string) => readFile(join(out, path), 'utf8');
const text = (html: string) => html.replace(/<head>[\s\S]*<\/head>/, '').replace(/<[^>]+>/g, '');

beforeAll(async () => {
  out = join(await mkdtemp(join(tmpdir(), 'jianbao-build-')), 'dist');
  await build({ contentDir: 'content', outDir: out, pdf: false });
});
afterAll(() => rm(join(out, '..'), { recursive: true, force: true }));

describe('build of the sample content', () => {
  it('reproduces the whole reference bulletin, in order', async () => {
    const blocks = referenceBlocks();
    const missing = firstMissingInOrder(text(await page('2021/11/index.html')), blocks);
    expect(missing === -1 ? 'all present' : blocks[missing]).toBe('all present');
  });

  it('renders the masthead, contents and distribution of 2021年第11期', async () => {
    const html = await page('2021/11/index.html');
    expect(html).toContain('<h1 class="masthead-title" data-pagefind-ignore>梅州市<wbr>城镇老旧小区改造工作简报</h1>');
    expect(html).toContain('<p class="masthead-label">（2021年第11期 总第18期）</p>');
    // The chart's legend items are not paragraphs: nothing binds their last characters.
    const legend = /<ul class="chart-legend">.*?<\/ul>/s.exec(html)?.[0] ?? '';
    expect(legend).toContain('<li><span class="chart-swatch"');
    expect(legend).not.toContain('keep-together');
    expect(html).toContain('<span class="masthead-issuer" data-pagefind-ignore>梅州市<wbr>住房和<wbr>城乡<wbr>建设局</span>');
    expect(html).toContain('<time class="masthead-date" datetime="2021-11-29">2021年11月29日</time>');
    expect(html.match(/<li><a href="#[^"]+">/g)).toHaveLength(3);
    expect(html).toContain('<span class="distribution-role">报送：</span><span class="distribution-names">正勇、王晖、永祥，陈亮、钟优同志。</span>');
    expect(html).toContain('<span class="distribution-role">发送：</span><span class="distribution-names">各县(市、区)人民政府。</span>');
    expect(html).toContain('<th scope="col" rowspan="3" class="label">序号</th>');
    expect(html).toContain('<tr class="total"><th scope="row" colspan="2" class="label">合计</th><td class="num">14736</td>');
  });

  it('applies an issue’s own distribution role by role', async () => {
    const html = await page('2022/1/index.html');
    expect(html).toContain('<span class="distribution-role">报送：</span><span class="distribution-names">正勇、王晖、永祥，陈亮、钟优同志。</span>');
    expect(html).toContain('<span class="distribution-role">抄送：</span><span class="distribution-names">市直有关单位、各县(市、区)住房和城乡建设局。</span>');
  });

  it('lists every issue newest first on the home page', async () => {
    const labels = [...(await page('index.html')).matchAll(/>(\d{4}年第\d+期 总第\d+期)</g)].map((match) => match[1]);
    expect(labels).toEqual(['2022年第1期 总第20期', '2021年第12期 总第19期', '2021年第11期 总第18期']);
  });

  it('copies the template assets', async () => {
    expect(await page('assets/site.css')).toContain('.masthead');
  });
});
