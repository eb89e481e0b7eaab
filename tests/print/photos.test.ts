/**
 * Photos in an issue (tests/fixtures/print-pages/photos): an 800 × 533 JPEG, a 2400 × 1600 one
 * and a 2400 × 1800 phone photo stored on its side with EXIF orientation 6, each left half blue
 * and right half green as stored (made with sharp: flat colours, JPEG quality 90). One build,
 * one PDF: the build succeeds, the web page gets resized copies from a srcset, the PDF embeds
 * each photo upright inside the 版心 at no more than 300 dpi, with its caption centred under it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/pipeline.ts';
import { mmPerPt, pageTexts, words, type Word } from './poppler.ts';
import { buildPdfs } from '../support/shared-browser.ts';

const fixture = fileURLToPath(new URL('../fixtures/print-pages/photos/', import.meta.url));

let dir: string;
let result: BuildResult;
let issueDir: string;
let pdf: string;
let html: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jianbao-photos-'));
  const content = join(dir, 'content');
  cpSync(fixture, content, { recursive: true });
  result = await buildPdfs(content, dir);
  issueDir = join(dir, 'dist', '2021', '1');
  pdf = join(issueDir, '2021-1.pdf');
  html = readFileSync(join(issueDir, 'index.html'), 'utf8');
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** `pdfimages -list`: each image's size in pixels and its resolution as printed. */
function pdfImages(file: string): Array<{ page: number; width: number; height: number; xppi: number; yppi: number }> {
  const lines = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2);
  return lines
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells.length > 13 && cells[2] === 'image')
    .map((cells) => ({ page: Number(cells[0]), width: Number(cells[3]), height: Number(cells[4]), xppi: Number(cells[12]), yppi: Number(cells[13]) }));
}

/** Boxes (mm from the page's top-left corner) of the blue and the green pixels on a page. */
function colourBoxes(file: string, page: number): Record<'blue' | 'green', { left: number; right: number; top: number; bottom: number } | undefined> {
  const dpi = 50;
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file], { maxBuffer: 64 * 1024 * 1024 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  const width = Number(header[1]);
  const height = Number(header[2]);
  const mm = (px: number) => (px * 25.4) / dpi;
  const boxes: Record<string, { left: number; right: number; top: number; bottom: number } | undefined> = {};
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = header[0].length + (y * width + x) * 3;
      const [r, g, b] = [ppm[at]!, ppm[at + 1]!, ppm[at + 2]!];
      const colour = b > 180 && r < 80 && g < 80 ? 'blue' : g > 120 && r < 80 && b < 80 ? 'green' : undefined;
      if (!colour) continue;
      const box = (boxes[colour] ??= { left: mm(x), right: mm(x + 1), top: mm(y), bottom: mm(y + 1) });
      box.left = Math.min(box.left, mm(x));
      box.right = Math.max(box.right, mm(x + 1));
      box.top = Math.min(box.top, mm(y));
      box.bottom = Math.max(box.bottom, mm(y + 1));
    }
  }
  return { blue: boxes.blue, green: boxes.green };
}

