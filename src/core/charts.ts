/**
 * Geometry of the statistics pages' charts, drawn on the server as SVG (no chart script): bars
 * for a breakdown, a polyline for a trend. Pure: values in, coordinates and label text out, in a
 * fixed viewBox that the SVG scales to the screen. Every number a reader needs is printed on the
 * chart (no tooltip needed); long labels are shortened with "…" and the table beside the chart
 * holds the full name.
 */

/** Width of the charts' viewBox; the SVG scales it to its container. */
export const CHART_WIDTH = 320;
export const BAR_HEIGHT = 18;
export const BAR_GAP = 6;
/** Font size (viewBox units) of the bars' labels and values; the CSS uses the same. */
export const LABEL_FONT = 11;
/** Room on the left for the bar's label: at most this, less when every label is shorter. */
export const LABEL_WIDTH = 112;
/** Room on the right for the bar's value. */
export const VALUE_WIDTH = 40;
/** Space between a label and its bar. */
export const LABEL_GAP = 4;

/** The trend chart's viewBox height and margins (y labels left, month labels and axis title below). */
export const LINE_HEIGHT = 190;
export const LINE_FONT = 9;
export const LINE_MARGIN = { left: 34, right: 12, top: 30, bottom: 36 } as const;
/** The trend's value axis starts at zero unless the values' spread is under this share of their top. */
export const ZOOM_SHARE = 0.5;
/** How many steps the value axis aims for (a step is a whole number of people). */
const TARGET_TICKS = 4;

export interface BarInput {
  label: string;
  value: number;
}

export interface Bar extends BarInput {
  /** The label as drawn: the whole label, or its start and "…" when it would not fit. */
  shortLabel: string;
  /** Top-left corner and size of the bar, in viewBox units. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Baseline of the label and value text. */
  textY: number;
}

export interface BarChart {
  width: number;
  height: number;
  /** Where the labels end (right-aligned there) and the bars begin. */
  labelWidth: number;
  bars: Bar[];
}

/** A round ceiling for the axis: 1, 2 or 5 × a power of ten at or above `max` (1 when all are zero). */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/**
 * Estimated drawn width of a text at a font size: a Han character (or any full-width one) is one
 * em wide, Latin letters and digits about 0.6 em. Estimates err wide so a fitted label fits.
 * @example textWidth("甲镇12", 10) // 32
 */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += isWide(ch) ? 1 : 0.6;
  return round(ems * fontSize);
}

function isWide(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  // The ellipsis is full width in Chinese fonts.
  return code === 0x2026 || (code >= 0x1100 && !(code >= 0xff61 && code <= 0xffdc));
}

/**
 * The text, or its longest start followed by "…" that fits in `width` at `fontSize`.
 * @example fitText("横峰县岑阳镇第一帮扶车间", 45, 10) // "横峰县…"
 */
export function fitText(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(chars.join("") + "…", fontSize) > width) chars.pop();
  return chars.length === 0 ? "…" : chars.join("") + "…";
}

/**
 * Horizontal bars, one per row, lengths proportional to the value on a shared nice scale. The
 * label column is as wide as the longest label, up to LABEL_WIDTH; longer labels are shortened.
 * @example barChart([{ label: "甲镇", value: 30 }, { label: "乙镇", value: 10 }]).bars[1].width // a third of the first
 */
export function barChart(rows: readonly BarInput[]): BarChart {
  const scaleMax = niceMax(Math.max(0, ...rows.map((r) => r.value)));
  const labelRoom = Math.min(LABEL_WIDTH - LABEL_GAP, Math.max(0, ...rows.map((r) => textWidth(r.label, LABEL_FONT))));
  const labelWidth = labelRoom + LABEL_GAP;
  const room = CHART_WIDTH - labelWidth - VALUE_WIDTH;
  const bars = rows.map((row, i) => {
    const y = i * (BAR_HEIGHT + BAR_GAP);
    return {
      ...row,
      shortLabel: fitText(row.label, labelRoom, LABEL_FONT),
      x: labelWidth,
      y,
      width: round((Math.max(0, row.value) / scaleMax) * room),
      height: BAR_HEIGHT,
      textY: y + BAR_HEIGHT * 0.75,
    };
  });
  return { width: CHART_WIDTH, height: Math.max(BAR_HEIGHT, rows.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP), labelWidth, bars };
}

