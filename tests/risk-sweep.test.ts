/**
 * Alerts that no placement change raises: the demo county starts with one open alert for each
 * 帮扶对象 household without work, and the nightly sweep finds a household that became
 * zero-employment some other way (here: a member's labour ability corrected) — once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zeroEmploymentColumns } from "../src/core/stats/columns.ts";
import { sweepRiskAlerts } from "../src/use-cases/risk-alerts.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

const D = "2026-11-23";

describe("the risk-alert sweep", () => {
  let platform: TestPlatform;
  const all = <T,>(query: string, ...params: unknown[]) => platform.db.$client.prepare(query).all(...params) as T[];
  beforeAll(async () => {
    platform = await startTestPlatform({ label: "risk-sweep", today: D });
  });
  afterAll(() => platform?.close());

  it("finds the demo county's zero-employment households already alerted, one open alert each", async () => {
    const { columns } = await platform.statistics.fresh();
    const zero = zeroEmploymentColumns(columns, { date: D }).households.map((h) => h.code).sort();
    expect(zero.length).toBeGreaterThan(0);
    const alerted = all<{ code: string; n: number }>(
      `SELECT h.code, count(*) AS n FROM alerts a JOIN households h ON h.id = a.household_id
       WHERE a.kind = 'zero-employment' AND a.status = 'open' GROUP BY h.code ORDER BY h.code`,
    );
    expect(alerted.map((a) => a.code)).toEqual(zero);
    expect(alerted.every((a) => a.n === 1)).toBe(true);
    expect(await sweepRiskAlerts({ db: platform.db }, D)).toBe(0);
  });

  it("raises one alert for a household that became zero-employment without a placement changing", async () => {
    // A 帮扶对象 household nobody of which works at D and whose members are all outside the labour
    // force: not zero-employment yet. Correcting one member's labour ability makes it so.
    const [candidate] = all<{ householdId: number; workerId: number }>(
      `SELECT h.id AS householdId, min(w.id) AS workerId FROM households h JOIN workers w ON w.household_id = h.id
       WHERE h.category <> '一般户'
         AND NOT EXISTS (SELECT 1 FROM workers m WHERE m.household_id = h.id AND m.labour_ability IN ('有劳动能力', '弱劳动力或半劳动力'))
         AND NOT EXISTS (SELECT 1 FROM placements p JOIN workers m ON m.id = p.worker_id WHERE m.household_id = h.id AND p.start_date <= @d AND (p.end_date IS NULL OR p.end_date >= @d))
         AND EXISTS (SELECT 1 FROM workers m WHERE m.household_id = h.id AND m.birth_date <= '2000-01-01')
       GROUP BY h.id ORDER BY h.id LIMIT 1`,
      { d: D },
    );
    if (!candidate) throw new Error("the demo county has no household without a labour force");
    const before = all("SELECT id FROM alerts WHERE household_id = ?", candidate.householdId);
    expect(before).toEqual([]);
    platform.db.$client
      .prepare("UPDATE workers SET labour_ability = '有劳动能力', willing_to_work = 1, birth_date = '1980-01-01' WHERE id = ?")
      .run(candidate.workerId);
    expect(await sweepRiskAlerts({ db: platform.db }, D)).toBe(1);
    expect(await sweepRiskAlerts({ db: platform.db }, D)).toBe(0);
    expect(all<{ kind: string; status: string }>("SELECT kind, status FROM alerts WHERE household_id = ?", candidate.householdId)).toEqual([
      { kind: "zero-employment", status: "open" },
    ]);
  });
});