describe('photos in an issue', () => {
  it('builds the PDF with photos of any size, as many pages as laid out', () => {
    expect(result.counts.pdfsRendered).toBe(1);
    expect(result.warnings.filter((warning) => warning.ruleId === 'print-resource')).toEqual([]);
  });

  it('writes resized copies beside the original, upright and without metadata', async () => {
    const phone = await sharp(join(issueDir, 'phone.960w.jpg')).metadata();
    expect([phone.width, phone.height, phone.orientation, phone.exif]).toEqual([960, 1280, undefined, undefined]);
    const print = await sharp(join(issueDir, 'phone.print.jpg')).metadata();
    expect([print.width, print.height]).toEqual([1107, 1476]);
    const small = await sharp(join(issueDir, 'small.800w.jpg')).metadata();
    expect([small.width, small.height]).toEqual([800, 533]);
    // The originals are published as they are.
    expect(readFileSync(join(issueDir, 'phone.jpg'))).toEqual(readFileSync(join(dir, 'content', '2021', '1', 'phone.jpg')));
  });

  it('gives the web page a srcset of the copies, linked to the original, with the caption under it', () => {
    expect(html).toContain(
      '<figure class="figure"><a href="phone.jpg" class="figure-original"><img src="phone.960w.jpg" alt="梅江区的小区改造现场" srcset="phone.480w.jpg 480w, phone.960w.jpg 960w, phone.1440w.jpg 1440w" sizes="(min-width: 48rem) 46rem, 100vw" width="1800" height="2400" style="--aspect: 0.75; --width: 1800px" loading="lazy" decoding="async"></a><figcaption>图：梅江区的小区改造现场</figcaption></figure>',
    );
    expect(html).toContain('<figcaption aria-hidden="true">蕉岭县改造后的小区</figcaption>');
    expect(html).toContain('<figcaption>图：兴宁市改造后的小区（市住房和城乡建设局供图）</figcaption>');
    // The 图：… paragraph became the caption.
    expect(html).not.toContain('<p>图：');
  });

  it('embeds each photo at no more than 300 dpi', () => {
    const images = pdfImages(pdf);
    expect(images.map((image) => [image.width, image.height])).toEqual([
      [800, 533],
      [1843, 1229],
      [1107, 1476],
    ]);
    for (const image of images) {
      expect(image.xppi).toBeLessThanOrEqual(301);
      expect(image.yppi).toBeLessThanOrEqual(301);
    }
    expect(images[2]!.xppi).toBeGreaterThan(290);
  });

  it('prints each photo upright inside the 版心, a tall one at most 125 mm high, its caption centred under it', () => {
    const all = words(pdf);
    const texts = pageTexts(pdf).map((text) => text.replace(/\s+/g, ''));
    for (const [caption, tall] of [
      ['蕉岭县改造后的小区', false],
      ['图：兴宁市改造后的小区', false],
      ['图：梅江区的小区改造现场', true],
    ] as const) {
      const page = texts.findIndex((text) => text.includes(caption)) + 1;
      expect(page, caption).toBeGreaterThan(0);
      const left = page % 2 === 1 ? 28 : 26;
      const { blue: top, green: bottom } = colourBoxes(pdf, page);
      expect(top && bottom, caption).toBeTruthy();
      const box = {
        left: Math.min(top!.left, bottom!.left),
        right: Math.max(top!.right, bottom!.right),
        top: Math.min(top!.top, bottom!.top),
        bottom: Math.max(top!.bottom, bottom!.bottom),
      };
      expect(box.left, caption).toBeGreaterThanOrEqual(left - 1);
      expect(box.right, caption).toBeLessThanOrEqual(left + 156 + 1);
      expect(box.top, caption).toBeGreaterThanOrEqual(37 - 1);
      expect(box.bottom, caption).toBeLessThanOrEqual(37 + 225 + 1);
      if (tall) {
        // Stored on its side: upright, the blue half is on top, and the photo is taller than wide.
        expect(top!.bottom).toBeLessThanOrEqual(bottom!.top + 1);
        expect(box.bottom - box.top).toBeGreaterThan(box.right - box.left);
        expect(box.bottom - box.top).toBeLessThanOrEqual(125 + 1);
      } else {
        // Landscape photos take the 版心's width, blue at the left.
        expect(box.right - box.left).toBeGreaterThan(156 - 2);
        expect(top!.right).toBeLessThanOrEqual(bottom!.left + 1);
      }
      const captionWords = all.filter((word: Word) => word.page === page && word.yMin > box.bottom && caption.startsWith(word.text.slice(0, 2)));
      expect(captionWords.length, caption).toBeGreaterThan(0);
      const line = all.filter((word) => word.page === page && Math.abs(word.yMin - captionWords[0]!.yMin) < 0.5);
      const centre = (Math.min(...line.map((word) => word.xMin)) + Math.max(...line.map((word) => word.xMax))) / 2;
      expect(Math.abs(centre - (left + 78)), caption).toBeLessThan(14 * mmPerPt);
      expect(captionWords[0]!.yMin - box.bottom).toBeLessThan(10);
    }
  });

  it('floats a photo that does not fit at a page’s foot past the text after it, never past the article’s closing note', () => {
    const texts = pageTexts(pdf).map((text) => text.replace(/\s+/g, ''));
    const pageOf = (text: string) => texts.findIndex((page) => page.includes(text)) + 1;
    // The first photo does not fit under the first paragraph: the paragraph after it fills page 1.
    expect(pageOf('蕉岭县在老旧小区改造中')).toBe(1);
    expect(pageOf('蕉岭县改造后的小区')).toBe(2);
    // The note that closes the article stays after its last photo.
    const last = texts[pageOf('图：梅江区的小区改造现场') - 1]!;
    expect(pageOf('（综合整理）')).toBe(pageOf('图：梅江区的小区改造现场'));
    expect(last.indexOf('（综合整理）')).toBeGreaterThan(last.indexOf('图：梅江区的小区改造现场'));
    expect(result.counts.pdfs).toBe(1);
  });
});
