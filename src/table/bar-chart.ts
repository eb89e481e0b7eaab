import type { Element } from 'hast';
import { element } from './hast-element.ts';

/** One coloured bar in every group: a number column, or a column of totals. */
export interface ChartSeries {
  readonly name: string;
  /** One value per category; `undefined` draws no bar (a `/` or missing cell). */
  readonly values: readonly (number | undefined)[];
  /** The values as written, for labels at the bar ends. */
  readonly labels: readonly string[];
}

export interface BarChart {
  /** Caption above the chart, also the SVG's `<title>`. */
  readonly title: string;
  /** One bar group per category (a district, a month). */
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
}

/** Colours in legend order: distinct in hue and lightness, dark enough on white. */
export const CHART_COLOURS = ['#5b7fa6', '#d98c1f', '#c8000f', '#3f8a5a', '#7d5ba6', '#6b6b6b'];

const WIDTH = 340;
const FONT = 13;
const LABEL_HEIGHT = 19;
const BAR = 12;
const BAR_GAP = 2;
const GROUP_GAP = 10;
const VALUE_ROOM = 48;

/**
 * A grouped horizontal bar chart as inline SVG, drawn at build time: each category's name on
 * its own line with one bar per series below it, so it reads on a phone without scrolling.
 * The SVG is an image with a `<title>` and a `<desc>` that reads out every value; the legend is
 * HTML so long series names wrap.
 */
export function barChart(chart: BarChart): Element {
  const { categories, series } = chart;
  const max = Math.max(0, ...series.flatMap((entry) => entry.values.map((value) => value ?? 0)));
  const plot = WIDTH - VALUE_ROOM;
  const scale = (value: number) => (max > 0 ? (Math.max(0, value) / max) * plot : 0);
  const groupHeight = LABEL_HEIGHT + series.length * (BAR + BAR_GAP) + GROUP_GAP;
  const height = categories.length * groupHeight;

  const groups = categories.map((category, index) => {
    const top = index * groupHeight;
    const bars = series.flatMap((entry, which) => {
      const value = entry.values[index];
      if (value === undefined) return [];
      const y = top + LABEL_HEIGHT + which * (BAR + BAR_GAP);
      const width = round(scale(value));
      return [
        element('rect', { x: '0', y: String(y), width, height: BAR, fill: CHART_COLOURS[which % CHART_COLOURS.length] }),
        element('text', { x: String(round(width + 4)), y: String(y + BAR - 1), className: ['chart-value'] }, [entry.labels[index] ?? String(value)]),
      ];
    });
    return element('g', {}, [element('text', { x: '0', y: String(top + LABEL_HEIGHT - 4), className: ['chart-category'] }, [category]), ...bars]);
  });

  const description = categories
    .map((category, index) => `${category}：${series.map((entry) => `${entry.name} ${entry.labels[index] ?? '—'}`).join('，')}`)
    .join('；');

  return element('figure', { className: ['chart'] }, [
    element('figcaption', {}, [chart.title]),
    element(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        viewBox: `0 0 ${WIDTH} ${height}`,
        width: WIDTH,
        height,
        role: 'img',
        fontSize: String(FONT),
        fill: 'currentColor',
      },
      [element('title', {}, [chart.title]), element('desc', {}, [description]), ...groups],
    ),
    element(
      'ul',
      { className: ['chart-legend'] },
      series.map((entry, which) =>
        element('li', {}, [
          element('span', { className: ['chart-swatch'], style: `background:${CHART_COLOURS[which % CHART_COLOURS.length]}`, ariaHidden: 'true' }),
          entry.name,
        ]),
      ),
    ),
  ]);
}

const round = (value: number) => Math.round(value * 10) / 10;
