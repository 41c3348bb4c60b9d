/**
 * Retention (稳岗) end to end on the demo county, with a few placements of edge dates added: the
 * SQL counts equal the core's reference over the same placements for every breakdown, town scope
 * and 帮扶对象 filter; 待核实 placements are left out; the page shows charts, "未到期" and the
 * placements behind each number, and downloads; a town cadre sees their own town only; the API
 * answers county, town and department tokens with the same rows and refuses bad parameters.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retentionGroups } from "../db/queries/retention.ts";
import { groupPlacements, RETENTION_BREAKDOWNS, retentionRows, type RetentionPlacement, type RetentionQuery } from "../src/core/stats/retention.ts";
import { createAccount, createApiToken } from "../src/use-cases/accounts.ts";
import { placementEnder } from "../src/use-cases/placement-end.ts";
import { retentionView, retentionViewFromSql } from "../src/use-cases/retention-view.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const D = "2026-11-23";
const PASSWORD = "稳岗页面测试密码2026";

interface RawPlacement {
  start: string;
  end: string | null;
  confirm: number;
  platform: string;
  employer: string;
  town: string;
  category: string;
  month: string;
}

describe("retention", () => {
  let platform: TestPlatform;
  let county: WebClient;
  let cadre: WebClient;
  let town = "";
  let raw: RawPlacement[] = [];
  const tokens = { county: "", town: "", department: "" };

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "retention", today: D });
    const sql = platform.db.$client;
    // Edge placements on registry workers without one at these dates: 31 January, an end on the
    // horizon's day and the day before, a one-day placement, a recent one, and one 待核实.
    const workers = sql.prepare("SELECT id FROM workers ORDER BY id DESC LIMIT 8").all() as { id: number }[];
    const employer = (sql.prepare("SELECT id FROM employers WHERE type = '帮扶车间' ORDER BY id LIMIT 1").get() as { id: number }).id;
    const add = sql.prepare("INSERT INTO placements (worker_id, employer_id, start_date, end_date, needs_confirmation) VALUES (?, ?, ?, ?, ?)");
    const edges: [string, string | null, number][] = [
      ["2025-01-31", "2025-04-30", 0],
      ["2025-01-31", "2025-04-29", 0],
      ["2025-03-10", "2025-09-10", 0],
      ["2025-03-10", "2025-09-09", 0],
      ["2025-05-05", "2025-05-05", 0],
      ["2026-10-01", null, 0],
      ["2025-06-01", null, 1],
    ];
    edges.forEach(([start, end, confirm], i) => add.run(workers[i]!.id, employer, start, end, confirm));
    raw = sql
      .prepare(
        `SELECT p.start_date AS start, p.end_date AS end, p.needs_confirmation AS confirm, coalesce(e.type, p.employment_form) AS platform,
           coalesce(e.code, p.employment_form) AS employer, t.name AS town, h.category AS category, substr(p.start_date, 1, 7) AS month
         FROM placements p JOIN workers w ON w.id = p.worker_id JOIN households h ON h.id = w.household_id
         JOIN villages v ON v.id = w.village_id JOIN towns t ON t.id = v.town_id LEFT JOIN employers e ON e.id = p.employer_id`,
      )
      .all() as RawPlacement[];
    town = [...new Set(raw.map((p) => p.town))].sort()[0]!;
    await createAccount(platform.db, { role: "county", login: "county", password: PASSWORD, by: { label: "test" } });
    await createAccount(platform.db, { role: "town", login: "cadre", password: PASSWORD, townName: town, by: { label: "test" } });
    county = webClient(platform.app);
    cadre = webClient(platform.app);
    expect((await county.login("county", PASSWORD)).status).toBe(303);
    expect((await cadre.login("cadre", PASSWORD)).status).toBe(303);
    const by = { label: "test" };
    tokens.county = createApiToken(platform.db, { role: "county", name: "县人社局", by }).token;
    tokens.town = createApiToken(platform.db, { role: "town", townName: town, name: "镇政府", by }).token;
    tokens.department = createApiToken(platform.db, { role: "department", name: "县乡村振兴局", by }).token;
  });
  afterAll(() => platform?.close());

  /** The core's reference over the raw placements, with the SQL's filters applied in JS. */
  function reference(q: RetentionQuery, scopeTown?: string) {
    const placements: RetentionPlacement[] = raw
      .filter((p) => p.confirm === 0 && (scopeTown === undefined || p.town === scopeTown) && (!q.assisted || p.category !== "一般户"))
      .map((p) => ({ startDate: p.start, endDate: p.end, key: q.by === "month" ? p.month : q.by === "platform" ? p.platform : q.by === "employer" ? p.employer : p.town }));
    return retentionRows(groupPlacements(placements, q), q);
  }

  it("the demo county has placements over the range, some of them ended", () => {
    const inRange = raw.filter((p) => p.start >= "2024-12-01" && p.start <= D);
    expect(inRange.length).toBeGreaterThan(20);
    expect(inRange.some((p) => p.end !== null)).toBe(true);
  });

  it("SQL counts and the snapshot give the reference's rows for every breakdown, scope and filter", async () => {
    for (const by of RETENTION_BREAKDOWNS)
      for (const assisted of [false, true])
        for (const scopeTown of [undefined, town]) {
          const q: RetentionQuery = { date: D, from: "2024-01", to: "2026-11", by, assisted };
          const rows = retentionViewFromSql(platform, { ...q, town: scopeTown });
          expect(rows.map(({ name: _, ...r }) => r), `${by} ${assisted} ${scopeTown ?? ""}`).toEqual(reference(q, scopeTown));
          expect((await retentionView(platform, { ...q, town: scopeTown })).rows, `snapshot ${by} ${assisted} ${scopeTown ?? ""}`).toEqual(rows);
        }
  });

  it("counts the edge placements by the day rule and leaves the 待核实 one out", () => {
    const jan = retentionGroups(platform.db, "month", { from: "2025-01", to: "2025-01", date: D }).groups[0]!;
    const janRaw = raw.filter((p) => p.month === "2025-01" && p.confirm === 0);
    expect(jan.started).toBe(janRaw.length);
    // 31 January to 30 April is kept at 3 months; to 29 April is not.
    const kept3 = janRaw.filter((p) => p.end === null || p.end >= (p.start === "2025-01-31" ? "2025-04-30" : `2025-04-${p.start.slice(8)}`)).length;
    expect(jan.kept[3]).toBe(kept3);
    const june = retentionGroups(platform.db, "month", { from: "2025-06", to: "2025-06", date: D }).groups[0];
    expect(june?.started ?? 0).toBe(raw.filter((p) => p.month === "2025-06" && p.confirm === 0).length);
  });

  it("the page: charts, the table with 未到期 for recent cohorts, links to the placements behind each number", async () => {
    const res = await county.get(`/bureau/stats/retention?date=${D}&from=2025-01&to=2026-11`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>稳岗情况</h1>");
    expect(html.match(/<svg class="chart bar-chart"/g)!.length).toBe(3);
    expect(html).toContain('<td class="num not-yet">未到期</td>');
    expect(html).not.toMatch(/style=/);
    const rows = (await retentionView(platform, { date: D, from: "2025-01", to: "2026-11", by: "month", assisted: false, town: undefined })).rows;
    const total = rows.at(-1)!;
    expect(html).toContain(`>${total.started}</a>`);
    const three = total.horizons[0]!;
    if (three.status !== "measured") throw new Error("the total is measured at 3 months");
    // The people behind the total kept at 3 months: as many as the number says.
    const people = await (await county.get(`/bureau/stats/retention/people?date=${D}&from=2025-01&to=2026-11&measure=kept_3`)).text();
    expect(people).toContain(`共 ${three.retained} 条就业记录`);
    const left = await (await county.get(`/bureau/stats/retention/people?date=${D}&from=2025-01&to=2026-11&measure=left_3`)).text();
    expect(left).toContain(`共 ${three.placements! - three.retained!} 条就业记录`);
    const month = rows.find((r) => r.key === "2025-01")!;
    const started = await (await county.get(`/bureau/stats/retention/people?date=${D}&from=2025-01&to=2026-11&key=2025-01&measure=started`)).text();
    expect(started).toContain(`共 ${month.started} 条就业记录`);
    expect(started).toMatch(/\d{4}\*{8,}/);
  });

  it("downloads the table as .csv and .xlsx", async () => {
    const csv = await county.get(`/bureau/stats/retention?date=${D}&from=2025-01&to=2026-11&by=platform&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = (await csv.text()).replace(/^\uFEFF/, "");
    expect(text.split(/\r?\n/)[0]).toBe("就业平台,上岗人数,3 个月已到期,3 个月后在岗,3 个月稳岗率（%）,6 个月已到期,6 个月后在岗,6 个月稳岗率（%）,12 个月已到期,12 个月后在岗,12 个月稳岗率（%）");
    expect(text).toContain("合计,");
    const xlsx = await county.get(`/bureau/stats/retention?by=employer&format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
  });

  it("a bad range is refused next to the form", async () => {
    const res = await county.get(`/bureau/stats/retention?from=2026-05&to=2026-01`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("开始月份不能晚于结束月份。");
  });

  it("a town cadre sees their own town only, on the page, in the lists and the download", async () => {
    const html = await (await cadre.get(`/bureau/stats/retention?date=${D}&from=2024-01&to=2026-11&by=town`)).text();
    expect(html).toContain(`稳岗情况（${town}）`);
    const others = [...new Set(raw.map((p) => p.town))].filter((t) => t !== town);
    for (const other of others) expect(html).not.toContain(`<td>${other}</td>`);
    const own = (await retentionView(platform, { date: D, from: "2024-01", to: "2026-11", by: "town", assisted: false, town })).rows;
    const people = await (await cadre.get(`/bureau/stats/retention/people?date=${D}&from=2024-01&to=2026-11&by=town&measure=started`)).text();
    expect(people).toContain(`共 ${own.at(-1)!.started} 条就业记录`);
    // Asking for another town's row gives nothing, not that town's people.
    const asked = await (await cadre.get(`/bureau/stats/retention/people?date=${D}&from=2024-01&to=2026-11&by=town&key=${encodeURIComponent(others[0]!)}&measure=started`)).text();
    expect(asked).toContain("共 0 条就业记录");
    const csv = await (await cadre.get(`/bureau/stats/retention?date=${D}&by=town&format=csv`)).text();
    for (const other of others) expect(csv).not.toContain(other);
  });

  const api = (path: string, token?: string) => platform.app.request(path, token ? { headers: { Authorization: `Bearer ${token}` } } : {});

  it("the API gives county and department tokens the county's rows, a town token its town's", async () => {
    const q: RetentionQuery = { date: D, from: "2025-01", to: "2026-11", by: "employer", assisted: true };
    const expected = (await retentionView(platform, { ...q, town: undefined })).rows;
    for (const token of [tokens.county, tokens.department]) {
      const res = await api(`/api/v1/stats/retention?date=${D}&from=2025-01&to=2026-11&by=employer&assisted=true`, token);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { rows: { key: string; name?: string; started: number }[] };
      expect(body.rows.map((r) => [r.key, r.name, r.started])).toEqual(expected.map((r) => [r.key, r.name, r.started]));
      expect(body.rows.at(-1)!.key).toBe("total");
    }
    const townBody = (await (await api(`/api/v1/stats/retention?by=town`, tokens.town)).json()) as { rows: { key: string }[] };
    expect(townBody.rows.map((r) => r.key)).toEqual([town, "total"]);
    const month = (await (await api(`/api/v1/stats/retention?date=${D}`, tokens.county)).json()) as { rows: { key: string; horizons: { status: string; placements: number | null }[] }[] };
    expect(month.rows).toHaveLength(25);
    expect(month.rows.find((r) => r.key === "2026-10")!.horizons).toEqual([
      { months: 3, status: "not_yet", placements: null, retained: null, rate: null },
      { months: 6, status: "not_yet", placements: null, retained: null, rate: null },
      { months: 12, status: "not_yet", placements: null, retained: null, rate: null },
    ]);
  });

  it("the API refuses bad parameters (400), a missing token (401)", async () => {
    for (const [query, message] of [
      ["from=2026-05&to=2026-01", "开始月份不能晚于结束月份。"],
      ["to=2026-12", "结束月份不能晚于统计日期所在的月份。"],
      ["by=village", "分组只能是按上岗月份、就业平台、用工主体或乡镇。"],
      ["assisted=maybe", "“只看帮扶对象”只能是 true 或 false。"],
      ["from=2025-1", "月份请写成 YYYY-MM，例如 2026-01。"],
    ] as const) {
      const res = await api(`/api/v1/stats/retention?${query}`, tokens.county);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { message: string }).message).toBe(message);
    }
    expect((await api(`/api/v1/stats/retention`)).status).toBe(401);
  });

  it("a placement the bureau ends is in the next figure, on the page and in the API (the snapshot patched)", async () => {
    const sql = platform.db.$client;
    const open = sql
      .prepare("SELECT id, start_date AS startDate FROM placements WHERE end_date IS NULL AND needs_confirmation = 0 AND start_date >= '2025-01-01' AND start_date < '2025-07-01' ORDER BY id LIMIT 1")
      .get() as { id: number; startDate: string };
    const cohort = open.startDate.slice(0, 7);
    type Body = { rows: { key: string; started: number; horizons: { retained: number | null }[] }[] };
    const apiRow = async () => ((await (await api(`/api/v1/stats/retention?date=${D}&from=2025-01&to=2026-11`, tokens.county)).json()) as Body).rows.find((r) => r.key === cohort)!;
    const before = await apiRow();
    // Ended on its first day: kept at no horizon any more, still started in its month.
    expect(placementEnder(platform, { placementId: open.id, endDate: open.startDate, reason: "其他", by: { label: "test" }, now: platform.now() })).toEqual({ ok: true });
    const after = await apiRow();
    expect(after.started).toBe(before.started);
    expect(after.horizons.map((h) => h.retained)).toEqual(before.horizons.map((h) => h.retained! - 1));
    const page = await (await county.get(`/bureau/stats/retention?date=${D}&from=2025-01&to=2026-11`)).text();
    expect(page).toContain(`${after.horizons[0]!.retained}</a> / `);
    expect((await retentionView(platform, { date: D, from: "2025-01", to: "2026-11", by: "month", assisted: false, town: undefined })).rows).toEqual(
      retentionViewFromSql(platform, { date: D, from: "2025-01", to: "2026-11", by: "month", assisted: false, town: undefined }),
    );
  });
});
