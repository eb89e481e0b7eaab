import { createHash } from 'node:crypto';
import { PDFBool, PDFContext, PDFDict, PDFHexString, PDFName, PDFNumber, PDFObjectParser, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
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
 *
 * The file is rewritten at the byte level rather than loaded and saved whole by pdf-lib: that
 * parsed and wrote every object and stream again, some 40 ms of Node's time per PDF (a third of
 * what Chromium takes to print one), for the handful of small objects that change. Here pdf-lib
 * parses and writes only those (the Info, the catalog, retitled bookmarks); every other object is
 * copied as Chromium wrote it, its structure ids renumbered, and the cross-reference table is
 * written anew. It expects the file as Chromium (Skia) writes it: one cross-reference table, no
 * object or cross-reference streams.
 */
export async function applyPdfMetadata(pdf: Uint8Array, meta: PdfMetadata, options: FinishOptions = {}): Promise<FinishedPdf> {
  const stamp = pdfDate(meta.date);
  const file = readPdf(pdf);
  const changed = new Map<number, PDFDict>();

  const infoRef = file.trailer.get(PDFName.of('Info'));
  const info = infoRef instanceof PDFRef ? file.lookup(infoRef) : undefined;
  if (!info || !(infoRef instanceof PDFRef)) throw unexpected('no document information dictionary');
  info.set(PDFName.of('Title'), PDFHexString.fromText(meta.title));
  info.set(PDFName.of('Author'), PDFHexString.fromText(meta.author));
  if (meta.subject) info.set(PDFName.of('Subject'), PDFHexString.fromText(meta.subject));
  const keywords = typeof meta.keywords === 'string' ? meta.keywords : meta.keywords?.join(', ');
  if (keywords) info.set(PDFName.of('Keywords'), PDFHexString.fromText(keywords));
  info.set(PDFName.of('Creator'), PDFHexString.fromText(meta.creator ?? 'jianbao'));
  info.set(PDFName.of('CreationDate'), PDFString.of(stamp));
  info.set(PDFName.of('ModDate'), PDFString.of(stamp));
  changed.set(infoRef.objectNumber, info);

  const rootRef = file.trailer.get(PDFName.of('Root'));
  const catalog = rootRef instanceof PDFRef ? file.lookup(rootRef) : undefined;
  if (!catalog || !(rootRef instanceof PDFRef)) throw unexpected('no document catalog');
  catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang ?? 'zh-CN'));
  // A viewer shows the title rather than the file name (what pdf-lib's showInWindowTitleBar set).
  const preferences = catalog.get(PDFName.of('ViewerPreferences'));
  const displayTitle = preferences instanceof PDFDict ? preferences : file.context.obj({});
  displayTitle.set(PDFName.of('DisplayDocTitle'), PDFBool.True);
  catalog.set(PDFName.of('ViewerPreferences'), displayTitle);
  changed.set(rootRef.objectNumber, catalog);

  if (options.headings) {
    const outlines = catalog.get(PDFName.of('Outlines'));
    for (const item of retitleOutline(file.lookup(outlines), (ref) => file.lookup(ref), options.headings)) {
      const number = file.numbers.get(item);
      if (number !== undefined) changed.set(number, item);
    }
  }
  const pagesRef = catalog.get(PDFName.of('Pages'));
  const count = file.lookup(pagesRef)?.get(PDFName.of('Count'));
  if (!(count instanceof PDFNumber)) throw unexpected('no page count');

  const { body, xref } = rewrite(file, changed);
  // The /ID is a hash of the document without one: stable for the same input, different for different content.
  const tail = Buffer.from(`\nstartxref\n${xref}\n%%EOF\n`, 'latin1');
  file.trailer.delete(PDFName.of('ID'));
  const draft = Buffer.from(`trailer\n${file.trailer.toString()}`, 'latin1');
  const hex = createHash('md5').update(body).update(draft).update(tail).digest('hex').toUpperCase();
  const id = PDFHexString.of(hex);
  file.trailer.set(PDFName.of('ID'), file.context.obj([id, id]));
  const bytes = Buffer.concat([body, Buffer.from(`trailer\n${file.trailer.toString()}`, 'latin1'), tail]);
  return { bytes, pages: count.asNumber() };
}

