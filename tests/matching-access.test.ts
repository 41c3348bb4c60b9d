/**
 * Matching's access rules, from the outside (issue 13's acceptance): a town cadre lists only their
 * own town's people as candidates for any posting, even one in another town; a manager never
 * reaches a registry person — not through the bureau's candidates, not through the referral page
 * (a count, no names, and only for their own postings), not through a worker's page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../src/use-cases/accounts.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const D = "2026-11-23";
const PASSWORD = "匹配权限测试密码2026";

describe("matching access", () => {
  let platform: TestPlatform;
  const sql = <T,>(query: string, ...params: unknown[]) => platform.db.$client.prepare(query).all(...params) as T[];
  let posting: { code: string; townId: number; town: string; employerCode: string };
  let otherPosting: { code: string };
  let otherTown: { id: number; name: string };
  const clients = new Map<string, WebClient>();

  async function signIn(login: string, props: { role: "county" | "town" | "manager"; townName?: string; employerCode?: string }): Promise<WebClient> {
    await createAccount(platform.db, { role: props.role, login, password: PASSWORD, by: { label: "test" }, ...(props.townName ? { townName: props.townName } : {}), ...(props.employerCode ? { employerCode: props.employerCode } : {}) });
    const web = webClient(platform.app);
    expect((await web.login(login, PASSWORD)).status).toBe(303);
    clients.set(login, web);
    return web;
  }

  const workerIds = (html: string) => [...html.matchAll(/href="\/bureau\/workers\/(\d+)"/g)].map((m) => Number(m[1]));
  const townOfWorker = (id: number) => sql<{ town_id: number }>("SELECT v.town_id FROM workers w JOIN villages v ON v.id = w.village_id WHERE w.id = ?", id)[0]!.town_id;

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "matching-access", today: D });
    const postings = sql<{ code: string; town_id: number; town: string; employer_code: string; employer_id: number }>(
      `SELECT p.code, e.town_id, t.name AS town, e.code AS employer_code, e.id AS employer_id FROM postings p JOIN employers e ON e.id = p.employer_id JOIN towns t ON t.id = e.town_id
       WHERE p.status = '招聘中' AND (p.closing_date IS NULL OR p.closing_date >= ?) ORDER BY p.id`,
      D,
    );
    const first = postings[0]!;
    posting = { code: first.code, townId: first.town_id, town: first.town, employerCode: first.employer_code };
    otherPosting = postings.find((p) => p.employer_id !== first.employer_id)!;
    otherTown = sql<{ id: number; name: string }>("SELECT id, name FROM towns WHERE id <> ? ORDER BY id LIMIT 1", posting.townId)[0]!;
  });
  afterAll(() => platform?.close());

  it("a town cadre's candidates are their own town's people, for a posting in their town or another", async () => {
    const county = await signIn("acc-county", { role: "county" });
    const countyIds = workerIds(await (await county.get(`/bureau/postings/${posting.code}/candidates`)).text());
    expect(countyIds.length).toBeGreaterThan(0);

    const own = await signIn("acc-cadre", { role: "town", townName: posting.town });
    const ownIds = workerIds(await (await own.get(`/bureau/postings/${posting.code}/candidates`)).text());
    expect(ownIds.length).toBeGreaterThan(0);
    for (const id of ownIds) expect(townOfWorker(id)).toBe(posting.townId);

    const other = await signIn("acc-cadre-other", { role: "town", townName: otherTown.name });
    const res = await other.get(`/bureau/postings/${posting.code}/candidates`);
    const otherIds = res.status === 200 ? workerIds(await res.text()) : [];
    for (const id of otherIds) expect(townOfWorker(id)).toBe(otherTown.id);
    // None of the first town's candidates reaches the other town's cadre.
    for (const id of ownIds) expect(otherIds).not.toContain(id);
    // Nor their pages.
    expect((await other.get(`/bureau/workers/${ownIds[0]}`)).status).toBe(404);
  });

  it("a manager reaches no registry person: not candidates, not the referral page's names, not a worker's page", async () => {
    const county = clients.get("acc-county")!;
    const countyIds = workerIds(await (await county.get(`/bureau/postings/${posting.code}/candidates`)).text());
    const manager = await signIn("13600000077", { role: "manager", employerCode: posting.employerCode });
    expect((await manager.get(`/bureau/postings/${posting.code}/candidates`)).status).toBe(403);
    expect((await manager.get(`/bureau/workers/${countyIds[0]}`)).status).toBe(403);
    const referral = await (await manager.get(`/manage/postings/${posting.code}/referral`)).text();
    expect(referral).toMatch(/条件合适的有 \d+ 人/);
    expect(referral).not.toMatch(/\/bureau\/workers\//);
    for (const id of countyIds) {
      const { name } = sql<{ name: string }>("SELECT name FROM workers WHERE id = ?", id)[0]!;
      expect(referral).not.toContain(name);
    }
    // Another employer's posting: no referral page, no count.
    const foreign = await manager.get(`/manage/postings/${otherPosting.code}/referral`);
    expect([403, 404]).toContain(foreign.status);
    expect(await foreign.text()).not.toMatch(/条件合适的有 \d+ 人/);
  });
});
