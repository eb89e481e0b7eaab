import { createHash } from 'node:crypto';
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, PDFWriter, type PDFObject } from 'pdf-lib';
import { PdfError } from './errors.ts';
import { retitleOutline } from './pdf-outline.ts';

export interface PdfMetadata {
  /** Series title and issue, e.g. `梅州市城镇老旧小区改造工作简报 2021年第11期`. */
  readonly title: string;
  /** The issuing organ. */
  readonly author: string;
  readonly subject?: string;
  /** Joined with ", " when a list. */
  readonly keywords?: string | readonly string[];
  /**
   * The date, `YYYY-MM-DD`. It becomes CreationDate and ModDate
   * (midnight, China Standard Time) so two builds of one issue are identical.
   */
  readonly date: string;
  /**
   * Document language (the catalog's /Lang).
   * @default 'zh-CN'
   */
  readonly lang?: string;
  /**
   * The /Creator entry (Chromium puts its user-agent string there).
   * @default 'jianbao'
   */
  readonly creator?: string;
}

export interface FinishedPdf {
  readonly bytes: Uint8Array;
  readonly pages: number;
}

export interface FinishOptions {
  /** The page's heading texts in order, to retitle the outline's bookmarks (see retitleOutline). */
  readonly headings?: readonly string[];
}

/**
 * Set the document information and language of a PDF Chromium printed and
 * make the bytes reproducible: Chromium stamps the clock into CreationDate and
 * ModDate, which are replaced by the date, and the file /ID is derived
 * from the content. Structure (tags, outline, links) is kept as it is.
 */
export async function applyPdfMetadata(pdf: Uint8Array, meta: PdfMetadata, options: FinishOptions = {}): Promise<FinishedPdf> {
  const stamp = pdfDate(meta.date);
  // updateMetadata: false — otherwise pdf-lib writes its own Producer and the clock into ModDate.
  // Fastest: parsed in one go, without pausing for the event loop every 100 objects.
  const document = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });

  document.setTitle(meta.title, { showInWindowTitleBar: true });
  document.setAuthor(meta.author);
  if (meta.subject) document.setSubject(meta.subject);
  const keywords = typeof meta.keywords === 'string' ? meta.keywords : meta.keywords?.join(', ');
  if (keywords) setInfo(document, 'Keywords', PDFHexString.fromText(keywords));
  document.setCreator(meta.creator ?? 'jianbao');
  setInfo(document, 'CreationDate', PDFString.of(stamp));
  setInfo(document, 'ModDate', PDFString.of(stamp));
  document.catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang ?? 'zh-CN'));
  renumberStructureIds(document);
  if (options.headings) retitleOutline(document, options.headings);

  // The /ID is a hash of the document without one: stable for the same input, different for different content.
  const trailer = document.context.trailerInfo;
  trailer.ID = undefined;
  const draft = await document.save({ useObjectStreams: false, objectsPerTick: Infinity });
  const id = PDFHexString.of(createHash('md5').update(draft).digest('hex').toUpperCase());
  // The trailer comes last, after the cross-reference table: written with its /ID it moves no
  // object, so the ID goes into the draft's trailer instead of the whole file being written again.
  const without = trailerText(document);
  trailer.ID = document.context.obj([id, id]);
  return { bytes: replaceLast(draft, without, trailerText(document)), pages: document.getPageCount() };
}

/** The trailer dictionary as pdf-lib writes it (`PDFWriter.createTrailerDict`, protected in its types). */
function trailerText(document: PDFDocument): string {
  const writer = PDFWriter.forContext(document.context, Infinity) as unknown as { createTrailerDict(): PDFDict };
  return `trailer\n${writer.createTrailerDict().toString()}`;
}

/** `bytes` with the last occurrence of the ASCII text `from` replaced by `to`. */
function replaceLast(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).lastIndexOf(from, undefined, 'latin1');
  if (at < 0) throw new PdfError('render-failed', 'The PDF pdf-lib wrote has no trailer where expected; please report this.');
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(to, 'latin1'), bytes.subarray(at + from.length)]);
}

/**
 * Chromium names table-cell structure elements after DOM node ids
 * (`/ID (node00000060)`, referenced from other cells' /Headers and the
 * /IDTree). Those ids count every node the renderer process has created, so
 * they differ from one build to the next. Renumber them 1, 2, 3… keeping their
 * order (the /IDTree is sorted by them).
 */
function renumberStructureIds(document: PDFDocument): void {
  const pattern = /^node\d+$/;
  const found = new Set<string>();
  const visit = (object: PDFObject | undefined, replace?: Map<string, string>): PDFObject | undefined => {
    if (object instanceof PDFString || object instanceof PDFHexString) {
      const text = object.decodeText();
      if (!pattern.test(text)) return undefined;
      if (!replace) found.add(text);
      const renamed = replace?.get(text);
      return renamed === undefined ? undefined : PDFString.of(renamed);
    }
    if (object instanceof PDFArray) {
      for (let i = 0; i < object.size(); i++) {
        const next = visit(object.get(i), replace);
        if (next) object.set(i, next);
      }
    } else if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) {
        const next = visit(value, replace);
        if (next) object.set(key, next);
      }
    }
    return undefined;
  };
  const objects = document.context.enumerateIndirectObjects().map(([, object]) => object);
  for (const object of objects) visit(object);
  if (found.size === 0) return;
  const ordered = [...found].sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
  const width = String(ordered.length).length;
  const names = new Map(ordered.map((id, index) => [id, `node${String(index + 1).padStart(width, '0')}`]));
  for (const object of objects) visit(object, names);
}

function setInfo(document: PDFDocument, key: string, value: PDFString | PDFHexString): void {
  const info = document.context.lookup(document.context.trailerInfo.Info, PDFDict);
  info.set(PDFName.of(key), value);
}

/** `2021-11-29` → `D:20211129000000+08'00'`. */
function pdfDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const valid = match && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
  if (!match || !valid) {
    throw new PdfError('invalid-option', `Expected the issue date as YYYY-MM-DD (for example 2021-11-29), got ${JSON.stringify(date)}.`);
  }
  return `D:${match[1]}${match[2]}${match[3]}000000+08'00'`;
}
