import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const root = 'tests/fixtures/hostile/attachments';
const file = `${root}/2021/1/index.md`;
const links = 'pdf, doc, docx, xls, xlsx, ppt, pptx, wps, et, odt, ods, ofd, png, jpg, jpeg, gif, webp, avif, csv, txt, zip, 7z or rar';
const why = 'other types, HTML, SVG and scripts above all, can run code when opened from the site';
const link = (place: string, url: string) => `${file}:${place}: Expected the link to name a ${links} file, got ${url}; ${why}, so save it as PDF or put it in a ZIP`;
const image = (place: string, url: string) => `${file}:${place}: Expected the image to name a png, jpg, jpeg, gif, webp or avif file, got ${url}; ${why}, so save it as PNG or JPEG`;

describe('attachments that could carry script', () => {
  it('are refused at their place, by extension, whatever the file holds; safe types pass', async () => {
    const result = await runCli('check', '--content', root);
    expect(result.lines).toEqual([
      link('10:1', 'evil.html'),
      link('10:17', 'evil.htm'),
      link('10:32', 'evil.xhtml'),
      link('10:49', 'evil.xml'),
      link('10:64', 'evil.js'),
      link('10:78', 'evil.mjs'),
      link('10:93', 'evil.svg'),
      link('10:108', 'README'),
      image('12:1', 'evil.svg'),
      image('12:16', 'photo.pdf'),
      // A definition is checked as an image when an image refers to it.
      link('16:1', 'evil.html'),
      image('17:1', 'logo.svg'),
      `jianbao: checked 1 issue file in ${root}/: 12 errors`,
    ]);
    // Line 19 links 方案.PDF, data.xlsx, 通知.ofd, 材料.zip and shows photo.jpg: no message.
    expect(result.code).toBe(1);
  });
});
