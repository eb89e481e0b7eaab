/**
 * applyPdfMetadata writes the PDF once and puts the /ID into the trailer of that draft: the bytes
 * must be exactly those pdf-lib writes for the whole document with the ID, and the ID the MD5 of
 * the document without one. A pdf-lib-made PDF stands in for Chromium's; no browser.
 */
import { createHash } from 'node:crypto';
import { PDFDocument, PDFHexString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { applyPdfMetadata } from '../../src/print/pdf-metadata.ts';

async function samplePdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (const text of ['one', 'two']) document.addPage([200, 200]).drawText(text, { x: 20, y: 100, font });
  return document.save();
}

describe('applyPdfMetadata', () => {
  it('gives the bytes of a full write with the ID, the ID being the hash of the document without it', async () => {
    const meta = { title: '测试工作简报 2021年第11期', author: '测试局', keywords: ['简报', '2021'], date: '2021-11-29' };
    const finished = await applyPdfMetadata(await samplePdf(), meta, { headings: [] });
    expect(finished.pages).toBe(2);

    const document = await PDFDocument.load(finished.bytes, { updateMetadata: false });
    const trailer = document.context.trailerInfo;
    const ids = document.context.lookup(trailer.ID) as unknown as { get(index: number): PDFHexString };
    const id = ids.get(0).asString();
    trailer.ID = undefined;
    const without = await document.save({ useObjectStreams: false });
    expect(id).toBe(createHash('md5').update(without).digest('hex').toUpperCase());
    trailer.ID = document.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
    expect(Buffer.from(await document.save({ useObjectStreams: false })).equals(Buffer.from(finished.bytes))).toBe(true);
  });
});
