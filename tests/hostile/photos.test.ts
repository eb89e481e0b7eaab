import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProcessor } from '../../src/markdown/processor.ts';
import { build } from '../../src/pipeline.ts';
import { formatMessage } from '../../src/report/messages.ts';

// A photo is published beside the page as it is, so its name's type is checked at the link
// (image-type); what the file holds is read by sharp, which reads an SVG as readily as a JPEG.
let dir: string;
const picture = () => sharp({ create: { width: 40, height: 30, channels: 3, background: '#c8000f' } });
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-photos-'));
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><script>alert(document.domain)</script><rect width="800" height="600"/></svg>';
  await writeFile(join(dir, 'drawing.png'), svg);
  await writeFile(join(dir, 'scan.jpg'), await picture().tiff().toBuffer());
  await writeFile(join(dir, 'photo.avif'), await picture().avif().toBuffer());
  await writeFile(join(dir, 'photo.jpg'), await picture().jpeg().toBuffer());
  // Another picture, named as the build names photo.jpg's print copy.
  await writeFile(join(dir, 'photo.print.jpg'), await picture().negate().jpeg().toBuffer());
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const render = (markdown: string) => createProcessor({ root: dir }).process(new VFile({ path: join(dir, 'index.md'), value: markdown }));
const lines = (file: VFile) => file.messages.map((message) => formatMessage(message, dir));
const shown = (name: string, held: string) =>
  `index.md:3:1: warning: Cannot show ${name} as a photo: it holds ${held} data, not the PNG, JPEG, WebP, AVIF or GIF its name says, so the page and the PDF would show it broken; save it again as JPEG or PNG [image-unreadable]`;

describe('a photo holding another format than its name says', () => {
  it('is a warning at the image, an SVG drawing with its script above all, and gets no copies', async () => {
    const drawing = await render('## 文\n\n![现场](drawing.png)');
    expect(lines(drawing)).toEqual([shown('drawing.png', 'SVG')]);
    expect(drawing.data.images).toBeUndefined();
    expect(lines(await render('## 文\n\n![现场](scan.jpg)'))).toEqual([shown('scan.jpg', 'TIFF')]);
  });

  it('is not a JPEG or an AVIF, which are read as themselves and get their copies in their own format', async () => {
    for (const name of ['photo.jpg', 'photo.avif']) {
      const file = await render(`## 文\n\n![现场](${name})`);
      expect(lines(file)).toEqual([]);
      // sharp names an AVIF's format by its container, HEIF, which once left it without copies.
      const extension = name.slice(name.indexOf('.'));
      expect(file.data.images?.map((image) => [...image.web, image.print].map((copy) => copy.file))).toEqual([
        [`photo.40w${extension}`, `photo.print${extension}`],
      ]);
    }
  });

  it('is not an AVIF, whose copies a build makes as AVIF', async () => {
    const content = join(dir, 'content');
    await mkdir(join(content, '2021', '1'), { recursive: true });
    await writeFile(join(content, 'bulletin.yaml'), 'title: 测试工作简报\nissuer: 测试局\nurl: https://example.org/test/\n');
    await writeFile(join(content, '2021', '1', 'index.md'), '---\nyear: 2021\nnumber: 1\ntotal: 1\ndate: 2021-01-10\n---\n\n## 标题\n\n![现场](photo.avif)\n');
    await writeFile(join(content, '2021', '1', 'photo.avif'), await picture().avif().toBuffer());
    const out = join(dir, 'dist');
    await build({ contentDir: content, outDir: out, pdf: false, search: false, cacheDir: false });
    const copy = await sharp(join(out, '2021', '1', 'photo.40w.avif')).metadata();
    expect([copy.format, copy.compression, copy.width]).toEqual(['heif', 'av1', 40]);
  });
});

describe('a linked file named as a copy the build makes of a photo', () => {
  it('is an error at the photo, as it would take the copy’s place on the site', async () => {
    const file = await render('## 文\n\n![现场](photo.jpg)\n\n[附件](photo.print.jpg)');
    expect(lines(file)).toEqual([
      "index.md:3:1: Cannot publish photo.jpg as a photo: the build names a copy of it photo.print.jpg, the name of a file this issue links or shows, which would take that copy's place on the site; rename photo.print.jpg [image-copy-name]",
    ]);
  });

  it('is no problem unlinked, as only linked files are published', async () => {
    expect(lines(await render('## 文\n\n![现场](photo.jpg)'))).toEqual([]);
  });
});
