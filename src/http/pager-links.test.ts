import { describe, expect, it } from "vitest";
import { pagerLinks } from "./pager-links.ts";

describe("pagerLinks", () => {
  const cases: [string, Parameters<typeof pagerLinks>, ReturnType<typeof pagerLinks>][] = [
    ["first page, more after", ["/bureau/audit", {}, { offset: 0, limit: 50, hasMore: true }], { previousHref: undefined, nextHref: "/bureau/audit?offset=50" }],
    ["only page", ["/bureau/audit", {}, { offset: 0, limit: 50, hasMore: false }], { previousHref: undefined, nextHref: undefined }],
    ["back to the first page drops the offset", ["/bureau/workers", { q: "" }, { offset: 50, limit: 50, hasMore: false }], { previousHref: "/bureau/workers", nextHref: undefined }],
    ["an offset off the grid goes back to 0, not below", ["/bureau/workers", {}, { offset: 20, limit: 50, hasMore: false }], { previousHref: "/bureau/workers", nextHref: undefined }],
    [
      "filter kept in order, empty values left out",
      ["/bureau/alerts", { status: "open", kind: undefined, town: "东山镇", overdue: "1" }, { offset: 100, limit: 50, hasMore: true }],
      {
        previousHref: `/bureau/alerts?status=open&town=${encodeURIComponent("东山镇")}&overdue=1&offset=50`,
        nextHref: `/bureau/alerts?status=open&town=${encodeURIComponent("东山镇")}&overdue=1&offset=150`,
      },
    ],
  ];
  it.each(cases)("%s", (_, args, expected) => {
    expect(pagerLinks(...args)).toEqual(expected);
  });
});
