/**
 * A hire closes the household's zero-employment alert (issue 13's acceptance: "the hire closes the
 * alert"): a cadre applies for a member on their behalf, the manager hires them from today, and in
 * the same transaction the alert is closed with the outcome 已就业, its audit row written, and the
 * household leaves the zero-employment list. A backdated hire waits for the bureau (待核实) and
 * closes nothing until the bureau confirms it; a hire starting later closes nothing yet.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../src/core/calendar.ts";
import { zeroEmploymentStats } from "../db/queries/stats.ts";
import { applyOnBehalf } from "../src/use-cases/apply-on-behalf.ts";
import { placementConfirmer } from "../src/use-cases/confirmations.ts";
import { applicantMover } from "../src/use-cases/manage-applicants.ts";
import { sweepRiskAlerts } from "../src/use-cases/risk-alerts.ts";
import { messages } from "../views/messages.ts";
import { startTestPlatform, TEST_TODAY, type TestPlatform } from "./support/test-platform.ts";

const D = TEST_TODAY;

describe("a hire closes the zero-employment alert", () => {
  let platform: TestPlatform;
  const used = new Set<number>();
  const one = <T,>(query: string, ...params: unknown[]) => platform.db.$client.prepare(query).get(...params) as T;

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "hire-closes-alert", today: D });
    await sweepRiskAlerts(platform, D);
  });
  afterAll(() => platform?.close());

  /** An open zero-employment alert not used yet, a job seeker of it, and an open posting. */
  function alertAndPosting() {
    const alerts = platform.db.$client
      .prepare("SELECT id, household_id AS householdId, detail FROM alerts WHERE kind = 'zero-employment' AND status = 'open' ORDER BY id")
      .all() as { id: number; householdId: number; detail: string }[];
    const alert = alerts.find((a) => !used.has(a.householdId) && (JSON.parse(a.detail) as { jobSeekers: number[] }).jobSeekers.length > 0)!;
    used.add(alert.householdId);
    const workerId = (JSON.parse(alert.detail) as { jobSeekers: number[] }).jobSeekers[0]!;
    const posting = one<{ code: string }>(
      "SELECT code FROM postings WHERE status = '招聘中' AND (closing_date IS NULL OR closing_date >= ?) AND id NOT IN (SELECT posting_id FROM applications) ORDER BY id LIMIT 1",
      D,
    );
    const household = one<{ code: string }>("SELECT code FROM households WHERE id = ?", alert.householdId).code;
    return { alertId: alert.id, householdId: alert.householdId, household, workerId, postingCode: posting.code };
  }

  function applyAndHire(c: ReturnType<typeof alertAndPosting>, startDate: string) {
    const applied = applyOnBehalf(platform, {
      workerId: c.workerId,
      postingCode: c.postingCode,
      consent: { method: "当面", date: D },
      phone: "13900001111",
      by: { label: "cadre" },
      today: D,
      now: platform.now(),
    });
    if (applied.outcome !== "applied") throw new Error(`not applied: ${applied.outcome}`);
    return applicantMover(platform, { applicationId: applied.applicationId, to: "已录用", hire: { startDate, monthlyIncome: 2200 }, by: { label: "manager" }, now: platform.now() });
  }

  const alertRow = (id: number) => one<{ status: string; outcome: string | null; closedDate: string | null; note: string | null }>("SELECT status, outcome, closed_date AS closedDate, outcome_note AS note FROM alerts WHERE id = ?", id);
  const zeroHouseholds = () => zeroEmploymentStats(platform.db, { date: D }).households.map((h) => h.code);

  it("a hire from today closes it as 已就业 with its audit row; the household leaves the zero-employment list", () => {
    const c = alertAndPosting();
    expect(zeroHouseholds()).toContain(c.household);
    expect(applyAndHire(c, D)).toEqual({ ok: true, hired: "placement" });
    expect(alertRow(c.alertId)).toEqual({ status: "closed", outcome: "已就业", closedDate: D, note: messages.alertClosing.byHire });
    const audit = one<{ n: number }>("SELECT count(*) n FROM audit_log WHERE entity = 'alert' AND CAST(entity_id AS TEXT) = ? AND action = 'update' AND actor_label = 'manager'", String(c.alertId));
    expect(audit.n).toBe(1);
    expect(zeroHouseholds()).not.toContain(c.household);
  });

  it("a backdated hire waits for the bureau and closes the alert once confirmed", () => {
    const c = alertAndPosting();
    expect(applyAndHire(c, addDays(D, -3))).toEqual({ ok: true, hired: "unconfirmed" });
    expect(alertRow(c.alertId).status).toBe("open");
    const placementId = one<{ id: number }>("SELECT id FROM placements WHERE worker_id = ? AND needs_confirmation = 1", c.workerId).id;
    expect(placementConfirmer(platform, { placementId, decision: { kind: "confirm" }, note: "", by: { label: "county" }, now: platform.now() })).toEqual({ ok: true });
    expect(alertRow(c.alertId)).toMatchObject({ status: "closed", outcome: "已就业", closedDate: D });
  });

  it("a hire starting next week closes nothing yet", () => {
    const c = alertAndPosting();
    expect(applyAndHire(c, addDays(D, 7))).toEqual({ ok: true, hired: "placement" });
    expect(alertRow(c.alertId).status).toBe("open");
  });
});
