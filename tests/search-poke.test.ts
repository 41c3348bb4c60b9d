/**
 * A use-case that changed what search shows nudges the search outbox worker itself, once its
 * transaction has committed (the routes no longer do): the nudge finds the outbox row already
 * there; a refused change writes nothing and nudges nobody.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxBacklog } from "../db/queries/outbox.ts";
import { postingStatusChanger } from "../src/use-cases/manage-postings.ts";
import { placementEnder } from "../src/use-cases/placement-end.ts";
import { employerRecogniser } from "../src/use-cases/recognise-employer.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

const BY = { label: "test" } as const;

describe("the search nudge", () => {
  let platform: TestPlatform;
  /** The outbox backlog seen at each nudge (the rows the worker would find). */
  let pokes: number[] = [];
  const deps = () => ({ db: platform.db, pokeSearch: () => void pokes.push(outboxBacklog(platform.db)) });
  const one = <T,>(sql: string, ...params: unknown[]) => platform.db.$client.prepare(sql).get(...params) as T;

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "search-poke" });
    await platform.outbox.drain();
  });
  afterAll(() => platform?.close());

  it("comes after a posting's status change has committed its outbox row, and not for a change that does not apply", async () => {
    const posting = one<{ id: number }>("SELECT id FROM postings WHERE status = '招聘中' ORDER BY id LIMIT 1");
    expect(outboxBacklog(platform.db)).toBe(0);
    pokes = [];
    expect(postingStatusChanger(deps(), { postingId: posting.id, action: "close", by: BY, now: platform.now() })).not.toBeNull();
    expect(pokes).toHaveLength(1);
    expect(pokes[0]).toBeGreaterThan(0);
    await platform.outbox.drain();

    pokes = [];
    expect(postingStatusChanger(deps(), { postingId: posting.id, action: "close", by: BY, now: platform.now() })).toBeNull();
    expect(pokes).toEqual([]);
  });

  it("comes after staff end a placement, and not when the end date is refused", async () => {
    const open = one<{ id: number; startDate: string }>("SELECT id, start_date AS startDate FROM placements WHERE end_date IS NULL ORDER BY id LIMIT 1");
    pokes = [];
    expect(placementEnder(deps(), { placementId: open.id, endDate: "2000-01-01", reason: "其他", by: BY, now: platform.now() })).toEqual({ ok: false, problem: "beforeStart" });
    expect(pokes).toEqual([]);
    expect(one<{ endDate: string | null }>("SELECT end_date AS endDate FROM placements WHERE id = ?", open.id).endDate).toBeNull();

    expect(placementEnder(deps(), { placementId: open.id, endDate: open.startDate, reason: "其他", by: BY, now: platform.now() })).toEqual({ ok: true });
    expect(pokes).toHaveLength(1);
    expect(placementEnder(deps(), { placementId: open.id, endDate: open.startDate, reason: "其他", by: BY, now: platform.now() })).toEqual({ ok: false, problem: "notOpen" });
    expect(pokes).toHaveLength(1);
  });

  it("comes after a workshop's recognition changes, and not for the status it already has", async () => {
    await platform.outbox.drain();
    expect(outboxBacklog(platform.db)).toBe(0);
    const workshop = one<{ id: number; recognition: "已认定" | "未认定" }>("SELECT id, recognition FROM employers WHERE type = '帮扶车间' ORDER BY id LIMIT 1");
    pokes = [];
    const same = employerRecogniser(deps(), { employer: workshop, status: workshop.recognition, effectiveDate: "2026-11-23", note: null, by: BY, now: platform.now() });
    expect(same).toEqual({ ok: false, problem: "unchanged" });
    expect(pokes).toEqual([]);
    const other = workshop.recognition === "已认定" ? "未认定" : "已认定";
    expect(employerRecogniser(deps(), { employer: workshop, status: other, effectiveDate: "2026-11-23", note: null, by: BY, now: platform.now() })).toEqual({ ok: true });
    expect(pokes).toHaveLength(1);
    expect(pokes[0]).toBeGreaterThan(0);
  });
});
