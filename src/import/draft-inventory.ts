import type { VFile } from 'vfile';
import { reportProblem } from '../report/messages.ts';
import { excerpt } from './html-to-markdown.ts';
import { isHidden } from './word-hidden-text.ts';
import { showingPlaceholder } from './word-placeholders.ts';
import { children, elements, openDocx, paragraphNumbers, W } from './word-xml.ts';
const NAMESPACES: Readonly<Record<string, string>> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/math': 'm',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/drawingml/2006/chart': 'c',
  'http://schemas.openxmlformats.org/drawingml/2006/diagram': 'dgm',
  'urn:schemas-microsoft-com:office:office': 'o',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'urn:schemas-microsoft-com:vml': 'v',
};

/** The namespace of a part's relationship ids (`r:embed`, `r:link`, `r:id`). */
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** What one paragraph holds that the bulletin cannot. */
interface Found {
  readonly number: number;
  readonly text: string;
  /** The paragraph before, for a paragraph with no text of its own. */
  readonly before: string;
  readonly textBoxes: { readonly text: string; readonly kept: boolean }[];
  readonly comments: string[];
  readonly inserted: string[];
  readonly deleted: string[];
  readonly hidden: string[];
  /** The prompts of form fields left unfilled (`单击或点击此处输入日期。`). */
  readonly prompts: string[];
  readonly equations: string[];
  readonly objects: string[];
  /** Pictures linked to a file outside the draft (Insert → Picture → 链接到文件), by that file. */
  readonly linked: string[];
  /** Whether its paragraph mark is deleted as a tracked change while text of its stays: it joins the next paragraph. */
  readonly joined: boolean;
}

/**
 * List, as warnings on `file`, what mammoth reads past or leaves out without a word: text boxes
 * (their text lands after the paragraph, or is lost when Word wrote no fallback), comments,
 * tracked changes (taken as accepted: insertions kept, deletions gone), hidden text (left out), equations, charts,
 * SmartArt, embedded objects and pictures linked to files outside the draft (which mammoth
 * reports without a place). Each names its paragraph, counted from the top of the
 * document as Word lays them out, table cells included, with its first words.
 *
 * mammoth's document model (`transformDocument`) does not carry these, so word/document.xml
 * is read here with the zip and XML readers mammoth itself uses.
 */
