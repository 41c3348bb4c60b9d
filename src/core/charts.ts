/**
 * Geometry of the statistics pages' charts, drawn on the server as SVG (no chart script): bars
 * for a breakdown, a polyline for a trend. Pure: values in, coordinates out, in a fixed viewBox
 * that the SVG scales to the screen. Views draw the shapes; text stays in the table beside it.
 */

/** Width and height of the charts' viewBox; the SVG scales it to its container. */
export const CHART_WIDTH = 320;
export const BAR_HEIGHT = 18;
export const BAR_GAP = 6;
/** Room on the left for the bar's label and on the right for its value. */
export const LABEL_WIDTH = 96;
export const VALUE_WIDTH = 48;
export const LINE_HEIGHT = 140;
export const LINE_PADDING = 12;

export interface BarInput {
  label: string;
  value: number;
}

export interface Bar extends BarInput {
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
 * Horizontal bars, one per row, lengths proportional to the value on a shared nice scale.
 * @example barChart([{ label: "甲镇", value: 30 }, { label: "乙镇", value: 10 }]).bars[1].width // a third of the first
 */
export function barChart(rows: readonly BarInput[]): BarChart {
  const scaleMax = niceMax(Math.max(0, ...rows.map((r) => r.value)));
  const room = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const bars = rows.map((row, i) => {
    const y = i * (BAR_HEIGHT + BAR_GAP);
    return {
      ...row,
      x: LABEL_WIDTH,
      y,
      width: round((Math.max(0, row.value) / scaleMax) * room),
      height: BAR_HEIGHT,
      textY: y + BAR_HEIGHT * 0.75,
    };
  });
  return { width: CHART_WIDTH, height: Math.max(BAR_HEIGHT, rows.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP), bars };
}

export interface LinePoint extends BarInput {
  x: number;
  y: number;
}

export interface LineChart {
  width: number;
  height: number;
  points: LinePoint[];
  /** The polyline's `points` attribute. */
  path: string;
  /** The scale's top value, written at the top of the axis. */
  max: number;
}

/**
 * One line over evenly spaced points, the value axis from zero to a nice maximum.
 * @example lineChart([{ label: "2026-01", value: 5 }, { label: "2026-02", value: 10 }]).path
 */
export function lineChart(points: readonly BarInput[]): LineChart {
  const max = niceMax(Math.max(0, ...points.map((p) => p.value)));
  const inner = { left: LINE_PADDING, right: CHART_WIDTH - LINE_PADDING, top: LINE_PADDING, bottom: LINE_HEIGHT - LINE_PADDING };
  const step = points.length > 1 ? (inner.right - inner.left) / (points.length - 1) : 0;
  const placed = points.map((p, i) => ({
    ...p,
    x: round(points.length > 1 ? inner.left + i * step : (inner.left + inner.right) / 2),
    y: round(inner.bottom - (Math.max(0, p.value) / max) * (inner.bottom - inner.top)),
  }));
  return { width: CHART_WIDTH, height: LINE_HEIGHT, points: placed, path: placed.map((p) => `${p.x},${p.y}`).join(" "), max };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
