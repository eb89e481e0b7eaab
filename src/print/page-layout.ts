/**
 * Layout work done inside the print page just before printing. Chromium's
 * print CSS cannot place a block at the foot of the last page nor shrink a
 * table to fit, so the page measures itself: it lays the flow out in CSS
 * columns of exactly one 版心 (156 × 225 mm) — the same fragmentation engine
 * as print — reads where things fall, adjusts, and restores the page.
 *
 * `preparePrintLayout` is serialised by puppeteer and run in the page, so it
 * must not use anything from outside its own body (no imports, no helpers).
 */

export interface PrintLayoutOptions {
  /** Width of the 版心, a CSS length. */
  readonly measure: string;
  /** Height of the 版心, a CSS length. */
  readonly areaHeight: string;
  /** Table type sizes to try in turn, in points, before scaling a table down. */
  readonly tableSizesPt: readonly number[];
}

export interface TableFit {
  /** How many short cells are kept on one line (class `fit-nowrap`). */
  readonly nowrap: number;
  readonly fontSizePt: number;
  /** CSS zoom applied as a last resort; 1 when the type size was enough. */
  readonly zoom: number;
}

export interface PrintLayoutReport {
  /** Pages the flow takes. */
  readonly pages: number;
  /** Type size of the series title after fitting it on one line (null without a masthead). */
  readonly mastheadPt: number | null;
  readonly tables: readonly TableFit[];
  /** Where the 版记 went: its page, and the space put above it, in mm. */
  readonly distribution: { readonly page: number; readonly spaceMm: number } | null;
  /** Text of every h1–h6 in document order, a <br> read as a space. */
  readonly headings: readonly string[];
  /** Images that did not load (blocked or missing), left out of the PDF. */
  readonly brokenImages: readonly string[];
}