export async function warnUnmapped(buffer: Buffer, file: VFile): Promise<void> {
  const { xml, parse } = await openDocx(buffer);
  const documentXml = await xml('word/document.xml');
  if (documentXml === undefined) return;
  const commentsXml = await xml('word/comments.xml');
  const comments = new Map<string, string>();
  if (commentsXml !== undefined) {
    for (const comment of elements(parse(commentsXml).getElementsByTagNameNS(W, 'comment'))) {
      const author = comment.getAttributeNS(W, 'author') || comment.getAttribute('w:author');
      comments.set(idOf(comment), `${author ? `by ${author}: ` : ''}“${excerpt(textOf(comment, 't'), 30)}”`);
    }
  }

  const external = await externalTargets(xml, parse);
  const document = parse(documentXml);
  const body = document.getElementsByTagNameNS(W, 'body')[0];
  if (!body) return;
  const numbers = paragraphNumbers(body);
  const prompts = new Map(showingPlaceholder(document).map((content) => [content, textOf(content, 't')]));
  const found: Found[] = [];
  let before = '';
  let current: Found | undefined;
  const visit = (node: Element, inAlternate: boolean) => {
    const name = qualified(node);
    if (name === 'mc:Fallback') return; // the same content as mc:Choice, which is counted
    if (name === 'w:p') {
      const text = textOf(node, 't');
      current = {
        number: numbers.get(node) ?? 0,
        text,
        before,
        textBoxes: [],
        comments: [],
        joined: markDeleted(node) && text.trim() !== '',
        inserted: [],
        deleted: [],
        hidden: hiddenTexts(node),
        prompts: node.parentNode && prompts.has(node.parentNode as Element) && text.trim() ? [text] : [],
        equations: [],
        objects: [],
        linked: [],
      };
      found.push(current);
      if (text.trim()) before = text;
    } else if (current) {
      if (name === 'w:txbxContent') {
        // mammoth reads a VML text box, directly or as the fallback Word writes beside a DrawingML
        // one; LibreOffice writes an inline one's fallback empty (`<w:pict/>`), which reads as nothing.
        current.textBoxes.push({ text: textOf(node, 't'), kept: ancestor(node, 'w:pict') || (inAlternate && fallbackHasTextBox(node)) });
        return;
      }
      if (name === 'w:r' && isHidden(node)) return;
      // A control around paragraphs has its prompt named at them; one inside a paragraph, at its paragraph.
      const prompt = prompts.get(node);
      if (prompt !== undefined && children(node, 'p').length === 0) pushText(current.prompts, prompt);
      if (name === 'w:commentReference') current.comments.push(comments.get(idOf(node)) ?? 'without text');
      else if (name === 'w:ins' || name === 'w:moveTo') pushText(current.inserted, textOf(node, 't'));
      else if (name === 'w:del' || name === 'w:moveFrom') pushText(current.deleted, textOf(node, 'delText') || textOf(node, 't'));
      else if (name === 'm:oMath' && !ancestor(node, 'm:oMathPara')) current.equations.push(textOf(node, 't', 'm'));
      else if (name === 'm:oMathPara') current.equations.push(textOf(node, 't', 'm'));
      else if (name === 'c:chart') current.objects.push('a chart');
      else if (name === 'dgm:relIds') current.objects.push('a SmartArt diagram');
      else if (name === 'o:OLEObject') current.objects.push('an embedded object');
      else if (name === 'a:blip' || name === 'v:imagedata') {
        const id = ['link', 'embed', 'id'].map((local) => node.getAttributeNS(RELATIONSHIPS, local)).find(Boolean);
        const target = id ? external.get(id) : undefined;
        if (target !== undefined) current.linked.push(target);
      }
      if (name.startsWith('m:') || name === 'w:del' || name === 'w:moveFrom') return;
    }
    for (const child of elements(node.childNodes)) visit(child, inAlternate || name === 'mc:AlternateContent');
  };
  visit(body, false);

  for (const paragraph of found) {
    const where = `Paragraph ${paragraph.number} (${paragraph.text.trim() ? `“${excerpt(paragraph.text)}”` : `after “${excerpt(paragraph.before)}”`})`;
    const warn = (reason: string) => reportProblem(file, `${where} ${reason}`, { ruleId: 'import-unmapped' });
    for (const box of paragraph.textBoxes) {
      warn(
        box.kept
          ? `has a text box (“${excerpt(box.text, 30)}”); the bulletin has none, so its text was put after the paragraph: move it where it belongs, or delete it`
          : `has a text box (“${excerpt(box.text, 30)}”) that was left out; copy its text where it belongs`,
      );
    }
    for (const comment of paragraph.comments) warn(`has a comment ${comment}; comments are left out: act on it in the Markdown`);
    if (paragraph.inserted.length + paragraph.deleted.length > 0) {
      const changes = [
        ...paragraph.inserted.map((text) => `inserted “${excerpt(text, 20)}”`),
        ...paragraph.deleted.map((text) => `deleted “${excerpt(text, 20)}”`),
      ];
      warn(`has tracked changes (${changes.join(', ')}), taken as accepted; check the text, or accept or reject them in Word and import again`);
    }
    if (paragraph.joined) {
      warn(
        'has its paragraph mark deleted as a tracked change, taken as accepted: it was joined to the next paragraph; check the text, or accept or reject the change in Word and import again',
      );
    }
    for (const text of paragraph.hidden) warn(hiddenReason(text));
    for (const prompt of paragraph.prompts)
      warn(`has a form field left unfilled, showing its prompt (“${excerpt(prompt, 30)}”), which was left out: write what belongs there in the Markdown`);
    for (const equation of paragraph.equations)
      warn(`has an equation (“${excerpt(equation, 20)}”) that was left out; write it as text, or insert it as a picture`);
    for (const object of paragraph.objects) warn(`has ${object} that was left out; put its figures in a table, or insert it as a picture`);
    for (const target of paragraph.linked) {
      warn(
        `has a picture linked to ${target}, a file outside the draft, which was left out; insert the picture itself in Word (without 链接到文件), or save it beside the issue and write ![description](its name)`,
      );
    }
  }
  await warnHiddenInNotes(xml, parse, file);
}

/** Whether a paragraph's mark is deleted as a tracked change (`w:pPr/w:rPr/w:del`). */
function markDeleted(paragraph: Element): boolean {
  const properties = elements(paragraph.childNodes).find((child) => qualified(child) === 'w:pPr');
  const mark = properties && elements(properties.childNodes).find((child) => qualified(child) === 'w:rPr');
  return mark !== undefined && elements(mark.childNodes).some((child) => qualified(child) === 'w:del');
}