/** A PDF as Chromium wrote it: where each object starts, its trailer, and its objects read on demand. */
interface RawPdf {
  readonly bytes: Buffer;
  /** The bytes as Latin-1 text, one character a byte, to search. */
  readonly text: string;
  /** Object number → generation and byte offset, in file order. */
  readonly objects: readonly { readonly number: number; readonly generation: number; readonly offset: number }[];
  /** Where the cross-reference table starts: the end of the last object. */
  readonly xref: number;
  readonly trailer: PDFDict;
  readonly context: PDFContext;
  /** The dictionary stored under `ref` (read once), or undefined when it is none. */
  lookup(ref: PDFObject | undefined): PDFDict | undefined;
  /** The object number of each dictionary `lookup` gave. */
  readonly numbers: Map<PDFDict, number>;
}

function unexpected(what: string): PdfError {
  return new PdfError(
    'render-failed',
    `The PDF Chromium printed has ${what} where expected (one cross-reference table, no object streams); please report this with the browser's version.`,
  );
}

function readPdf(pdf: Uint8Array): RawPdf {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const text = bytes.toString('latin1');
  const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64));
  const xref = Number(end?.[1]);
  if (!end || !text.startsWith('xref', xref)) throw unexpected('no cross-reference table');
  const trailerAt = text.indexOf('trailer', xref);
  if (trailerAt < 0) throw unexpected('no trailer');
  const tokens = text
    .slice(xref + 4, trailerAt)
    .trim()
    .split(/\s+/);
  const objects: { number: number; generation: number; offset: number }[] = [];
  for (let at = 0; at < tokens.length; ) {
    const first = Number(tokens[at]);
    const entries = Number(tokens[at + 1]);
    for (let index = 0; index < entries; index++) {
      const [offset, generation, kind] = tokens.slice(at + 2 + index * 3, at + 5 + index * 3);
      if (kind === 'n') objects.push({ number: first + index, generation: Number(generation), offset: Number(offset) });
    }
    at += 2 + entries * 3;
  }
  objects.sort((a, b) => a.offset - b.offset);
  const context = PDFContext.create();
  const trailer = PDFObjectParser.forBytes(bytes.subarray(trailerAt + 'trailer'.length), context).parseObject();
  if (!(trailer instanceof PDFDict) || trailer.has(PDFName.of('Prev')) || trailer.has(PDFName.of('XRefStm')))
    throw unexpected('an updated or cross-reference-stream trailer');
  const byNumber = new Map(objects.map((object, index) => [object.number, index]));
  const read = new Map<number, PDFDict | undefined>();
  const numbers = new Map<PDFDict, number>();
  return {
    bytes,
    text,
    objects,
    xref,
    trailer,
    context,
    numbers,
    lookup(ref) {
      if (ref instanceof PDFDict) return ref;
      if (!(ref instanceof PDFRef)) return undefined;
      const number = ref.objectNumber;
      if (read.has(number)) return read.get(number);
      const index = byNumber.get(number);
      let dict: PDFDict | undefined;
      if (index !== undefined) {
        const { offset } = objects[index]!;
        const header = /\d+\s+\d+\s+obj\s*/y;
        header.lastIndex = offset;
        if (!header.exec(text)) throw unexpected(`no object ${number} at its offset`);
        const value = PDFObjectParser.forBytes(bytes.subarray(header.lastIndex, objects[index + 1]?.offset ?? xref), context).parseObject();
        if (value instanceof PDFDict) {
          dict = value;
          numbers.set(value, number);
        }
      }
      read.set(number, dict);
      return dict;
    },
  };
}

/**
 * The PDF up to its trailer: each object in `changed` written anew, the others copied with their
 * structure ids renumbered, and a new cross-reference table (starting at `xref`).
 */
