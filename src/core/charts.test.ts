import { describe, expect, it } from "vitest";
import { BAR_GAP, BAR_HEIGHT, CHART_WIDTH, LABEL_WIDTH, LINE_HEIGHT, LINE_PADDING, VALUE_WIDTH, barChart, lineChart, niceMax } from "./charts.ts";

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

describe("barChart", () => {
  const room = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;

  it("draws bars proportional to the values on a nice scale, one below the other", () => {
    const chart = barChart([
      { label: "甲镇", value: 50 },
      { label: "乙镇", value: 25 },
      { label: "丙镇", value: 0 },
    ]);
    expect(chart.bars.map((b) => b.width)).toEqual([room, room / 2, 0]);
    expect(chart.bars.map((b) => b.y)).toEqual([0, BAR_HEIGHT + BAR_GAP, 2 * (BAR_HEIGHT + BAR_GAP)]);
    expect(chart.bars.every((b) => b.x === LABEL_WIDTH)).toBe(true);
    expect(chart.height).toBe(3 * BAR_HEIGHT + 2 * BAR_GAP);
  });

  it("keeps an empty or all-zero chart drawable", () => {
    expect(barChart([]).height).toBe(BAR_HEIGHT);
    expect(barChart([{ label: "甲", value: 0 }]).bars[0]!.width).toBe(0);
  });
});

describe("lineChart", () => {
  it("spreads points evenly from left to right and puts zero at the bottom", () => {
    const chart = lineChart([
      { label: "1", value: 0 },
      { label: "2", value: 5 },
      { label: "3", value: 10 },
    ]);
    expect(chart.max).toBe(10);
    expect(chart.points.map((p) => p.x)).toEqual([LINE_PADDING, CHART_WIDTH / 2, CHART_WIDTH - LINE_PADDING]);
    expect(chart.points.map((p) => p.y)).toEqual([LINE_HEIGHT - LINE_PADDING, LINE_HEIGHT / 2, LINE_PADDING]);
    expect(chart.path).toBe(chart.points.map((p) => `${p.x},${p.y}`).join(" "));
  });

  it("centres a single point", () => {
    expect(lineChart([{ label: "1", value: 3 }]).points[0]!.x).toBe(CHART_WIDTH / 2);
  });
});
