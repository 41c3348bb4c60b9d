/**
 * The field rules for dates, numbers and phones from the outside (issue 9's reproductions on the
 * demo county): every impossible or implausible date typed in a form, a spreadsheet or an API
 * parameter is refused with a Chinese message — never a 500, never stored — with what was typed
 * kept; numbers too big say so; employer contact phones take landlines, workers keep mobiles.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeIdNumber } from "../src/core/id-number.ts";
import { createAccount, createApiToken } from "../src/use-cases/accounts.ts";
import { messages } from "../views/messages.ts";
import { startTestPlatform, TEST_TODAY, type TestPlatform } from "./support/test-platform.ts";
import { uploadAndWait } from "./support/upload.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "字段规则测试用的密码2026";
const D = TEST_TODAY;
const f = messages.fields;

describe("field rules for dates, numbers and phones", () => {
  let platform: TestPlatform;
  let county: WebClient;
  let manager: WebClient;
  let employer: { id: number; code: string };
  const one = <T,>(query: string, ...params: unknown[]) => platform.db.$client.prepare(query).get(...params) as T;
  const count = (query: string, ...params: unknown[]) => one<{ n: number }>(query, ...params).n;
  /** What a refused request must leave as it was. */
  const snapshot = () =>
    JSON.stringify([
      one("SELECT count(*) n, max(updated_at) u FROM placements"),
      one("SELECT count(*) n FROM placement_revisions"),
      one("SELECT count(*) n FROM pending_hires"),
      one("SELECT count(*) n FROM postings"),
      one("SELECT count(*) n FROM alert_notes"),
      one("SELECT count(*) n FROM employer_recognitions"),
      one("SELECT count(*) n FROM audit_log"),
    ]);

  const signIn = async (login: string, role: "county" | "manager", scope: { employerCode?: string } = {}) => {
    await createAccount(platform.db, { role, login, password: PASSWORD, ...scope, by: { label: "test" } });
    const web = webClient(platform.app);
    expect((await web.login(login, PASSWORD)).status).toBe(303);
    return web;
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "field-rules", today: D });
    employer = one("SELECT id, code FROM employers WHERE type = '帮扶车间' ORDER BY id LIMIT 1");
    county = await signIn("county-fields", "county");
    manager = await signIn("13700000009", "manager", { employerCode: employer.code });
  });
  afterAll(() => platform?.close());

  describe("the bureau's placement-end form", () => {
    const openPlacement = () =>
      one<{ id: number; workerId: number }>("SELECT id, worker_id AS workerId FROM placements WHERE end_date IS NULL AND start_date <= ? ORDER BY id LIMIT 1", D);

    it.each(["2026-13-01", "2026-00-10", "2026-12-32", "2026-02-31", "2025-02-29", "9999-12-31", "0000-00-00", "1900-01-01", "2026-11-24"])(
      "refuses the end date %s with a Chinese message, the form kept and nothing stored",
      async (endDate) => {
        const p = openPlacement();
        await county.text(await county.get(`/bureau/workers/${p.workerId}`));
        const before = snapshot();
        const res = await county.post(`/bureau/workers/${p.workerId}/placements/${p.id}/end`, { endDate, reason: "家庭原因" });
        expect(res.status).toBe(400);
        const html = await county.text(res);
        expect(html).toContain(`value="${endDate}"`);
        expect(html).toMatch(/日期不存在|不能晚于今天|不能早于 1990-01-01/);
        expect(html).toContain('<option value="家庭原因" selected="">');
        expect(snapshot()).toBe(before);
        expect(one<{ e: string | null }>("SELECT end_date AS e FROM placements WHERE id = ?", p.id).e).toBeNull();
      },
    );
  });

  describe("alert follow-up notes", () => {
    it.each(["0000-00-00", "2026-13-01", "2026-02-31", "2026-11-24", "1989-12-31"])("refuses a note dated %s, keeping the note typed", async (date) => {
      const alert = one<{ id: number }>("SELECT id FROM alerts WHERE status = 'open' ORDER BY id LIMIT 1");
      await county.text(await county.get(`/bureau/alerts/${alert.id}`));
      const before = snapshot();
      const res = await county.post(`/bureau/alerts/${alert.id}/notes`, { date, note: "入户走访，家里有人生病" });
      expect(res.status).toBe(400);
      const html = await county.text(res);
      expect(html).toContain("入户走访，家里有人生病");
      expect(html).toMatch(/日期不存在|不能晚于今天|不能早于 1990-01-01/);
      expect(snapshot()).toBe(before);
    });

    it("takes a note dated today", async () => {
      const alert = one<{ id: number }>("SELECT id FROM alerts WHERE status = 'open' ORDER BY id LIMIT 1");
      await county.text(await county.get(`/bureau/alerts/${alert.id}`));
      expect((await county.post(`/bureau/alerts/${alert.id}/notes`, { date: D, note: "电话回访" })).status).toBe(303);
    });
  });

  describe("workshop recognition", () => {
    it.each(["9999-99-99", "2030-01-01", "1900-01-01"])("refuses the date %s", async (effectiveDate) => {
      const path = `/bureau/employers/${employer.code}`;
      await county.text(await county.get(path));
      const before = snapshot();
      const res = await county.post(`${path}/recognition`, { status: "已认定", effectiveDate, note: "现场核查" });
      expect(res.status).toBe(400);
      expect(await county.text(res)).toMatch(/日期不存在|不能晚于今天|不能早于 1990-01-01/);
      expect(snapshot()).toBe(before);
    });
  });

  describe("a manager's gate hires and corrections", () => {
    it("refuses a gate hire starting 1900-01-01 or far ahead, and one with a landline as the worker's phone", async () => {
      for (const [change, message] of [
        [{ startDate: "1900-01-01" }, f.problems.dateTooEarly],
        [{ startDate: "2027-06-01" }, f.problems.startTooFar],
        [{ startDate: "2026-02-31" }, f.problems.date],
        [{ phone: "0797-8812345" }, f.problems.phone],
      ] as const) {
        await manager.text(await manager.get("/manage/roster"));
        const before = snapshot();
        const fields: Record<string, string> = { name: "王五", phone: "13900002222", startDate: D, monthlyIncome: "2000" };
        const res = await manager.post("/manage/roster", { ...fields, ...change });
        expect(res.status).toBe(400);
        const html = await manager.text(res);
        expect(html).toContain(message);
        expect(html).toContain('value="王五"');
        expect(snapshot()).toBe(before);
      }
    });

    it("refuses a correction to a start of 1900-01-01", async () => {
      const line = one<{ id: number }>("SELECT id FROM placements WHERE employer_id = ? AND end_date IS NULL ORDER BY id LIMIT 1", employer.id);
      await manager.text(await manager.get(`/manage/roster/placement/${line.id}`));
      const before = snapshot();
      const res = await manager.post(`/manage/roster/placement/${line.id}/correction`, { startDate: "1900-01-01", monthlyIncome: "2600", note: "录错了" });
      expect(res.status).toBe(400);
      expect(await manager.text(res)).toContain(f.problems.dateTooEarly);
      expect(snapshot()).toBe(before);
    });
  });

  describe("numbers too big say so", () => {
    it.each([
      [{ headcount: "100000" }, `招聘人数最多 9999 人`],
      [{ payMin: "99999999" }, `工资不能超过 100000 元`],
      [{ closingDate: "2030-01-01" }, f.problems.closingTooFar],
    ])("a posting with %j is refused: %s", async (change, message) => {
      await manager.text(await manager.get("/manage/postings/new"));
      const before = snapshot();
      const res = await manager.post("/manage/postings/new", { title: "缝纫工", headcount: "2", payUnit: "月", workingTime: "全天", ...change, intent: "save" });
      expect(res.status).toBe(400);
      const html = await manager.text(res);
      expect(html).toContain(message);
      expect(html).toContain(`value="${Object.values(change)[0]}"`);
      expect(snapshot()).toBe(before);
    });
  });

  describe("employer contact phones", () => {
    it.each([
      ["(0797)8812345", "0797-8812345"],
      ["０７９７ ８８１２３４５ 转 123", "0797-8812345-123"],
      ["400-123-4567", "400-123-4567"],
      ["138 0013 8000", "13800138000"],
    ])("the manager's profile takes %j and stores %s", async (typed, stored) => {
      const page = await manager.text(await manager.get("/manage/profile"));
      const villageId = /<option value="(\d+)" selected/.exec(page)?.[1] ?? /<option value="(\d+)"/.exec(page)![1]!;
      const res = await manager.post("/manage/profile", { villageId, address: "村委会旁", contactName: "张主任", contactPhone: typed, lat: "", lng: "" });
      expect(res.status).toBe(303);
      expect(one<{ p: string }>("SELECT contact_phone AS p FROM employers WHERE id = ?", employer.id).p).toBe(stored);
    });

    it("shows a landline with its extension readably, and dials it", async () => {
      const page = await manager.text(await manager.get("/manage/profile"));
      const villageId = /<option value="(\d+)"/.exec(page)![1]!;
      const saved = await manager.post("/manage/profile", { villageId, address: "村委会旁", contactName: "张主任", contactPhone: "0797-8812345转123", lat: "", lng: "" });
      expect(saved.status).toBe(303);
      const posting = one<{ code: string }>("SELECT code FROM postings WHERE employer_id = ? AND status = '招聘中' ORDER BY id LIMIT 1", employer.id);
      const html = await (await platform.app.request(`/jobs/${posting.code}`)).text();
      expect(html).toContain('href="tel:07978812345,123"');
      expect(html).toContain("0797-8812345 转 123");
    });

    it("refuses a number that is neither, keeping what was typed", async () => {
      const page = await manager.text(await manager.get("/manage/profile"));
      const villageId = /<option value="(\d+)"/.exec(page)![1]!;
      const res = await manager.post("/manage/profile", { villageId, address: "村委会旁", contactName: "张主任", contactPhone: "8812345", lat: "", lng: "" });
      expect(res.status).toBe(400);
      const html = await manager.text(res);
      expect(html).toContain(f.problems.contactPhone);
      expect(html).toContain('value="8812345"');
    });
  });

  describe("the spreadsheet import", () => {
    const village = () => one<{ town: string; village: string }>("SELECT t.name AS town, v.name AS village FROM villages v JOIN towns t ON t.id = v.town_id ORDER BY v.id LIMIT 1");

    it("rejects a worker whose ID number says born 2100-01-01, naming the row, the column and the reason", async () => {
      const { town, village: v } = village();
      const born2100 = makeIdNumber("360731", "2100-01-01", 17);
      const fine = makeIdNumber("360731", "1975-04-09", 19);
      const csv = ["户编号,户类型,姓名,身份证号,乡镇,村,劳动能力", `HF0001,脱贫户,未来人,${born2100},${town},${v},有劳动能力`, `HF0002,脱贫户,正常人,${fine},${town},${v},有劳动能力`].join("\n");
      const result = await uploadAndWait(platform.app, county, "workers", { name: "workers.csv", content: csv });
      expect(result.html).toMatch(/<td[^>]*>2<\/td><td[^>]*>身份证号<\/td><td[^>]*>身份证号中的出生日期不合理/);
      expect(count("SELECT count(*) n FROM workers w JOIN households h ON h.id = w.household_id WHERE h.code = 'HF0001'")).toBe(0);
      expect(count("SELECT count(*) n FROM workers w JOIN households h ON h.id = w.household_id WHERE h.code = 'HF0002'")).toBe(1);
    });

    it("rejects placements with impossible or implausible dates, naming row, column and reason", async () => {
      const worker = one<{ id: number }>("SELECT id FROM workers ORDER BY id LIMIT 1");
      const idNumber = platform.protector.decrypt(one<{ c: string }>("SELECT id_number_cipher AS c FROM workers WHERE id = ?", worker.id).c);
      const before = count("SELECT count(*) n FROM placements");
      const csv = [
        "身份证号,用工主体编号,开始日期,结束日期,月收入",
        `${idNumber},${employer.code},2026-02-31,,2000`,
        `${idNumber},${employer.code},2026-13-01,,2000`,
        `${idNumber},${employer.code},1900-01-01,,2000`,
        `${idNumber},${employer.code},2026-03-01,9999-12-31,2000`,
      ].join("\n");
      const result = await uploadAndWait(platform.app, county, "placements", { name: "placements.csv", content: csv });
      const row = (n: number, column: string, reason: string) => new RegExp(`<td[^>]*>${n}</td><td[^>]*>${column}</td><td[^>]*>${reason}`);
      expect(result.html).toMatch(row(2, "开始日期", "日期不存在或格式不对"));
      expect(result.html).toMatch(row(3, "开始日期", "日期不存在或格式不对"));
      expect(result.html).toMatch(row(4, "开始日期", "日期不能早于 1990-01-01"));
      expect(result.html).toMatch(row(5, "结束日期", "结束日期不能晚于今天"));
      expect(count("SELECT count(*) n FROM placements")).toBe(before);
    });

    it("takes employers' landline contact phones, normalised", async () => {
      const { town } = village();
      const csv = ["编号,名称,类型,乡镇,联系电话", `EFLD1,座机车间,帮扶车间,${town},(0797)8812345`, `EFLD2,热线企业,用工企业,${town},400 123 4567`, `EFLD3,错号企业,用工企业,${town},8812345`].join("\n");
      const result = await uploadAndWait(platform.app, county, "employers", { name: "employers.csv", content: csv });
      expect(result.html).toMatch(/<td[^>]*>4<\/td><td[^>]*>联系电话<\/td><td[^>]*>联系电话应为手机号、带区号的座机/);
      expect(one<{ p: string }>("SELECT contact_phone AS p FROM employers WHERE code = 'EFLD1'").p).toBe("0797-8812345");
      expect(one<{ p: string }>("SELECT contact_phone AS p FROM employers WHERE code = 'EFLD2'").p).toBe("400-123-4567");
    });
  });

  describe("the statistics API's dates", () => {
    let token: string;
    beforeAll(() => {
      token = createApiToken(platform.db, { role: "county", name: "民政局", by: { label: "test" } }).token;
    });
    const get = (path: string) => platform.app.request(path, { headers: { Authorization: `Bearer ${token}` } });

    it.each([
      ["/api/v1/stats/employment?date=2030-01-01", f.stats.dateInFuture],
      ["/api/v1/stats/employment?date=2026-11-24", f.stats.dateInFuture],
      ["/api/v1/stats/employment?date=2026-02-31", messages.stats.badDate],
      ["/api/v1/stats/employment?baseline=1900-01-01", f.stats.dateTooEarly],
      ["/api/v1/stats/zero-employment?date=2030-01-01", f.stats.dateInFuture],
      ["/api/v1/stats/workshops?date=9999-99-99", messages.stats.badDate],
    ])("%s is a 400 with a Chinese message", async (path, message) => {
      const res = await get(path);
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toContain(message);
    });

    it("today is fine", async () => {
      expect((await get(`/api/v1/stats/employment?date=${D}`)).status).toBe(200);
    });

    it("the bureau's statistics page refuses a date after today", async () => {
      const res = await county.get("/bureau/stats?date=2030-01-01");
      expect(res.status).toBeLessThan(500);
      expect(await res.text()).toContain(f.stats.dateInFuture);
    });
  });
});