function rewrite(file: RawPdf, changed: ReadonlyMap<number, PDFDict>): { body: Buffer; xref: number } {
  const { bytes, objects } = file;
  const names = structureIds(file);
  const parts: Buffer[] = [bytes.subarray(0, objects[0]?.offset ?? file.xref)];
  let length = parts[0]!.length;
  const offsets = new Map<number, { offset: number; generation: number }>();
  objects.forEach((object, index) => {
    offsets.set(object.number, { offset: length, generation: object.generation });
    const dict = changed.get(object.number);
    const end = objects[index + 1]?.offset ?? file.xref;
    let part: Buffer;
    if (dict) part = Buffer.from(`${object.number} ${object.generation} obj\n${dict.toString()}\nendobj\n`, 'latin1');
    else {
      const hits = names.hits.get(object.number);
      part = hits ? renamed(bytes, object.offset, end, hits, names.names) : bytes.subarray(object.offset, end);
    }
    parts.push(part);
    length += part.length;
  });
  const size = Math.max(0, ...objects.map((object) => object.number)) + 1;
  file.trailer.set(PDFName.of('Size'), PDFNumber.of(size));
  let table = `xref\n0 ${size}\n`;
  for (let number = 0; number < size; number++) {
    const entry = offsets.get(number);
    table += entry
      ? `${String(entry.offset).padStart(10, '0')} ${String(entry.generation).padStart(5, '0')} n \n`
      : `0000000000 ${number === 0 ? '65535' : '00000'} f \n`;
  }
  return { body: Buffer.concat([...parts, Buffer.from(table, 'latin1')]), xref: length };
}

/** `bytes[start, end)` with each hit (offset, old id) replaced by its new name. */
function renamed(bytes: Buffer, start: number, end: number, hits: readonly (readonly [number, string])[], names: ReadonlyMap<string, string>): Buffer {
  const parts: Buffer[] = [];
  let at = start;
  for (const [offset, id] of hits) {
    parts.push(bytes.subarray(at, offset), Buffer.from(names.get(id) ?? id, 'latin1'));
    at = offset + id.length;
  }
  parts.push(bytes.subarray(at, end));
  return Buffer.concat(parts);
}

/**
 * Chromium names table-cell structure elements after DOM node ids
 * (`/ID (node00000060)`, referenced from other cells' /Headers and the
 * /IDTree). Those ids count every node the renderer process has created, so
 * they differ from one build to the next. Renumber them 1, 2, 3… keeping their
 * order (the /IDTree is sorted by them). Gives where each id is, by object, and its new name;
 * ids are looked for in the objects' dictionaries and arrays, never in stream data.
 */
function structureIds(file: RawPdf): { hits: Map<number, [number, string][]>; names: Map<string, string> } {
  const { text, objects } = file;
  const hits = new Map<number, [number, string][]>();
  const found = new Set<string>();
  let index = 0;
  for (const match of text.matchAll(/\((node\d+)\)/g)) {
    const at = match.index + 1;
    if (at > file.xref) break;
    while (index + 1 < objects.length && objects[index + 1]!.offset <= at) index++;
    const object = objects[index];
    if (!object || object.offset > at || inStreamData(file, index, at)) continue;
    const id = match[1]!;
    found.add(id);
    let list = hits.get(object.number);
    if (!list) hits.set(object.number, (list = []));
    list.push([at, id]);
  }
  const ordered = [...found].sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
  const width = String(ordered.length).length;
  return { hits, names: new Map(ordered.map((id, n) => [id, `node${String(n + 1).padStart(width, '0')}`])) };
}

/** Whether `at` lies in the stream data of the index-th object (in file order). */
function inStreamData(file: RawPdf, index: number, at: number): boolean {
  const start = file.objects[index]!.offset;
  const end = file.objects[index + 1]?.offset ?? file.xref;
  // Searched in the object's own bytes only: most are small dictionaries.
  const span = file.text.slice(start, end);
  const endstream = span.lastIndexOf('endstream');
  if (endstream < 0) return false;
  const length = /\/Length\s+(\d+)(?:\s+\d+\s+R)?/.exec(span.slice(0, 4096));
  if (!length) return false;
  // An indirect length (Chromium writes them direct): the data is at most everything after the keyword.
  const size = length[0].endsWith('R') ? numberAt(file, length[0]) : Number(length[1]);
  // The data ends at `endstream`, perhaps after an end-of-line; the dictionary ends before `stream`.
  return at - start + 1 > endstream - size - 2;
}

function numberAt(file: RawPdf, reference: string): number {
  const [number] = reference.replace('/Length', '').trim().split(/\s+/);
  const index = file.objects.findIndex((object) => object.number === Number(number));
  const object = file.objects[index];
  if (!object) return Number.POSITIVE_INFINITY;
  const value = /\d+\s+\d+\s+obj\s*(\d+)/y;
  value.lastIndex = object.offset;
  return Number(value.exec(file.text)?.[1] ?? Number.POSITIVE_INFINITY);
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
