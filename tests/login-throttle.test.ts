/**
 * The login throttle lives in SQLite: failures recorded before a restart still count after it,
 * on the same DATA_DIR, and a correct password still waits.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clockStartingAt } from "../src/clock.ts";
import { createAccount } from "../src/use-cases/accounts.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { webClient } from "./support/web-client.ts";

const PASSWORD = "种田也能上班2026";

describe("login throttling across a restart", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "jybf-throttle-"));
  let platform: TestPlatform | undefined;
  afterAll(() => platform?.close());

  it("still refuses an account that failed ten times, after the platform restarted on the same DATA_DIR", async () => {
    const first = await startTestPlatform({ label: "throttle-1", demoData: false, dataDir, now: clockStartingAt("2026-11-23T10:00:00+08:00") });
    await createAccount(first.db, { role: "county", login: "guarded", password: PASSWORD, by: { label: "test" } });
    await createAccount(first.db, { role: "county", login: "bystander", password: PASSWORD, by: { label: "test" } });
    const web = webClient(first.app);
    for (let i = 0; i < 10; i++) expect((await web.login("guarded", `wrong-${i}-password`)).status).toBe(401);
    // The failures are rows, keyed by hashes only: no login or address in clear.
    const rows = first.db.$client.prepare("SELECT scope, key_hash AS keyHash FROM login_failures").all() as { scope: string; keyHash: string }[];
    expect(rows.filter((r) => r.scope === "account")).toHaveLength(10);
    expect(JSON.stringify(rows)).not.toContain("guarded");
    await first.stop();

    // Restarted 30 seconds later: the minute of the failures has not passed.
    platform = await startTestPlatform({ label: "throttle-2", demoData: false, dataDir, now: clockStartingAt("2026-11-23T10:00:30+08:00") });
    const after = await webClient(platform.app).login("guarded", PASSWORD);
    expect(after.status).toBe(429);
    const retryAfter = Number(after.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another account is not held back by it.
    expect((await webClient(platform.app).login("bystander", PASSWORD)).status).toBe(303);
  });
});
