/**
 * Charts drawn on the server as SVG from src/core/charts.ts: horizontal bars of a breakdown and
 * the line of a trend. Presentation is by CSS classes (the CSP allows no style attributes); the
 * numbers are in the table beside each chart, so the chart is an image with a title.
 * @example <BarChartSvg title="按乡镇：已就业人数" rows={[{ label: "甲镇", value: 30 }]} />
 */
import { barChart, lineChart, type BarInput } from "../../src/core/charts.ts";

export function BarChartSvg(props: { title: string; rows: readonly BarInput[] }) {
  const chart = barChart(props.rows);
  return (
    <svg class="chart bar-chart" viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-label={props.title} xmlns="http://www.w3.org/2000/svg">
      <title>{props.title}</title>
      {chart.bars.map((bar) => (
        <g>
          <text class="chart-label" x={bar.x - 4} y={bar.textY} text-anchor="end">
            {bar.label}
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

export function LineChartSvg(props: { title: string; points: readonly BarInput[] }) {
  const chart = lineChart(props.points);
  return (
    <svg class="chart line-chart" viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-label={props.title} xmlns="http://www.w3.org/2000/svg">
      <title>{props.title}</title>
      <line class="chart-axis" x1={chart.points[0]?.x ?? 0} y1={chart.height - 12} x2={chart.points.at(-1)?.x ?? chart.width} y2={chart.height - 12} />
      <text class="chart-label" x={2} y={10}>
        {chart.max}
      </text>
      <polyline class="chart-line" points={chart.path} />
      {chart.points.map((p) => (
        <circle class="chart-point" cx={p.x} cy={p.y} r={3}>
          <title>{`${p.label}：${p.value}`}</title>
        </circle>
      ))}
    </svg>
  );
}
