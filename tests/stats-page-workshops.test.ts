/**
 * The statistics page lists the WORKSHOPS_ON_PAGE workshops absorbing the most, with a link to
 * every one (`workshops=all`, in code order), when a county has more; each listing is kept apart.
 */
import { describe, expect, it } from "vitest";
import type { WorkshopRow } from "../src/core/stats/figures.ts";
import { WORKSHOPS_ON_PAGE, statsFiguresHtml } from "../views/pages/bureau/stats.tsx";

const D = "2026-11-23";
const B = "2020-12-31";
const rows = (n: number): WorkshopRow[] =>
  Array.from({ length: n }, (_, i) => ({ code: `W${String(i).padStart(3, "0")}`, name: `车间${i}`, type: "帮扶车间", employed: (i * 7) % 50, employed_assisted: 1 }));
const codesIn = (html: string) => [...html.matchAll(/<td>(W\d{3})<\/td>/g)].map((m) => m[1]!);

describe("the workshops on the statistics page", () => {
  it("lists the ones absorbing the most, and every one in code order when asked", async () => {
    const workshops = rows(WORKSHOPS_ON_PAGE + 12);
    const figures = {};
    const top = await statsFiguresHtml(figures, { date: D, baseline: B, town: undefined, workshops });
    const expected = [...workshops].sort((a, b) => b.employed - a.employed).slice(0, WORKSHOPS_ON_PAGE).map((w) => w.code);
    expect(codesIn(top)).toEqual(expected);
    expect(top).toContain(`共 ${workshops.length} 个帮扶车间、卫星工厂`);
    expect(top).toContain(`href="/bureau/stats?date=${D}&amp;baseline=${B}&amp;workshops=all#workshops"`);
    const all = await statsFiguresHtml(figures, { date: D, baseline: B, town: undefined, workshops, allWorkshops: true });
    expect(codesIn(all)).toEqual(workshops.map((w) => w.code));
    // Each listing is kept by itself: asking again gives each its own.
    expect(await statsFiguresHtml(figures, { date: D, baseline: B, town: undefined, workshops })).toBe(top);
    expect(await statsFiguresHtml(figures, { date: D, baseline: B, town: undefined, workshops, allWorkshops: true })).toBe(all);
  });

  it("lists every workshop, without a note, when there are no more than the page lists", async () => {
    const workshops = rows(WORKSHOPS_ON_PAGE);
    const html = await statsFiguresHtml({}, { date: D, baseline: B, town: undefined, workshops });
    expect(codesIn(html)).toEqual(workshops.map((w) => w.code));
    expect(html).not.toContain("workshops=all");
  });
});
