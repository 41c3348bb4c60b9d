/**
 * Charts drawn on the server as SVG from src/core/charts.ts: horizontal bars of a breakdown and
 * the line of a trend. Presentation is by CSS classes (the CSP allows no style attributes). Each
 * value is printed on the chart, the axes are labelled, and a shortened label keeps its full text
 * in a <title> (the table beside each chart holds it too).
 * @example <BarChartSvg title="按乡镇：已就业人数" rows={[{ label: "甲镇", value: 30 }]} />
 */
import { LABEL_GAP, LINE_FONT, barChart, lineChart, type BarInput } from "../../src/core/charts.ts";
import { messages } from "../messages.ts";

export function BarChartSvg(props: { title: string; rows: readonly BarInput[] }) {
  const chart = barChart(props.rows);
  return (
    <svg class="chart bar-chart" viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-label={props.title} xmlns="http://www.w3.org/2000/svg">
      <title>{props.title}</title>
      {chart.bars.map((bar) => (
        <g>
          <text class="chart-label" x={bar.x - LABEL_GAP} y={bar.textY} text-anchor="end">
            {bar.shortLabel === bar.label ? null : <title>{bar.label}</title>}
            {bar.shortLabel}
          </text>
          <rect class="chart-bar" x={bar.x} y={bar.y} width={bar.width} height={bar.height} />
          <text class="chart-value" x={bar.x + bar.width + 4} y={bar.textY}>
            {bar.value}
          </text>
        </g>
      ))}
    </svg>
  );
}

/**
 * A trend line with its value axis (labelled steps, a title, and a note when it does not start at
 * zero), its month axis (each point's label under it) and each point's value printed above it.
 */
export function LineChartSvg(props: { title: string; points: readonly BarInput[]; yTitle: string; xTitle: string }) {
  const m = messages.charts;
  const chart = lineChart(props.points);
  const { plot } = chart;
  return (
    <svg class="chart line-chart" viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-label={props.title} xmlns="http://www.w3.org/2000/svg">
      <title>{props.title}</title>
      <text class="chart-axis-title" x={2} y={LINE_FONT + 1}>
        {props.yTitle}
      </text>
      {chart.zoomed ? (
        <text class="chart-note" x={chart.width - 2} y={LINE_FONT + 1} text-anchor="end">
          {m.notFromZero(chart.min)}
        </text>
      ) : null}
      {chart.ticks.map((tick) => (
        <g>
          <line class="chart-grid" x1={plot.left} y1={tick.at} x2={plot.right} y2={tick.at} />
          <text class="chart-tick" x={plot.left - 3} y={tick.at + LINE_FONT / 3} text-anchor="end">
            {tick.value}
          </text>
        </g>
      ))}
      <line class="chart-axis" x1={plot.left} y1={plot.top} x2={plot.left} y2={plot.bottom} />
      <line class="chart-axis" x1={plot.left} y1={plot.bottom} x2={plot.right} y2={plot.bottom} />
      {chart.zoomed ? <path class="chart-axis-break" d={`M${plot.left - 4},${plot.bottom - 5} l8,-3 M${plot.left - 4},${plot.bottom - 9} l8,-3`} /> : null}
      <polyline class="chart-line" points={chart.path} />
      {chart.points.map((p) => (
        <g>
          <circle class="chart-point" cx={p.x} cy={p.y} r={2.5}>
            <title>{`${p.label}：${p.value}`}</title>
          </circle>
          <text class="chart-point-value" x={p.x} y={p.y - 5} text-anchor="middle">
            {p.value}
          </text>
          <text class="chart-tick" x={p.x} y={plot.bottom + LINE_FONT + 4} text-anchor="middle">
            {p.label}
          </text>
        </g>
      ))}
      <text class="chart-axis-title" x={(plot.left + plot.right) / 2} y={chart.height - 3} text-anchor="middle">
        {props.xTitle}
      </text>
    </svg>
  );
}
