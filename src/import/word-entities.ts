import type { VFile } from 'vfile';
import { reportProblem } from '../report/messages.ts';
import { excerpt } from './html-to-markdown.ts';
import { elements, openDocx, paragraphNumbers, W } from './word-xml.ts';

/** A use of an entity the XML parser does not know, as it reports one: `entity not found:&org;`. */
const UNKNOWN_ENTITY = /entity not found:&([^;\s]+);/;

/**
 * The draft with each XML part that declares a DTD (`<!DOCTYPE w:document [<!ENTITY org "…">]>`)
 * written again without it. Word and WPS never write one; its entities are expanded by no reader
 * here (an external one could read a file of this machine), and each use of one made the Word
 * reader refuse the draft after printing the XML parser's own lines. A use stays in the text as
 * typed (`&org;`), with one warning naming the entities and the paragraph of the first. The same
 * buffer when no part has a DTD.
 */
export async function withoutDtd(buffer: Buffer, file: VFile): Promise<Buffer> {
  const docx = await openDocx(buffer);
  const names = Object.keys(docx.zip.files).filter((name) => /\.(?:xml|rels)$/i.test(name));
  const unknown = new Set<string>();
  let first: string | undefined;
  let changed = false;
  for (const name of names) {
    const xml = await docx.xml(name);
    if (xml === undefined || !/<!DOCTYPE/i.test(xml)) continue;
    const found: string[] = [];
    const part = docx.parse(xml, (message) => {
      const entity = UNKNOWN_ENTITY.exec(message)?.[1];
      if (entity !== undefined) found.push(entity);
    });
    if (part.doctype) part.removeChild(part.doctype);
    docx.zip.file(name, docx.serialize(part));
    changed = true;
    for (const entity of found) unknown.add(entity);
    if (first === undefined && found.length > 0) first = usedIn(part, found[0]!) ?? name;
  }
  if (unknown.size > 0) {
    const entities = [...unknown].map((entity) => `&${entity};`).join(', ');
    const reason = `${first} uses ${entities}, which the draft declares in a DTD (<!DOCTYPE …>), as Word never does, and which no reader here expands: ${unknown.size > 1 ? 'they were' : 'it was'} imported as typed; write what ${unknown.size > 1 ? 'they stand' : 'it stands'} for in the Markdown`;
    reportProblem(file, reason, { ruleId: 'import-entity' });
  }
  return changed ? docx.zip.generateAsync({ type: 'nodebuffer' }) : buffer;
}

/** `Paragraph N (“…”)`, the first of the document's paragraphs holding the entity as text. */
function usedIn(part: Document, entity: string): string | undefined {
  const body = elements(part.getElementsByTagNameNS(W, 'body'))[0];
  if (!body) return undefined;
  for (const [paragraph, number] of paragraphNumbers(body)) {
    const text = elements(paragraph.getElementsByTagNameNS(W, 't'))
      .map((run) => run.textContent ?? '')
      .join('');
    if (text.includes(`&${entity};`)) return `Paragraph ${number} (“${excerpt(text)}”)`;
  }
  return undefined;
}
