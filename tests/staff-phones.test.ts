/**
 * One phone rule for a manager, seen from the outside (src/core/policy.ts canSeeFullPhone): the
 * roster, the applicants page and the monthly export all show the employer's own people in full
 * while they work there or are applying, and masked once they have left or withdrawn.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maskPhone } from "../src/core/id-number.ts";
import { createAccount } from "../src/use-cases/accounts.ts";
import { applyThroughPublicForm } from "./support/application-fixture.ts";
import { startTestPlatform, TEST_TODAY, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "车间负责人的密码2026";

describe("a manager sees their own people's phones by one rule", () => {
  let platform: TestPlatform;
  let web: WebClient;
  let employer: { id: number; code: string; posting: string };
  let left: { phone: string; name: string };
  let hired: { id: number; phone: string; name: string };
  const one = <T,>(query: string, ...params: unknown[]) => platform.db.$client.prepare(query).get(...params) as T;

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "staff-phones" });
    // An employer with a recruiting posting and someone who left before today (a registry worker who never returned).
    employer = one(
      `SELECT e.id, e.code, (SELECT code FROM postings WHERE employer_id = e.id AND status = '招聘中' ORDER BY id LIMIT 1) AS posting FROM employers e
       WHERE EXISTS (SELECT 1 FROM postings WHERE employer_id = e.id AND status = '招聘中')
         AND EXISTS (SELECT 1 FROM placements p JOIN workers w ON w.id = p.worker_id WHERE p.employer_id = e.id AND p.end_date < ? AND w.phone IS NOT NULL
                     AND NOT EXISTS (SELECT 1 FROM placements q WHERE q.worker_id = p.worker_id AND q.employer_id = e.id AND (q.end_date IS NULL OR q.end_date >= ?)))
       ORDER BY e.id LIMIT 1`,
      TEST_TODAY,
      TEST_TODAY,
    );
    left = one(
      `SELECT w.phone, w.name FROM placements p JOIN workers w ON w.id = p.worker_id WHERE p.employer_id = ? AND p.end_date < ? AND w.phone IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM placements q WHERE q.worker_id = p.worker_id AND q.employer_id = ? AND (q.end_date IS NULL OR q.end_date >= ?))
         AND (SELECT count(*) FROM workers x WHERE x.phone = w.phone) = 1 ORDER BY p.id LIMIT 1`,
      employer.id,
      TEST_TODAY,
      employer.id,
      TEST_TODAY,
    );
    hired = one(
      `SELECT w.id, w.phone, w.name FROM workers w WHERE w.phone IS NOT NULL AND (SELECT count(*) FROM workers x WHERE x.phone = w.phone) = 1
         AND w.id NOT IN (SELECT worker_id FROM placements WHERE end_date IS NULL OR end_date >= ?) ORDER BY w.id LIMIT 1`,
      TEST_TODAY,
    );
    await createAccount(platform.db, { role: "manager", login: "13700000051", password: PASSWORD, employerCode: employer.code, by: { label: "test" } });
    web = webClient(platform.app);
    expect((await web.login("13700000051", PASSWORD)).status).toBe(303);
  });
  afterAll(() => platform?.close());

  it("a registry worker applies and is hired: the applicants page and the roster both show the phone in full, to call", async () => {
    const id = await applyThroughPublicForm(platform, { postingCode: employer.posting, name: hired.name, phone: hired.phone });
    const applicants = await web.text(await web.get("/manage/applicants"));
    expect(applicants).toContain(`href="tel:${hired.phone}"`);
    await web.text(await web.get(`/manage/applicants/${id}/hire`));
    expect((await web.post(`/manage/applicants/${id}/hire`, { startDate: TEST_TODAY, monthlyIncome: "2500" })).status).toBe(303);

    const roster = await web.text(await web.get("/manage/roster"));
    expect(roster).toContain(`href="tel:${hired.phone}"`);
    const placement = one<{ id: number }>("SELECT id FROM placements WHERE employer_id = ? AND worker_id = ? AND end_date IS NULL", employer.id, hired.id);
    expect(await web.text(await web.get(`/manage/roster/placement/${placement.id}`))).toContain(`href="tel:${hired.phone}"`);
  });

  it("someone who left before today is masked on the roster", async () => {
    const roster = await web.text(await web.get("/manage/roster"));
    expect(roster).toContain(left.name);
    expect(roster).not.toContain(left.phone);
    expect(roster).toContain(maskPhone(left.phone));
  });

  it("an applicant who withdrew is masked on the applicants page", async () => {
    const id = await applyThroughPublicForm(platform, { postingCode: employer.posting, name: "撤回的人", phone: "19900005151" });
    expect(await web.text(await web.get("/manage/applicants"))).toContain("19900005151");
    // The applicant withdraws (the seeker's own action; set directly here, it is not what is tested).
    platform.db.$client.prepare("UPDATE applications SET status = '已撤回' WHERE id = ?").run(id);
    const page = await web.text(await web.get("/manage/applicants"));
    expect(page).not.toContain("19900005151");
    expect(page).toContain(maskPhone("19900005151"));
  });

  it("the monthly export follows the same rule: full for who works there now, masked for who left", async () => {
    const res = await web.get(`/manage/roster/export?month=${TEST_TODAY.slice(0, 7)}`);
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const phones: string[] = [];
    workbook.worksheets[0]!.eachRow((row, n) => n > 2 && phones.push(String((row.values as unknown[])[3] ?? "")));
    expect(phones).toContain(hired.phone);
    const leftEnd = one<{ e: string }>(
      "SELECT max(p.end_date) e FROM placements p JOIN workers w ON w.id = p.worker_id WHERE p.employer_id = ? AND w.phone = ?",
      employer.id,
      left.phone,
    ).e;
    const earlier = await web.get(`/manage/roster/export?month=${leftEnd.slice(0, 7)}`);
    const old = new ExcelJS.Workbook();
    await old.xlsx.load(await earlier.arrayBuffer());
    const oldPhones: string[] = [];
    old.worksheets[0]!.eachRow((row, n) => n > 2 && oldPhones.push(String((row.values as unknown[])[3] ?? "")));
    expect(oldPhones).toContain(maskPhone(left.phone));
    expect(oldPhones).not.toContain(left.phone);
  });
});
