import type { Element } from 'hast';
import { CHART_COLOURS, type ChartSeries, chartFigure, em, LINE, NARROWEST, nameLines, nameText, percent, textWidth } from './chart-figure.ts';
import { element } from './hast-element.ts';

export interface StackedChart {
  /** Caption above the chart, also the SVG's `<title>`. */
  readonly title: string;
  /** One bar per category (a district, a month). */
  readonly categories: readonly string[];
  /** The whole each bar stands for: its length. */
  readonly whole: ChartSeries;
  /** The part that counts as done: drawn first, its share of the whole printed beside the bar. */
  readonly done: ChartSeries;
  /** The other parts, drawn after it in this order. */
  readonly others: readonly ChartSeries[];
  /** False leaves the chart out of print. @default true */
  readonly print?: boolean;
}

/** What the share done is called, in the chart, its description and the series table. */
export const SHARE_NAME = '进度';

/** The part in the colour of progress; the whole is the pale track the parts fill. */
const DONE_COLOUR = '#3f8a5a';
const OTHER_COLOURS = CHART_COLOURS.filter((colour) => colour !== DONE_COLOUR);
const TRACK_COLOUR = '#ddd8ce';

// Down the chart in em, across in percent (see chart-figure.ts).
const LABEL_BASELINE = 1.05;
const BAR_TOP = 1.4;
const BAR = 1;
const ROW_GAP = 0.7;
/** Space kept between a row's name and its numbers on one line. */
const NAME_GAP = 1;
/** The gap before the share, `dx` of its tspan. */
const SHARE_GAP = 0.6;

/**
 * `98.7%`: the share `done` is of `whole`, to one decimal as progress reports give it (written
 * without a space, as Chinese official texts write percentages); undefined without a whole.
 */
export function shareLabel(done: number | undefined, whole: number | undefined): string | undefined {
  if (whole === undefined || whole <= 0) return undefined;
  return `${(Math.round(((done ?? 0) / whole) * 1000) / 10).toFixed(1)}%`;
}

/**
 * The parts of a whole as one horizontal bar per category, as inline SVG drawn at build time:
 * the bar's length is the whole (so categories compare in size), filled from the left by the
 * part that is done and then the other parts; above it the category's name and, at the right
 * edge, done / whole and the share done. A name too long to share its line with the numbers on
 * the narrowest phone (`NARROWEST`) has them on a line of their own under it, and one longer
 * than that line wraps.
 */
export function stackedChart(chart: StackedChart): Element {
  const { categories, whole, done, others } = chart;
  const parts = [done, ...others];
  const colours = [DONE_COLOUR, ...others.map((_, which) => OTHER_COLOURS[which % OTHER_COLOURS.length]!)];
  const max = Math.max(0, ...whole.values.map((value) => value ?? 0));
  const scale = (value: number) => (max > 0 ? (Math.max(0, value) / max) * 100 : 0);

  let top = 0;
  const rows = categories.map((category, index) => {
    const lines = nameLines(category);
    const numbers = `${done.labels[index] ?? ''} / ${whole.labels[index] ?? ''}`;
    const share = shareLabel(done.values[index], whole.values[index]) ?? '—';
    const beside = lines.length === 1 && textWidth(category) + NAME_GAP + textWidth(numbers) + SHARE_GAP + textWidth(share) <= NARROWEST;
    // Lines added above the bar: the name's beyond its first, and the numbers' own.
    const added = lines.length - 1 + (beside ? 0 : 1);
    const numbersBaseline = top + LABEL_BASELINE + (beside ? 0 : lines.length * LINE);
    const rowTop = top;
    top += BAR_TOP + added * LINE + BAR + ROW_GAP;
    const y = em(rowTop + BAR_TOP + added * LINE);
    let start = 0;
    const segments = parts.flatMap((part, which) => {
      const length = scale(part.values[index] ?? 0);
      if (length === 0) return [];
      const x = start;
      start += length;
      return [element('rect', { x: percent(x), y, width: percent(length), height: em(BAR), fill: colours[which] })];
    });
    const wholeValue = whole.values[index];
    return element('g', {}, [
      nameText(lines, rowTop + LABEL_BASELINE),
      element('text', { x: '100%', y: em(numbersBaseline), textAnchor: 'end' }, [
        element('tspan', { className: ['chart-value'] }, [numbers]),
        element('tspan', { className: ['chart-share'], dx: `${SHARE_GAP}em` }, [share]),
      ]),
      ...(wholeValue ? [element('rect', { x: '0', y, width: percent(scale(wholeValue)), height: em(BAR), fill: TRACK_COLOUR })] : []),
      ...segments,
    ]);
  });

  const description = categories
    .map((category, index) => {
      const values = [...parts, whole].map((entry) => `${entry.name} ${entry.labels[index] || '—'}`);
      return `${category}：${values.join('，')}，${SHARE_NAME} ${shareLabel(done.values[index], whole.values[index]) ?? '—'}`;
    })
    .join('；');

  return chartFigure({
    title: chart.title,
    description,
    height: top - ROW_GAP,
    marks: rows,
    legend: [...parts.map((part, which) => ({ name: part.name, colour: colours[which]! })), { name: whole.name, colour: TRACK_COLOUR }],
    ...(chart.print === undefined ? {} : { print: chart.print }),
  });
}
