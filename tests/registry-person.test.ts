/**
 * The one-person registry form over HTTP: the bureau adds and corrects one worker and their
 * household without a spreadsheet, by the same row rules as the workers import (every problem at
 * once, beside its field, in Chinese, typed text kept, nothing written); the write is audited
 * with its person; a town cadre registers and corrects only in their own town.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeIdNumber } from "../src/core/id-number.ts";
import { workersFormat } from "../src/imports/formats.ts";
import { createAccount } from "../src/use-cases/accounts.ts";
import { startTestPlatform, TEST_TODAY, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const STAFF_PASSWORD = "县里的工作人员密码2026";

describe("the one-person registry form", () => {
  let platform: TestPlatform;
  let county: WebClient;
  let cadre: WebClient;
  let otherCadre: WebClient;
  let town: { id: number; name: string; village: string };
  let otherTown: { id: number; name: string; village: string };
  const one = <T,>(query: string, ...params: unknown[]) => platform.db.$client.prepare(query).get(...params) as T;
  const count = (query: string, ...params: unknown[]) => one<{ n: number }>(query, ...params).n;
  const snapshot = () => JSON.stringify([one("SELECT count(*) n, max(updated_at) u FROM workers"), one("SELECT count(*) n, max(updated_at) u FROM households"), one("SELECT count(*) n FROM audit_log")]);
  const person = (over: Record<string, string> = {}) => ({
    householdCode: "HH-TEST-0001",
    category: "脱贫户",
    relocated: "否",
    householdSize: "4",
    name: "刘新春",
    idNumber: makeIdNumber("360732", "1979-04-12", 31),
    phone: "13912340001",
    town: town.name,
    village: town.village,
    labourAbility: "有劳动能力",
    willingToWork: "是",
    skills: "缝纫、电工",
    preferredArea: "本县",
    availableTime: "全天",
    ...over,
  });

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "registry-person" });
    town = one("SELECT t.id, t.name, (SELECT name FROM villages WHERE town_id = t.id ORDER BY id LIMIT 1) AS village FROM towns t ORDER BY t.id LIMIT 1");
    otherTown = one("SELECT t.id, t.name, (SELECT name FROM villages WHERE town_id = t.id ORDER BY id LIMIT 1) AS village FROM towns t WHERE t.id <> ? ORDER BY t.id LIMIT 1", town.id);
    await createAccount(platform.db, { role: "county", login: "county-person", password: STAFF_PASSWORD, by: { label: "test" } });
    await createAccount(platform.db, { role: "town", login: "town-person", password: STAFF_PASSWORD, townName: town.name, by: { label: "test" } });
    await createAccount(platform.db, { role: "town", login: "town-person-other", password: STAFF_PASSWORD, townName: otherTown.name, by: { label: "test" } });
    county = webClient(platform.app);
    cadre = webClient(platform.app);
    otherCadre = webClient(platform.app);
    expect((await county.login("county-person", STAFF_PASSWORD)).status).toBe(303);
    expect((await cadre.login("town-person", STAFF_PASSWORD)).status).toBe(303);
    expect((await otherCadre.login("town-person-other", STAFF_PASSWORD)).status).toBe(303);
  });
  afterAll(() => platform?.close());

  it("refuses a row with several problems: each beside its field, the import's own words, typed text kept, nothing written", async () => {
    const page = await county.text(await county.get("/bureau/workers/new"));
    expect(page).toContain('action="/bureau/workers/new"');
    const bad = person({ idNumber: "36073219790412003", phone: "1391234000", category: "", householdSize: "很多", village: "不存在的村" });
    const before = snapshot();
    const res = await county.post("/bureau/workers/new", bad);
    expect(res.status).toBe(400);
    const html = await county.text(res);
    // The same parse as the workers spreadsheet: the import's reason for each column.
    const columns: Record<string, string> = { householdCode: "户编号", category: "户类型", relocated: "是否易地搬迁", householdSize: "家庭人口数", name: "姓名", idNumber: "身份证号", phone: "联系电话", town: "乡镇", village: "村", labourAbility: "劳动能力", willingToWork: "就业意愿", skills: "技能", preferredArea: "期望工作地", availableTime: "可工作时间" };
    const parsed = workersFormat.parse(new Map(Object.entries(bad).map(([k, v]) => [columns[k]!, v])), TEST_TODAY);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.column).sort()).toEqual(["家庭人口数", "户类型", "联系电话", "身份证号"].sort());
    const fieldOf = Object.fromEntries(Object.entries(columns).map(([f, c]) => [c, f]));
    for (const p of parsed.problems) {
      const at = html.indexOf(`id="${fieldOf[p.column]}-error"`);
      expect(at, p.column).toBeGreaterThan(0);
      // Typed into a form, an ID number's length is said plainly (the import speaks of Excel).
      const reason = p.column === "身份证号" ? "身份证号应为 18 位（最后一位可以是 X），现在是 17 位" : p.reason;
      expect(html.slice(at, at + 300)).toContain(reason.replaceAll('"', "&quot;"));
    }
    expect(html).toContain('value="1391234000"');
    expect(html).toContain('value="36073219790412003"');
    expect(html).toContain('value="很多"');
    expect(html).toContain("有几处需要改一下");
    expect(snapshot()).toBe(before);

    // An unknown village (a rule the import checks against the registry): beside 村.
    const village = await county.post("/bureau/workers/new", person({ village: "不存在的村" }));
    expect(village.status).toBe(400);
    const villageHtml = await county.text(village);
    expect(villageHtml).toContain('id="village-error"');
    expect(villageHtml).toContain("不存在的村");
    expect(snapshot()).toBe(before);
  });

  let workerId = 0;

  it("adds one person and their new household, audited with the person and without the ID number", async () => {
    await county.text(await county.get("/bureau/workers/new"));
    const res = await county.post("/bureau/workers/new", person());
    expect(res.status).toBe(303);
    workerId = Number(/\/bureau\/workers\/(\d+)\/edit\?done=created/.exec(res.headers.get("Location")!)![1]);
    expect(one("SELECT w.name, w.phone, w.birth_date AS b, w.sex, h.code, h.category, h.size FROM workers w JOIN households h ON h.id = w.household_id WHERE w.id = ?", workerId)).toEqual({
      name: "刘新春",
      phone: "13912340001",
      b: "1979-04-12",
      sex: "男",
      code: "HH-TEST-0001",
      category: "脱贫户",
      size: 4,
    });
    const staffId = one<{ id: number }>("SELECT id FROM users WHERE login = 'county-person'").id;
    const audit = platform.db.$client.prepare("SELECT entity, actor_user_id AS actor, after FROM audit_log WHERE entity IN ('worker', 'household') AND actor_user_id = ? ORDER BY id").all(staffId) as { entity: string; actor: number; after: string }[];
    expect(audit.map((a) => a.entity).sort()).toEqual(["household", "worker"]);
    for (const a of audit) expect(a.after).not.toContain(person().idNumber);
    const page = await county.text(await county.get(`/bureau/workers/${workerId}/edit?done=created`));
    expect(page).toContain("已登记");
    expect(page).toContain('value="13912340001"');
  });

  it("corrects the person (the ID number stays the stored one), audited; the same form again changes nothing", async () => {
    await county.text(await county.get(`/bureau/workers/${workerId}/edit`));
    const auditBefore = count("SELECT count(*) n FROM audit_log");
    const res = await county.post(`/bureau/workers/${workerId}/edit`, person({ phone: "13912340002", idNumber: makeIdNumber("360732", "1980-01-01", 1) }));
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/bureau/workers/${workerId}/edit?done=updated`);
    expect(one<{ phone: string }>("SELECT phone FROM workers WHERE id = ?", workerId).phone).toBe("13912340002");
    expect(count("SELECT count(*) n FROM workers WHERE birth_date = '1980-01-01' AND name = '刘新春'")).toBe(0);
    expect(count("SELECT count(*) n FROM audit_log")).toBe(auditBefore + 1);
    const again = await county.post(`/bureau/workers/${workerId}/edit`, person({ phone: "13912340002" }));
    expect(again.headers.get("Location")).toBe(`/bureau/workers/${workerId}/edit?done=unchanged`);
    expect(count("SELECT count(*) n FROM audit_log")).toBe(auditBefore + 1);
  });

  it("a town cadre registers in their own town only, and cannot correct another town's people", async () => {
    const form = await otherCadre.text(await otherCadre.get("/bureau/workers/new"));
    // Their own town is the only choice offered.
    expect(form).toContain(`<option value="${otherTown.name}" selected="">${otherTown.name}</option>`);
    expect(form).not.toContain(`<option value="${town.name}"`);
    const before = snapshot();
    const res = await otherCadre.post("/bureau/workers/new", person({ householdCode: "HH-TEST-0002", idNumber: makeIdNumber("360732", "1985-05-05", 41) }));
    expect(res.status).toBe(400);
    const html = await otherCadre.text(res);
    expect(html).toContain('id="town-error"');
    expect(html).toContain("只能登记本乡镇的人");
    expect(snapshot()).toBe(before);
    // Another town's person, through their ID number: refused beside it.
    const existing = await otherCadre.post("/bureau/workers/new", person({ town: otherTown.name, village: otherTown.village, householdCode: "HH-TEST-0003" }));
    expect(existing.status).toBe(400);
    expect(await otherCadre.text(existing)).toContain("这个身份证号的人属于其他乡镇");
    expect(snapshot()).toBe(before);
    expect((await otherCadre.get(`/bureau/workers/${workerId}/edit`)).status).toBe(404);
    expect((await otherCadre.post(`/bureau/workers/${workerId}/edit`, person({ phone: "13912349999" }))).status).toBe(404);
    expect(snapshot()).toBe(before);

    await cadre.text(await cadre.get("/bureau/workers/new"));
    const own = await cadre.post("/bureau/workers/new", person({ householdCode: "HH-TEST-0004", name: "王小红", idNumber: makeIdNumber("360732", "1990-02-03", 52) }));
    expect(own.status).toBe(303);
    expect(count("SELECT count(*) n FROM workers WHERE name = '王小红'")).toBe(1);
  });
});
