/**
 * The audit log reads in Chinese: reasons the platform writes itself come from the catalogue, and
 * the English reasons earlier versions stored (the log is append-only, so they stay) are shown
 * in Chinese on the audit page, as are the platform's own actor labels and coded values.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeExpiredPostings } from "../src/use-cases/close-expired-postings.ts";
import { createAccount } from "../src/use-cases/accounts.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const STAFF_PASSWORD = "县里的工作人员密码2026";

describe("the audit log in Chinese", () => {
  let platform: TestPlatform;
  let county: WebClient;
  beforeAll(async () => {
    platform = await startTestPlatform({ label: "audit-chinese" });
    await createAccount(platform.db, { role: "county", login: "county-audit", password: STAFF_PASSWORD, by: { label: "test" } });
    county = webClient(platform.app);
    expect((await county.login("county-audit", STAFF_PASSWORD)).status).toBe(303);
  });
  afterAll(() => platform?.close());

  it("a posting closed by the clock stores its reason in Chinese", () => {
    const sqlite = platform.db.$client;
    const posting = sqlite.prepare("SELECT id FROM postings WHERE status = '招聘中' ORDER BY id LIMIT 1").get() as { id: number };
    sqlite.prepare("UPDATE postings SET closing_date = '2026-11-20' WHERE id = ?").run(posting.id);
    closeExpiredPostings({ db: platform.db }, new Date("2026-11-23T00:00:00Z"));
    const after = JSON.parse((sqlite.prepare("SELECT after FROM audit_log WHERE entity = 'posting' AND entity_id = ? ORDER BY id DESC LIMIT 1").get(String(posting.id)) as { after: string }).after);
    expect(after.reason).toBe("截止日期 2026-11-20 已过，自动关闭");
  });

  it("no use-case writes an English reason literal into the log", () => {
    const dir = join(import.meta.dirname, "../src/use-cases");
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    const english = /\breason: (["'`])[A-Za-z][^"'`]*\1/g;
    const found = files.flatMap((f) => [...readFileSync(join(dir, f), "utf8").matchAll(english)].map((m) => `${f}: ${m[0]}`));
    // Result codes (`reason: "throttled"` in a returned object) are not log entries.
    expect(found.filter((f) => !/\{ ok: false|outcome:|loaded: false/.test(f) && !/reason: "(invalid|throttled|already-loaded|not-empty)"/.test(f))).toEqual([]);
  });

  it("old English reasons, the platform's actors and coded values show in Chinese on the audit page", async () => {
    const insert = platform.db.$client.prepare("INSERT INTO audit_log (actor_user_id, actor_label, action, entity, entity_id, before, after) VALUES (NULL, ?, 'update', ?, ?, ?, ?)");
    insert.run("system", "posting", "900001", JSON.stringify({ status: "招聘中" }), JSON.stringify({ status: "已关闭", reason: "closing date 2026-10-31 passed" }));
    insert.run("system", "posting", "900002", JSON.stringify({ status: "招聘中" }), JSON.stringify({ status: "已招满", reason: "hires reached headcount" }));
    insert.run("system", "application", "900003", JSON.stringify({ status: "报名" }), JSON.stringify({ status: "未录用", reason: "posting full" }));
    insert.run("13700000000", "application", "900004", JSON.stringify({ applicantUserId: null }), JSON.stringify({ applicantUserId: 5, reason: "signed in with the application's phone" }));
    insert.run("county-audit", "pending-hire", "900005", JSON.stringify({ closedAs: null }), JSON.stringify({ closedAs: "rejected", reason: "人社局不予录用：查无此人" }));
    const html = await county.text(await county.get("/bureau/audit"));
    for (const english of ["closing date", "hires reached headcount", "posting full", "signed in with", ">system<", ">rejected<"]) expect(html).not.toContain(english);
    for (const chinese of ["截止日期 2026-10-31 已过，自动关闭", "录用人数已达招聘人数，岗位已招满", "岗位已招满，其余报名标为未录用", "用报名时的手机号登录，报名归入本账户", "系统（定时任务）", "人社局不予录用</td>", "待核实的录用"]) {
      expect(html).toContain(chinese);
    }
  });
});
