import type { Element, ElementContent, Nodes } from 'hast';
import { CAPTION } from '../markdown/rehype-figures.ts';
import { eachNode } from '../util/each-node.ts';
import { cellText, type PlacedCell, tableCells } from './table-grid.ts';

/** A photo laid out in a table's cell, with the caption set beside it. */
export interface LaidOutPhoto {
  readonly src: string;
  readonly alt: string;
  /** The caption as the bulletin writes it, `图：…`. */
  readonly caption: string | undefined;
}

interface Cell {
  readonly place: PlacedCell;
  readonly images: readonly Element[];
  readonly text: string;
}

/**
 * The photos of a table that lays out photos rather than figures (a borderless grid of photos,
 * the caption of each in its cell, or in the cell under it, or over it), in reading order; or
 * undefined when it is no such table: it has no picture, or text that captions none (a table of
 * figures with a picture in it).
 *
 * The captions are all under their photos or all over them, whichever pairs every caption: in
 * rows of captions over photos, the captions under a photo are the next photo's.
 */
export function photoLayout(table: Element): LaidOutPhoto[] | undefined {
  const cells = tableCells(table).map((place): Cell => ({ place, images: imagesOf(place.cell), text: cellText(withoutImages(place.cell)) }));
  const photos = cells.filter((cell) => cell.images.length > 0);
  if (photos.length === 0) return undefined;
  for (const step of [1, -1]) {
    const captions = new Map<Cell, string>();
    const used = new Set<Cell>();
    for (const photo of photos) {
      const { row, column, rowSpan } = photo.place;
      const beside = photo.text
        ? photo
        : cells.find(
            (cell) =>
              cell.images.length === 0 &&
              cell.text !== '' &&
              !used.has(cell) &&
              cell.place.column === column &&
              (step === 1 ? cell.place.row === row + rowSpan : cell.place.row + cell.place.rowSpan === row),
          );
      if (!beside) continue;
      captions.set(photo, beside.text);
      used.add(beside);
    }
    if (cells.every((cell) => cell.text === '' || used.has(cell))) {
      return photos.flatMap((photo) =>
        photo.images.map((image, index) => ({
          src: String(image.properties.src ?? ''),
          alt: String(image.properties.alt ?? ''),
          // A cell's caption goes under its last photo.
          caption: index === photo.images.length - 1 ? asCaption(captions.get(photo)) : undefined,
        })),
      );
    }
  }
  return undefined;
}

/** `改造前的小区` → `图：改造前的小区`; a caption typed as one (`图1：…`) is kept. */
function asCaption(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return CAPTION.test(text) ? text : `图：${text}`;
}

function imagesOf(cell: Element): Element[] {
  const found: Element[] = [];
  eachNode(cell, (node) => {
    const element = node as Nodes;
    if (element.type === 'element' && element.tagName === 'img') found.push(element);
  });
  return found;
}

function withoutImages(node: Element): Element {
  return {
    ...node,
    children: node.children.flatMap((child): ElementContent[] => {
      if (child.type !== 'element') return [child];
      return child.tagName === 'img' ? [] : [withoutImages(child)];
    }),
  };
}
