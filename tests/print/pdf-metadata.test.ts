/**
 * applyPdfMetadata rewrites a PDF as Chromium writes it (one cross-reference table, no object
 * streams) at the byte level: the information and language set, bookmarks retitled, structure ids
 * renumbered outside stream data, the /ID the MD5 of the file without one. A pdf-lib-made PDF
 * written the same way stands in for Chromium's; no browser.
 */
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFRawStream, type PDFRef, PDFString, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { PdfError } from '../../src/print/errors.ts';
import { applyPdfMetadata, type FinishedPdf } from '../../src/print/pdf-metadata.ts';

const meta = { title: '测试工作简报 2021年第11期', author: '测试局', keywords: ['简报', '2021'], date: '2021-11-29' };
const headings = ['第一章 总则'];

/** Two pages, structure elements with DOM node ids from `base`, a stream reading like an id, one bookmark, the clock's dates. */
async function samplePdf(base: number, clock: Date, options: { useObjectStreams?: boolean } = {}): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.setCreationDate(clock);
  document.setModificationDate(clock);
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (const text of ['one', 'two']) document.addPage([200, 200]).drawText(text, { x: 20, y: 100, font });
  const { context } = document;
  const id = (n: number) => PDFString.of(`node${String(base + n).padStart(8, '0')}`);
  const cells = [7, 3].map((n) => context.register(context.obj({ S: 'TD', ID: id(n), Headers: [id(3)] })));
  document.catalog.set(PDFName.of('StructTreeRoot'), context.obj({ Type: 'StructTreeRoot', K: cells }));
  document.catalog.set(PDFName.of('Extra'), context.register(context.stream('(node00002101) Tj')));
  const outlines = context.nextRef();
  const item = context.register(context.obj({ Title: PDFHexString.fromText('第一章第一章 总则'), Parent: outlines }));
  context.assign(outlines, context.obj({ Type: 'Outlines', First: item, Last: item, Count: 1 }));
  document.catalog.set(PDFName.of('Outlines'), outlines);
  return document.save({ useObjectStreams: options.useObjectStreams ?? false });
}

describe('applyPdfMetadata', () => {
  let finished: FinishedPdf;
  let document: PDFDocument;
  beforeAll(async () => {
    finished = await applyPdfMetadata(await samplePdf(2100, new Date('2026-11-28T02:46:17Z')), meta, { headings });
    document = await PDFDocument.load(finished.bytes, { updateMetadata: false });
  });

  it('sets the information, the language and the bookmark titles', () => {
    expect(finished.pages).toBe(2);
    expect(document.getPageCount()).toBe(2);
    expect(document.getTitle()).toBe(meta.title);
    expect(document.getAuthor()).toBe(meta.author);
    expect(document.getKeywords()).toBe('简报, 2021');
    expect(document.getCreator()).toBe('jianbao');
    expect(document.getCreationDate()?.toISOString()).toBe('2021-11-28T16:00:00.000Z');
    expect(document.getModificationDate()?.toISOString()).toBe('2021-11-28T16:00:00.000Z');
    expect(document.catalog.lookup(PDFName.of('Lang'), PDFString).asString()).toBe('zh-CN');
    const outlines = document.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const item = outlines.lookup(PDFName.of('First'), PDFDict);
    expect(item.lookup(PDFName.of('Title'), PDFHexString).decodeText()).toBe('第一章 总则');
  });

  it('renumbers structure ids in order, and leaves stream data alone', () => {
    const root = document.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const cells = root.lookup(PDFName.of('K'), PDFArray).asArray() as PDFRef[];
    const ids = cells.map((ref) => document.context.lookup(ref, PDFDict).lookup(PDFName.of('ID'), PDFString).asString());
    expect(ids).toEqual(['node2', 'node1']);
    const headers = document.context.lookup(cells[0], PDFDict).lookup(PDFName.of('Headers'), PDFArray);
    expect(headers.lookup(0, PDFString).asString()).toBe('node1');
    const extra = document.context.lookup(document.catalog.get(PDFName.of('Extra'))) as PDFRawStream;
    expect(Buffer.from(extra.getContents()).toString('latin1')).toBe('(node00002101) Tj');
  });

  it('derives the /ID from the file without one', () => {
    const text = Buffer.from(finished.bytes).toString('latin1');
    const line = /\/ID \[ <([0-9A-F]{32})> <\1> \]\n/.exec(text);
    expect(line).not.toBeNull();
    const without = Buffer.from(text.replace(line![0], ''), 'latin1');
    expect(createHash('md5').update(without).digest('hex').toUpperCase()).toBe(line![1]);
  });

  it('gives the same bytes for prints with other node ids and clock times', async () => {
    const other = await applyPdfMetadata(await samplePdf(5300, new Date('2027-01-02T03:04:05Z')), meta, { headings });
    expect(Buffer.from(other.bytes).equals(Buffer.from(finished.bytes))).toBe(true);
  });

  it('refuses a file not written as Chromium writes it', async () => {
    const error = await applyPdfMetadata(await samplePdf(1, new Date(), { useObjectStreams: true }), meta).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PdfError);
    expect((error as PdfError).message).toMatch(/cross-reference table/);
  });
});
