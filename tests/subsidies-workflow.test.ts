/**
 * The subsidy workflow through the pages (issue 12): review (one, bulk, a rejection needs a
 * reason), a public notice anyone can open (masked, no ID number or phone, a QR code), an
 * objection holding a line back, batches only after the notice, the payment file for county staff
 * only (audited), four eyes on marking paid, a reversal, and the key paid again exactly once.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../src/use-cases/accounts.ts";
import { computeSubsidies } from "../src/use-cases/subsidies-compute.ts";
import { savePolicy } from "../src/use-cases/subsidies-policies.ts";
import { currentSettings } from "../src/use-cases/settings.ts";
import { startTestPlatform, testClock, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "补贴流程测试密码2026";
const DAY = 24 * 60 * 60 * 1000;

describe("the subsidy workflow", () => {
  let platform: TestPlatform;
  let shift = 0;
  const base = testClock();
  const now = () => new Date(base().getTime() + shift);
  const web: Record<string, WebClient> = {};
  let ids: number[] = [];
  const sql = () => platform.db.$client;
  const line = (id: number) => sql().prepare("SELECT status, notice_id AS notice, batch_id AS batch, amount_fen AS amount, round, reverses_line_id AS reverses FROM subsidy_lines WHERE id = ?").get(id) as { status: string; notice: number | null; batch: number | null; amount: number; round: number; reverses: number | null };
  const keyOf = (id: number) => JSON.stringify(sql().prepare("SELECT policy_id, period, worker_id, employer_id FROM subsidy_lines WHERE id = ?").get(id));
  const compute = () => computeSubsidies({ db: platform.db, protector: platform.protector }, { policyCode: "JT-2025", period: "2025", countyProvince: "江西省", by: { label: "test" }, now: now() });

  async function signInAll() {
    for (const login of ["approver", "payer", "cadre", "manager", "13800002222"]) {
      web[login] = webClient(platform.app);
      await web[login]!.login(login, PASSWORD);
    }
  }
  /** Reads a page (keeping its CSRF token) then posts a form. */
  async function post(who: string, page: string, path: string, fields: Record<string, string | string[]>) {
    const client = web[who]!;
    await client.text(await client.get(page));
    const flat: Record<string, string> = {};
    const multi: [string, string][] = [];
    for (const [k, v] of Object.entries(fields)) (Array.isArray(v) ? v.forEach((x) => multi.push([k, x])) : (flat[k] = v));
    if (multi.length === 0) return client.post(path, flat);
    const body = new URLSearchParams({ _csrf: client.csrf ?? "", ...flat });
    for (const [k, v] of multi) body.append(k, v);
    return platform.app.request(path, {
      method: "POST",
      body: body.toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost", Cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "subsidy-workflow", now, demoData: "registry" });
    const db = platform.db;
    savePolicy({ db }, {
      input: { code: "JT-2025", name: "跨省务工交通补贴", kind: "交通补贴", amountFen: 80_000, minMonths: null, maxMonthsPerPerson: null, ageLimit: null, onePerHousehold: false, startDate: "2025-01-01", endDate: null, fundSource: "衔接资金" },
      by: { label: "test" },
      now: now(),
    });
    const outcome = compute();
    if (outcome.status !== "done" || outcome.addedIds.length < 4) throw new Error(`the demo county should have transport lines: ${JSON.stringify(outcome)}`);
    ids = outcome.addedIds;
    const town = sql().prepare("SELECT t.name FROM subsidy_lines l JOIN workers w ON w.id = l.worker_id JOIN villages v ON v.id = w.village_id JOIN towns t ON t.id = v.town_id WHERE l.id = ?").get(ids[0]) as { name: string };
    const employer = sql().prepare("SELECT code FROM employers ORDER BY id LIMIT 1").get() as { code: string };
    await createAccount(db, { role: "county", login: "approver", password: PASSWORD, by: { label: "test" } });
    await createAccount(db, { role: "county", login: "payer", password: PASSWORD, by: { label: "test" } });
    await createAccount(db, { role: "town", login: "cadre", password: PASSWORD, townName: town.name, by: { label: "test" } });
    await createAccount(db, { role: "manager", login: "manager", password: PASSWORD, employerCode: employer.code, by: { label: "test" } });
    await createAccount(db, { role: "seeker", login: "13800002222", password: PASSWORD, by: { label: "test" } });
    await signInAll();
  });
  afterAll(() => { if (process.env.DEBUG_LOG) console.log(platform.logLines.filter((l) => l.includes("rror")).slice(0, 3).join("\n")); return platform?.close(); });

  it("approves one line, refuses a rejection without a reason, rejects one with a reason, approves the rest in bulk", async () => {
    const [a, b] = ids;
    let res = await post("approver", `/bureau/subsidies/${a}`, "/bureau/subsidies/actions", { ids: String(a), scope: "ticked", action: "approve", back: String(a) });
    expect(res.status).toBe(303);
    expect(line(a!).status).toBe("已审核");
    res = await post("approver", "/bureau/subsidies", "/bureau/subsidies/actions", { ids: String(b), scope: "ticked", action: "reject", reason: "  " });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("驳回必须填写原因");
    expect(line(b!).status).toBe("待审核");
    res = await post("approver", "/bureau/subsidies", "/bureau/subsidies/actions", { ids: String(b), scope: "ticked", action: "reject", reason: "外出务工证明不全" });
    expect(res.status).toBe(303);
    expect(line(b!).status).toBe("已驳回");
    res = await post("approver", "/bureau/subsidies?policy=JT-2025&status=待审核", "/bureau/subsidies/actions", { policy: "JT-2025", status: "待审核", scope: "all", action: "approve" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain("ok=reviewed");
    for (const id of ids.slice(2)) expect(line(id).status).toBe("已审核");
    const audit = sql().prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'subsidy-line' AND after LIKE '%\"event\":\"approve\"%'").get() as { n: number };
    expect(audit.n).toBe(ids.length - 1);
  });

  it("publishes approved lines as a public notice: masked names, no ID number, no phone, a QR code, for anyone", async () => {
    const res = await post("approver", "/bureau/subsidies?status=待公示", "/bureau/subsidies/actions", { status: "待公示", scope: "all", action: "publish", title: "2025年度跨省务工交通补贴公示" });
    expect(res.status).toBe(303);
    const notice = sql().prepare("SELECT id, code, ends_on AS endsOn FROM subsidy_notices").get() as { id: number; code: string; endsOn: string };
    expect(notice.endsOn).toBe("2026-11-29");
    expect(line(ids[0]!).notice).toBe(notice.id);
    expect(line(ids[1]!).notice).toBeNull();
    const page = await webClient(platform.app).get(`/notices/${notice.code}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("2025年度跨省务工交通补贴公示");
    expect(html).toContain("公示期：2026-11-23 至 2026-11-29");
    // Signed by the county's own bureau (the county name of the settings), not an anonymous "县".
    expect(html).toContain(`${currentSettings(platform.db).countyName}人力资源和社会保障局`);
    const people = sql().prepare("SELECT w.name, w.id_number_cipher AS cipher, w.id_number_masked AS masked, w.phone AS phone FROM subsidy_lines l JOIN workers w ON w.id = l.worker_id WHERE l.notice_id = ?").all(notice.id) as { name: string; cipher: string; masked: string; phone: string | null }[];
    expect(people.length).toBe(ids.length - 1);
    for (const p of people) {
      expect(html).not.toContain(p.name);
      expect(html).toContain(p.name[0]! + "*");
      expect(html).not.toContain(platform.protector.decrypt(p.cipher));
      expect(html).not.toContain(p.masked);
      if (p.phone) expect(html).not.toContain(p.phone);
    }
    expect(html).not.toMatch(/1[3-9]\d{9}/);
    expect(html).not.toMatch(/\d{17}[\dX]/);
    const qr = await webClient(platform.app).get(`/notices/${notice.code}/qr.svg`);
    expect(qr.status).toBe(200);
    expect(qr.headers.get("content-type")).toContain("image/svg+xml");
    expect(await qr.text()).toContain("<svg");
    expect((await webClient(platform.app).get("/notices/zzzzzzzzzz")).status).toBe(404);
  });

  it("pays nothing while the notice runs", async () => {
    const res = await post("approver", "/bureau/subsidies", "/bureau/subsidies/batches", {});
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("没有可发放的明细");
  });

  it("an objection holds a line back; upheld it rejects the line, dismissed the line goes on", async () => {
    const [a, , c] = ids;
    for (const id of [a, c]) {
      const res = await post("approver", `/bureau/subsidies/${id}`, `/bureau/subsidies/${id}/objections`, { raisedBy: "村民（匿名）", content: "此人2025年在本村务农" });
      expect(res.status).toBe(303);
    }
    const objections = sql().prepare("SELECT id, line_id AS lineId FROM subsidy_objections ORDER BY id").all() as { id: number; lineId: number }[];
    shift = 7 * DAY; // 2026-11-30: the notice has ended
    await signInAll();
    expect(await (await web.approver!.get(`/bureau/subsidies/${a}`)).text()).toContain("有异议，暂缓");
    let res = await post("approver", `/bureau/subsidies/${c}`, `/bureau/subsidies/objections/${objections[1]!.id}/resolve`, { outcome: "成立", resolution: "经村委核实属实", lineId: String(c) });
    expect(res.status).toBe(303);
    expect(line(c!).status).toBe("已驳回");
    // Line a is still held: a batch built now leaves it out.
    res = await post("approver", "/bureau/subsidies", "/bureau/subsidies/batches", {});
    expect(res.status).toBe(303);
    expect(line(a!).batch).toBeNull();
    res = await post("approver", `/bureau/subsidies/${a}`, `/bureau/subsidies/objections/${objections[0]!.id}/resolve`, { outcome: "不成立", resolution: "经核实确在外省务工", lineId: String(a) });
    expect(res.status).toBe(303);
    expect(line(a!).status).toBe("已审核");
    res = await post("approver", "/bureau/subsidies", "/bureau/subsidies/batches", {});
    expect(res.status).toBe(303);
    expect(line(a!).batch).not.toBeNull();
  });

  it("the payment file is county staff's only, carries full ID numbers, and every download is audited", async () => {
    const batch = line(ids[0]!).batch!;
    const res = await web.payer!.get(`/bureau/subsidies/batches/${batch}/file`);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const cipher = (sql().prepare("SELECT w.id_number_cipher AS c FROM subsidy_lines l JOIN workers w ON w.id = l.worker_id WHERE l.id = ?").get(ids[0]) as { c: string }).c;
    const values = sheet.getSheetValues().flat().map(String);
    expect(values).toContain(platform.protector.decrypt(cipher));
    expect(values).toContain("衔接资金");
    expect(sheet.getRow(2).values).toContain("身份证号");
    const downloads = sql().prepare("SELECT actor_label AS actor FROM audit_log WHERE entity = 'subsidy-payment-file' AND entity_id = ?").all(String(batch)) as { actor: string }[];
    expect(downloads).toEqual([{ actor: "payer" }]);
    for (const who of ["cadre", "manager", "13800002222"]) expect([who, (await web[who]!.get(`/bureau/subsidies/batches/${batch}/file`)).status]).toEqual([who, 403]);
    expect((await webClient(platform.app).get(`/bureau/subsidies/batches/${batch}/file`)).status).toBe(303);
    expect(platform.logLines.join("\n")).not.toContain(platform.protector.decrypt(cipher));
  });

  it("four eyes: the approver cannot mark the batch paid; a second person can, with the bank's reference", async () => {
    const batch = line(ids[0]!).batch!;
    let res = await post("approver", `/bureau/subsidies/batches/${batch}`, `/bureau/subsidies/batches/${batch}/paid`, { bankReference: "NX2026113000017", paidOn: "2026-11-30" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("双人复核");
    expect(line(ids[0]!).status).toBe("已审核");
    res = await post("payer", `/bureau/subsidies/batches/${batch}`, `/bureau/subsidies/batches/${batch}/paid`, { bankReference: "NX2026113000017", paidOn: "2026-11-30" });
    expect(res.status).toBe(303);
    expect(line(ids[0]!).status).toBe("已发放");
    const trail = await (await web.approver!.get(`/bureau/subsidies/${ids[0]}`)).text();
    expect(trail).toContain("银行流水号 NX2026113000017");
    expect(trail).toContain("确认人 payer");
    expect(trail).toContain("approver");
    expect(trail).toContain("2025年度跨省务工交通补贴公示");
  });

  it("a paid line is reversed by a negative line, reviewed and paid; a recompute then pays the key again exactly once", async () => {
    const a = ids[0]!;
    let res = await post("approver", `/bureau/subsidies/${a}`, `/bureau/subsidies/${a}/reverse`, { reason: "外出务工起始日期登记有误" });
    expect(res.status).toBe(303);
    const reversal = (sql().prepare("SELECT id FROM subsidy_lines WHERE reverses_line_id = ?").get(a) as { id: number }).id;
    expect(line(reversal)).toMatchObject({ status: "待审核", amount: -80_000 });
    // While the reversal is not paid the key stays taken (rejected keys may be proposed again).
    const early = compute();
    expect((early.status === "done" ? early.addedIds : []).map(keyOf)).not.toContain(keyOf(a));
    await post("payer", `/bureau/subsidies/${reversal}`, "/bureau/subsidies/actions", { ids: String(reversal), scope: "ticked", action: "approve", back: String(reversal) });
    res = await post("approver", "/bureau/subsidies", "/bureau/subsidies/batches", {});
    expect(res.status).toBe(303);
    const reversalBatch = line(reversal).batch!;
    res = await post("payer", `/bureau/subsidies/batches/${reversalBatch}`, `/bureau/subsidies/batches/${reversalBatch}/paid`, { bankReference: "NX-R1", paidOn: "2026-11-30" });
    expect(await res.text()).toContain("双人复核");
    res = await post("approver", `/bureau/subsidies/batches/${reversalBatch}`, `/bureau/subsidies/batches/${reversalBatch}/paid`, { bankReference: "NX-R1", paidOn: "2026-11-30" });
    expect(res.status).toBe(303);
    expect(line(reversal).status).toBe("已发放");

    const again = compute();
    expect(again).toMatchObject({ status: "done" });
    const added = again.status === "done" ? again.addedIds : [];
    expect(added.map(keyOf)).toEqual([keyOf(a)]);
    expect(line(added[0]!)).toMatchObject({ round: 1, status: "待审核" });
    expect(compute()).toMatchObject({ addedIds: [] });
    await post("approver", `/bureau/subsidies/${added[0]}`, "/bureau/subsidies/actions", { ids: String(added[0]), scope: "ticked", action: "approve", back: String(added[0]) });
    await post("approver", "/bureau/subsidies", "/bureau/subsidies/actions", { ids: String(added[0]), scope: "ticked", action: "publish", title: "补发公示" });
    shift = 14 * DAY;
    await signInAll();
    res = await post("payer", "/bureau/subsidies", "/bureau/subsidies/batches", {});
    const batch = line(added[0]!).batch!;
    await post("payer", `/bureau/subsidies/batches/${batch}`, `/bureau/subsidies/batches/${batch}/paid`, { bankReference: "NX-2", paidOn: "2026-12-07" });
    expect(line(added[0]!).status).toBe("已发放");
    const key = sql().prepare("SELECT policy_id AS p, period, worker_id AS w FROM subsidy_lines WHERE id = ?").get(a) as { p: number; period: string; w: number };
    const net = sql().prepare("SELECT sum(amount_fen) AS net, count(*) AS n FROM subsidy_lines WHERE policy_id = ? AND period = ? AND worker_id = ? AND status = '已发放'").get(key.p, key.period, key.w);
    expect(net).toEqual({ net: 80_000, n: 3 });
    expect(compute()).toMatchObject({ addedIds: [] });

    // The paid line's page shows its whole trail: version, who approved it, its notice, its batch
    // and the bank's reference, who marked it paid, and the reversal that undid it.
    const trail = sql()
      .prepare(
        `SELECT u.login AS approver, n.title AS notice, b.code AS batch, b.bank_reference AS reference, b.paid_by_label AS payer
         FROM subsidy_lines l JOIN users u ON u.id = l.reviewed_by_user_id JOIN subsidy_notices n ON n.id = l.notice_id
         JOIN subsidy_payment_batches b ON b.id = l.batch_id WHERE l.id = ?`,
      )
      .get(a) as { approver: string; notice: string; batch: string; reference: string; payer: string };
    const page = await web.approver!.text(await web.approver!.get(`/bureau/subsidies/${a}`));
    for (const text of ["第 1 版", trail.approver, trail.notice, trail.batch, trail.reference, trail.payer, `#${reversal}`, "外出务工起始日期登记有误"]) expect([text, page.includes(text)]).toEqual([text, true]);
  });

  it("a town cadre reads their town's lines only, and cannot act; managers, seekers and visitors see none", async () => {
    const cadre = web.cadre!;
    const list = await cadre.get("/bureau/subsidies");
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain("只读");
    expect(html).not.toContain('action="/bureau/subsidies/actions"');
    const townOf = (id: number) => (sql().prepare("SELECT v.town_id AS t FROM subsidy_lines l JOIN workers w ON w.id = l.worker_id JOIN villages v ON v.id = w.village_id WHERE l.id = ?").get(id) as { t: number }).t;
    const own = townOf(ids[0]!);
    for (const id of ids) {
      const res = await cadre.get(`/bureau/subsidies/${id}`);
      expect([id, res.status]).toEqual([id, townOf(id) === own ? 200 : 404]);
      if (townOf(id) !== own) expect(html).not.toContain(`href="/bureau/subsidies/${id}"`);
    }
    const trail = await (await cadre.get(`/bureau/subsidies/${ids[0]}`)).text();
    expect(trail).not.toContain("/objections\"");
    expect(trail).not.toContain("/reverse\"");
    expect((await cadre.post("/bureau/subsidies/actions", { ids: String(ids[0]), scope: "ticked", action: "approve" })).status).toBe(403);
    expect((await cadre.get("/bureau/subsidies/batches")).status).toBe(403);
    for (const who of ["manager", "13800002222"]) {
      expect([who, (await web[who]!.get("/bureau/subsidies")).status]).toEqual([who, 403]);
      expect([who, (await web[who]!.get(`/bureau/subsidies/${ids[0]}`)).status]).toEqual([who, 403]);
    }
    expect((await webClient(platform.app).get("/bureau/subsidies")).status).toBe(303);
  });
});
