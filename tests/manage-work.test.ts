/**
 * A workshop manager's work over HTTP against the real database and search engine: postings
 * (validation, preview, publish, edit, status), applicants through the pipeline to a hire, the
 * roster (gate hires, departures, corrections with history), the profile and the monthly export.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rosterForMonth } from "../src/core/roster.ts";
import { createAccount } from "../src/use-cases/accounts.ts";
import { applyThroughPublicForm } from "./support/application-fixture.ts";
import { startTestPlatform, TEST_TODAY, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "车间负责人的密码2026";
const VALID = {
  title: "手套缝制工",
  headcount: "2",
  payMin: "2200",
  payMax: "3000",
  payUnit: "月",
  workingTime: "半天",
  ageMin: "18",
  ageMax: "65",
  physicalDemand: "轻",
  skills: "缝纫、剪线",
  benefits: "包吃",
  benefitsOther: "年终奖",
  closingDate: "",
  description: "在村里车间缝制劳保手套。",
};

describe("a workshop manager's work", () => {
  let platform: TestPlatform;
  let web: WebClient;
  let employer: { id: number; code: string; townId: number };
  const one = <T,>(query: string, ...params: unknown[]) => platform.db.$client.prepare(query).get(...params) as T;
  const count = (query: string, ...params: unknown[]) => one<{ n: number }>(query, ...params).n;
  const today = TEST_TODAY;
  const snapshot = () =>
    JSON.stringify([
      one("SELECT count(*) n, max(updated_at) u FROM postings"),
      one("SELECT count(*) n, max(updated_at) u FROM applications"),
      one("SELECT count(*) n, max(updated_at) u FROM placements"),
      one("SELECT count(*) n FROM pending_hires"),
      one("SELECT count(*) n FROM placement_revisions"),
      one("SELECT count(*) n FROM search_outbox"),
      one("SELECT count(*) n FROM audit_log"),
      one("SELECT updated_at u, contact_phone p FROM employers WHERE id = ?", employer.id),
    ]);

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "manage-work" });
    employer = one("SELECT id, code, town_id AS townId FROM employers WHERE type = '帮扶车间' ORDER BY id LIMIT 1");
    await createAccount(platform.db, { role: "manager", login: "13700000001", password: PASSWORD, employerCode: employer.code, by: { label: "test" } });
    web = webClient(platform.app);
    expect((await web.login("13700000001", PASSWORD)).status).toBe(303);
    await web.text(await web.get("/manage/postings/new"));
  });
  afterAll(() => platform?.close());

  it.each([
    ["an empty title", { title: "" }, "title", "请填写岗位名称"],
    ["headcount 0", { headcount: "0" }, "headcount", "招聘人数至少 1 人"],
    ["pay minimum above maximum", { payMin: "3500", payMax: "2000" }, "payMax", "工资上限不能低于下限"],
    ["a closing date in the past", { closingDate: "2000-01-01" }, "closingDate", "截止日期已经过去了"],
    ["an age range reversed", { ageMin: "60", ageMax: "30" }, "ageMax", "最高年龄不能低于最低年龄"],
  ])("refuses a posting with %s: message by the field, typed values kept, nothing written", async (_name, change, field, message) => {
    const before = snapshot();
    const res = await web.post("/manage/postings/new", { ...VALID, ...change, intent: "save" });
    expect(res.status).toBe(400);
    const html = await web.text(res);
    expect(html).toContain(`id="${field}-error"`);
    expect(html).toContain(message);
    expect(html).toContain(`aria-describedby="${field}-error"`);
    expect(html).toContain('value="缝纫、剪线"');
    for (const [k, v] of Object.entries(change)) if (v !== "") expect(html).toContain(`name="${k}" type="${k === "closingDate" ? "date" : "number"}" value="${v}"`);
    expect(snapshot()).toBe(before);
  });

  let code = "";

  it("previews without writing, then publishes under the next code with an outbox row, and search finds it", async () => {
    const before = snapshot();
    const preview = await web.text(await web.post("/manage/postings/new", { ...VALID, intent: "preview" }));
    expect(preview).toContain("预览：求职者看到的样子");
    expect(preview).toContain("2200–3000 元/月");
    expect(snapshot()).toBe(before);

    const highest = one<{ code: string }>("SELECT code FROM postings ORDER BY CAST(substr(code, 2) AS INTEGER) DESC LIMIT 1").code;
    const res = await web.post("/manage/postings/new", { ...VALID, intent: "save" });
    expect(res.status).toBe(303);
    code = /\/manage\/postings\/(P\d+)/.exec(res.headers.get("Location")!)![1]!;
    expect(Number(code.slice(1))).toBe(Number(highest.slice(1)) + 1);
    const row = one<Record<string, unknown>>("SELECT * FROM postings WHERE code = ?", code);
    expect(row).toMatchObject({ employer_id: employer.id, title: "手套缝制工", headcount: 2, pay_min: 2200, pay_max: 3000, working_time: "半天", age_min: 18, age_max: 65, physical_demand: "轻", status: "招聘中" });
    expect(JSON.parse(row.benefits as string)).toEqual(["包吃", "年终奖"]);
    expect(JSON.parse(row.skills as string)).toEqual(["缝纫", "剪线"]);
    expect(count("SELECT count(*) n FROM search_outbox WHERE entity = 'posting' AND entity_id = ?", row.id)).toBe(1);
    expect(count("SELECT count(*) n FROM audit_log WHERE entity = 'posting' AND entity_id = ? AND action = 'create'", String(row.id))).toBe(1);
    await platform.outbox.drain();
    const { hits } = await platform.index.search({ q: "手套缝制工", filter: [], sort: [], limit: 10, offset: 0 });
    expect(hits.find((h) => h.code === code)).toMatchObject({ openings: 2, headcount: 2 });
  });

  it("edits a posting (closing date kept), refuses a bad edit, and closes and reopens it through the index", async () => {
    await web.text(await web.get(`/manage/postings/${code}/edit`));
    for (const change of [{ headcount: "0" }, { title: "" }, { payMin: "5000" }, { ageMin: "70" }, { closingDate: "2001-02-03" }]) {
      const before = snapshot();
      const bad = await web.post(`/manage/postings/${code}/edit`, { ...VALID, ...change, intent: "save" });
      expect(bad.status).toBe(400);
      const html = await web.text(bad);
      expect(html).toContain('class="field-error"');
      expect(html).toContain('value="缝纫、剪线"');
      expect(snapshot()).toBe(before);
    }
    expect(one<{ headcount: number }>("SELECT headcount FROM postings WHERE code = ?", code).headcount).toBe(2);

    expect((await web.post(`/manage/postings/${code}/edit`, { ...VALID, title: "手套缝制工（改）", intent: "save" })).status).toBe(303);
    expect(one<{ title: string }>("SELECT title FROM postings WHERE code = ?", code).title).toBe("手套缝制工（改）");

    expect((await web.post(`/manage/postings/${code}/status`, { action: "close" })).status).toBe(303);
    expect(one<{ status: string }>("SELECT status FROM postings WHERE code = ?", code).status).toBe("已关闭");
    await platform.outbox.drain();
    let { hits } = await platform.index.search({ q: "手套缝制工", filter: [], sort: [], limit: 10, offset: 0 });
    expect(hits.map((h) => h.code)).not.toContain(code);
    // Closing twice is not an action on a closed posting.
    const again = await web.post(`/manage/postings/${code}/status`, { action: "close" });
    expect(again.headers.get("Location")).toContain("problem=status");

    expect((await web.post(`/manage/postings/${code}/status`, { action: "reopen" })).status).toBe(303);
    await platform.outbox.drain();
    ({ hits } = await platform.index.search({ q: "手套缝制工", filter: [], sort: [], limit: 10, offset: 0 }));
    expect(hits.map((h) => h.code)).toContain(code);
  });

  it("copies a posting into a new form without writing", async () => {
    const before = snapshot();
    const html = await web.text(await web.get(`/manage/postings/new?from=${code}`));
    expect(html).toContain('value="手套缝制工（改）"');
    expect(html).toContain('action="/manage/postings/new"');
    expect(snapshot()).toBe(before);
  });

  it("moves applicants through the pipeline; hires fill the posting and leave the index", async () => {
    // A registry worker of a 帮扶对象 household applies by phone; a stranger applies too.
    const registry = one<{ id: number; phone: string; name: string }>(
      `SELECT w.id, w.phone, w.name FROM workers w JOIN households h ON h.id = w.household_id
       WHERE h.category = '脱贫户' AND w.phone IS NOT NULL AND (SELECT count(*) FROM workers x WHERE x.phone = w.phone) = 1
         AND w.id NOT IN (SELECT worker_id FROM placements WHERE employer_id = ?) LIMIT 1`,
      employer.id,
    );
    const a1 = await applyThroughPublicForm(platform, { postingCode: code, name: registry.name, phone: registry.phone });
    const a2 = await applyThroughPublicForm(platform, { postingCode: code, name: "陌生人", phone: "19900001111" });

    const page = await web.text(await web.get(`/manage/postings/${code}`));
    expect(page).toContain(`href="tel:${registry.phone}"`);
    const card1 = page.slice(page.indexOf(`id="applicant-${a1}"`));
    expect(card1.slice(0, card1.indexOf("</li>"))).toContain("帮扶对象家庭");
    const card2 = page.slice(page.indexOf(`id="applicant-${a2}"`));
    expect(card2.slice(0, card2.indexOf("</li>"))).not.toContain("帮扶对象家庭");
    // Newest first.
    expect(page.indexOf(`id="applicant-${a2}"`)).toBeLessThan(page.indexOf(`id="applicant-${a1}"`));

    expect((await web.post(`/manage/applicants/${a1}/status`, { to: "已联系", back: `/manage/postings/${code}` })).status).toBe(303);
    expect(one<{ status: string }>("SELECT status FROM applications WHERE id = ?", a1).status).toBe("已联系");
    expect((await web.post(`/manage/applicants/${a1}/note`, { managerNote: "周一来面试", back: "/manage/applicants" })).status).toBe(303);
    expect(one<{ manager_note: string }>("SELECT manager_note FROM applications WHERE id = ?", a1).manager_note).toBe("周一来面试");
    // A `back` of 100,000 characters is not followed: the Location stays short.
    const longBack = await web.post(`/manage/applicants/${a1}/note`, { managerNote: "周一来面试", back: `/manage/${"a".repeat(100_000)}` });
    expect(longBack.status).toBe(303);
    expect(longBack.headers.get("Location")!.length).toBeLessThan(300);
    expect(longBack.headers.get("Location")).toMatch(/^\/manage\/applicants/);
    // A note too long: refused on its card, typed text kept, nothing written.
    const beforeNote = snapshot();
    const longNote = "很长的备注".repeat(101);
    const noteRes = await web.post(`/manage/applicants/${a1}/note`, { managerNote: longNote, back: "/manage/applicants" });
    expect(noteRes.status).toBe(400);
    const noteHtml = await web.text(noteRes);
    expect(noteHtml).toContain(`id="note-${a1}-error"`);
    expect(noteHtml).toContain("备注不能超过 500 个字");
    expect(noteHtml).toContain(longNote);
    expect(snapshot()).toBe(beforeNote);
    // Not allowed: back to 报名.
    const back = await web.post(`/manage/applicants/${a1}/status`, { to: "报名" });
    expect(back.headers.get("Location")).toContain("problem=transition");

    // A hire without a start date changes nothing.
    await web.text(await web.get(`/manage/applicants/${a1}/hire`));
    const before = snapshot();
    const badHire = await web.post(`/manage/applicants/${a1}/hire`, { startDate: "", monthlyIncome: "2500" });
    expect(badHire.status).toBe(400);
    const badHtml = await web.text(badHire);
    expect(badHtml).toContain('id="startDate-error"');
    expect(badHtml).toContain('value="2500"');
    expect(snapshot()).toBe(before);

    expect((await web.post(`/manage/applicants/${a1}/hire`, { startDate: today, monthlyIncome: "2500" })).status).toBe(303);
    const placement = one<{ worker_id: number; posting_id: number; start_date: string; monthly_income: number; needs_confirmation: number }>(
      "SELECT worker_id, posting_id, start_date, monthly_income, needs_confirmation FROM placements WHERE employer_id = ? AND worker_id = ?",
      employer.id,
      registry.id,
    );
    // The public form linked the application to the registry worker with that phone, so the hire
    // is an ordinary placement; no bureau confirmation is needed.
    expect(placement).toMatchObject({ start_date: today, monthly_income: 2500, needs_confirmation: 0 });
    expect(one<{ status: string }>("SELECT status FROM postings WHERE code = ?", code).status).toBe("招聘中");
    await platform.outbox.drain();
    let { hits } = await platform.index.search({ q: "手套缝制工", filter: [], sort: [], limit: 10, offset: 0 });
    expect(hits.find((h) => h.code === code)?.openings).toBe(1);

    // The stranger is hired too: a pending hire for the bureau; the posting is now full.
    expect((await web.post(`/manage/applicants/${a2}/hire`, { startDate: today, monthlyIncome: "2400" })).status).toBe(303);
    expect(one("SELECT name, phone, start_date AS s, posting_id IS NOT NULL AS p FROM pending_hires WHERE application_id = ?", a2)).toEqual({ name: "陌生人", phone: "19900001111", s: today, p: 1 });
    expect(one<{ status: string }>("SELECT status FROM postings WHERE code = ?", code).status).toBe("已招满");
    await platform.outbox.drain();
    ({ hits } = await platform.index.search({ q: "手套缝制工", filter: [], sort: [], limit: 10, offset: 0 }));
    expect(hits.map((h) => h.code)).not.toContain(code);

    const all = await web.text(await web.get("/manage/applicants"));
    expect(all).toMatch(/data-stage="已录用">\d+</);
    const dashboard = await web.text(await web.get("/manage"));
    const figure = (key: string) => Number(new RegExp(`data-figure="${key}"><strong>(\\d+)</strong>`).exec(dashboard)![1]);
    expect(figure("open-postings")).toBe(count("SELECT count(*) n FROM postings WHERE employer_id = ? AND status = '招聘中'", employer.id));
    const open = `(end_date IS NULL OR end_date >= '${today}') AND start_date <= '${today}'`;
    expect(figure("working-now")).toBe(
      count(`SELECT count(DISTINCT worker_id) n FROM placements WHERE employer_id = ? AND ${open}`, employer.id) +
        count(`SELECT count(*) n FROM pending_hires WHERE employer_id = ? AND placement_id IS NULL AND ${open}`, employer.id),
    );
    expect(figure("working-assisted")).toBe(
      count(
        `SELECT count(DISTINCT p.worker_id) n FROM placements p JOIN workers w ON w.id = p.worker_id JOIN households h ON h.id = w.household_id WHERE p.employer_id = ? AND h.category <> '一般户' AND ${open.replaceAll("end_date", "p.end_date").replaceAll("start_date", "p.start_date")}`,
        employer.id,
      ),
    );
    expect(figure("new-applicants")).toBeGreaterThanOrEqual(2);
  });

  it("roster: shows the hires with their phones to call (the manager's own staff), records a departure with its history, corrects a line", async () => {
    const html = await web.text(await web.get("/manage/roster"));
    expect(html).toContain("陌生人");
    expect(html).toContain("待人社局核实");
    expect(html).not.toMatch(/(?<![0-9])[0-9]{17}[0-9X](?![0-9])/);
    const line = one<{ id: number; worker_id: number; phone: string }>(
      "SELECT p.id, p.worker_id, w.phone FROM placements p JOIN workers w ON w.id = p.worker_id WHERE p.employer_id = ? AND p.start_date = ? LIMIT 1",
      employer.id,
      today,
    );
    expect(html).toContain(`href="tel:${line.phone}"`);

    await web.text(await web.get(`/manage/roster/placement/${line.id}`));
    const before = snapshot();
    const bad = await web.post(`/manage/roster/placement/${line.id}/departure`, { endDate: "2000-01-01", reason: "本人辞职" });
    expect(bad.status).toBe(400);
    expect(await web.text(bad)).toContain("离岗日期不能早于上岗日期");
    expect(snapshot()).toBe(before);

    expect((await web.post(`/manage/roster/placement/${line.id}/departure`, { endDate: today, reason: "家庭原因" })).status).toBe(303);
    expect(one("SELECT end_date AS e, end_reason AS r FROM placements WHERE id = ?", line.id)).toEqual({ e: today, r: "家庭原因" });
    const revision = one<{ previous: string; reason: string }>("SELECT previous, reason FROM placement_revisions WHERE placement_id = ?", line.id);
    expect(JSON.parse(revision.previous)).toMatchObject({ id: line.id, endDate: null });
    expect(revision.reason).toContain("家庭原因");

    await web.text(await web.get(`/manage/roster/placement/${line.id}`));
    for (const bad of [{ startDate: today, monthlyIncome: "-1", note: "错" }, { startDate: today, monthlyIncome: "2600", note: "" }, { startDate: "2026-02-30", monthlyIncome: "2600", note: "错" }]) {
      const beforeCorrection = snapshot();
      const res = await web.post(`/manage/roster/placement/${line.id}/correction`, bad);
      expect(res.status).toBe(400);
      const html = await web.text(res);
      expect(html).toContain('class="field-error"');
      expect(html).toContain(`value="${bad.monthlyIncome}"`);
      expect(snapshot()).toBe(beforeCorrection);
    }
    expect((await web.post(`/manage/roster/placement/${line.id}/correction`, { startDate: today, monthlyIncome: "2600", note: "工资录错了" })).status).toBe(303);
    expect(one<{ monthly_income: number }>("SELECT monthly_income FROM placements WHERE id = ?", line.id).monthly_income).toBe(2600);
    expect(count("SELECT count(*) n FROM placement_revisions WHERE placement_id = ?", line.id)).toBe(2);
    const history = await web.text(await web.get(`/manage/roster/placement/${line.id}`));
    expect(history).toContain("修改记录");
    expect(history).toContain("工资录错了");
    expect(history).toContain("月收入 2500 元");
  });

  it("adds someone hired at the gate; a 10-digit phone is refused and nothing is written", async () => {
    await web.text(await web.get("/manage/roster"));
    const before = snapshot();
    const bad = await web.post("/manage/roster", { name: "李四", phone: "1390000111", startDate: today, monthlyIncome: "2000" });
    expect(bad.status).toBe(400);
    const html = await web.text(bad);
    expect(html).toContain('id="phone-error"');
    expect(html).toContain('value="1390000111"');
    expect(html).toContain('value="李四"');
    expect(snapshot()).toBe(before);
    expect((await web.post("/manage/roster", { name: "李四", phone: "13900001112", startDate: today, monthlyIncome: "2000" })).status).toBe(303);
    expect(count("SELECT count(*) n FROM pending_hires WHERE employer_id = ? AND name = '李四' AND posting_id IS NULL", employer.id)).toBe(1);
  });

  it("keeps the profile: a 10-digit contact phone is refused, a good one reaches the outbox", async () => {
    const page = await web.text(await web.get("/manage/profile"));
    const villageId = /<option value="(\d+)"/.exec(page)![1]!;
    const before = snapshot();
    const bad = await web.post("/manage/profile", { villageId, address: "村委会旁", contactName: "张主任", contactPhone: "1380000000", lat: "", lng: "" });
    expect(bad.status).toBe(400);
    const html = await web.text(bad);
    expect(html).toContain("联系电话应为手机号、带区号的座机");
    expect(html).toContain('value="1380000000"');
    expect(snapshot()).toBe(before);
    expect((await web.post("/manage/profile", { villageId, address: "村委会旁", contactName: "张主任", contactPhone: "13800000000", lat: "", lng: "" })).status).toBe(303);
    expect(one("SELECT contact_phone AS p, address AS a, village_id AS v FROM employers WHERE id = ?", employer.id)).toEqual({ p: "13800000000", a: "村委会旁", v: Number(villageId) });
    expect(count("SELECT count(*) n FROM search_outbox WHERE entity = 'employer' AND entity_id = ?", employer.id)).toBeGreaterThan(0);
  });

  it("exports the month's roster as a workbook that matches the placements, ID numbers masked, with a totals row", async () => {
    const month = today.slice(0, 7);
    const res = await web.get(`/manage/roster/export?month=${month}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).values).toEqual([undefined, "姓名", "身份证号", "联系电话", "上岗日期", "离岗日期", "当月天数", "当月收入（元）", "帮扶对象", "待核实"]);
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => n > 2 && rows.push((row.values as unknown[]).slice(1)));
    const totals = rows.pop()!;

    // Expected: the pure monthly roster over this employer's placements (per worker) and pending hires (per row).
    const lines = platform.db.$client
      .prepare(
        `SELECT 'w' || p.worker_id AS who, w.name, p.start_date AS startDate, p.end_date AS endDate, p.monthly_income AS monthlyIncome FROM placements p JOIN workers w ON w.id = p.worker_id WHERE p.employer_id = ?
         UNION ALL SELECT 'h' || id, name, start_date, end_date, monthly_income FROM pending_hires WHERE employer_id = ? AND placement_id IS NULL`,
      )
      .all(employer.id, employer.id) as { who: string; name: string; startDate: string; endDate: string | null; monthlyIncome: number | null }[];
    const keys = [...new Set(lines.map((l) => l.who))];
    const expected = rosterForMonth(
      lines.map((l) => ({ ...l, workerId: keys.indexOf(l.who) })),
      month,
      today,
    ).map((r) => [lines.find((l) => keys.indexOf(l.who) === r.workerId)!.name, r.days, r.income ?? ""]);
    const got = rows.map((r) => [r[0], r[5], r[6]]);
    expect(totals[0]).toBe(`合计 ${rows.length} 人`);
    expect(totals[5]).toBe(rows.reduce((n, r) => n + Number(r[5]), 0));
    expect(totals[6]).toBe(rows.reduce((n, r) => n + Number(r[6] || 0), 0));
    const order = (a: unknown[], b: unknown[]) => JSON.stringify(a).localeCompare(JSON.stringify(b));
    expect(got.sort(order)).toEqual(expected.sort(order));
    expect(rows.length).toBeGreaterThan(0);
    const stranger = rows.find((r) => r[0] === "陌生人")!;
    expect(stranger.slice(3, 5)).toEqual([today, ""]);
    expect(stranger[1]).toBe("");
    for (const r of rows) expect(String(r[1])).not.toMatch(/[0-9]{17}[0-9X]/);
    expect(rows.some((r) => /^\d{4}\*{10}\d{3}[0-9X]$/.test(String(r[1])))).toBe(true);
    for (const r of rows) expect(String(r[2])).not.toMatch(/[0-9]{17}[0-9X]/);

    const bad = await web.get("/manage/roster/export?month=2026-13");
    expect(bad.status).toBe(400);
  });
});
