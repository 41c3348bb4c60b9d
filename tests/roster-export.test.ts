/**
 * The monthly roster as a subsidy claim (issue 10): on 12-02 the December file counts the days up
 * to today (2, not 31), someone who started today counts one day, the ID number column is masked
 * for the manager, the last row holds the totals, and a month that has not begun is refused.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../src/use-cases/accounts.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const TODAY = "2026-12-02";
const PASSWORD = "车间负责人的密码2026";

describe("the monthly roster export", () => {
  let platform: TestPlatform;
  let web: WebClient;
  let employer: { id: number; code: string };
  beforeAll(async () => {
    platform = await startTestPlatform({ label: "roster-export", today: TODAY });
    employer = platform.db.$client
      .prepare(
        `SELECT e.id, e.code FROM employers e WHERE e.type = '帮扶车间'
         AND EXISTS (SELECT 1 FROM placements p WHERE p.employer_id = e.id AND p.start_date <= '2026-11-01' AND p.end_date IS NULL) ORDER BY e.id LIMIT 1`,
      )
      .get() as { id: number; code: string };
    await createAccount(platform.db, { role: "manager", login: "13700000041", password: PASSWORD, employerCode: employer.code, by: { label: "test" } });
    web = webClient(platform.app);
    expect((await web.login("13700000041", PASSWORD)).status).toBe(303);
    // Someone hired at the gate today.
    await web.text(await web.get("/manage/roster"));
    expect((await web.post("/manage/roster", { name: "今天来的", phone: "19900003333", startDate: TODAY, monthlyIncome: "3100" })).status).toBe(303);
  });
  afterAll(() => platform?.close());

  const rowsOf = async (month: string) => {
    const res = await web.get(`/manage/roster/export?month=${month}`);
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const rows: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row, n) => n > 2 && rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };

  it("on 12-02 counts 2 days for someone working all month, 1 day for someone who started today, with masked ID numbers and totals", async () => {
    const rows = await rowsOf("2026-12");
    const totals = rows.pop()!;
    const longServing = rows.find((r) => String(r[3]) <= "2026-11-01" && r[4] === "")!;
    expect(longServing[5]).toBe(2);
    expect(String(longServing[1])).toMatch(/^\d{4}\*{10}\d{3}[0-9X]$/);
    const today = rows.find((r) => r[0] === "今天来的")!;
    expect(today[5]).toBe(1);
    expect(today[6]).toBe(100);
    for (const r of rows) expect(Number(r[5])).toBeLessThanOrEqual(2);
    expect(totals[0]).toBe(`合计 ${rows.length} 人`);
    expect(totals[5]).toBe(rows.reduce((n, r) => n + Number(r[5]), 0));
  });

  it("counts a month that has ended in full", async () => {
    const rows = await rowsOf("2026-10");
    rows.pop();
    expect(rows.some((r) => r[5] === 31)).toBe(true);
  });

  it("refuses a month that has not begun (month=2030-01, next month)", async () => {
    for (const month of ["2030-01", "2027-01"]) {
      const res = await web.get(`/manage/roster/export?month=${month}`);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("这个月还没有开始");
    }
  });
});
