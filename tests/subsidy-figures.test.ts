/**
 * The demo county's subsidies and the figures over them: on first start the ledger holds
 * realistic policies (one retired, one with a second version) and lines in every state the
 * tables have — pending, approved, rejected, withdrawn, paid, a paid line reversed and paid back
 * then computed again, a reversal proposed. /bureau/stats/subsidies sums computed, approved and
 * paid by policy, town and period exactly as the ledger holds them, links each number to its
 * lines, downloads the table, and says what is still unconfirmed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../src/use-cases/accounts.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "补贴统计测试密码2026";

describe("demo subsidies and the subsidy figures", () => {
  let platform: TestPlatform;
  let county: WebClient;
  let cadre: WebClient;
  const sql = <T>(text: string, ...params: unknown[]) => platform.db.$client.prepare(text).get(...params) as T;
  const all = <T>(text: string, ...params: unknown[]) => platform.db.$client.prepare(text).all(...params) as T[];

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "subsidy-figures" });
    const town = sql<{ name: string }>("SELECT name FROM towns ORDER BY id LIMIT 1");
    await createAccount(platform.db, { role: "county", login: "county", password: PASSWORD, by: { label: "test" } });
    await createAccount(platform.db, { role: "town", login: "cadre", password: PASSWORD, townName: town.name, by: { label: "test" } });
    county = webClient(platform.app);
    await county.login("county", PASSWORD);
    cadre = webClient(platform.app);
    await cadre.login("cadre", PASSWORD);
  });
  afterAll(() => platform?.close());

  it("starts with lines in every state of the ledger, through the database's own rules", () => {
    const statuses = all<{ status: string; n: number }>("SELECT status, count(*) AS n FROM subsidy_lines WHERE reverses_line_id IS NULL GROUP BY status");
    expect(Object.fromEntries(statuses.map((s) => [s.status, s.n > 0]))).toEqual({ 待审核: true, 已审核: true, 已发放: true, 已驳回: true, 已撤回: true });
    const reversals = all<{ status: string }>("SELECT status FROM subsidy_lines WHERE reverses_line_id IS NOT NULL ORDER BY id");
    expect(reversals.map((r) => r.status)).toEqual(["已发放", "待审核"]);
    // The key reversed and paid back was computed again, once, in its next round.
    expect(sql<{ n: number }>("SELECT count(*) AS n FROM subsidy_lines WHERE round = 1").n).toBe(1);
    const kinds = all<{ kind: string }>("SELECT DISTINCT p.kind FROM subsidy_lines l JOIN subsidy_policies p ON p.id = l.policy_id ORDER BY 1").map((r) => r.kind);
    expect(kinds).toEqual(["交通补贴", "公益性岗位补贴", "吸纳就业补贴"]);
    // The workshop policy's rule changed after its year was computed: its lines keep version 1.
    const xn = all<{ version: number; n: number }>(
      "SELECT v.version, (SELECT count(*) FROM subsidy_lines l WHERE l.policy_version_id = v.id) AS n FROM subsidy_policy_versions v JOIN subsidy_policies p ON p.id = v.policy_id WHERE p.code LIKE 'SF-XN-%' ORDER BY v.version",
    );
    expect(xn.map((v) => v.version)).toEqual([1, 2]);
    expect(xn[0]!.n).toBeGreaterThan(0);
    expect(xn[1]!.n).toBe(0);
  });

  it("reads in time order: every line computed after its policy was written, reviewed, noticed and paid after it was computed, its 操作记录 on the same clock", () => {
    const outOfOrder = all<{ id: number }>(
      `SELECT l.id FROM subsidy_lines l
       JOIN subsidy_policy_versions v ON v.id = l.policy_version_id
       LEFT JOIN subsidy_notices n ON n.id = l.notice_id
       LEFT JOIN subsidy_payment_batches b ON b.id = l.batch_id
       WHERE l.computed_at < v.created_at
          OR l.reviewed_at < l.computed_at
          OR l.status_changed_at < l.computed_at
          OR n.published_on < substr(l.computed_at, 1, 10)
          OR b.created_at < l.computed_at
          OR b.paid_at < l.reviewed_at`,
    );
    expect(outOfOrder).toEqual([]);
    // The 操作记录 of a line reads on the same clock as the line: the compute's row at the line's
    // computed time, the review's row at its reviewed time, nothing before the line was computed.
    const auditOutOfOrder = all<{ id: number; at: string; computedAt: string }>(
      `SELECT l.id, a.created_at AS at, l.computed_at AS computedAt FROM subsidy_lines l
       JOIN audit_log a ON a.entity = 'subsidy-line' AND a.entity_id = CAST(l.id AS TEXT)
       WHERE a.created_at < l.computed_at`,
    );
    expect(auditOutOfOrder).toEqual([]);
    const computeRows = all<{ at: string; first: number }>(
      "SELECT created_at AS at, json_extract(after, '$.lines[0]') AS first FROM audit_log WHERE entity = 'subsidy-compute' AND json_extract(after, '$.lines[0]') IS NOT NULL",
    );
    expect(computeRows.length).toBeGreaterThan(0);
    for (const r of computeRows) expect(r.at).toBe(sql<{ at: string }>("SELECT computed_at AS at FROM subsidy_lines WHERE id = ?", r.first).at);
    const reviews = all<{ at: string; reviewedAt: string }>(
      `SELECT a.created_at AS at, l.reviewed_at AS reviewedAt FROM audit_log a JOIN subsidy_lines l ON CAST(l.id AS TEXT) = a.entity_id
       WHERE a.entity = 'subsidy-line' AND json_extract(a.after, '$.event') = 'approve'`,
    );
    expect(reviews.length).toBeGreaterThan(0);
    for (const r of reviews) expect(r.at).toBe(r.reviewedAt);
    // Every compute of the demo is on its policy's 计算记录, as the command's and the page's are.
    const computes = all<{ code: string; runs: number; added: number; lines: number }>(
      `SELECT p.code, count(j.id) AS runs, coalesce(sum(j.added), 0) AS added,
              (SELECT count(*) FROM subsidy_lines l WHERE l.policy_id = p.id AND l.reverses_line_id IS NULL) AS lines
       FROM subsidy_policies p LEFT JOIN subsidy_compute_jobs j ON j.policy_id = p.id GROUP BY p.id ORDER BY p.code`,
    );
    for (const c of computes) expect(c.added, c.code).toBe(c.lines);
    expect(computes.filter((c) => c.lines > 0).every((c) => c.runs > 0)).toBe(true);
  });

  it("lists the demo policies, the retired one last", async () => {
    const html = await (await county.get("/bureau/subsidy-policies")).text();
    expect(html).toContain("帮扶车间吸纳脱贫劳动力就业补贴");
    expect(html).toContain("乡村公益性岗位补贴");
    expect(html).toContain("金额 700 元，每人最多 12 个月，年龄上限 60 岁，每户限一人");
    expect(html.indexOf("已停用")).toBeGreaterThan(html.indexOf("乡村公益性岗位补贴"));
    // A policy's 计算记录 lists the demo's computes, by who ran them as staff read it.
    const id = sql<{ id: number }>("SELECT id FROM subsidy_policies WHERE code LIKE 'SF-XN-%'").id;
    const policyPage = await (await county.get(`/bureau/subsidy-policies/${id}`)).text();
    const history = policyPage.slice(policyPage.indexOf("<h2>计算记录</h2>"));
    expect(history).toContain("<td>示范数据</td>");
    expect(history).not.toContain("还没有计算过");
  });

  it("sums computed, approved and paid by policy as the ledger holds them, each number linked to its lines", async () => {
    const res = await county.get("/bureau/stats/subsidies");
    expect(res.status).toBe(200);
    const html = await res.text();
    const jt = sql<{ key: string; computed: number; approved: number; paid: number }>(
      `SELECT p.code || ' ' || p.name AS key,
              sum(CASE WHEN l.reverses_line_id IS NULL AND l.status <> '已撤回' THEN l.amount_fen END) AS computed,
              sum(CASE WHEN l.reverses_line_id IS NULL AND l.status IN ('已审核', '已发放') THEN l.amount_fen END) AS approved,
              sum(CASE WHEN l.status = '已发放' THEN l.amount_fen END) AS paid
       FROM subsidy_lines l JOIN subsidy_policies p ON p.id = l.policy_id WHERE p.code LIKE 'SF-JT-%' GROUP BY 1`,
    );
    expect(html).toContain(jt.key);
    const row = html.slice(html.indexOf(`<td>${jt.key}</td>`));
    const cells = [...row.slice(0, row.indexOf("</tr>")).matchAll(/<td class="num">(?:<a href="([^"]+)">)?([^<]*)/g)].map((m) => [m[1], m[2]]);
    expect(cells.map((c) => c[1])).toEqual([
      String(jt.computed / 100),
      expect.any(String),
      String(jt.approved / 100),
      expect.any(String),
      String(jt.paid / 100),
      expect.any(String),
    ]);
    // The paid figure is net: the reversed line and its paid reversal cancel out.
    const paidLines = sql<{ n: number }>("SELECT count(*) AS n FROM subsidy_lines l JOIN subsidy_policies p ON p.id = l.policy_id WHERE p.code LIKE 'SF-JT-%' AND l.status = '已发放'");
    const people = await county.get(cells[4]![0]!.replaceAll("&amp;", "&"));
    expect(people.status).toBe(200);
    expect(await people.text()).toContain(`共 ${paidLines.n} 条明细`);
    expect(html).toContain("<svg");
  });

  it("the chart's drawn labels tell the computed, approved and paid bars apart, however short a label is cut", async () => {
    const html = await (await county.get("/bureau/stats/subsidies")).text();
    const chart = html.slice(html.indexOf("<svg"), html.indexOf("</svg>"));
    // The text drawn beside each bar (a cut label keeps its full text in a <title> inside it).
    const drawn = [...chart.matchAll(/<text class="chart-label"[^>]*>(?:<title>[^<]*<\/title>)?([^<]*)<\/text>/g)].map((m) => m[1]!);
    expect(drawn.length).toBeGreaterThanOrEqual(3);
    expect(drawn.length % 3).toBe(0);
    expect(new Set(drawn).size).toBe(drawn.length);
    for (const [i, label] of drawn.entries()) expect(label.startsWith(["计算", "通过", "发放"][i % 3]!)).toBe(true);
  });

  it("breaks the figures down by town and by period, and downloads the table", async () => {
    const byTown = await (await county.get("/bureau/stats/subsidies?by=town")).text();
    const town = sql<{ name: string }>("SELECT t.name FROM subsidy_lines l JOIN workers w ON w.id = l.worker_id JOIN villages v ON v.id = w.village_id JOIN towns t ON t.id = v.town_id LIMIT 1");
    expect(byTown).toContain(`<td>${town.name}</td>`);
    const byPeriod = await (await county.get("/bureau/stats/subsidies?by=period")).text();
    const periods = all<{ period: string }>("SELECT DISTINCT period FROM subsidy_lines ORDER BY 1").map((r) => r.period);
    for (const p of periods) expect(byPeriod).toContain(`<td>${p}</td>`);
    const csv = await county.get("/bureau/stats/subsidies?by=period&format=csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const text = await csv.text();
    expect(text).toContain("期间,计算金额（元）,计算人数,审核通过金额（元）,审核通过人数,发放金额（元）,发放人数");
    expect(text.trim().split("\n")).toHaveLength(periods.length + 1);
  });

  it("says what is still unconfirmed and leaves it out of the numbers", async () => {
    const placement = sql<{ id: number }>("SELECT id FROM placements WHERE needs_confirmation = 0 ORDER BY id LIMIT 1");
    platform.db.$client.prepare("UPDATE placements SET needs_confirmation = 1 WHERE id = ?").run(placement.id);
    const n = sql<{ n: number }>("SELECT count(*) AS n FROM placements WHERE needs_confirmation = 1").n;
    const html = await (await county.get("/bureau/stats/subsidies")).text();
    expect(html).toContain(`还有 ${n} 条就业记录待人社局确认`);
    expect(html).toContain("不计入任何补贴");
  });

  it("is for county staff; the statistics page links to it for them", async () => {
    expect((await cadre.get("/bureau/stats/subsidies")).status).toBe(403);
    expect(await (await county.get("/bureau/stats")).text()).toContain('href="/bureau/stats/subsidies"');
    expect(await (await cadre.get("/bureau/stats")).text()).not.toContain('href="/bureau/stats/subsidies"');
    expect((await county.get("/bureau/stats/subsidies?policy=NOPE")).status).toBe(400);
  });
});
