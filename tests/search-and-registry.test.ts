/**
 * Issue 10, "search and the registry": a pasted query longer than what is searched keeps its
 * start in the box and says it was shortened; a radius without a place says so; bureau staff find
 * a worker by a whole phone number and by a name typed in traditional characters, and a few
 * digits alone get an explanation; the registry's pages carry the bureau's navigation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH } from "../src/core/search-text.ts";
import { createAccount } from "../src/use-cases/accounts.ts";
import { messages } from "../views/messages.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "查找登记册用的密码2026";

describe("search and the registry", () => {
  let platform: TestPlatform;
  let county: WebClient;
  let worker: { id: number; phone: string; household: string };

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "search-registry" });
    const sqlite = platform.db.$client;
    worker = sqlite
      .prepare(
        `SELECT w.id, w.phone, h.code AS household FROM workers w JOIN households h ON h.id = w.household_id
         WHERE w.phone IS NOT NULL AND (SELECT count(*) FROM workers x WHERE x.phone = w.phone) = 1 ORDER BY w.id LIMIT 1`,
      )
      .get() as typeof worker;
    sqlite.prepare("UPDATE workers SET name = '陈永红' WHERE id = ?").run(worker.id);
    await createAccount(platform.db, { role: "county", login: "search-county", password: PASSWORD, by: { label: "test" } });
    county = webClient(platform.app);
    expect((await county.login("search-county", PASSWORD)).status).toBe(303);
  });
  afterAll(() => platform?.close());

  const registry = async (q: string) => county.text(await county.get(`/bureau/workers?q=${encodeURIComponent(q)}`));
  const cards = (html: string) => html.match(/class="record-card worker-row"/g)?.length ?? 0;

  it("keeps a query longer than 100 characters, searches its start and says it was shortened", async () => {
    const long = "缝纫".repeat(60);
    const res = await platform.app.request(`/jobs?q=${encodeURIComponent(long)}`);
    const html = await res.text();
    expect(html).toContain(messages.searchNotices.queryShortened(MAX_QUERY_LENGTH));
    expect(html).toContain(`value="${"缝纫".repeat(50)}"`);
    // It searched the text, so it does not list every job.
    const all = await (await platform.app.request("/jobs")).text();
    const count = (page: string) => page.match(/class="count">([^<]+)</)?.[1];
    expect(count(html)).not.toBe(count(all));
    // A short query says nothing of the kind.
    expect(await (await platform.app.request(`/jobs?q=${encodeURIComponent("缝纫")}`)).text()).not.toContain(messages.searchNotices.queryShortened(MAX_QUERY_LENGTH));
  });

  it("says so when a distance is chosen without a place", async () => {
    const html = await (await platform.app.request("/jobs?radius=5")).text();
    expect(html).toContain(messages.searchNotices.radiusNeedsOrigin);
  });

  it("finds a worker by a whole phone number, typed with spaces, without the ID-number message", async () => {
    const typed = `${worker.phone.slice(0, 3)} ${worker.phone.slice(3, 7)} ${worker.phone.slice(7)}`;
    const html = await registry(typed);
    expect(html).not.toContain(messages.bureau.partialIdRefused);
    expect(cards(html)).toBe(1);
    expect(html).toContain(`href="/bureau/workers/${worker.id}"`);
    // The list still shows the phone masked.
    expect(html).not.toContain(worker.phone);
  });

  it("finds a name typed in traditional characters", async () => {
    const html = await registry("陳永紅");
    expect(html).toContain(`href="/bureau/workers/${worker.id}"`);
  });

  it("explains what a few digits can and cannot find", async () => {
    const html = await registry("1234");
    expect(html).toContain(messages.registrySearch.fewDigits);
  });

  it("shows the bureau's navigation on the worker, household and audit pages", async () => {
    for (const path of [`/bureau/workers?q=x`, `/bureau/workers/${worker.id}`, `/bureau/households/${encodeURIComponent(worker.household)}`, "/bureau/audit"]) {
      const res = await county.get(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain(`aria-label="${messages.bureauNav.nav}"`);
    }
  });
});
