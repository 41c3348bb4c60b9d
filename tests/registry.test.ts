/**
 * The registry for bureau staff: find workers and households by name, village, household code or
 * a whole ID number (exact only — never by part of one); a household page with its members'
 * placements over time, applications and alerts; a town cadre finds only their own town's people.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../src/use-cases/accounts.ts";
import { messages } from "../views/messages.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "登记册测试用的密码2026";

describe("the registry", () => {
  let platform: TestPlatform;
  let county: WebClient;
  let cadre: WebClient;
  let worker: { id: number; name: string; cipher: string; village: string; household: string; townId: number; town: string };
  let otherTownWorker: { id: number; name: string };

  const one = <T,>(query: string, ...params: unknown[]) => platform.db.$client.prepare(query).get(...params) as T;
  const signIn = async (login: string, role: "county" | "town", townName?: string) => {
    await createAccount(platform.db, { role, login, password: PASSWORD, ...(townName ? { townName } : {}), by: { label: "test" } });
    const web = webClient(platform.app);
    expect((await web.login(login, PASSWORD)).status).toBe(303);
    return web;
  };
  const search = async (web: WebClient, q: string) => web.text(await web.get(`/bureau/workers?q=${encodeURIComponent(q)}`));

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "registry" });
    // A worker with a name unique in the county, who has placements.
    worker = one(
      `SELECT w.id, w.name, w.id_number_cipher AS cipher, v.name AS village, h.code AS household, v.town_id AS townId, t.name AS town
       FROM workers w JOIN villages v ON v.id = w.village_id JOIN towns t ON t.id = v.town_id JOIN households h ON h.id = w.household_id
       WHERE (SELECT count(*) FROM workers x WHERE x.name = w.name) = 1 AND EXISTS (SELECT 1 FROM placements p WHERE p.worker_id = w.id)
       ORDER BY w.id LIMIT 1`,
    );
    otherTownWorker = one(
      `SELECT w.id, w.name FROM workers w JOIN villages v ON v.id = w.village_id
       WHERE v.town_id <> ? AND (SELECT count(*) FROM workers x WHERE x.name = w.name) = 1 ORDER BY w.id LIMIT 1`,
      worker.townId,
    );
    county = await signIn("registry-county", "county");
    cadre = await signIn("registry-cadre", "town", worker.town);
  });
  afterAll(() => platform?.close());

  it("finds a worker by name, by village and by household code", async () => {
    for (const q of [worker.name, worker.village, worker.household]) {
      const html = await search(county, q);
      expect(html, q).toContain(`href="/bureau/workers/${worker.id}"`);
    }
  });

  it("finds exactly the person with a whole ID number, typed with spaces or a small x", async () => {
    const id = platform.protector.decrypt(worker.cipher);
    const typed = `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14).toLowerCase()}`;
    const html = await search(county, typed);
    expect(html.match(/class="record-card worker-row"/g)).toHaveLength(1);
    expect(html).toContain(`href="/bureau/workers/${worker.id}"`);
    expect(html).not.toContain(id);
  });

  it("refuses to search by part of an ID number, and says why", async () => {
    const id = platform.protector.decrypt(worker.cipher);
    for (const part of [id.slice(0, 10), id.slice(0, 17), id.slice(-6)]) {
      const html = await search(county, part);
      expect(html).toContain(messages.bureau.partialIdRefused);
      expect(html).not.toContain('class="record-card worker-row"');
    }
  });

  it("says so when a whole ID number has a wrong check digit", async () => {
    const id = platform.protector.decrypt(worker.cipher);
    const wrong = id.slice(0, 17) + (id[17] === "1" ? "2" : "1");
    const html = await search(county, wrong);
    expect(html).toContain(messages.bureau.idProblems.checkDigit!);
  });

  it("keeps a town cadre to their own town", async () => {
    expect(await search(cadre, worker.name)).toContain(`href="/bureau/workers/${worker.id}"`);
    expect(await search(cadre, otherTownWorker.name)).not.toContain(`href="/bureau/workers/${otherTownWorker.id}"`);
    expect(await search(county, otherTownWorker.name)).toContain(`href="/bureau/workers/${otherTownWorker.id}"`);
  });

  it("shows a household with its members' placements over time, applications and alerts", async () => {
    const html = await county.text(await county.get(`/bureau/households/${encodeURIComponent(worker.household)}`));
    expect(html).toContain(messages.bureau.placementsOverTime);
    expect(html).toContain(messages.bureau.applicationsTitle);
    expect(html).toContain(messages.bureau.alertsTitle);
    const start = one<{ start: string }>("SELECT start_date AS start FROM placements WHERE worker_id = ? ORDER BY start_date LIMIT 1", worker.id).start;
    expect(html).toContain(start);
  });
});
