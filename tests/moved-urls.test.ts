/**
 * Addresses that moved between areas keep working: county staff holding an old link to a
 * posting's applicants (/manage/postings/:code) are sent permanently to the bureau's page with
 * the query kept, and get the same applicants there; managers keep their page where it was, and
 * nobody else is sent anywhere they could not go before.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../src/use-cases/accounts.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "搬家测试的密码2026";

describe("moved addresses", () => {
  let platform: TestPlatform;
  let posting: { code: string; employerCode: string; applicant: string };
  const clients = new Map<string, WebClient>();

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "moved-urls", today: "2026-11-23" });
    posting = platform.db.$client
      .prepare(
        `SELECT p.code, e.code AS employerCode, a.applicant_name AS applicant FROM applications a JOIN postings p ON p.id = a.posting_id
         JOIN employers e ON e.id = p.employer_id ORDER BY a.id LIMIT 1`,
      )
      .get() as typeof posting;
    const town = (platform.db.$client.prepare("SELECT name FROM towns ORDER BY id LIMIT 1").get() as { name: string }).name;
    for (const [login, role, scope] of [
      ["admin", "admin", {}],
      ["county", "county", {}],
      ["town", "town", { townName: town }],
      ["manager", "manager", { employerCode: posting.employerCode }],
    ] as const) {
      await createAccount(platform.db, { role, login, password: PASSWORD, ...scope, by: { label: "test" } });
      const web = webClient(platform.app);
      expect((await web.login(login, PASSWORD)).status).toBe(303);
      clients.set(login, web);
    }
    clients.set("anonymous", webClient(platform.app));
  });
  afterAll(() => platform?.close());

  it("sends county staff and admins from the manager's posting page to the bureau's, keeping the query (308)", async () => {
    for (const who of ["county", "admin"]) {
      const res = await clients.get(who)!.get(`/manage/postings/${posting.code}?done=saved&x=%E4%B8%AD`);
      expect(res.status, who).toBe(308);
      expect(res.headers.get("location"), who).toBe(`/bureau/postings/${posting.code}?done=saved&x=%E4%B8%AD`);
      const plain = await clients.get(who)!.get(`/manage/postings/${posting.code}`);
      expect(plain.headers.get("location"), who).toBe(`/bureau/postings/${posting.code}`);
    }
  });

  it("shows county staff the posting's applicants at the new address, without the manager's forms", async () => {
    const web = clients.get("county")!;
    const res = await web.get(`/bureau/postings/${posting.code}`);
    expect(res.status).toBe(200);
    const html = await web.text(res);
    expect(html).toContain(posting.applicant);
    expect(html).not.toContain(`action="/manage/postings/${posting.code}/status"`);
    expect(html).not.toContain(`href="/manage/postings/${posting.code}/edit"`);
  });

  it("keeps the manager's own page where it was", async () => {
    const web = clients.get("manager")!;
    const res = await web.get(`/manage/postings/${posting.code}`);
    expect(res.status).toBe(200);
    expect(await web.text(res)).toContain(`href="/manage/postings/${posting.code}/edit"`);
  });

  it("sends nobody else anywhere new: a town cadre is refused as before, a visitor goes to sign in", async () => {
    expect((await clients.get("town")!.get(`/manage/postings/${posting.code}`)).status).toBe(403);
    const visitor = await clients.get("anonymous")!.get(`/manage/postings/${posting.code}`);
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get("location")).toBe(`/login?next=${encodeURIComponent(`/manage/postings/${posting.code}`)}`);
  });

  it("does not treat the manager's new-posting form as a moved posting", async () => {
    expect((await clients.get("county")!.get("/manage/postings/new")).status).toBe(403);
  });
});
