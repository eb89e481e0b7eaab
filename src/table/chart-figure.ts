import type { Element } from 'hast';
import { element } from './hast-element.ts';

/** Colours in legend order: distinct in hue and lightness, dark enough on white. */
export const CHART_COLOURS = ['#5b7fa6', '#d98c1f', '#c8000f', '#3f8a5a', '#7d5ba6', '#6b6b6b'];

/** One number column, or a column of totals, as a chart draws it. */
export interface ChartSeries {
  readonly name: string;
  /** One value per category; `undefined` draws no bar (a `/` or missing cell). */
  readonly values: readonly (number | undefined)[];
  /** The values as written, for labels. */
  readonly labels: readonly string[];
}

export interface LegendEntry {
  readonly name: string;
  readonly colour: string;
}

export interface ChartFrame {
  /** Caption above the chart, also the SVG's `<title>`. */
  readonly title: string;
  /** Every value in words, the SVG's `<desc>` for screen readers. */
  readonly description: string;
  /** Height in em of the SVG's font size: see `em` below. */
  readonly height: number;
  readonly marks: readonly Element[];
  readonly legend: readonly LegendEntry[];
  /** False leaves the chart out of print (`chart-print="no"`). @default true */
  readonly print?: boolean;
}

/**
 * A chart as a figure: caption, an inline SVG and an HTML legend (so long series names wrap).
 * The SVG has no viewBox: it is as wide as its column (`width="100%"`), its marks are placed
 * across in percent and down in em, so its text keeps the size the style sheet gives it (13 px
 * on a phone, 10.5 pt in print) at any width, where a scaled viewBox would shrink it on a phone
 * or blow it up on a desktop.
 */
export function chartFigure(frame: ChartFrame): Element {
  return element('figure', { className: frame.print === false ? ['chart', 'chart-no-print'] : ['chart'] }, [
    element('figcaption', {}, [frame.title]),
    element('svg', { xmlns: 'http://www.w3.org/2000/svg', width: '100%', height: em(frame.height), role: 'img', fontSize: '13', fill: 'currentColor' }, [
      element('title', {}, [frame.title]),
      element('desc', {}, [frame.description]),
      ...frame.marks,
    ]),
    element(
      'ul',
      { className: ['chart-legend'] },
      frame.legend.map((entry) =>
        element('li', {}, [element('span', { className: ['chart-swatch'], style: `background:${entry.colour}`, ariaHidden: 'true' }), entry.name]),
      ),
    ),
  ]);
}

/**
 * How wide a chart's drawing may be, in em of its text, on the narrowest phone it is read on:
 * 262 px at 13 px on a 320 px screen (20.1 em), less a margin for the estimate below. The chart
 * cannot know its width when it is drawn, so a row's name and numbers share a line only where
 * they fit this; SVG text never wraps, and a longer name ran over its numbers.
 */
export const NARROWEST = 19;

/** The height of a line of chart text, in em. */
export const LINE = 1.3;

/**
 * An estimate of `text`'s width in em: a Han character, kana or full-width sign is one em, and
 * anything else (digits, Latin, `/`, spaces) at most 0.6 em.
 */
export function textWidth(text: string): number {
  let width = 0;
  for (const character of text) width += /[\p{Script=Han}\u3000-\u30ff\uff00-\uffef]/u.test(character) ? 1 : 0.6;
  return width;
}

/**
 * A category's name as the lines it takes, each at most `width` em (`NARROWEST`), filled greedily:
 * Chinese may break between any two characters, and a full-width closing sign (，。、）》…) stays
 * at the end of its line rather than start the next.
 */
export function nameLines(name: string, width: number = NARROWEST): string[] {
  const lines: string[] = [];
  let line = '';
  for (const character of name) {
    if (line && textWidth(line + character) > width && !/[，。、；：！？）》」』…]/u.test(character)) {
      lines.push(line);
      line = '';
    }
    line += character;
  }
  return [...lines, line];
}

/** The lines of a category's name as one `<text>`, the first baseline at `baseline` em. */
export function nameText(lines: readonly string[], baseline: number): Element {
  const attributes = { x: '0', y: em(baseline), className: ['chart-category'] };
  if (lines.length === 1) return element('text', attributes, [lines[0] ?? '']);
  return element(
    'text',
    attributes,
    lines.map((line, index) => element('tspan', { x: '0', y: em(baseline + index * LINE) }, [line])),
  );
}

/** A length down the chart, in em of its font size. */
export const em = (value: number): string => `${round(value)}em`;

/** A length across the chart, in percent of its width. */
export const percent = (value: number): string => `${round(value)}%`;

const round = (value: number) => Math.round(value * 100) / 100;
