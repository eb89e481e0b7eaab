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
  /** Width of a landscape page's 版心 (`@page wide` in print.css), a CSS length. */
  readonly wideMeasure: string;
  /** Height of a landscape page's 版心, a CSS length. */
  readonly wideAreaHeight: string;
  /**
   * Table type sizes to try in turn, in points. The last is the smallest a table prints at: a
   * table that does not fit the 版心 at it prints on a landscape page.
   */
  readonly tableSizesPt: readonly number[];
  /** A table with this many columns or more prints on a landscape page (GB/T 9704 §10.2). */
  readonly wideColumns: number;
  /**
   * The narrowest a column of running text (存在问题, 下步措施) is set, in characters of the
   * table's type: a table whose text columns cannot have it at the smallest size prints on a
   * landscape page, where it is given up only as the last resort.
   */
  readonly textColumnEms: number;
  /** Body rows a table split over pages keeps at a page's foot, and takes to the next page. */
  readonly minRows: number;
  /**
   * Chart type sizes to try in turn, in points, for a chart that does not fit at a page's foot
   * (the whole chart scales with its type). The last is the smallest a chart prints at.
   */
  readonly chartSizesPt: readonly number[];
  /**
   * Smaller chart type sizes still, in points, tried only where even the smallest of
   * `chartSizesPt` would leave the chart's title and the line introducing it alone at the top of a
   * page, the chart on the next: a page nearly empty, which a typesetter avoids this way.
   */
  readonly strandedChartSizesPt: readonly number[];
  /**
   * A short series title (`工作简报`) is set larger than the stylesheet's 一号, up to `largestPt`
   * (初号, 42 pt), and then spread, as printed 简报 set a short masthead (`工 作 简 报`), until it
   * spans `span` of the 版心's width; a title that spans as much at 一号 keeps it.
   */
  readonly masthead: { readonly largestPt: number; readonly span: number };
}

export interface ChartFit {
  /** Type size of its labels and legend (`--chart-size`): the stylesheet's, or a smaller one that kept it on the page. */
  readonly fontSizePt: number;
  /** The page it prints on. */
  readonly page: number;
  /** Text blocks it was moved down past so that they fill the foot of the page before it (0: in source order). */
  readonly floatedPast: number;
}

export interface TableFit {
  /** How many short cells are kept on one line (class `fit-nowrap`). */
  readonly nowrap: number;
  readonly fontSizePt: number;
  /** CSS zoom applied as a last resort; 1 when the type size was enough. */
  readonly zoom: number;
  /** Printed on landscape pages of its own (class `print-wide`, `@page wide`). */
  readonly wide: boolean;
  /** Its number columns got one width and its label columns their longest label's (`table-layout: fixed`). */
  readonly evenColumns: boolean;
  /**
   * Columns of running text, which shared the width left by the others, set as narrow as their
   * content allows, in proportion to their text's length (`table-layout: fixed`); 0 for none.
   */
  readonly textColumns: number;
  /** Body rows taller than half a page, which may split over pages (class `fit-split`). */
  readonly splitRows: number;
  /** The pages its body rows print on, first and last. */
  readonly pages: readonly [number, number];
  /** Moved whole to the next page, with its title, rather than split or left with too few rows at the foot. */
  readonly moved: boolean;
  /** Forced breaks before a row, so that enough rows start the next page. */
  readonly pushedRows: number;
}

export interface PrintLayoutReport {
  /** Pages the flow takes. */
  readonly pages: number;
  /** Type size of the series title after fitting it on one line (null without a masthead). */
  readonly mastheadPt: number | null;
  readonly tables: readonly TableFit[];
  /** The printed charts, in document order. */
  readonly charts: readonly ChartFit[];
  /**
   * Where the 版记 went: its page, the space put above it, in mm, and the pages it runs over (one
   * unless its lists are longer than a page holds, which the PDF edition warns of).
   */
  readonly distribution: { readonly page: number; readonly spaceMm: number; readonly pages: number } | null;
  /** Text of every h1–h6 in document order, a <br> read as a space. */
  readonly headings: readonly string[];
  /** Images that did not load (blocked, missing or undecodable), left out of the PDF. */
  readonly brokenImages: readonly string[];
}

