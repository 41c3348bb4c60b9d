import { describe, expect, it } from "vitest";
import {
  BAR_GAP,
  BAR_HEIGHT,
  CHART_WIDTH,
  LABEL_FONT,
  LABEL_GAP,
  LABEL_WIDTH,
  LINE_HEIGHT,
  LINE_MARGIN,
  VALUE_WIDTH,
  barChart,
  fitText,
  lineChart,
  niceMax,
  textWidth,
  valueAxis,
} from "./charts.ts";

describe("niceMax", () => {
  it.each([
    [0, 1],
    [-3, 1],
    [1, 1],
    [3, 5],
    [7, 10],
    [10, 10],
    [11, 20],
    [180, 200],
    [2001, 5000],
  ])("rounds %d up to %d", (max, nice) => expect(niceMax(max)).toBe(nice));
});

describe("textWidth and fitText", () => {
  it.each([
    ["甲镇", 10, 20],
    ["ab12", 10, 24],
    ["甲镇12", 10, 32],
    ["（全角）", 10, 40],
  ])("measures %s at %d as %d", (text, size, width) => expect(textWidth(text, size)).toBe(width));

  it.each([
    ["甲镇", 50, "甲镇"],
    ["横峰县岑阳镇第一帮扶车间", 45, "横峰县…"],
    ["横峰县岑阳镇第一帮扶车间", 5, "…"],
  ])("fits %s into %d units as %s", (text, width, fitted) => expect(fitText(text, width, 10)).toBe(fitted));
});

describe("barChart", () => {
  it("draws bars proportional to the values on a nice scale, one below the other, after the labels", () => {
    const chart = barChart([
      { label: "甲镇", value: 50 },
      { label: "乙镇", value: 25 },
      { label: "丙镇", value: 0 },
    ]);
    const labelWidth = 2 * LABEL_FONT + LABEL_GAP;
    const room = CHART_WIDTH - labelWidth - VALUE_WIDTH;
    expect(chart.labelWidth).toBe(labelWidth);
    expect(chart.bars.map((b) => b.width)).toEqual([room, room / 2, 0]);
    expect(chart.bars.map((b) => b.y)).toEqual([0, BAR_HEIGHT + BAR_GAP, 2 * (BAR_HEIGHT + BAR_GAP)]);
    expect(chart.bars.every((b) => b.x === labelWidth)).toBe(true);
    expect(chart.height).toBe(3 * BAR_HEIGHT + 2 * BAR_GAP);
  });

  it("shortens a long workshop name so that every label starts inside the chart", () => {
    const long = "于都县岭背镇易地搬迁安置点第二帮扶车间（服装加工）";
    const chart = barChart([
      { label: long, value: 40 },
      { label: "甲镇车间", value: 10 },
    ]);
    expect(chart.labelWidth).toBe(LABEL_WIDTH);
    for (const bar of chart.bars) expect(bar.x - LABEL_GAP - textWidth(bar.shortLabel, LABEL_FONT)).toBeGreaterThanOrEqual(0);
    expect(chart.bars[0]!.shortLabel.endsWith("…")).toBe(true);
    expect(long.startsWith(chart.bars[0]!.shortLabel.slice(0, -1))).toBe(true);
    expect(chart.bars[1]!.shortLabel).toBe("甲镇车间");
  });

  it("keeps an empty or all-zero chart drawable", () => {
    expect(barChart([]).height).toBe(BAR_HEIGHT);
    expect(barChart([{ label: "甲", value: 0 }]).bars[0]!.width).toBe(0);
  });
});

describe("valueAxis", () => {
  it.each([
    // values, min, max, step, zoomed
    [[588, 600, 625], 580, 630, 10, true],
    [[0, 5, 10], 0, 10, 5, false],
    [[10, 40, 100], 0, 100, 50, false],
    [[0, 0], 0, 1, 1, false],
    [[], 0, 1, 1, false],
    [[600, 600], 599, 601, 1, true],
  ] as const)("puts %j on an axis from %d to %d by %d (zoomed %s)", (values, min, max, step, zoomed) => {
    expect(valueAxis(values)).toEqual({ min, max, step, zoomed });
  });
});

describe("lineChart", () => {
  const plot = { left: LINE_MARGIN.left, right: CHART_WIDTH - LINE_MARGIN.right, top: LINE_MARGIN.top, bottom: LINE_HEIGHT - LINE_MARGIN.bottom };

  it("spreads points evenly from left to right and puts zero at the bottom", () => {
    const chart = lineChart([
      { label: "1", value: 0 },
      { label: "2", value: 5 },
      { label: "3", value: 10 },
    ]);
    expect(chart.max).toBe(10);
    expect(chart.zoomed).toBe(false);
    expect(chart.points.map((p) => p.x)).toEqual([plot.left, (plot.left + plot.right) / 2, plot.right]);
    expect(chart.points.map((p) => p.y)).toEqual([plot.bottom, (plot.top + plot.bottom) / 2, plot.top]);
    expect(chart.path).toBe(chart.points.map((p) => `${p.x},${p.y}`).join(" "));
    expect(chart.ticks.map((t) => t.value)).toEqual([0, 5, 10]);
  });

  it("shows a small change far from zero across the plot's height, with labelled steps", () => {
    const chart = lineChart([
      { label: "1月", value: 588 },
      { label: "2月", value: 625 },
    ]);
    expect(chart.zoomed).toBe(true);
    expect(chart.ticks.map((t) => t.value)).toEqual([580, 590, 600, 610, 620, 630]);
    const rise = chart.points[0]!.y - chart.points[1]!.y;
    expect(rise).toBeGreaterThan((plot.bottom - plot.top) * 0.6);
  });

  it("centres a single point", () => {
    expect(lineChart([{ label: "1", value: 3 }]).points[0]!.x).toBe((plot.left + plot.right) / 2);
  });
});