export function preparePrintLayout(options: PrintLayoutOptions): PrintLayoutReport {
  const body = document.body;
  const pxPerMm = 96 / 25.4;
  const slack = 1; // px left free at the page foot: keeps the block's bottom on a whole pixel (a fractional one paints the last rule thinner) and absorbs rounding

  const probe = document.createElement('div');
  probe.style.cssText = `position:absolute;visibility:hidden;width:${options.measure};height:${options.areaHeight}`;
  body.append(probe);
  const columnWidth = probe.getBoundingClientRect().width;
  const columnHeight = probe.getBoundingClientRect().height;
  probe.remove();

  // Heading texts with <br> read as a space: Chromium's outline runs the lines
  // of a broken title together ("…指引扎实推进…"); the bookmarks are retitled
  // from these after printing.
  const headings = [...body.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')].map((heading) => {
    const copy = heading.cloneNode(true) as HTMLElement;
    for (const br of copy.querySelectorAll('br')) br.replaceWith(' ');
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  });

  // An image that failed to load (blocked, or missing) would print as a
  // broken-image box whose size differs between screen and print layout;
  // it is left out, and reported.
  const brokenImages: string[] = [];
  for (const image of body.querySelectorAll('img')) {
    if (!image.complete || image.naturalWidth > 0) continue;
    brokenImages.push(image.currentSrc || image.src);
    image.style.display = 'none';
  }

  const savedStyle = body.getAttribute('style');
  body.style.width = options.measure;
  body.style.margin = '0';

  // A long series title steps down (to 22 pt at least) to stay on one line.
  const masthead = body.querySelector<HTMLElement>('.masthead-title');
  let mastheadPt: number | null = null;
  if (masthead) {
    const style = getComputedStyle(masthead);
    const lineHeight = Number.parseFloat(style.lineHeight);
    mastheadPt = Math.round(Number.parseFloat(style.fontSize) * 0.75);
    while (masthead.getBoundingClientRect().height > lineHeight * 1.5 && mastheadPt > 22) {
      mastheadPt--;
      masthead.style.fontSize = `${mastheadPt}pt`;
    }
  }

  // Tables: keep short body cells (names, numbers) on one line, let long ones
  // wrap; if the table is too wide, first let every cell wrap, then step the
  // type size down, and as a last resort zoom the table to the measure.
  // Never cut off.
  const tables: TableFit[] = [];
  for (const table of body.querySelectorAll<HTMLTableElement>('table')) {
    const available = table.parentElement?.clientWidth ?? columnWidth;
    const fits = (): boolean => table.getBoundingClientRect().width <= available + 0.5;
    // Short body cells (names, numbers) stay on one line when the table still
    // fits that way, and then as many short header labels as fit, shortest
    // first; otherwise everything may wrap. Each type size is tried in turn.
    const length = (cell: HTMLElement): number => (cell.querySelector('br') ? Infinity : (cell.textContent ?? '').trim().length);
    const bodyCells = [...table.querySelectorAll<HTMLElement>('tbody td, tbody th')].filter((cell) => length(cell) <= 12);
    const headCells = [...table.querySelectorAll<HTMLElement>('thead th, thead td')].filter((cell) => length(cell) <= 8).sort((a, b) => length(a) - length(b));
    let fontSizePt = Math.round(Number.parseFloat(getComputedStyle(table).fontSize) * 0.75 * 10) / 10;
    const sizes = [fontSizePt, ...options.tableSizesPt.filter((size) => size < fontSizePt)];
    let nowrap = 0;
    let fitted = false;
    for (const size of sizes) {
      if (size !== fontSizePt) table.style.fontSize = `${size}pt`;
      fontSizePt = size;
      for (const cell of bodyCells) cell.classList.add('fit-nowrap');
      if (fits()) {
        nowrap = bodyCells.length;
        for (const cell of headCells) {
          cell.classList.add('fit-nowrap');
          if (fits()) nowrap++;
          else cell.classList.remove('fit-nowrap');
        }
        fitted = true;
        break;
      }
      for (const cell of bodyCells) cell.classList.remove('fit-nowrap');
      if (fits()) {
        fitted = true;
        break;
      }
    }
    let zoom = 1;
    if (!fitted) {
      for (const cell of bodyCells) cell.classList.add('fit-nowrap');
      nowrap = bodyCells.length;
      zoom = Math.floor((available / table.getBoundingClientRect().width) * 1000) / 1000;
      table.style.zoom = String(zoom);
    }
    tables.push({ nowrap, fontSizePt, zoom });
  }

  // Forced page breaks become column breaks while measuring.
  const forced = new Set(['page', 'left', 'right', 'recto', 'verso']);
  const restoreBreaks: Array<() => void> = [];
  for (const element of body.querySelectorAll<HTMLElement>('*')) {
    const style = getComputedStyle(element);
    for (const property of ['break-before', 'break-after'] as const) {
      if (!forced.has(style.getPropertyValue(property))) continue;
      const inline = element.style.getPropertyValue(property);
      element.style.setProperty(property, 'column');
      restoreBreaks.push(() => element.style.setProperty(property, inline));
    }
  }

  body.style.columnWidth = options.measure;
  body.style.columnGap = '0';
  body.style.columnFill = 'auto';
  body.style.height = options.areaHeight;

  const origin = body.getBoundingClientRect();
  const place = (element: Element): { column: number; bottom: number } => {
    const box = element.getBoundingClientRect();
    return { column: Math.floor((box.left - origin.left + 1) / columnWidth), bottom: box.bottom - origin.top };
  };

  let distribution: PrintLayoutReport['distribution'] = null;
  const footer = body.querySelector<HTMLElement>('.distribution');
  if (footer) {
    // Padding, not margin: a margin at the top of a page is truncated, padding is kept.
    footer.style.paddingTop = '0px';
    // Printed on both sides, the 版记 ends on an even page, the back of the last sheet. Where the
    // flow ends on an odd page, the block moves to the next page. Where it does not fit on the
    // even page the flow ends on, a blank page comes between; that page and the 版记 page carry
    // no number (GB/T 9704 §7.5), as the `unnumbered` pages of the print stylesheet.
    // Forced breaks are column breaks while measuring, page breaks when printing.
    const breakBefore = (element: HTMLElement): void => {
      element.style.breakBefore = 'column';
      restoreBreaks.push(() => element.style.setProperty('break-before', 'page'));
    };
    const natural = place(footer).column + 1;
    if (natural % 2 === 1) {
      // Where the flow before the block ends: on the same page, or on the page before when the
      // block did not fit there.
      const end = document.createElement('div');
      footer.before(end);
      const flowEnd = place(end).column + 1;
      end.remove();
      if (flowEnd === natural) {
        breakBefore(footer);
      } else {
        const blank = document.createElement('div');
        blank.className = 'unnumbered';
        blank.style.height = `${columnHeight - slack}px`;
        footer.before(blank);
        breakBefore(blank);
        footer.classList.add('unnumbered');
      }
    }
    const before = place(footer);
    let space = Math.max(0, columnHeight - before.bottom - slack);
    footer.style.paddingTop = `${space}px`;
    // Should rounding push the block over, give back a pixel at a time.
    for (let tries = 0; tries < 4 && place(footer).column !== before.column && space > 0; tries++) {
      space = Math.max(0, space - 1);
      footer.style.paddingTop = `${space}px`;
    }
    distribution = { page: place(footer).column + 1, spaceMm: Math.round((space / pxPerMm) * 100) / 100 };
  }

  let right = origin.left;
  for (const element of body.querySelectorAll('*')) {
    for (const box of element.getClientRects()) right = Math.max(right, box.right);
  }
  const pages = Math.max(1, Math.ceil((right - origin.left - 1) / columnWidth));

  for (const restore of restoreBreaks) restore();
  if (savedStyle === null) body.removeAttribute('style');
  else body.setAttribute('style', savedStyle);

  return { pages, mastheadPt, tables, distribution, headings, brokenImages };
}
