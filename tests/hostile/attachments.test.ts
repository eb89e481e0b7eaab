import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkLocalFiles from '../../src/markdown/remark-local-files.ts';
import { formatMessage } from '../../src/report/messages.ts';
import { runCli } from '../support/run-cli.ts';

const root = 'tests/fixtures/hostile/attachments';
const file = `${root}/2021/1/index.md`;
const links = 'pdf, doc, docx, xls, xlsx, ppt, pptx, wps, et, odt, ods, ofd, png, jpg, jpeg, gif, webp, avif, csv, txt, zip, 7z or rar';
const why = 'other types, HTML, SVG and scripts above all, can run code when opened from the site';
const link = (place: string, url: string) =>
  `${file}:${place}: Expected the link to name a ${links} file, got ${url}; ${why}, so save it as PDF or put it in a ZIP [link-type]`;
const image = (place: string, url: string) =>
  `${file}:${place}: Expected the image to name a png, jpg, jpeg, gif, webp or avif file, got ${url}; ${why}, so save it as PNG or JPEG [image-type]`;

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

describe('a link to another issue', () => {
  it('is refused as a folder, saying to write its web address', async () => {
    const file = await unified()
      .use(remarkParse)
      .use(remarkLocalFiles, { root: '.' })
      .use(remarkRehype)
      .use(rehypeStringify)
      .process(new VFile({ path: 'content/2021/4/index.md', cwd: process.cwd(), value: '见[上期简报](../3/)。' }));
    expect(file.messages.map((message) => formatMessage(message))).toEqual([
      'content/2021/4/index.md:1:2: Expected the link to name a file beside the issue or an http: or https: address, got ../3/, a folder; to link another issue, write its web address (the site’s url and its year and number: …/2021/3/) [link-type]',
    ]);
  });
});

describe('a remote image', () => {
  it('is a warning at its place, since the PDF leaves it out; a missing local one is an error', async () => {
    const file = await unified()
      .use(remarkParse)
      .use(remarkLocalFiles)
      .use(remarkRehype)
      .use(rehypeStringify)
      .process(new VFile({ path: 'index.md', value: '![图](https://example.org/a.png)\n\n![图][r]\n\n[r]: http://example.org/b.png\n\n![图](missing.png)' }));
    const remote = (place: string, url: string) =>
      `index.md:${place}: warning: Image ${url} is on another site: the web page loads it from there, but the PDF leaves it out, since the print page fetches nothing remote; save the image beside the issue and write its file name instead [image-remote]`;
    expect(file.messages.map((message) => formatMessage(message))).toEqual([
      remote('1:1', 'https://example.org/a.png'),
      remote('5:1', 'http://example.org/b.png'),
      'index.md:7:1: Cannot find missing.png for the image missing.png; paths are relative to this Markdown file [image-missing]',
    ]);
  });
});
