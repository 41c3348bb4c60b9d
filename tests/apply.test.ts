/**
 * Applying (报名) through the job page's plain form: stored for the employer with an audit row,
 * once per person and posting, linked to the registry worker with that phone; a bad field comes
 * back next to the field with what was typed kept; a closed or full posting takes none.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messages } from "../views/messages.ts";
import { loadJobFixture } from "./support/job-fixture.ts";
import { createAccount } from "../src/use-cases/accounts.ts";
import { webClient } from "./support/web-client.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

let platform: TestPlatform;
const REGISTRY_PHONE = "13979700001";

beforeAll(async () => {
  platform = await startTestPlatform({ label: "apply", demoData: false });
  await loadJobFixture(platform);
  // A registry worker with a phone (the registry's own import is another issue's).
  const db = platform.db.$client;
  const village = (db.prepare("SELECT id FROM villages WHERE name = '上坪村'").get() as { id: number }).id;
  const household = db.prepare("INSERT INTO households (code, category, village_id) VALUES ('H1', '脱贫户', ?)").run(village).lastInsertRowid;
  const id = "36073119650815002X";
  db.prepare(
    `INSERT INTO workers (household_id, name, id_number_hash, id_number_cipher, id_number_masked, birth_date, sex, phone, village_id, labour_ability)
     VALUES (?, '刘秀英', ?, ?, '3607**********002X', '1965-08-15', '女', ?, ?, '有劳动能力')`,
  ).run(household, platform.protector.hashIdNumber(id), platform.protector.encrypt(id), REGISTRY_PHONE, village);
});
afterAll(() => platform?.close());

/** As a visitor's browser does: read the job page (which hands out the CSRF token), post its form. */
async function apply(code: string, fields: Record<string, string>) {
  const web = webClient(platform.app);
  await web.text(await web.get(`/jobs/${code}`));
  if (!web.csrf) await web.text(await web.get("/"));
  return web.post(`/jobs/${code}/apply`, fields);
}

const applications = (code: string) =>
  platform.db.$client
    .prepare("SELECT a.* FROM applications a JOIN postings p ON p.id = a.posting_id WHERE p.code = ? ORDER BY a.id")
    .all(code) as { id: number; applicant_name: string; applicant_phone: string; applicant_village: string | null; note: string | null; status: string; worker_id: number | null }[];

describe("applying to a posting", () => {

  it("refuses a post without the form's anti-forgery token and stores nothing", async () => {
    const before = applications("F01").length;
    const res = await platform.app.request("/jobs/F01/apply", { method: "POST", body: new URLSearchParams({ name: "钟桂花", phone: "13800138009" }) });
    expect(res.status).toBe(403);
    expect(applications("F01").length).toBe(before);
  });

  it("stores the application for the employer, with an audit row, and confirms with what happens next", async () => {
    const res = await apply("F01", { name: " 钟桂花 ", phone: "138 0013 8000", village: "上坪村", note: "只能做白天" });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(messages.apply.doneTitle);
    expect(html).toContain("13800138000");
    for (const step of messages.apply.nextSteps) expect(html).toContain(step);
    expect(html).toContain('href="tel:07975551234"');

    expect(applications("F01")).toEqual([
      expect.objectContaining({ applicant_name: "钟桂花", applicant_phone: "13800138000", applicant_village: "上坪村", note: "只能做白天", status: "报名", worker_id: null }),
    ]);
    const audit = platform.db.$client.prepare("SELECT * FROM audit_log WHERE entity = 'application'").all() as { entity_id: string; actor_label: string; after: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.entity_id).toBe(String(applications("F01")[0]!.id));
    expect(JSON.parse(audit[0]!.after)).toMatchObject({ postingCode: "F01", status: "报名" });
    // The audit row says what happened, not who the person is.
    expect(audit[0]!.after).not.toContain("13800138000");
    expect(audit[0]!.after).not.toContain("钟桂花");
  });

  it("says kindly that a person applied already, and stores nothing twice", async () => {
    const res = await apply("F01", { name: "钟桂花", phone: "+86 13800138000" });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(messages.apply.alreadyTitle);
    expect(html).not.toContain(messages.apply.doneTitle);
    expect(applications("F01")).toHaveLength(1);
  });

  it("links the application to the registry worker with that phone", async () => {
    await apply("F02", { name: "刘秀英", phone: "１３９７９７００００１" });
    expect(applications("F02")[0]!.worker_id).not.toBeNull();
  });

  it("shows each problem next to its field, keeping what was typed, and stores nothing", async () => {
    const res = await apply("F03", { name: "", phone: "1380013", village: "新屋村", note: "会用平车" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(messages.apply.errorSummary);
    expect(html).toMatch(/id="apply-name-error">请填写姓名</);
    expect(html).toMatch(/id="apply-phone-error">手机号要是 11 位数字，以 1 开头</);
    expect(html).toMatch(/<input id="apply-phone"[^>]*aria-invalid="true"[^>]*value="1380013"/);
    expect(html).toContain('value="新屋村"');
    expect(html).toContain(">会用平车</textarea>");
    expect(applications("F03")).toHaveLength(0);
  });

  it.each([
    ["F14", "full"],
    ["F13", "closed"],
    ["F15", "past-closing"],
  ] as const)("refuses %s (%s) and says why", async (code, reason) => {
    const page = await (await platform.app.request(`/jobs/${code}`)).text();
    expect(page).toContain(messages.job.notOpen[reason]);
    expect(page).not.toContain('class="apply"');

    const res = await apply(code, { name: "钟桂花", phone: "13800138000" });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain(messages.job.notOpen[reason]);
    expect(applications(code)).toHaveLength(0);
  });

  it("answers an unknown posting with 404", async () => {
    expect((await apply("NOPE", { name: "钟桂花", phone: "13800138000" })).status).toBe(404);
  });

  // Last: it adds an audit row the tests above count.
  it("lists a signed-in seeker's application under their own applications", async () => {
    await createAccount(platform.db, { role: "seeker", login: "13800138111", password: "求职者的密码2026", by: { label: "test" } });
    const web = webClient(platform.app);
    expect((await web.login("13800138111", "求职者的密码2026")).status).toBe(303);
    await web.text(await web.get("/jobs/F04"));
    expect((await web.post("/jobs/F04/apply", { name: "钟桂花", phone: "13800138111" })).status).toBe(200);
    const row = platform.db.$client
      .prepare("SELECT id, applicant_user_id, created_by_user_id FROM applications WHERE applicant_phone = '13800138111'")
      .get() as Record<string, number>;
    expect(row.applicant_user_id).toBeGreaterThan(0);
    expect(row.applicant_user_id).toBe(row.created_by_user_id);
    const mine = await web.text(await web.get("/account/applications"));
    expect(mine).toContain(`href="/account/applications/${row.id}"`);
  });
});
