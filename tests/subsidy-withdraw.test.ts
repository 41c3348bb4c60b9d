/**
 * 撤回 (DOMAIN.md, Subsidies, step 1): a line a recompute lists as no longer eligible is withdrawn
 * by a person from its page, with a reason, audited; the key is then free — computing again
 * proposes it only when it is due again. Lines on their way to the bank are never withdrawn.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../src/use-cases/accounts.ts";
import { computeSubsidies } from "../src/use-cases/subsidies-compute.ts";
import { savePolicy } from "../src/use-cases/subsidies-policies.ts";
import { startTestPlatform, testClock, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "撤回明细测试密码2026";

describe("withdrawing a line no longer due", () => {
  let platform: TestPlatform;
  const now = testClock();
  const web: Record<string, WebClient> = {};
  let ids: number[] = [];
  const sql = () => platform.db.$client;
  const line = (id: number) => sql().prepare("SELECT status, review_note AS note FROM subsidy_lines WHERE id = ?").get(id) as { status: string; note: string | null };
  const keyOf = (id: number) => JSON.stringify(sql().prepare("SELECT policy_id, period, worker_id, employer_id FROM subsidy_lines WHERE id = ?").get(id));
  const compute = () => {
    const outcome = computeSubsidies({ db: platform.db, protector: platform.protector }, { policyCode: "JT-2025", period: "2025", countyProvince: "江西省", by: { label: "test" }, now: now() });
    if (outcome.status !== "done") throw new Error(JSON.stringify(outcome));
    return outcome;
  };
  const placementsOf = (id: number) => (JSON.parse((sql().prepare("SELECT snapshot FROM subsidy_lines WHERE id = ?").get(id) as { snapshot: string }).snapshot) as { placements: { id: number; workProvince: string | null }[] }).placements;

  /** Reads the line's page (for its CSRF token), then posts the form. */
  async function post(who: string, id: number, path: string, fields: Record<string, string>) {
    const client = web[who]!;
    await client.text(await client.get(`/bureau/subsidies/${id}`));
    return client.post(path, fields);
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "subsidy-withdraw", now, demoData: "registry" });
    savePolicy({ db: platform.db }, {
      input: { code: "JT-2025", name: "跨省务工交通补贴", kind: "交通补贴", amountFen: 80_000, minMonths: null, maxMonthsPerPerson: null, ageLimit: null, onePerHousehold: false, startDate: "2025-01-01", endDate: null, fundSource: "衔接资金" },
      by: { label: "test" },
      now: now(),
    });
    ids = compute().addedIds;
    if (ids.length < 2) throw new Error("the demo county should have transport lines");
    const town = sql().prepare("SELECT t.name FROM subsidy_lines l JOIN workers w ON w.id = l.worker_id JOIN villages v ON v.id = w.village_id JOIN towns t ON t.id = v.town_id WHERE l.id = ?").get(ids[0]) as { name: string };
    await createAccount(platform.db, { role: "county", login: "county", password: PASSWORD, by: { label: "test" } });
    await createAccount(platform.db, { role: "town", login: "cadre", password: PASSWORD, townName: town.name, by: { label: "test" } });
    for (const login of ["county", "cadre"]) {
      web[login] = webClient(platform.app);
      await web[login]!.login(login, PASSWORD);
    }
  });
  afterAll(() => platform?.close());

  it("a pending line a recompute finds no longer eligible is withdrawn from its page, with a reason, audited", async () => {
    const a = ids[0]!;
    const placements = placementsOf(a);
    // The placements are corrected: the work was in the county's own province after all.
    for (const p of placements) sql().prepare("UPDATE placements SET work_province = '江西省' WHERE id = ?").run(p.id);
    const listed = compute();
    expect(listed.differences.map((d) => [d.lineId, d.kind])).toEqual([[a, "noLongerEligible"]]);

    const page = await web.county!.text(await web.county!.get(`/bureau/subsidies/${a}`));
    expect(page).toContain(`action="/bureau/subsidies/${a}/withdraw"`);
    expect(page).toContain("撤回原因");

    const noReason = await post("county", a, `/bureau/subsidies/${a}/withdraw`, { reason: "  " });
    expect(noReason.status).toBe(422);
    expect(await web.county!.text(noReason)).toContain("请填写撤回原因");
    expect(line(a).status).toBe("待审核");

    expect((await post("cadre", a, `/bureau/subsidies/${a}/withdraw`, { reason: "就业地更正为本省" })).status).toBe(403);
    expect(line(a).status).toBe("待审核");

    const res = await post("county", a, `/bureau/subsidies/${a}/withdraw`, { reason: "就业地更正为本省" });
    expect(res.status).toBe(303);
    expect(line(a)).toEqual({ status: "已撤回", note: "就业地更正为本省" });
    const audit = sql().prepare("SELECT after FROM audit_log WHERE entity = 'subsidy-line' AND entity_id = ? ORDER BY id DESC LIMIT 1").get(String(a)) as { after: string };
    expect(JSON.parse(audit.after)).toMatchObject({ event: "withdraw", status: "已撤回", reason: "就业地更正为本省" });
    const after = await web.county!.text(await web.county!.get(res.headers.get("location")!));
    expect(after).toContain("明细已撤回");
    expect(after).toContain("就业地更正为本省");
    expect(after).not.toContain(`action="/bureau/subsidies/${a}/withdraw"`);

    // Withdrawn is final: a second withdrawal is refused, and the recompute lists nothing to act on.
    expect((await post("county", a, `/bureau/subsidies/${a}/withdraw`, { reason: "再撤一次" })).status).toBe(422);
    const quiet = compute();
    expect(quiet.differences).toEqual([]);
    expect(quiet.addedIds).toEqual([]);

    // Corrected back, the key is due again: computing proposes it once, as a new pending line.
    for (const p of placements) sql().prepare("UPDATE placements SET work_province = ? WHERE id = ?").run(p.workProvince, p.id);
    const again = compute();
    expect(again.addedIds.map(keyOf)).toEqual([keyOf(a)]);
    expect(line(again.addedIds[0]!).status).toBe("待审核");
    expect(compute().addedIds).toEqual([]);
  });

  it("a line past the point of withdrawal (here a rejected one) is refused, and its page offers no withdrawal", async () => {
    const b = ids[1]!;
    sql().prepare("UPDATE subsidy_lines SET status = '已驳回', review_note = '测试' WHERE id = ?").run(b);
    const page = await web.county!.text(await web.county!.get(`/bureau/subsidies/${b}`));
    expect(page).not.toContain(`action="/bureau/subsidies/${b}/withdraw"`);
    const res = await post("county", b, `/bureau/subsidies/${b}/withdraw`, { reason: "不应撤回" });
    expect(res.status).toBe(422);
    expect(await web.county!.text(res)).toContain("只有待审核、或已审核但还没进入发放批次的明细可以撤回");
    expect(line(b).status).toBe("已驳回");
  });
});