export function preparePrintLayout(options: PrintLayoutOptions): PrintLayoutReport {
  const body = document.body;
  const pxPerMm = 96 / 25.4;
  const slack = 1; // px left free at the page foot: keeps the block's bottom on a whole pixel (a fractional one paints the last rule thinner) and absorbs rounding

  const boxOf = (width: string, height: string): { width: number; height: number } => {
    const probe = document.createElement('div');
    probe.style.cssText = `position:absolute;visibility:hidden;width:${width};height:${height}`;
    body.append(probe);
    const { width: w, height: h } = probe.getBoundingClientRect();
    probe.remove();
    return { width: w, height: h };
  };
  /** The width of the element's text as laid out, without its padding or the rest of its box. */
  const textWidth = (element: HTMLElement): number => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return range.getBoundingClientRect().width;
  };
  const { width: columnWidth, height: columnHeight } = boxOf(options.measure, options.areaHeight);
  const wideBox = boxOf(options.wideMeasure, options.wideAreaHeight);

  // Heading texts with <br> read as a space: Chromium's outline runs the lines
  // of a broken title together ("…指引扎实推进…"); the bookmarks are retitled
  // from these after printing.
  const headings = [...body.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')].map((heading) => {
    const copy = heading.cloneNode(true) as HTMLElement;
    for (const br of copy.querySelectorAll('br')) br.replaceWith(' ');
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  });

  // An image that failed to load (blocked, missing, undecodable) would print as a
  // broken-image box whose size differs between screen and print layout;
  // it is left out, and reported.
  const brokenImages: string[] = [];
  for (const image of body.querySelectorAll('img')) {
    if (!image.complete || image.naturalWidth > 0) continue;
    brokenImages.push(image.currentSrc || image.src);
    image.style.display = 'none';
  }

  // A heading on two lines or more (` / `, a <br> between them) is balanced line by line:
  // Chromium balances only up to a forced break, so a long second line broke greedily
  // (`扎实推进…取得阶段性` / `成效`). Each line becomes a block of its own, balanced alike.
  for (const heading of body.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')) {
    const breaks = [...heading.children].filter((child) => child.tagName === 'BR');
    if (breaks.length === 0 || getComputedStyle(heading).getPropertyValue('text-wrap-style') !== 'balance') continue;
    const lines: Node[][] = [[]];
    for (const node of [...heading.childNodes]) {
      if (breaks.includes(node as Element)) lines.push([]);
      else lines.at(-1)!.push(node);
    }
    heading.replaceChildren(
      ...lines.map((nodes) => {
        const line = document.createElement('span');
        line.style.display = 'block';
        line.append(...nodes);
        return line;
      }),
    );
  }

  const savedStyle = body.getAttribute('style');
  body.style.width = options.measure;
  body.style.margin = '0';

  // A long series title steps down (to 22 pt at least) to stay on one line. Longer still, it
  // takes two lines in the two grid lines a title has, broken between words (the template's
  // `<wbr>`s, see the `phrased` filter; else ICU's, as this runs in Chromium), stepping down
  // again (to 16 pt) until they hold it: never past the 版心.
  const masthead = body.querySelector<HTMLElement>('.masthead-title');
  let mastheadPt: number | null = null;
  if (masthead) {
    const style = getComputedStyle(masthead);
    const lineHeight = Number.parseFloat(style.lineHeight);
    const overflows = (lines: number) =>
      masthead.getBoundingClientRect().height > (lineHeight / 2) * (lines + 0.5) || masthead.scrollWidth > masthead.clientWidth + 1;
    mastheadPt = Math.round(Number.parseFloat(style.fontSize) * 0.75);
    const stepDown = (lines: number, least: number) => {
      while (overflows(lines) && mastheadPt! > least) {
        mastheadPt!--;
        masthead.style.fontSize = `${mastheadPt}pt`;
      }
    };
    stepDown(2, 22);
    if (overflows(2)) {
      if (!masthead.querySelector('wbr')) {
        const words = [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(masthead.textContent ?? '')].map((part) => part.segment);
        masthead.replaceChildren(...words.flatMap((word, index) => (index === 0 ? [word] : [document.createElement('wbr'), word])));
      }
      masthead.style.lineHeight = `${lineHeight / 2}px`;
      stepDown(2, 16);
    }
    // A short title steps up while it stays within the span, then its characters spread over
    // it, at most a character apart: `letter-spacing` follows each character, the last too, so
    // the same indent before the first keeps the characters centred.
    const span = masthead.clientWidth * options.masthead.span;
    if (textWidth(masthead) < span) {
      masthead.style.letterSpacing = '0';
      while (mastheadPt < options.masthead.largestPt) {
        masthead.style.fontSize = `${mastheadPt + 1}pt`;
        if (textWidth(masthead) > span) {
          masthead.style.fontSize = `${mastheadPt}pt`;
          break;
        }
        mastheadPt++;
      }
      // Spaces typed into the title (`工 作 简 报`) are characters too, each followed by the spacing.
      const characters = [...(masthead.textContent ?? '').trim()].length;
      const gap = characters > 1 ? Math.min((span - textWidth(masthead)) / (characters - 1), mastheadPt / 0.75) : 0;
      masthead.style.letterSpacing = `${gap}px`;
      masthead.style.textIndent = `${gap}px`;
    }
  }

  // The issuer and the date share one line: a long issuer (a joint one) steps the line down, to
  // 五号 (10.5 pt) at least, rather than wrap under the red rule. Longer still, the issuer wraps
  // over the lines it needs above the rule, the date whole on its last line.
  const meta = body.querySelector<HTMLElement>('.masthead-meta');
  if (meta) {
    const style = getComputedStyle(meta);
    let pt = Math.round(Number.parseFloat(style.fontSize) * 0.75 * 2) / 2;
    const room = meta.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
    const parts = [...meta.children] as HTMLElement[];
    for (const part of parts) part.style.whiteSpace = 'nowrap';
    // With a character's space between them at least.
    const fits = () => parts.reduce((width, part) => width + part.getBoundingClientRect().width, 0) + (pt * 4) / 3 <= room;
    while (!fits() && pt > 10.5) {
      pt -= 0.5;
      meta.style.fontSize = `${pt}pt`;
    }
    if (!fits()) {
      const [issuer, date] = parts as [HTMLElement, HTMLElement];
      const line = meta.getBoundingClientRect().height;
      const size = (pt * 4) / 3;
      // Each organ (the parts between the issuer's spaces) that fits the issuer's room is kept
      // whole, so the lines break between organs before they break inside one.
      const issuerRoom = room - date.getBoundingClientRect().width - size;
      // Its `<wbr>`s go too: Chromium breaks at a `<wbr>` even where `nowrap` is set.
      for (const organ of organsOf(issuer)) {
        if (organ.getBoundingClientRect().width > issuerRoom) continue;
        organ.style.whiteSpace = 'nowrap';
        for (const wbr of organ.querySelectorAll('wbr')) wbr.remove();
      }
      issuer.style.whiteSpace = '';
      issuer.style.textAlign = 'left';
      issuer.style.textWrap = 'balance';
      meta.style.alignItems = 'flex-end';
      meta.style.gap = `${pt}pt`;
      // Lines set close, at their own size (1.3 to 1.5 times it), not a grid line apart: the
      // block takes the fewest whole grid lines that hold them, centred in them, so the body
      // below stays on the grid; two lines at 五号 keep the one line the issuer had.
      issuer.style.lineHeight = `${1.5 * size}px`;
      const count = Math.round(issuer.getBoundingClientRect().height / (1.5 * size));
      const lines = Math.ceil((count * 1.3 * size) / line - 0.001);
      const leading = Math.min(1.5 * size, (lines * line) / count);
      issuer.style.lineHeight = `${leading}px`;
      date.style.lineHeight = `${leading}px`;
      meta.style.height = `${lines * line}px`;
      meta.style.paddingBottom = `${(lines * line - count * leading) / 2}px`;
    }
  }

  /**
   * The issuer's organs, the parts between its spaces, each wrapped in a span of its own (the
   * `<wbr>`s between its words kept inside it), the spaces left between them, a `<wbr>` after each.
   */
  function organsOf(issuer: HTMLElement): HTMLElement[] {
    const organs = [document.createElement('span')];
    const nodes: Node[] = [organs[0]!];
    for (const node of [...issuer.childNodes]) {
      if (node.nodeType !== Node.TEXT_NODE) {
        organs.at(-1)!.append(node);
        continue;
      }
      (node.textContent ?? '').split(/(\s+)/).forEach((part, index) => {
        if (index % 2 === 0) {
          if (part) organs.at(-1)!.append(part);
          return;
        }
        // The break goes after the space, not before it at the organ's last `<wbr>`.
        const last = organs.at(-1)!.lastChild;
        if (last instanceof HTMLElement && last.localName === 'wbr') last.remove();
        const organ = document.createElement('span');
        organs.push(organ);
        nodes.push(document.createTextNode(part), document.createElement('wbr'), organ);
      });
    }
    issuer.replaceChildren(...nodes);
    return organs;
  }

  // Forced breaks are column breaks while measuring and page breaks when printing; each one
  // changed is put back (or made a page break) when the page is restored.
  const restoreBreaks: Array<() => void> = [];
  /**
   * What starts a page after a forced break keeps its top margin (CSS Fragmentation §5.5), where
   * one after a break the browser chose is dropped: an article's title moved to a page's top, or
   * after a landscape page, started a line down. Dropped here, down its first children (a title's
   * margin is its article's).
   */
  const startsPage = (element: Element | null): void => {
    for (let node = element; node instanceof HTMLElement; node = node.firstElementChild) node.style.marginTop = '0';
  };

  const breakBefore = (element: HTMLElement): void => {
    element.style.breakBefore = 'column';
    startsPage(element);
    restoreBreaks.push(() => element.style.setProperty('break-before', 'page'));
  };

  /** The element the flow goes on with after `element`: its next sibling, or its parent's. */
  const nextInFlow = (element: Element): Element | null => {
    let after: Element | null = element;
    while (after && after !== body && !after.nextElementSibling) after = after.parentElement;
    return after && after !== body ? after.nextElementSibling : null;
  };

  /** A table's cells by grid column, spans resolved: cells spanning several columns are left out. */
  const gridColumns = (table: HTMLTableElement): HTMLTableCellElement[][] => {
    const columns: HTMLTableCellElement[][] = [];
    const taken: Array<Set<number>> = [];
    [...table.rows].forEach((row, r) => {
      let column = 0;
      for (const cell of row.cells) {
        while (taken[r]?.has(column)) column++;
        for (let down = 0; down < cell.rowSpan; down++)
          for (let across = 0; across < cell.colSpan; across++) (taken[r + down] ??= new Set()).add(column + across);
        if (cell.colSpan === 1) (columns[column] ??= []).push(cell);
        column += cell.colSpan;
      }
    });
    return columns;
  };

  /**
   * Width a cell needs for its text on one line, padding and borders included. A cell already
   * on one line is measured as it is: changing a style would lay the table out again for each
   * cell, which for a long table takes minutes.
   */
  const oneLineWidth = (cell: HTMLElement): number => {
    const style = getComputedStyle(cell);
    const saved = style.whiteSpace === 'nowrap' ? undefined : cell.style.whiteSpace;
    if (saved !== undefined) cell.style.whiteSpace = 'nowrap';
    const extra = ['paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth'].reduce(
      (sum, key) => sum + Number.parseFloat(style[key as 'paddingLeft']),
      0,
    );
    const width = textWidth(cell) + extra;
    if (saved !== undefined) cell.style.whiteSpace = saved;
    return width;
  };

  /** Fix a table's columns at these widths in px (`table-layout: fixed`), in a colgroup `fitTable` removes again; its cols. */
  const setColumns = (table: HTMLTableElement, widths: readonly number[]): HTMLTableColElement[] => {
    const colgroup = document.createElement('colgroup');
    colgroup.className = 'fit-columns';
    const cols = widths.map((width) => {
      const col = document.createElement('col');
      col.style.width = `${width}px`;
      return col;
    });
    colgroup.append(...cols);
    table.prepend(colgroup);
    table.style.tableLayout = 'fixed';
    return cols;
  };

  /** A cell's characters; one broken into lines (`<br>`) counts as long. */
  const cellLength = (cell: HTMLElement): number => (cell.querySelector('br') ? Infinity : (cell.textContent ?? '').trim().length);
  /** Body cells this long or shorter (names, numbers) are short: kept on one line where the table fits so. */
  const shortCell = 12;
  /** A date in a body cell (`2023年3月15日`, `2023-03-15`): kept on one line like a name. */
  const DATE = /^\d{4}(?:年\d{1,2}月(?:\d{1,2}日)?|[-/.]\d{1,2}[-/.]\d{1,2})$/;

  /** Which grid columns hold running text (存在问题, 下步措施): a body cell longer than a short one, not a figure. */
  const textColumnsOf = (columns: HTMLTableCellElement[][]): boolean[] =>
    Array.from(columns, (cells = []) => cells.some((cell) => cell.closest('tbody') && !cell.classList.contains('num') && cellLength(cell) > shortCell));

  /**
   * Widths for a table with columns of running text, as a typesetter sets one: every other column
   * as narrow as its cells on one line (a figure never breaks) and its header's longest word
   * allow; the text columns share the rest in proportion to their text's length, each at least
   * `textColumnEms` characters wide (or its longest text, if shorter; with `least`, only its
   * longest word: the last resort) and at most its longest text on one line. What they leave goes
   * evenly to the other columns. The browser's own widths squeeze text to a few characters a line
   * (rows taller than a page) to spread the room over the figures. With `twoLines`, names (a
   * label of four characters or more, `广东梅州经济开发区`) take two lines to make that room.
   * False, with the browser's widths back, where the text columns cannot have it.
   */
  const shareTextColumns = (table: HTMLTableElement, text: readonly boolean[], available: number, least: boolean, twoLines: boolean): boolean => {
    table.querySelector(':scope > colgroup.fit-columns')?.remove();
    table.style.tableLayout = '';
    const columns = Array.from(gridColumns(table), (cells = []) => cells);
    const bodyText = columns.flatMap((cells, index) => (text[index] ? cells.filter((cell) => cell.closest('tbody')) : []));
    const names = twoLines
      ? columns.flatMap((cells, index) =>
          text[index] ? [] : cells.filter((cell) => cell.classList.contains('fit-nowrap') && !cell.classList.contains('num') && cellLength(cell) >= 4),
        )
      : [];
    // All measured in two layouts, not one a cell: at the table's narrowest, where text (and a
    // name to take two lines) breaks between any two characters; then with all on one line.
    for (const cell of names) cell.classList.remove('fit-nowrap');
    table.style.width = 'min-content';
    const narrowest = columns.map((cells) => Math.max(0, ...cells.map((cell) => cell.getBoundingClientRect().width)));
    for (const cell of [...bodyText, ...names]) cell.style.whiteSpace = 'nowrap';
    const lineWidth = new Map([...bodyText, ...names].map((cell) => [cell, textWidth(cell)]));
    for (const cell of [...bodyText, ...names]) cell.style.whiteSpace = '';
    table.style.width = '';
    const style = getComputedStyle(bodyText[0]!);
    const extra = ['paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth'].reduce(
      (sum, key) => sum + Number.parseFloat(style[key as 'paddingLeft']),
      0,
    );
    const em = Number.parseFloat(getComputedStyle(table).fontSize);
    const lines = columns.map((cells) => cells.flatMap((cell) => (bodyText.includes(cell) ? (lineWidth.get(cell) ?? []) : [])));
    const longest = columns.map((_, index) => Math.max(narrowest[index]!, ...lines[index]!.map((width) => width + extra)));
    const weight = lines.map((widths) => widths.reduce((sum, width) => sum + width, 0));
    // Half a name, to the next whole character: its first line the longer.
    const halfName = columns.map((cells) =>
      Math.max(0, ...cells.flatMap((cell) => (names.includes(cell) ? [Math.ceil(lineWidth.get(cell)! / 2 / em) * em + extra] : []))),
    );
    // A pixel over: the collapsed borders and rounding would otherwise take a character off each line.
    const floor = least ? 0 : options.textColumnEms * em + extra + 1;
    const widths = columns.map((_, index) =>
      text[index] ? Math.max(narrowest[index]!, Math.min(longest[index]!, floor)) : Math.ceil(Math.max(narrowest[index]!, halfName[index]!)) + 1,
    );
    const undo = () => {
      for (const cell of names) cell.classList.add('fit-nowrap');
      return false;
    };
    let rest = available - widths.reduce((sum, width) => sum + width, 0);
    if (rest < 0) return undo();
    let open = columns.flatMap((_, index) => (text[index] && widths[index]! < longest[index]! ? [index] : []));
    while (rest > 0.5 && open.length > 0) {
      const total = open.reduce((sum, index) => sum + weight[index]!, 0);
      const full = open.filter((index) => widths[index]! + (rest * weight[index]!) / total >= longest[index]!);
      if (full.length === 0) {
        for (const index of open) widths[index]! += (rest * weight[index]!) / total;
        rest = 0;
      }
      for (const index of full) {
        rest -= longest[index]! - widths[index]!;
        widths[index] = longest[index]!;
      }
      open = open.filter((index) => !full.includes(index));
    }
    const others = columns.flatMap((_, index) => (text[index] ? [] : [index]));
    for (const index of others) widths[index]! += rest / others.length;
    const cols = setColumns(
      table,
      widths.map((width) => Math.floor(width * 100) / 100),
    );
    // The collapsed outer borders come on top of the columns: the widest text column gives them back.
    const excess = table.getBoundingClientRect().width - available;
    if (excess > 0) {
      const widest = columns.reduce((best, _, index) => (text[index] && widths[index]! > widths[best]! ? index : best), text.indexOf(true));
      cols[widest]!.style.width = `${Math.floor((widths[widest]! - excess) * 100) / 100}px`;
    }
    return true;
  };

  // Tables: keep short body cells (names, numbers) on one line, let long ones
  // wrap; if the table is too wide, first let every cell wrap, then step the
  // type size down. A table with many columns, or one that would need a type
  // size under the smallest, prints on a landscape page (where the same steps
  // apply, and as a last resort the table is zoomed to the measure). Never cut off.
  // A table with running text sets its columns' widths itself (`shareTextColumns`); on
  // the landscape page (`last`) its text columns narrower than they should be are the last resort.
  const fitTable = (table: HTMLTableElement, last: boolean): { nowrap: number; fontSizePt: number; fitted: boolean; textColumns: number } => {
    for (const cell of table.querySelectorAll('.fit-nowrap')) cell.classList.remove('fit-nowrap');
    for (const cell of table.querySelectorAll('.fit-text')) cell.classList.remove('fit-text');
    table.querySelector(':scope > colgroup.fit-columns')?.remove();
    table.style.tableLayout = '';
    table.style.fontSize = '';
    const available = table.parentElement?.clientWidth ?? columnWidth;
    const fits = (): boolean => table.getBoundingClientRect().width <= available + 0.5;
    const columns = gridColumns(table);
    const text = textColumnsOf(columns);
    const textColumns = text.filter(Boolean).length;
    const inText = new Set(columns.flatMap((cells, index) => (text[index] ? cells : [])));
    // Short body cells (names, numbers) stay on one line when the table still
    // fits that way, and then as many short header labels as fit, shortest
    // first; otherwise everything may wrap. Each type size is tried in turn.
    const bodyCells = [...table.querySelectorAll<HTMLElement>('tbody td, tbody th')].filter(
      (cell) => cellLength(cell) <= shortCell && !inText.has(cell as HTMLTableCellElement),
    );
    const headCells = [...table.querySelectorAll<HTMLElement>('thead th, thead td')]
      .filter((cell) => cellLength(cell) <= 8)
      .sort((a, b) => cellLength(a) - cellLength(b));
    // A header of one short word (序号, 责任人: the build found no break between words in it) beside
    // running text stays whole, as the text columns can give up the room; it broke as 序 / 号.
    const headWords = [...table.querySelectorAll<HTMLElement>('thead th, thead td')].filter(
      (cell) => cellLength(cell) <= 4 && !cell.querySelector('wbr') && !inText.has(cell as HTMLTableCellElement),
    );
    let fontSizePt = Math.round(Number.parseFloat(getComputedStyle(table).fontSize) * 0.75 * 10) / 10;
    const sizes = [fontSizePt, ...options.tableSizesPt.filter((size) => size < fontSizePt)];
    // A short label on three lines or more (`广东梅` / `州经济` / `开发区`), a name of two or three
    // characters or a date on two (`王` / `强`, `2023年3` / `月15日`) reads worse than the table a
    // size smaller: the first size at which the table fits wrapped so is the last resort.
    const unbroken = (cell: HTMLElement) => cellLength(cell) < 4 || DATE.test((cell.textContent ?? '').trim());
    const squeezed = () =>
      bodyCells.some((cell) => {
        if (cell.classList.contains('num')) return false;
        const lines = lineCount(cell);
        return lines > 2 || (lines > 1 && unbroken(cell));
      });
    // Before every cell may wrap, only the longer labels do: figures, short names and dates stay whole.
    const firm = bodyCells.filter((cell) => cell.classList.contains('num') || unbroken(cell));
    let wrapped: number | undefined;
    for (const size of sizes) {
      if (size !== fontSizePt) table.style.fontSize = `${size}pt`;
      fontSizePt = size;
      for (const cell of bodyCells) cell.classList.add('fit-nowrap');
      if (textColumns > 0) {
        // Names on one line, else on two; at the smallest size on a landscape page, text columns narrower still.
        const share = (): boolean =>
          shareTextColumns(table, text, available, false, false) ||
          shareTextColumns(table, text, available, false, true) ||
          (last && size === sizes.at(-1) && shareTextColumns(table, text, available, true, true));
        for (const cell of headWords) cell.classList.add('fit-nowrap');
        if (!share()) {
          for (const cell of headWords) cell.classList.remove('fit-nowrap');
          if (!share()) continue;
        }
        // Running text reads from a left edge; a short cell among it (`/`, `已纳入试点`) stays centred.
        for (const cell of inText) if (cell.closest('tbody') && cellLength(cell) > shortCell) cell.classList.add('fit-text');
        return { nowrap: table.querySelectorAll('.fit-nowrap').length, fontSizePt, fitted: true, textColumns };
      }
      if (fits()) {
        let nowrap = bodyCells.length;
        for (const cell of headCells) {
          cell.classList.add('fit-nowrap');
          if (fits()) nowrap++;
          else cell.classList.remove('fit-nowrap');
        }
        return { nowrap, fontSizePt, fitted: true, textColumns: 0 };
      }
      for (const cell of bodyCells) if (!firm.includes(cell)) cell.classList.remove('fit-nowrap');
      if (fits() && !squeezed()) return { nowrap: firm.length, fontSizePt, fitted: true, textColumns: 0 };
      for (const cell of firm) cell.classList.remove('fit-nowrap');
      if (fits() && !squeezed()) return { nowrap: 0, fontSizePt, fitted: true, textColumns: 0 };
      if (fits()) wrapped ??= size;
    }
    if (wrapped !== undefined) {
      table.style.fontSize = wrapped === sizes[0] ? '' : `${wrapped}pt`;
      return { nowrap: 0, fontSizePt: wrapped, fitted: true, textColumns: 0 };
    }
    for (const cell of bodyCells) cell.classList.add('fit-nowrap');
    return { nowrap: bodyCells.length, fontSizePt, fitted: false, textColumns: 0 };
  };

  /** The lines a cell's text takes: its line boxes, told apart by their tops. */
  const lineCount = (cell: HTMLElement): number => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    const tops = [...range.getClientRects()].map((box) => box.top).sort((a, b) => a - b);
    const apart = Number.parseFloat(getComputedStyle(cell).fontSize) / 2;
    return tops.filter((top, index) => index === 0 || top - tops[index - 1]! > apart).length;
  };

  // Columns of one kind get one width: each label column (names, 序号) the width of its
  // longest one-line cell, the number columns an equal share of the rest, which must hold
  // their longest number; their headings wrap in it. Otherwise the browser's widths stay.
  const evenColumns = (table: HTMLTableElement): boolean => {
    const available = table.parentElement?.clientWidth ?? columnWidth;
    const columns = gridColumns(table);
    if (columns.length < 2 || [...columns].some((cells) => cells === undefined)) return false;
    const bodyCells = (cells: HTMLTableCellElement[]) =>
      cells.filter((cell) => cell.closest('tbody') && cell.tagName === 'TD' && (cell.textContent ?? '').trim() !== '');
    const isNumber = columns.map((cells) => {
      const values = bodyCells(cells);
      // A column counting 1, 2, 3… (序号) is a label, not a quantity.
      const counts = values.every((cell, index) => (cell.textContent ?? '').trim() === String(index + 1));
      return values.length > 0 && !counts && values.every((cell) => cell.classList.contains('num'));
    });
    const count = isNumber.filter(Boolean).length;
    if (count === 0) return false;
    const wraps = columns.map((cells, index) => !isNumber[index] && cells.some((cell) => cell.closest('tbody') && !cell.classList.contains('fit-nowrap')));
    const widths = columns.map((cells, index) => {
      if (isNumber[index]) return Math.max(0, ...bodyCells(cells).map(oneLineWidth));
      // A label column with a cell that wraps starts from the width the browser gave it.
      if (wraps[index]) return Math.max(...cells.map((cell) => cell.getBoundingClientRect().width));
      return Math.max(0, ...cells.filter((cell) => cell.classList.contains('fit-nowrap')).map(oneLineWidth));
    });
    const numberWidth = Math.max(...widths.filter((_, index) => isNumber[index]));
    // The browser squeezes wrapping labels to a few characters (`广东梅州经济开发区` on three
    // lines) and spreads the room over the numbers: what the numbers do not need goes to the
    // wrapping labels instead, each up to its longest cell on one line, in proportion to what it lacks.
    const lacks = columns.map((cells, index) => (wraps[index] ? Math.max(0, Math.max(0, ...bodyCells(cells).map(oneLineWidth)) - widths[index]!) : 0));
    const lacking = lacks.reduce((sum, lack) => sum + lack, 0);
    if (lacking > 0) {
      const used = widths.reduce((sum, width, index) => (isNumber[index] ? sum : sum + Math.ceil(width) + 1), 0);
      const spare = Math.max(0, available - used - count * Math.ceil(numberWidth));
      for (const [index, lack] of lacks.entries()) widths[index]! += Math.floor(lack * Math.min(1, spare / lacking));
    }
    const labels = widths.reduce((sum, width, index) => (isNumber[index] ? sum : sum + Math.ceil(width) + 1), 0);
    const share = Math.floor(((available - labels) / count) * 100) / 100;
    if (share < numberWidth) return false;
    const wrapped = columns.flatMap((cells, index) =>
      isNumber[index] ? cells.filter((cell) => cell.closest('thead') && cell.classList.contains('fit-nowrap')) : [],
    );
    for (const cell of wrapped) cell.classList.remove('fit-nowrap');
    const cols = setColumns(
      table,
      widths.map((width, index) => (isNumber[index] ? share : Math.ceil(width) + 1)),
    );
    // The collapsed outer borders come on top of the columns: the number columns give it back.
    const excess = table.getBoundingClientRect().width - available;
    if (excess > 0) {
      const less = share - Math.ceil((excess / count) * 100) / 100;
      cols.forEach((col, index) => {
        if (isNumber[index]) col.style.width = `${less}px`;
      });
    }
    // A cell set on one line, or a header whose word (kept whole) is wider than its even share:
    // measured without print.css's overflow-wrap, which would break it (`（万元` / `）`) where the
    // browser's own widths keep it whole.
    const heads = [...table.querySelectorAll<HTMLElement>('th')];
    for (const cell of heads) cell.style.overflowWrap = 'normal';
    const overflows = [...table.querySelectorAll<HTMLElement>('.fit-nowrap, th')].some((cell) => cell.scrollWidth > cell.clientWidth + 0.5);
    for (const cell of heads) cell.style.overflowWrap = '';
    if (!overflows && table.getBoundingClientRect().width <= available + 0.5) return true;
    cols[0]!.parentElement!.remove();
    table.style.tableLayout = '';
    for (const cell of wrapped) cell.classList.add('fit-nowrap');
    return false;
  };

  /**
   * The headings a table or chart follows, which go with it to the next page: the first of them,
   * or its own block.
   */
  const leadOf = (wrap: HTMLElement): HTMLElement => {
    let lead = wrap;
    for (;;) {
      let previous = lead.previousElementSibling as HTMLElement | null;
      // What does not print (a chart kept to the web, `chart-print="no"`) stands between nothing.
      while (previous && getComputedStyle(previous).display === 'none') previous = previous.previousElementSibling as HTMLElement | null;
      if (previous && /^H[1-6]$/.test(previous.tagName)) lead = previous;
      // The frames a table sits in first: its block (with its search text) and its chart's.
      else if (!previous && lead.parentElement?.matches('.table-block, .table-chart')) lead = lead.parentElement;
      else return lead;
    }
  };

  interface TableEntry {
    table: HTMLTableElement;
    fit: { nowrap: number; fontSizePt: number; zoom: number; wide: boolean; evenColumns: boolean; textColumns: number; splitRows: number };
    lead: HTMLElement;
    /** The table and the headings that go with it, siblings from `lead` on. */
    group: HTMLElement[];
    /** Height unbroken, in px. */
    height: number;
    moved: boolean;
    pushedRows: number;
    /** For a table on landscape pages: the stand-in that takes its pages while measuring, and how many. */
    holder?: HTMLElement;
    widePages?: number;
    /** Page of its first and last body row, counted from its first page (landscape tables) or the flow's. */
    rowPages: [number, number];
  }
  const entries: TableEntry[] = [];
  for (const table of body.querySelectorAll<HTMLTableElement>('table')) {
    const wrap = (table.parentElement?.classList.contains('table-wrap') ? table.parentElement : table) as HTMLElement;
    const lead = leadOf(wrap);
    const group: HTMLElement[] = [];
    for (let element: Element | null = lead; element; element = element.nextElementSibling) {
      group.push(element as HTMLElement);
      if (element.contains(wrap)) break;
    }
    let fit = fitTable(table, false);
    const columns = Math.max(0, ...[...table.rows].map((row) => [...row.cells].reduce((sum, cell) => sum + cell.colSpan, 0)));
    const wide = columns >= options.wideColumns || !fit.fitted;
    if (wide) {
      for (const element of group) element.classList.add('print-wide');
      // Starts a landscape page of its own, as laid out below, also right after another
      // landscape table (the same named page, which alone would not break).
      lead.classList.add('print-wide-start');
      fit = fitTable(table, true);
    }
    let zoom = 1;
    if (!fit.fitted) {
      const available = table.parentElement?.clientWidth ?? columnWidth;
      zoom = Math.floor((available / table.getBoundingClientRect().width) * 1000) / 1000;
      table.style.zoom = String(zoom);
    }
    const even = zoom === 1 && fit.textColumns === 0 && evenColumns(table);
    // A row too tall to move whole to the next page without leaving half a page empty (a long
    // 存在问题) may split over pages where it falls; one taller than a page ran off its foot.
    const room = (wide ? wideBox.height : columnHeight) - (table.tHead?.getBoundingClientRect().height ?? 0);
    const tall = [...table.tBodies].flatMap((section) => [...section.rows]).filter((row) => row.getBoundingClientRect().height > room / 2);
    for (const row of tall) row.classList.add('fit-split');
    // The short line that introduces it (`…情况如下表：`) goes with it, on its page; a landscape
    // table's page has none.
    const intro = wide ? null : (lead.previousElementSibling as HTMLElement | null);
    const introduced = intro?.tagName === 'P' && /[：:]$/.test(intro.textContent?.trim() ?? '') && lineCount(intro) <= 2;
    // With the headings right before that line: left at a page's foot, they would head nothing.
    const introGroup: HTMLElement[] = [];
    if (introduced)
      for (let element: Element | null = leadOf(intro); element && element !== lead; element = element.nextElementSibling)
        introGroup.push(element as HTMLElement);
    entries.push({
      table,
      fit: { nowrap: fit.nowrap, fontSizePt: fit.fontSizePt, zoom, wide, evenColumns: even, textColumns: fit.textColumns, splitRows: tall.length },
      lead: introGroup[0] ?? lead,
      group: [...introGroup, ...group],
      height: table.getBoundingClientRect().height,
      moved: false,
      pushedRows: 0,
      rowPages: [1, 1],
    });
  }

  /** Columns of one 版心 in a multicol container, and where an element falls in them. */
  interface Columns {
    readonly width: number;
    readonly height: number;
    /** The column the element starts in. */
    column(element: Element): number;
    /** The column a box split over columns ends in. */
    lastColumn(element: Element): number;
  }
  const columnsOf = (container: HTMLElement, width: number, height: number): Columns => ({
    width,
    height,
    column: (element) => Math.floor((element.getBoundingClientRect().left - container.getBoundingClientRect().left + 1) / width),
    lastColumn: (element) => Math.floor((element.getBoundingClientRect().right - container.getBoundingClientRect().left - 1) / width),
  });

  // A table that fits on a page is not split: it moves whole to the next page, with the
  // headings before it. A longer one keeps at least `minRows` body rows at a page's foot (or
  // moves) and takes at least `minRows` to the next page (the 合计 among them). A row split over
  // pages (`fit-split`) fills the foot it starts at and counts on the page it ends on; it is never
  // pushed to the next page, which would leave up to its height empty.
  const keepRows = (entry: TableEntry, columns: Columns): void => {
    const rows = [...entry.table.tBodies].flatMap((section) => [...section.rows]);
    if (rows.length === 0) return;
    const split = (row: HTMLTableRowElement) => row.classList.contains('fit-split');
    for (let tries = 0; tries < 4; tries++) {
      const placed = rows.map((row) => columns.column(row));
      const ends = rows.map((row, index) => (split(row) ? columns.lastColumn(row) : placed[index]!));
      const first = placed[0]!;
      const last = ends[ends.length - 1]!;
      entry.rowPages = [first + 1, last + 1];
      // Starting on a page after its lead: the headings or the line introducing it left at the
      // foot of the page before, where the table moved whole or its header and first row did not fit.
      if (!entry.moved && columns.column(entry.lead) < first) {
        breakBefore(entry.lead);
        entry.moved = true;
        continue;
      }
      if (first === last) return;
      const atFoot = placed.filter((column) => column === first).length;
      const footFilled = rows.some((row, index) => placed[index] === first && split(row));
      if (!entry.moved && (entry.height <= columns.height || (atFoot < options.minRows && !footFilled))) {
        breakBefore(entry.lead);
        entry.moved = true;
        continue;
      }
      // Rows as tall as a quarter of a page between them stay: moved, they would leave that much empty.
      const atTop = ends.filter((column) => column === last).length;
      const pushed = rows.slice(-options.minRows);
      const leaving = pushed.filter((_, index) => ends[rows.length - options.minRows + index]! < last);
      const emptied = leaving.reduce((sum, row) => sum + row.getBoundingClientRect().height, 0);
      if (atTop < options.minRows && rows.length >= 2 * options.minRows && !pushed.some(split) && emptied <= columns.height / 4) {
        breakBefore(pushed[0]!);
        entry.pushedRows += options.minRows - atTop;
        continue;
      }
      return;
    }
  };

  // A landscape table is laid out on its own, in columns of the landscape 版心, to count its
  // pages; while the flow is measured a block as tall as those pages stands in for it.
  // A landscape table's headings start its first page, and what follows it the page after.
  for (const entry of entries.filter((candidate) => candidate.fit.wide)) {
    startsPage(entry.lead);
    startsPage(nextInFlow(entry.group.at(-1)!));
  }
  for (const entry of entries.filter((candidate) => candidate.fit.wide)) {
    const container = document.createElement('div');
    container.style.cssText = `position:absolute;left:0;top:0;width:${options.wideMeasure};height:${wideBox.height}px;column-width:${options.wideMeasure};column-gap:0;column-fill:auto`;
    entry.lead.before(container);
    container.append(...entry.group);
    const columns = columnsOf(container, wideBox.width, wideBox.height);
    // It starts a page of its own: nothing to move.
    entry.moved = true;
    keepRows(entry, columns);
    let right = container.getBoundingClientRect().left;
    for (const element of container.querySelectorAll('*')) for (const box of element.getClientRects()) right = Math.max(right, box.right);
    entry.widePages = Math.max(1, Math.ceil((right - container.getBoundingClientRect().left - 1) / wideBox.width));
    container.replaceWith(...entry.group);
  }

  // Forced page breaks become column breaks while measuring.
  const forced = new Set(['page', 'left', 'right', 'recto', 'verso']);
  for (const element of body.querySelectorAll<HTMLElement>('*')) {
    const style = getComputedStyle(element);
    for (const property of ['break-before', 'break-after'] as const) {
      if (!forced.has(style.getPropertyValue(property))) continue;
      const inline = element.style.getPropertyValue(property);
      element.style.setProperty(property, 'column');
      restoreBreaks.push(() => element.style.setProperty(property, inline));
    }
  }

  // Landscape pages are pages of their own (a change of named page breaks the flow).
  const hidden: Array<() => void> = [];
  for (const entry of entries) {
    if (entry.widePages === undefined) continue;
    const holder = document.createElement('div');
    holder.style.cssText = `break-before:column;break-after:column;height:${(entry.widePages - 1) * columnHeight + 1}px`;
    entry.lead.before(holder);
    entry.holder = holder;
    for (const element of entry.group) {
      const display = element.style.display;
      element.style.display = 'none';
      hidden.push(() => {
        element.style.display = display;
      });
    }
  }

  body.style.columnWidth = options.measure;
  body.style.columnGap = '0';
  body.style.columnFill = 'auto';
  body.style.height = options.areaHeight;

  const origin = body.getBoundingClientRect();
  const flow = columnsOf(body, columnWidth, columnHeight);
  const place = (element: Element): { column: number; bottom: number } => ({
    column: flow.column(element),
    bottom: element.getBoundingClientRect().bottom - origin.top,
  });

  /** The page an element's last box falls on (the bounding box of a box split over pages spans them all). */
  const endPage = (element: Element): number => Math.floor((element.getBoundingClientRect().right - origin.left - 1) / columnWidth);

  /**
   * The page the text before `lead` ends on: that of the last box before it, null at the flow's
   * start. (A mark put there would change the breaks it measures.)
   */
  const pageBefore = (lead: HTMLElement): number | null => {
    for (let node: Element | null = lead; node && node !== body; ) {
      const sibling: Element | null = node.previousElementSibling;
      if (!sibling) node = node.parentElement;
      else if (sibling.getClientRects().length === 0) node = sibling;
      else return endPage(sibling);
    }
    return null;
  };

  /** The line introducing a figure whose `lead` this is (`…情况如下：`): not one before the headings that lead it. */
  const introOf = (lead: HTMLElement): HTMLElement | null => {
    const intro = /^H[1-6]$/.test(lead.tagName) ? null : lead.previousElementSibling;
    return intro?.matches('p:not(.note)') && /[：:]$/.test(intro.textContent?.trim() ?? '') ? (intro as HTMLElement) : null;
  };

  /** Whole on `page`: measuring, a chart too tall for the space left may be split rather than moved. */
  const whollyOn = (chart: HTMLElement, page: number): boolean => flow.column(chart) === page && flow.column(chart.lastElementChild ?? chart) === page;

  // A chart is kept whole and takes the headings before it along (print.css): one that does not
  // fit at a page's foot goes to the next page and leaves the foot empty, a gap of up to a page
  // before a new article. Where it fits there with its type set smaller, down to the smallest
  // size, it stays and fills the space instead; otherwise it moves at its own size.
  const fitChart = (chart: HTMLElement): number => {
    const naturalPt = Math.round(Number.parseFloat(getComputedStyle(chart.querySelector('svg') ?? chart).fontSize) * 0.75 * 10) / 10;
    const lead = leadOf(chart);
    const page = pageBefore(lead);
    if (page === null) return naturalPt;
    const fits = (): boolean => whollyOn(chart, page);
    let fontSizePt = naturalPt;
    const sizes = options.chartSizesPt.filter((candidate) => candidate < naturalPt);
    const smallest = sizes.at(-1);
    if (smallest !== undefined && lead.style.breakBefore !== 'column' && !fits()) {
      // The smallest size first: where even that does not fit, as mostly, one layout is tried, not all.
      chart.style.setProperty('--chart-size', `${smallest}pt`);
      if (fits()) {
        fontSizePt = smallest;
        for (const size of sizes.slice(0, -1)) {
          chart.style.setProperty('--chart-size', `${size}pt`);
          if (fits()) {
            fontSizePt = size;
            break;
          }
        }
        chart.style.setProperty('--chart-size', `${fontSizePt}pt`);
      } else {
        chart.style.removeProperty('--chart-size');
        // Its title and introducing line start `page` with nothing before them: left there alone,
        // they would leave most of it empty. Smaller still, the three share it where they can.
        const intro = introOf(lead);
        const heads = intro && leadOf(intro);
        if (heads && heads !== intro && flow.column(heads) === page && pageBefore(heads) !== page) {
          const size = options.strandedChartSizesPt.find((candidate) => {
            chart.style.setProperty('--chart-size', `${candidate}pt`);
            return fits();
          });
          if (size === undefined) chart.style.removeProperty('--chart-size');
          else fontSizePt = size;
        }
      }
    }
    // A chart taller than a page (a grouped chart of many rows) is split wherever it starts: its
    // caption alone on one page, its bars on the next. It takes the largest size at which it is
    // whole on a page, where there is one.
    const whole = (): boolean => flow.column(chart) === flow.column(chart.lastElementChild ?? chart);
    if (!whole()) {
      const size = sizes.find((candidate) => {
        chart.style.setProperty('--chart-size', `${candidate}pt`);
        return whole();
      });
      if (size === undefined) chart.style.removeProperty('--chart-size');
      else fontSizePt = size;
    }
    return fontSizePt;
  };

  /**
   * Space left empty at the foot of a page, in px: below its lowest line of text, table row or
   * picture (the boxes of the blocks around them run on to the page's foot where they continue).
   */
  const footGap = (page: number): number => {
    const boxes: DOMRect[] = [];
    const range = document.createRange();
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if ((node.textContent ?? '').trim() === '') continue;
      range.selectNodeContents(node);
      boxes.push(...range.getClientRects());
    }
    for (const element of body.querySelectorAll('svg, img, tr')) boxes.push(...element.getClientRects());
    let bottom = 0;
    for (const box of boxes)
      if (box.height > 0 && Math.floor((box.left - origin.left + 1) / columnWidth) === page) bottom = Math.max(bottom, box.bottom - origin.top);
    return columnHeight - bottom;
  };

  /** Where the flow ends, in px down its pages laid end to end. */
  const flowEnd = (): number => {
    const end = document.createElement('div');
    body.append(end);
    const { column, bottom } = place(end);
    end.remove();
    return column * columnHeight + bottom;
  };

  // A chart that does not fit at a page's foot even at the smallest size, or a photo that does not
  // fit there, floats, as a typesetter would place it: it moves down past the text blocks after
  // it in its article, whole blocks, to just after the one that runs onto the next page, so that
  // its title keeps with the first lines of that text at the foot and the figure starts the next
  // page. It never passes a heading, a table, another figure or the note that closes the article;
  // and it stays where it was when that does not make the gap at the foot smaller or would end
  // the flow later. `unit` is what moves (a chart with the table it charts); `refit` is tried
  // where it lands (a chart's smaller type) and `undo` undoes it. The web edition keeps the
  // source order. Gives how many blocks it moved past: 0 where it stayed.
  const floatFigure = (figure: HTMLElement, unit: HTMLElement = figure, { refit, undo }: { refit?: () => void; undo?: () => void } = {}): number => {
    const lead = leadOf(figure);
    const page = pageBefore(lead);
    if (page === null || lead.style.breakBefore === 'column' || whollyOn(figure, page) || unit.querySelector('.print-wide')) return 0;
    const text: HTMLElement[] = [];
    let next = unit.nextElementSibling;
    // A note (`（综合整理）`, rehype-notes) closes the article.
    for (; next?.matches('p:not(.note), ol, ul, blockquote') && !next.querySelector('img, svg, table, figure'); next = next.nextElementSibling)
      text.push(next as HTMLElement);
    // Text just before a table or a chart introduces it (“…如下。”): it stays with it. A photo
    // is not introduced so, and a photo before it may float past the text between them.
    if (next && !/^H[1-6]$/.test(next.tagName) && !next.matches('.figure')) text.pop();
    const anchor = text[0];
    if (!anchor) return 0;
    // The line introducing it (`…情况如下：`) goes with it: left behind, it would head the text
    // the figure floated past.
    const intro = introOf(lead);
    const moving = intro ? [intro, unit] : [unit];
    const before = { gap: footGap(page), end: flowEnd() };
    let floatedPast = 0;
    for (const block of text) {
      block.after(...moving);
      floatedPast++;
      if (endPage(block) <= page) continue;
      // A block that went whole to the next page fills nothing: the figure starts that page, before it.
      if (flow.column(block) > page) {
        block.before(...moving);
        floatedPast--;
      }
      break;
    }
    if (floatedPast === 0) {
      anchor.before(...moving);
      return 0;
    }
    refit?.();
    if (footGap(page) < before.gap && flowEnd() <= before.end + slack) return floatedPast;
    anchor.before(...moving);
    undo?.();
    return 0;
  };

  /** A chart floated (see `floatFigure`), with its table when it charts one, and its type where it landed. */
  const floatChart = (chart: HTMLElement): { fontSizePt: number; floatedPast: number } | undefined => {
    // A charted table's chart is followed by its table: the two move together.
    const unit = chart.parentElement?.matches('.table-chart') ? chart.parentElement : chart;
    let fontSizePt = 0;
    const floatedPast = floatFigure(chart, unit, {
      refit: () => {
        fontSizePt = fitChart(chart);
      },
      undo: () => chart.style.removeProperty('--chart-size'),
    });
    return floatedPast === 0 ? undefined : { fontSizePt, floatedPast };
  };

  /** The lines of a text block on each page it falls on, in page order: [page, lines]. */
  const linesByPage = (block: HTMLElement): Array<[number, number]> => {
    const range = document.createRange();
    range.selectNodeContents(block);
    // A raised footnote mark's box is off its line by less than this.
    const apart = Number.parseFloat(getComputedStyle(block).fontSize) / 2;
    const tops = new Map<number, number[]>();
    for (const box of range.getClientRects()) {
      // A <wbr> ending a line (a printed address's, rehype-print-link-addresses) has an empty
      // box at the column's right edge, which the page count below puts on the next page.
      if (box.height === 0 || box.width === 0) continue;
      const page = Math.floor((box.left - origin.left + 1) / columnWidth);
      const onPage = tops.get(page) ?? [];
      if (!onPage.some((top) => Math.abs(top - box.top) < apart)) onPage.push(box.top);
      tops.set(page, onPage);
    }
    return [...tops].map(([page, onPage]): [number, number] => [page, onPage.length]).sort((a, b) => a[0] - b[0]);
  };

  // Chromium leaves a paragraph's last line alone atop a page (or its first alone at the foot),
  // against print.css's widows and orphans, where a short paragraph cannot be split 2 + 2 and the
  // break before it is one to avoid (after a heading, or before a chart it introduces). The
  // paragraph then starts the next page, with the headings before it. Not where that would leave
  // more than 3 of its lines' space empty at the foot.
  const textBlocks = (): HTMLElement[] =>
    [...body.querySelectorAll<HTMLElement>('p, li')].filter(
      (block) => !block.closest('table, .figure, .chart, .contents, .masthead, .distribution, .attachments') && !block.querySelector('p, li'),
    );
  const keepLines = (block: HTMLElement): void => {
    const pages = linesByPage(block);
    if (pages.length !== 2) return;
    const [[page, atFoot], [, atTop]] = pages as [[number, number], [number, number]];
    if ((atFoot !== 1 && atTop !== 1) || atFoot > 3) return;
    const lead = leadOf(block);
    if (lead.style.breakBefore === 'column' || flow.column(lead) !== page || pageBefore(lead) !== page) return;
    breakBefore(lead);
  };

  // In document order, as moving or shrinking one table or chart, or keeping a paragraph's lines
  // together, moves everything after it.
  const tableEntries = new Map(entries.map((entry) => [entry.table as Element, entry]));
  const charts: Array<{ chart: HTMLElement; fontSizePt: number; floatedPast: number }> = [];
  const blocks = new Set<Element>(textBlocks());
  for (const element of body.querySelectorAll<HTMLElement>('table, .chart, .figure, p, li')) {
    const entry = tableEntries.get(element);
    if (blocks.has(element)) {
      keepLines(element);
    } else if (entry) {
      if (!entry.fit.wide) keepRows(entry, flow);
    } else if (element.matches('.figure') && element.getClientRects().length > 0) {
      floatFigure(element);
    } else if (element.matches('.chart') && element.getClientRects().length > 0) {
      // The smaller size keeps the source order, so it is tried first; the chart floats only where even that does not fit.
      const fontSizePt = fitChart(element);
      charts.push({ chart: element, ...(floatChart(element) ?? { fontSizePt, floatedPast: 0 }) });
    }
  }

  // Text after a table, chart or photo, whose heights are their own, goes back onto the line grid
  // the rest of the text keeps (so that it backs the lines on the other side of the sheet): a
  // spacer after the block makes up the difference. Not where the text starts another page.
  const pitch = boxOf('0', 'var(--line)').height;
  const offGrid = (top: number) => {
    const off = (((top - origin.top) % pitch) + pitch) % pitch;
    return off < 0.5 || pitch - off < 0.5 ? 0 : off;
  };
  for (const block of body.querySelectorAll<HTMLElement>('.table-block, .chart, .figure')) {
    if (block.getClientRects().length === 0) continue;
    const next = nextInFlow(block);
    if (!next || next.matches('.table-block, .chart, .figure, .distribution')) continue;
    // The first line's box: a paragraph's own, or the first text block of an article after it.
    const line = next.matches('p, h1, h2, h3, h4, h5, h6, li') ? next : next.querySelector('p, h1, h2, h3, h4, h5, h6, li');
    const top = () => line?.getClientRects()[0]?.top;
    const first = top();
    if (!line || first === undefined || flow.column(line) !== endPage(block) || offGrid(first) === 0) continue;
    const spacer = document.createElement('div');
    block.after(spacer);
    // Margins no longer meet across the spacer, which moves the line by more than its height:
    // measured again, a few times at most, until the line is on the grid.
    let height = 0;
    for (let tries = 0; tries < 3; tries++) {
      const now = top()!;
      const off = offGrid(now);
      if (off === 0) break;
      height = height + pitch - off >= pitch ? height - off : height + pitch - off;
      spacer.style.height = `${height}px`;
    }
    // Pushed onto the next page, the line needs no spacer.
    if (flow.column(line) !== endPage(block)) spacer.remove();
  }

  // The spacers moved the text after them by less than a line: a paragraph may have been split anew.
  for (const block of textBlocks()) keepLines(block);

  let distribution: PrintLayoutReport['distribution'] = null;
  const footer = body.querySelector<HTMLElement>('.distribution');
  if (footer) {
    // Padding, not margin: a margin at the top of a page is truncated, padding is kept.
    footer.style.paddingTop = '0px';
    // Printed on both sides, the 版记 ends on an even page, the back of the last sheet. Where the
    // flow ends on an odd page, the block moves to the next page. Where it does not fit on the
    // even page the flow ends on, a blank page comes between; that page and the 版记 page carry
    // no number (GB/T 9704 §7.5), as the `unnumbered` pages of the print stylesheet.
    const blankPageBefore = () => {
      const blank = document.createElement('div');
      blank.className = 'unnumbered';
      blank.style.height = `${columnHeight - slack}px`;
      footer.before(blank);
      breakBefore(blank);
      footer.classList.add('unnumbered');
    };
    // The pages the block runs over: more than one when its lists are longer than a page holds.
    const span = () => endPage(footer) - place(footer).column + 1;
    if (span() > 1) {
      // It starts a page and ends on an even one, with no space above it.
      breakBefore(footer);
      if ((place(footer).column + span()) % 2 === 1) blankPageBefore();
      distribution = { page: place(footer).column + 1, spaceMm: 0, pages: span() };
    } else {
      const natural = place(footer).column + 1;
      if (natural % 2 === 1) {
        // Where the text before the block ends: on the same page, or on the page before when the
        // block did not fit there or that page is a landscape table's, which it cannot share.
        const flowEnd = (pageBefore(footer) ?? 0) + 1;
        if (flowEnd === natural) breakBefore(footer);
        else blankPageBefore();
      }
      const before = place(footer);
      let space = Math.max(0, columnHeight - before.bottom - slack);
      footer.style.paddingTop = `${space}px`;
      // Should rounding push the block over, give back a pixel at a time.
      for (let tries = 0; tries < 4 && place(footer).column !== before.column && space > 0; tries++) {
        space = Math.max(0, space - 1);
        footer.style.paddingTop = `${space}px`;
      }
      distribution = { page: place(footer).column + 1, spaceMm: Math.round((space / pxPerMm) * 100) / 100, pages: 1 };
    }
  }

  // Each box counted to the end of the page it starts on at most: one that runs past the 版心's
  // right edge (a word longer than a line) is on its page, not on the next.
  let right = origin.left;
  for (const element of body.querySelectorAll('*')) {
    for (const box of element.getClientRects()) {
      const pageEnd = origin.left + (Math.floor((box.left - origin.left + 1) / columnWidth) + 1) * columnWidth;
      right = Math.max(right, Math.min(box.right, pageEnd));
    }
  }
  const pages = Math.max(1, Math.ceil((right - origin.left - 1) / columnWidth));

  const tables: TableFit[] = entries.map((entry) => {
    const rows = [...entry.table.tBodies].flatMap((section) => [...section.rows]);
    const offset = entry.holder ? flow.column(entry.holder) : 0;
    const pagesOf: [number, number] = entry.holder
      ? [offset + entry.rowPages[0], offset + entry.rowPages[1]]
      : rows.length > 0
        ? [flow.column(rows[0]!) + 1, flow.column(rows[rows.length - 1]!) + 1]
        : [flow.column(entry.table) + 1, flow.column(entry.table) + 1];
    return { ...entry.fit, pages: pagesOf, moved: entry.moved && !entry.fit.wide, pushedRows: entry.pushedRows };
  });

  const chartFits: ChartFit[] = charts.map(({ chart, fontSizePt, floatedPast }) => ({ fontSizePt, page: flow.column(chart) + 1, floatedPast }));

  for (const entry of entries) entry.holder?.remove();
  for (const show of hidden) show();
  for (const restore of restoreBreaks) restore();
  if (savedStyle === null) body.removeAttribute('style');
  else body.setAttribute('style', savedStyle);

  return { pages, mastheadPt, tables, charts: chartFits, distribution, headings, brokenImages };
}
