// The share picture comes from the page the PDF was printed from when both are made in a build,
// the same bytes as from the page loaded for the picture alone (a build whose PDF was cached).
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/pipeline.ts';
import { pdfEdition } from '../../src/print/pdf-edition.ts';
import type { Printer } from '../../src/print/printer.ts';
import { shareImageEdition } from '../../src/print/share-image-edition.ts';
import { createNunjucksEngine } from '../../src/site/engine.ts';
import type { RenderedIssue } from '../../src/model.ts';
import { sharedPrinter } from '../support/shared-browser.ts';

let root: string;
let printer: Printer;
let rendered: RenderedIssue;
let context: Parameters<typeof pdfEdition>[0];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'jianbao-share-picture-'));
  // A one-paragraph issue: what is compared is where the picture comes from, not a layout.
  const { site, issues, errors } = await validateContent('tests/fixtures/print-cache', { workers: 0 });
  expect(errors).toEqual([]);
  rendered = issues.find((candidate) => candidate.issue.path === '2024/1/')!;
  printer = await sharedPrinter();
  context = { engine: createNunjucksEngine('templates'), series: site.series!, templatesDir: 'templates', workDir: join(root, 'work'), printer };
});
afterAll(async () => {
  await printer?.close();
  await rm(root, { recursive: true, force: true });
});

/** Width and height from a PNG's header. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('the share picture', () => {
  it('is taken from the page the PDF was printed from, the same bytes as from a page loaded for it alone', async () => {
    await pdfEdition({ ...context, sharePictures: true }).render(rendered, join(root, 'issue.pdf'));
    expect([...printer.pictures.keys()]).toEqual(['2024/1/']);
    const image = shareImageEdition(context);
    const taken = await image.render(rendered, join(root, 'taken.png'));
    // Taken once: the next picture of the issue loads its page.
    expect(printer.pictures.size).toBe(0);
    const alone = await image.render(rendered, join(root, 'alone.png'));
    const [takenPng, alonePng] = await Promise.all([readFile(join(root, 'taken.png')), readFile(join(root, 'alone.png'))]);
    expect(pngSize(takenPng)).toEqual({ width: 1200, height: 630 });
    expect(taken.size).toBe(takenPng.byteLength);
    expect(alone.size).toBe(alonePng.byteLength);
    expect(takenPng.equals(alonePng)).toBe(true);
  }, 120_000);

  it('is laid out as printed when its page is loaded for it alone: a short series title spread as on the PDF', async () => {
    // The layout sets a short title large and spread across the masthead; a picture taken without it showed it small.
    const content = join(root, 'short-title');
    await cp('tests/fixtures/print-cache', content, { recursive: true });
    const series = join(content, 'bulletin.yaml');
    await writeFile(series, (await readFile(series, 'utf8')).replace(/^title: .*$/m, 'title: 工作简报'));
    const { site, issues } = await validateContent(content, { workers: 0 });
    const short = issues.find((candidate) => candidate.issue.path === '2024/1/')!;
    const shortContext = { ...context, series: site.series!, workDir: join(root, 'short-work') };
    await pdfEdition({ ...shortContext, sharePictures: true }).render(short, join(root, 'short.pdf'));
    const image = shareImageEdition(shortContext);
    await image.render(short, join(root, 'short-taken.png'));
    await image.render(short, join(root, 'short-alone.png'));
    const [taken, alone] = await Promise.all([readFile(join(root, 'short-taken.png')), readFile(join(root, 'short-alone.png'))]);
    expect(taken.equals(alone)).toBe(true);
  }, 120_000);

  it('is not taken by a PDF edition not asked for it', async () => {
    await pdfEdition(context).render(rendered, join(root, 'again.pdf'));
    expect(printer.pictures.size).toBe(0);
  }, 120_000);
});
