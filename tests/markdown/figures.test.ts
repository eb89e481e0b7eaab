import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProcessor } from '../../src/markdown/processor.ts';
import { formatMessage } from '../../src/report/messages.ts';
import { printWarnings } from '../../src/print/print-warnings.ts';
import type { RenderedIssue } from '../../src/model.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-figures-'));
  await writeFile(join(dir, 'not-a-photo.jpg'), 'plain text, saved as .jpg');
  await sharp({ create: { width: 600, height: 400, channels: 3, background: '#336699' } })
    .png()
    .toFile(join(dir, 'chart.png'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A printed message from the file name on (the path before it depends on the working folder). */
const fromName = (line: string) => line.slice(line.indexOf('index.md'));

const render = (markdown: string) => createProcessor({ root: dir }).process(new VFile({ path: join(dir, 'index.md'), value: markdown }));

describe('photos as figures', () => {
  it('captions a photo with the 图：… line under it, and the print edition shows the print copy', async () => {
    const file = await render('## 文\n\n![统计图](chart.png)\n图：2021年各县进展\n\n正文。');
    expect(String(file)).toContain('<figcaption>图：2021年各县进展</figcaption></figure>');
    expect(String(file)).toContain('srcset="chart.480w.png 480w, chart.600w.png 600w"');
    // The web page shows it at most its own 600 px wide, not stretched to the column.
    expect(String(file)).toContain('style="--aspect: 1.5; --width: 600px"');
    expect(file.data.printHtml).toContain('<img src="chart.print.png" alt="统计图" width="600" height="400" style="--aspect: 1.5; --width: 600px">');
    expect(file.data.images).toEqual([
      {
        source: 'chart.png',
        width: 600,
        height: 400,
        web: [
          { file: 'chart.480w.png', width: 480, height: 320 },
          { file: 'chart.600w.png', width: 600, height: 400 },
        ],
        print: { file: 'chart.print.png', width: 600, height: 400 },
      },
    ]);
  });

  it('makes two photos in a row two figures, each with its own caption, in order', async () => {
    const file = await render('## 文\n\n![第一张的说明](chart.png)\n\n![](chart.png)\n图1：第二张的图注\n\n（供稿）\n');
    const figures = [...String(file).matchAll(/<figure class="figure">[\s\S]*?<\/figure>/g)].map(([figure]) => [
      (figure.match(/<img /g) ?? []).length,
      /<figcaption[^>]*>(.*?)<\/figcaption>/.exec(figure)?.[1],
    ]);
    expect(figures).toEqual([
      [1, '第一张的说明'],
      [1, '图1：第二张的图注'],
    ]);
    expect(String(file).indexOf('第二张的图注')).toBeLessThan(String(file).indexOf('（供稿）'));
  });

  it('takes a caption written with the number and a space before its title, as editors write it', async () => {
    const file = await render(
      '## 文\n\n![](chart.png)\n\n图1 梅江区改造现场\n\n![](chart.png)\n图2-1　蕉岭县改造后的小区\n\n![统计图](chart.png)\n\n图1是改造前的样子。\n',
    );
    const captions = [...String(file).matchAll(/<figcaption[^>]*>(.*?)<\/figcaption>/g)].map((found) => found[1]);
    expect(captions).toEqual(['图1 梅江区改造现场', '图2-1　蕉岭县改造后的小区', '统计图']);
    expect(String(file)).toContain('<p>图1是改造前的');
    // The caption's own space is no stray space between a digit and Chinese, and a photo captioned so has a name.
    expect(file.messages.map((message) => message.ruleId)).toEqual([]);
  });

  it('names the link to the original by the description, else by the 图：… caption, and reads a description once', async () => {
    const file = await render(
      '## 文\n\n![](chart.png)\n图：梅江区的小区改造现场（市住房和城乡建设局供图）\n\n![统计图](chart.png)\n\n![统计图](chart.png)\n图1：2021年各县进展\n\n![](chart.png)\n',
    );
    const links = [...String(file).matchAll(/<a href="chart\.png"[^>]*>|<figcaption[^>]*>[^<]*<\/figcaption>/g)].map(([tag]) => tag);
    expect(links).toEqual([
      '<a href="chart.png" class="figure-original" aria-labelledby="photo-1-caption">',
      '<figcaption id="photo-1-caption">图：梅江区的小区改造现场（市住房和城乡建设局供图）</figcaption>',
      // The image's alt names the link; the caption showing the same text is not read again.
      '<a href="chart.png" class="figure-original">',
      '<figcaption aria-hidden="true">统计图</figcaption>',
      '<a href="chart.png" class="figure-original">',
      '<figcaption>图1：2021年各县进展</figcaption>',
      '<a href="chart.png" class="figure-original" aria-label="查看原图">',
    ]);
    // The print edition has no links: its figures are as they were.
    expect(file.data.printHtml).not.toMatch(/aria-|photo-1-caption/);
    expect(file.data.printHtml).toContain('<figcaption>图：梅江区的小区改造现场（市住房和城乡建设局供图）</figcaption></figure>');
    expect(file.data.printHtml).toContain(
      '<img src="chart.print.png" alt="统计图" width="600" height="400" style="--aspect: 1.5; --width: 600px"><figcaption>统计图</figcaption></figure>',
    );
  });

  it('warns at the image about a file that does not read as an image', async () => {
    const file = await render('## 文\n\n![现场照片](not-a-photo.jpg)');
    expect(file.messages.map((message) => fromName(formatMessage(message)))).toEqual([
      expect.stringMatching(
        /^index\.md:3:1: warning: Cannot read not-a-photo\.jpg as an image \(.+\); the page and the PDF would show it broken: save it again as JPEG or PNG \[image-unreadable\]$/,
      ),
    ]);
    // Still a figure with its caption, without copies.
    expect(String(file)).toContain(
      '<figure class="figure"><img src="not-a-photo.jpg" alt="现场照片"><figcaption aria-hidden="true">现场照片</figcaption></figure>',
    );
  });

  it('leaves an image inside a sentence where it is', async () => {
    const file = await render('## 文\n\n见图![图标](chart.png)所示。');
    expect(String(file)).not.toContain('<figure');
  });
});

describe('printWarnings', () => {
  it('places a file the print page could not show where the Markdown or a template names it', () => {
    const rendered = {
      issue: { source: '/c/2021/11/index.md', markdown: '---\nyear: 2021\n---\n\n## 文\n\n![远程](https://example.com/x.png)\n' },
    } as RenderedIssue;
    const warnings = printWarnings(
      rendered,
      { blocked: ['https://example.com/x.png', 'file:///w/shared/logo.png'], brokenImages: ['https://example.com/x.png'] },
      { pageDir: '/w/2021/11', templatesDir: '/nonexistent' },
    );
    expect(warnings.map((warning) => fromName(formatMessage(warning)))).toEqual([
      'index.md:7:7: warning: The PDF leaves out https://example.com/x.png: the print page may load only the issue’s own files, the templates and the bundled fonts, nothing from another site; save it beside the issue and name it by its file name [print-resource]',
      'index.md:1:1: warning: The PDF leaves out ../../shared/logo.png: the print page may load only the issue’s own files, the templates and the bundled fonts, nothing from another site; save it beside the issue and name it by its file name [print-resource]',
    ]);
  });
});