export interface LinePoint extends BarInput {
  x: number;
  y: number;
}

export interface AxisTick {
  value: number;
  /** Position along the axis (y for the value axis), in viewBox units. */
  at: number;
}

export interface LineChart {
  width: number;
  height: number;
  points: LinePoint[];
  /** The polyline's `points` attribute. */
  path: string;
  /** The value axis: its bottom and top values and the labelled steps between, bottom first. */
  min: number;
  max: number;
  ticks: AxisTick[];
  /** True when the value axis does not start at zero (the chart must say so). */
  zoomed: boolean;
  /** The plotting area. */
  plot: { left: number; right: number; top: number; bottom: number };
}

/**
 * The value axis for a set of values: from zero to a nice top, or — when the values sit close
 * together far from zero (spread under ZOOM_SHARE of the top) — from a nice floor under the lowest
 * value, so that a change from 588 to 625 shows as a change and not a flat line.
 * @example valueAxis([588, 600, 625]) // { min: 580, max: 630, step: 10, zoomed: true }
 */
export function valueAxis(values: readonly number[]): { min: number; max: number; step: number; zoomed: boolean } {
  const hi = Math.max(0, ...values);
  const lo = values.length > 0 ? Math.max(0, Math.min(...values)) : 0;
  const zoomed = lo > 0 && hi - lo < hi * ZOOM_SHARE;
  if (!zoomed) {
    const step = Math.max(1, niceMax(hi / TARGET_TICKS));
    return { min: 0, max: Math.max(step, Math.ceil(hi / step) * step), step, zoomed: false };
  }
  const step = Math.max(1, niceMax((hi - lo) / TARGET_TICKS));
  let min = Math.floor(lo / step) * step;
  let max = Math.ceil(hi / step) * step;
  if (min === max) {
    min -= step;
    max += step;
  }
  return { min: Math.max(0, min), max, step, zoomed: min > 0 };
}

/**
 * One line over evenly spaced points, on the value axis `valueAxis` picks, with its labelled steps.
 * @example lineChart([{ label: "1月", value: 5 }, { label: "2月", value: 10 }]).path
 */
export function lineChart(points: readonly BarInput[]): LineChart {
  const axis = valueAxis(points.map((p) => p.value));
  const plot = { left: LINE_MARGIN.left, right: CHART_WIDTH - LINE_MARGIN.right, top: LINE_MARGIN.top, bottom: LINE_HEIGHT - LINE_MARGIN.bottom };
  const yOf = (value: number) => round(plot.bottom - ((Math.min(axis.max, Math.max(axis.min, value)) - axis.min) / (axis.max - axis.min)) * (plot.bottom - plot.top));
  const step = points.length > 1 ? (plot.right - plot.left) / (points.length - 1) : 0;
  const placed = points.map((p, i) => ({
    ...p,
    x: round(points.length > 1 ? plot.left + i * step : (plot.left + plot.right) / 2),
    y: yOf(p.value),
  }));
  const ticks: AxisTick[] = [];
  for (let v = axis.min; v <= axis.max + axis.step / 2; v += axis.step) ticks.push({ value: round(v), at: yOf(v) });
  return {
    width: CHART_WIDTH,
    height: LINE_HEIGHT,
    points: placed,
    path: placed.map((p) => `${p.x},${p.y}`).join(" "),
    min: axis.min,
    max: axis.max,
    ticks,
    zoomed: axis.zoomed,
    plot,
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
