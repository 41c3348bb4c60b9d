/**
 * The manager's area from the outside, over HTTP: every new page and every POST with another
 * employer's IDs answers 404 and changes nothing; other roles get 403 (signed-in) or the login
 * (anonymous); lists and the export hold only one's own employer's people.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserRole } from "../src/core/enums.ts";
import { createAccount } from "../src/use-cases/accounts.ts";
import { startTestPlatform, TEST_TODAY, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "越权访问测试密码2026";
type Who = "anonymous" | "managerA" | "managerB" | "county" | "townA" | "seeker";

interface Side {
  employerId: number;
  employerCode: string;
  postingCode: string;
  applicationId: number;
  applicantName: string;
  placementId: number;
  workerName: string;
  pendingId: number;
}

describe("a manager reaches only their own employer's work", () => {
  let platform: TestPlatform;
  const clients = new Map<Who, WebClient>();
  let A: Side;
  let B: Side;
  const today = TEST_TODAY;
  const one = <T,>(query: string, ...params: unknown[]) => platform.db.$client.prepare(query).get(...params) as T;
  const state = () =>
    JSON.stringify(
      ["postings", "applications", "placements", "pending_hires", "employers"]
        .map((t) => one(`SELECT count(*) n, max(updated_at) u, total(length(${t === "employers" ? "contact_phone" : "id"})) l FROM ${t}`))
        .concat([one("SELECT count(*) n FROM audit_log"), one("SELECT count(*) n FROM placement_revisions"), one("SELECT group_concat(coalesce(manager_note, '') || status) s FROM applications")]),
    );

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "manage-access" });
    const side = (notEmployer: number): Side => {
      const e = one<{ id: number; code: string }>(
        `SELECT e.id, e.code FROM employers e WHERE e.id <> ?
           AND EXISTS (SELECT 1 FROM placements p WHERE p.employer_id = e.id AND p.end_date IS NULL)
           AND EXISTS (SELECT 1 FROM applications a JOIN postings p ON p.id = a.posting_id WHERE p.employer_id = e.id AND a.status IN ('报名', '已联系'))
         ORDER BY e.id LIMIT 1`,
        notEmployer,
      );
      const app = one<{ id: number; code: string; name: string }>(
        "SELECT a.id, p.code, a.applicant_name AS name FROM applications a JOIN postings p ON p.id = a.posting_id WHERE p.employer_id = ? AND a.status IN ('报名', '已联系') ORDER BY a.id LIMIT 1",
        e.id,
      );
      const placement = one<{ id: number; name: string }>("SELECT p.id, w.name FROM placements p JOIN workers w ON w.id = p.worker_id WHERE p.employer_id = ? AND p.end_date IS NULL ORDER BY p.id LIMIT 1", e.id);
      const pending = platform.db.$client
        .prepare("INSERT INTO pending_hires (employer_id, name, phone, start_date, monthly_income) VALUES (?, ?, ?, ?, 2000)")
        .run(e.id, `待核实${e.id}`, `1990000${String(e.id).padStart(4, "0")}`, "2026-01-05");
      return { employerId: e.id, employerCode: e.code, postingCode: app.code, applicationId: app.id, applicantName: app.name, placementId: placement.id, workerName: placement.name, pendingId: Number(pending.lastInsertRowid) };
    };
    A = side(-1);
    B = side(A.employerId);
    const town = one<{ name: string }>("SELECT t.name FROM towns t JOIN employers e ON e.town_id = t.id WHERE e.id = ?", A.employerId);
    const accounts: [Who, UserRole, { employerCode?: string; townName?: string }][] = [
      ["managerA", "manager", { employerCode: A.employerCode }],
      ["managerB", "manager", { employerCode: B.employerCode }],
      ["county", "county", {}],
      ["townA", "town", { townName: town.name }],
      ["seeker", "seeker", {}],
    ];
    for (const [who, role, scope] of accounts) {
      await createAccount(platform.db, { role, login: who.toLowerCase(), password: PASSWORD, ...scope, by: { label: "test" } });
      const web = webClient(platform.app);
      expect((await web.login(who.toLowerCase(), PASSWORD)).status).toBe(303);
      await web.text(await web.get("/account"));
      clients.set(who, web);
    }
    const anonymous = webClient(platform.app);
    await anonymous.text(await anonymous.get("/login"));
    clients.set("anonymous", anonymous);
  });
  afterAll(() => platform?.close());

  /** Pages about employer A's records (or one's own area). */
  const pages = () => [
    "/manage",
    "/manage/postings/new",
    `/manage/postings/new?from=${A.postingCode}`,
    `/manage/postings/${A.postingCode}/edit`,
    "/manage/applicants",
    `/manage/applicants/${A.applicationId}/hire`,
    "/manage/roster",
    `/manage/roster/export?month=${today.slice(0, 7)}`,
    `/manage/roster/placement/${A.placementId}`,
    `/manage/roster/pending/${A.pendingId}`,
    "/manage/profile",
  ];
  /** Pages naming A's records: another manager gets 404. */
  const foreign = (p: string) => p.includes(A.postingCode) || p.includes(`/${A.applicationId}/`) || p.includes(`/${A.placementId}`) || p.includes(`/${A.pendingId}`);

  it("answers pages: own manager 200, the other manager 404 on A's records, other roles 403, visitors to the login", async () => {
    const failures: string[] = [];
    for (const path of pages()) {
      const expected: Record<Who, number> = { managerA: 200, managerB: foreign(path) ? 404 : 200, county: 403, townA: 403, seeker: 403, anonymous: 303 };
      for (const [who, status] of Object.entries(expected) as [Who, number][]) {
        const got = (await clients.get(who)!.get(path)).status;
        if (got !== status) failures.push(`${path} as ${who}: ${got}, expected ${status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses every POST on A's records from manager B (404) and everyone else, and writes nothing", async () => {
    const posts: [string, Record<string, string>][] = [
      [`/manage/postings/${A.postingCode}/edit`, { title: "改掉", headcount: "1", intent: "save" }],
      [`/manage/postings/${A.postingCode}/status`, { action: "close" }],
      [`/manage/applicants/${A.applicationId}/status`, { to: "未录用" }],
      [`/manage/applicants/${A.applicationId}/hire`, { startDate: today, monthlyIncome: "2000" }],
      [`/manage/applicants/${A.applicationId}/note`, { managerNote: "改掉" }],
      [`/manage/roster/placement/${A.placementId}/departure`, { endDate: today, reason: "本人辞职" }],
      [`/manage/roster/placement/${A.placementId}/correction`, { startDate: "2026-01-01", monthlyIncome: "1", note: "改掉" }],
      [`/manage/roster/pending/${A.pendingId}/departure`, { endDate: today, reason: "本人辞职" }],
      [`/manage/roster/pending/${A.pendingId}/correction`, { startDate: "2026-01-01", monthlyIncome: "1", note: "改掉" }],
    ];
    const ownArea: [string, Record<string, string>][] = [
      ["/manage/postings/new", { title: "越权岗位", headcount: "1", intent: "save" }],
      ["/manage/roster", { name: "越权", phone: "13900009999", startDate: today, monthlyIncome: "1" }],
      ["/manage/profile", { contactPhone: "13900009999" }],
    ];
    const before = state();
    const failures: string[] = [];
    for (const [path, fields] of posts) {
      const expected: Partial<Record<Who, number>> = { managerB: 404, county: 403, townA: 403, seeker: 403, anonymous: 401 };
      for (const [who, status] of Object.entries(expected) as [Who, number][]) {
        const got = (await clients.get(who)!.post(path, fields)).status;
        if (got !== status) failures.push(`POST ${path} as ${who}: ${got}, expected ${status}`);
      }
    }
    for (const [path, fields] of ownArea) {
      for (const [who, status] of [["county", 403], ["townA", 403], ["seeker", 403], ["anonymous", 401]] as [Who, number][]) {
        const got = (await clients.get(who)!.post(path, fields)).status;
        if (got !== status) failures.push(`POST ${path} as ${who}: ${got}, expected ${status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(state()).toBe(before);
  });

  it("refuses a form without its CSRF token", async () => {
    const before = state();
    const res = await clients.get("managerA")!.post(`/manage/applicants/${A.applicationId}/note`, { managerNote: "x", _csrf: "" });
    expect(res.status).toBe(403);
    expect(state()).toBe(before);
  });

  it("lists and exports only one's own employer's people", async () => {
    const webA = clients.get("managerA")!;
    const applicants = await (await webA.get("/manage/applicants")).text();
    expect(applicants).toContain(`id="applicant-${A.applicationId}"`);
    expect(applicants).not.toContain(`id="applicant-${B.applicationId}"`);
    const roster = await (await webA.get("/manage/roster")).text();
    expect(roster).toContain(`data-line="placement-${A.placementId}"`);
    expect(roster).not.toContain(`data-line="placement-${B.placementId}"`);
    expect(roster).toContain(`待核实${A.employerId}`);
    expect(roster).not.toContain(`待核实${B.employerId}`);

    const res = await webA.get(`/manage/roster/export?month=${today.slice(0, 7)}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const names: string[] = [];
    workbook.worksheets[0]!.eachRow((row, n) => n > 2 && names.push(String(row.getCell(1).value)));
    const own = (platform.db.$client.prepare("SELECT DISTINCT w.name FROM placements p JOIN workers w ON w.id = p.worker_id WHERE p.employer_id = ? AND p.end_date IS NULL").all(A.employerId) as { name: string }[]).map((r) => r.name);
    for (const name of own) expect(names).toContain(name);
    const everOwn = (platform.db.$client.prepare("SELECT DISTINCT w.name FROM placements p JOIN workers w ON w.id = p.worker_id WHERE p.employer_id = ?").all(A.employerId) as { name: string }[]).map((r) => r.name);
    const theirsOnly = (platform.db.$client.prepare("SELECT DISTINCT w.name FROM placements p JOIN workers w ON w.id = p.worker_id WHERE p.employer_id = ? AND p.end_date IS NULL").all(B.employerId) as { name: string }[])
      .map((r) => r.name)
      .filter((n) => !everOwn.includes(n));
    expect(theirsOnly.length).toBeGreaterThan(0);
    for (const name of theirsOnly) expect(names).not.toContain(name);
    expect(names).not.toContain(`待核实${B.employerId}`);
  });
});
