import type { Element } from 'hast';
import { CHART_COLOURS, type ChartSeries, chartFigure, em, LINE, nameLines, nameText, percent } from './chart-figure.ts';
import { element } from './hast-element.ts';

export interface BarChart {
  /** Caption above the chart, also the SVG's `<title>`. */
  readonly title: string;
  /** One bar group per category (a district, a month). */
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** False leaves the chart out of print. @default true */
  readonly print?: boolean;
}

// Down the chart in em, across in percent (see chart-figure.ts).
const LABEL_BASELINE = 1.05;
const BARS_TOP = 1.4;
const BAR = 0.85;
const BAR_GAP = 0.2;
const GROUP_GAP = 0.6;
/** The longest bar's share of the width: the rest holds its value label (`14736` at 13 px on a phone). */
const PLOT = 86;

/**
 * A grouped horizontal bar chart as inline SVG, drawn at build time: each category's name on
 * its own line with one bar per series below it, so it reads on a phone without scrolling; a
 * name longer than the narrowest phone's line (`NARROWEST`) wraps.
 */
export function barChart(chart: BarChart): Element {
  const { categories, series } = chart;
  const max = Math.max(0, ...series.flatMap((entry) => entry.values.map((value) => value ?? 0)));
  const scale = (value: number) => (max > 0 ? (Math.max(0, value) / max) * PLOT : 0);
  const barsHeight = series.length * (BAR + BAR_GAP) - BAR_GAP + GROUP_GAP;

  let next = 0;
  const groups = categories.map((category, index) => {
    const lines = nameLines(category);
    const top = next;
    const barsTop = top + BARS_TOP + (lines.length - 1) * LINE;
    next = barsTop + barsHeight;
    const bars = series.flatMap((entry, which) => {
      const value = entry.values[index];
      if (value === undefined) return [];
      const y = barsTop + which * (BAR + BAR_GAP);
      const width = percent(scale(value));
      return [
        element('rect', { x: '0', y: em(y), width, height: em(BAR), fill: CHART_COLOURS[which % CHART_COLOURS.length] }),
        element('text', { x: width, dx: '0.3em', y: em(y + BAR - 0.1), className: ['chart-value'] }, [entry.labels[index] ?? String(value)]),
      ];
    });
    return element('g', {}, [nameText(lines, top + LABEL_BASELINE), ...bars]);
  });

  return chartFigure({
    title: chart.title,
    description: categories
      .map((category, index) => `${category}：${series.map((entry) => `${entry.name} ${entry.labels[index] ?? '—'}`).join('，')}`)
      .join('；'),
    height: next - GROUP_GAP,
    marks: groups,
    legend: series.map((entry, which) => ({ name: entry.name, colour: CHART_COLOURS[which % CHART_COLOURS.length]! })),
    ...(chart.print === undefined ? {} : { print: chart.print }),
  });
}