/** What a warning says of hidden text. */
function hiddenReason(text: string): string {
  return `has hidden text (“${excerpt(text, 30)}”), which Word neither shows nor prints; it was left out: copy it into the Markdown if it is meant to be published`;
}

/** Warnings for hidden text in footnotes and endnotes, each named by its mark in the Markdown (`[^2]`, an endnote's `[^e2]`). */
async function warnHiddenInNotes(xml: (name: string) => Promise<string | undefined>, parse: (text: string) => Document, file: VFile): Promise<void> {
  for (const [part, kind, prefix] of [
    ['word/footnotes.xml', 'footnote', ''],
    ['word/endnotes.xml', 'endnote', 'e'],
  ] as const) {
    const notes = await xml(part);
    if (notes === undefined) continue;
    for (const note of elements(parse(notes).getElementsByTagNameNS(W, kind))) {
      const where = `${kind === 'footnote' ? 'Footnote' : 'Endnote'} [^${prefix}${idOf(note)}] (“${excerpt(textOf(note, 't'))}”)`;
      for (const text of hiddenTexts(note)) reportProblem(file, `${where} ${hiddenReason(text)}`, { ruleId: 'import-unmapped' });
    }
  }
}

/** The hidden text under `node`, a piece for each stretch of hidden runs (LibreOffice saves a run for each script), text boxes left out. */
function hiddenTexts(node: Element): string[] {
  const pieces: string[] = [];
  let stretch = false;
  for (const run of elements(node.getElementsByTagNameNS(W, 'r'))) {
    if (ancestor(run, 'w:txbxContent')) continue;
    const hidden = isHidden(run);
    const text = elements(run.getElementsByTagNameNS(W, 't'))
      .map((part) => part.textContent ?? '')
      .join('');
    if (hidden && stretch) pieces[pieces.length - 1] += text;
    else if (hidden) pieces.push(text);
    stretch = hidden;
  }
  return pieces.filter((text) => text.trim() !== '');
}

/** The targets of the document's relationships to files outside the draft (`TargetMode="External"`), by id. */
async function externalTargets(xml: (name: string) => Promise<string | undefined>, parse: (text: string) => Document): Promise<Map<string, string>> {
  const rels = await xml('word/_rels/document.xml.rels');
  const targets = new Map<string, string>();
  if (rels === undefined) return targets;
  for (const relationship of elements(parse(rels).getElementsByTagName('Relationship'))) {
    if (relationship.getAttribute('TargetMode') !== 'External' || !/\/image$/.test(relationship.getAttribute('Type') ?? '')) continue;
    targets.set(relationship.getAttribute('Id') ?? '', relationship.getAttribute('Target') ?? '');
  }
  return targets;
}

function qualified(node: Element): string {
  const prefix = node.namespaceURI ? NAMESPACES[node.namespaceURI] : undefined;
  return prefix ? `${prefix}:${node.localName}` : node.nodeName;
}

/** Whether the `mc:AlternateContent` around a DrawingML text box has one in its `mc:Fallback` too, for mammoth to read. */
function fallbackHasTextBox(node: Element): boolean {
  let parent = node.parentNode;
  while (parent && parent.nodeType === 1 && qualified(parent as Element) !== 'mc:AlternateContent') parent = parent.parentNode;
  const fallback = parent && parent.nodeType === 1 ? elements(parent.childNodes).find((child) => qualified(child) === 'mc:Fallback') : undefined;
  return fallback !== undefined && fallback.getElementsByTagNameNS(W, 'txbxContent').length > 0;
}

function ancestor(node: Element, name: string): boolean {
  for (let parent = node.parentNode; parent && parent.nodeType === 1; parent = parent.parentNode) if (qualified(parent as Element) === name) return true;
  return false;
}

/** The text of the `w:t` (or `w:delText`, `m:t`) elements under `node` as Word shows it: text boxes and hidden text left out. */
function textOf(node: Element, local: string, prefix = 'w'): string {
  return elements(node.getElementsByTagNameNS(prefix === 'm' ? 'http://schemas.openxmlformats.org/officeDocument/2006/math' : W, local))
    .filter((text) => !ancestor(text, 'w:txbxContent') || ancestor(node, 'w:txbxContent') || qualified(node) === 'w:txbxContent')
    .filter((text) => !(text.parentNode && isHidden(text.parentNode as Element)))
    .map((text) => text.textContent ?? '')
    .join('');
}

function idOf(node: Element): string {
  return node.getAttributeNS(W, 'id') || node.getAttribute('w:id') || '';
}

function pushText(list: string[], text: string): void {
  if (text.trim()) list.push(text);
}
