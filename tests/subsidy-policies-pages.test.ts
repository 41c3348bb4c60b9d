/**
 * 补贴政策 pages: county staff create a policy (a bad form keeps what was typed and says in
 * Chinese what to fix), edit it (a changed rule is the next version; lines keep theirs), retire
 * and reinstate it, and compute a period from the page as a job the page follows — the same
 * use-case as the CLI: computing again adds nothing and a corrected placement shows up as a
 * difference on the page. Town cadres and managers get no policy page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../src/use-cases/accounts.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "补贴政策测试密码2026";

const FORM = {
  code: "T-JT-2025",
  name: "测试跨省交通补贴",
  kind: "交通补贴",
  amount: "600",
  minMonths: "",
  maxMonths: "",
  ageLimit: "",
  onePerHousehold: "否",
  startDate: "2025-01-01",
  endDate: "",
  fundSource: "衔接资金",
};

describe("bureau subsidy policy pages", () => {
  let platform: TestPlatform;
  let county: WebClient;
  let cadre: WebClient;
  let policyPath: string;

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "subsidy-policy-pages" });
    const town = platform.db.$client.prepare("SELECT name FROM towns ORDER BY id LIMIT 1").get() as { name: string };
    await createAccount(platform.db, { role: "county", login: "county", password: PASSWORD, by: { label: "test" } });
    await createAccount(platform.db, { role: "town", login: "cadre", password: PASSWORD, townName: town.name, by: { label: "test" } });
    county = webClient(platform.app);
    await county.login("county", PASSWORD);
    cadre = webClient(platform.app);
    await cadre.login("cadre", PASSWORD);
  });
  afterAll(() => platform?.close());

  it("refuses a bad form with the problems beside the fields and what was typed kept", async () => {
    await county.text(await county.get("/bureau/subsidy-policies/new"));
    const res = await county.post("/bureau/subsidy-policies/new", { ...FORM, amount: "六百", ageLimit: "60", endDate: "2024-12-31" });
    expect(res.status).toBe(422);
    const html = await county.text(res);
    expect(html).toContain("请按下面的提示改正后再保存");
    expect(html).toContain("应为数字");
    expect(html).toContain("交通补贴不填这一列");
    expect(html).toContain('value="六百"');
    expect(html).toContain('value="测试跨省交通补贴"');
    const n = platform.db.$client.prepare("SELECT count(*) AS n FROM subsidy_policies WHERE code = ?").get(FORM.code) as { n: number };
    expect(n.n).toBe(0);
  });

  it("creates a policy in one transaction with its audit row", async () => {
    const res = await county.post("/bureau/subsidy-policies/new", FORM);
    expect(res.status).toBe(303);
    policyPath = res.headers.get("location")!.split("?")[0]!;
    expect(policyPath).toMatch(/^\/bureau\/subsidy-policies\/\d+$/);
    const html = await county.text(await county.get(res.headers.get("location")!));
    expect(html).toContain("已新建政策");
    expect(html).toContain("T-JT-2025 测试跨省交通补贴");
    expect(html).toContain("金额 600 元");
    const audit = platform.db.$client.prepare("SELECT actor_label AS actor FROM audit_log WHERE entity = 'subsidy-policy' AND action = 'create' ORDER BY id DESC LIMIT 1").get() as { actor: string };
    expect(audit.actor).toBe("county");
    const again = await county.post("/bureau/subsidy-policies/new", FORM);
    expect(again.status).toBe(422);
    expect(await again.text()).toContain("这个编号已经有政策了");
  });

  it("computes a period from the page as a job, then lists what a correction changed", async () => {
    await county.text(await county.get(policyPath));
    const notEnded = await county.post(`${policyPath}/compute`, { period: "2026" });
    expect(notEnded.status).toBe(422);
    expect(await county.text(notEnded)).toContain("还没有结束");
    const wrong = await county.post(`${policyPath}/compute`, { period: "2025-03" });
    expect(wrong.status).toBe(422);
    expect(await county.text(wrong)).toContain("交通补贴按年计算");

    const started = await county.post(`${policyPath}/compute`, { period: "2025" });
    expect(started.status).toBe(303);
    const jobPath = started.headers.get("location")!;
    expect(jobPath).toMatch(/^\/bureau\/subsidy-policies\/jobs\//);
    // The page answers while the job is queued or running, with a refresh link for no-JS.
    const early = await county.text(await county.get(jobPath));
    expect(early).toMatch(/排队中|正在计算|新增/);
    // Its table of differences (seven columns) gets the wide column staff have at a desk.
    expect(early).toContain('<main id="main" class="wide">');
    await waitForJob(jobPath);
    const fragment = await county.get(jobPath, { "HX-Request": "true", "HX-Target": "compute-progress" });
    const done = await fragment.text();
    expect(done).not.toContain("<html");
    expect(fragment.headers.get("Vary")).toContain("HX-Target");
    const lines = platform.db.$client.prepare("SELECT count(*) AS n FROM subsidy_lines l JOIN subsidy_policies p ON p.id = l.policy_id WHERE p.code = ?").get(FORM.code) as { n: number };
    expect(lines.n).toBeGreaterThan(0);
    expect(done).toContain(`新增 ${lines.n} 条，未变 0 条，差异 0 条`);
    // Nothing awaits confirmation here, so the result says nothing of it; a placement marked for
    // confirmation is said to be left out of the compute, with the way to the worklist.
    expect(done).not.toContain("这次计算没有计入它们");
    const marked = platform.db.$client.prepare("SELECT id FROM placements WHERE needs_confirmation = 0 ORDER BY id LIMIT 1").get() as { id: number };
    platform.db.$client.prepare("UPDATE placements SET needs_confirmation = 1 WHERE id = ?").run(marked.id);
    const unconfirmed = platform.db.$client.prepare("SELECT count(*) AS n FROM placements WHERE needs_confirmation = 1").get() as { n: number };
    const said = await county.text(await county.get(jobPath));
    expect(said).toContain(`还有 ${unconfirmed.n} 条就业记录待人社局确认`);
    expect(said).toContain('href="/bureau/confirmations"');
    platform.db.$client.prepare("UPDATE placements SET needs_confirmation = 0 WHERE id = ?").run(marked.id);

    // The placements behind a line are corrected (they ended in January): no longer eligible, listed.
    const line = platform.db.$client
      .prepare("SELECT l.id FROM subsidy_lines l JOIN subsidy_policies p ON p.id = l.policy_id WHERE p.code = ? ORDER BY l.id LIMIT 1")
      .get(FORM.code) as { id: number };
    platform.db.$client
      .prepare("UPDATE placements SET start_date = '2025-01-01', end_date = '2025-01-20' WHERE id IN (SELECT j.value ->> '$.id' FROM subsidy_lines l, json_each(l.snapshot, '$.placements') j WHERE l.id = ?)")
      .run(line.id);
    await county.text(await county.get(policyPath));
    const again = await county.post(`${policyPath}/compute`, { period: "2025" });
    expect(again.status).toBe(303);
    await waitForJob(again.headers.get("location")!);
    const page = await county.text(await county.get(policyPath));
    expect(page).toContain(`新增 0 条，未变 ${lines.n - 1} 条，差异 1 条`);
    expect(page).toContain("需要处理的差异");
    expect(page).toContain("已不再符合条件");
    expect(page).toContain(`href="/bureau/subsidies/${line.id}"`);
    const after = platform.db.$client.prepare("SELECT count(*) AS n FROM subsidy_lines l JOIN subsidy_policies p ON p.id = l.policy_id WHERE p.code = ?").get(FORM.code) as { n: number };
    expect(after.n).toBe(lines.n);
  });

  it("saves a changed rule as the next version; the lines keep the version they came from", async () => {
    await county.text(await county.get(`${policyPath}/edit`));
    const res = await county.post(`${policyPath}/edit`, { ...FORM, amount: "800", code: "CHANGED", kind: "公益性岗位补贴" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain("saved=v2");
    const html = await county.text(await county.get(res.headers.get("location")!));
    expect(html).toContain("保存为第 2 版");
    expect(html).toContain("T-JT-2025"); // code and kind never change, whatever the form says
    expect(html).toContain("金额 800 元");
    // Each row of the version table is that version's rule: its column is not "the latest version's".
    const versionTable = html.slice(html.indexOf("版本记录"));
    expect(versionTable).toContain("<th>规则</th>");
    expect(versionTable).not.toContain("最新版本");
    const versions = platform.db.$client
      .prepare("SELECT v.version, (SELECT count(*) FROM subsidy_lines l WHERE l.policy_version_id = v.id) AS n FROM subsidy_policy_versions v JOIN subsidy_policies p ON p.id = v.policy_id WHERE p.code = ? ORDER BY v.version")
      .all(FORM.code) as { version: number; n: number }[];
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]!.n).toBeGreaterThan(0);
    expect(versions[1]!.n).toBe(0);
    const bad = await county.post(`${policyPath}/edit`, { ...FORM, startDate: "2025-02-30" });
    expect(bad.status).toBe(422);
    expect(await county.text(bad)).toContain('value="2025-02-30"');
  });

  it("retires a policy (no compute any more) and reinstates it, audited", async () => {
    await county.text(await county.get(policyPath));
    const retired = await county.post(`${policyPath}/retire`, {});
    expect(retired.status).toBe(303);
    const html = await county.text(await county.get(retired.headers.get("location")!));
    expect(html).toContain("政策已停用");
    expect(html).toContain("这个政策已停用，不能计算");
    const refused = await county.post(`${policyPath}/compute`, { period: "2025" });
    expect(refused.status).toBe(422);
    expect(await county.text(refused)).toContain("已停用");
    const back = await county.post(`${policyPath}/reinstate`, {});
    expect(back.status).toBe(303);
    expect(await county.text(await county.get(back.headers.get("location")!))).toContain("政策已恢复使用");
    const audits = platform.db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'subsidy-policy' AND action = 'update' AND after LIKE '%retiredAt%' AND after LIKE '%T-JT-2025%'").get() as { n: number };
    expect(audits.n).toBe(2);
  });

  it("is for county staff only", async () => {
    const res = await cadre.get("/bureau/subsidy-policies");
    expect(res.status).toBe(403);
    const anonymous = await platform.app.request("/bureau/subsidy-policies");
    expect(anonymous.status).toBe(303);
  });

  async function waitForJob(jobPath: string): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const html = await (await county.get(jobPath)).text();
      if (!html.includes('id="compute-progress" class="import-progress"')) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("the compute job did not end");
  }
});
