/** Signing in and out, sessions, password rules, login throttling and CSRF — over HTTP, on the real app. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit } from "../db/queries/audit.ts";
import { chinaTime } from "../src/core/china-time.ts";
import { createAccount } from "../src/use-cases/accounts.ts";
import { hashToken } from "../src/security/tokens.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { TEST_ORIGIN, webClient } from "./support/web-client.ts";

const PASSWORD = "种田也能上班2026";

describe("accounts over HTTP", () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ label: "accounts", demoData: false });
    platform.db.$client.exec("INSERT INTO towns (name) VALUES ('双龙镇')");
    for (const login of ["county1", "county2", "throttled", "13900001111"]) {
      await createAccount(platform.db, { role: "county", login, password: PASSWORD, by: { label: "test" } });
    }
  });
  afterAll(() => platform?.close());

  it("signs in with a session cookie that is HttpOnly, SameSite=Lax, Path=/ and stored only hashed", async () => {
    const web = webClient(platform.app);
    const res = await web.login("county1", PASSWORD);
    expect(res.status).toBe(303);
    // County staff land on the bureau's home (their work), not on 我的账户.
    expect(res.headers.get("Location")).toBe("/bureau");
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("jybf_session="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const token = web.cookies.get("jybf_session")!;
    const stored = platform.db.$client.prepare("SELECT token_hash FROM sessions").all() as { token_hash: string }[];
    expect(stored.map((s) => s.token_hash)).toContain(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    const accountRes = await web.get("/account");
    expect(accountRes.headers.get("Cache-Control")).toBe("private, no-store");
    const page = await web.text(accountRes);
    expect(page).toContain("county1");
    expect(page).toContain("县人社局工作人员");
  });

  it("marks the cookie Secure when the request came over HTTPS through a proxy", async () => {
    const web = webClient(platform.app);
    await web.text(await web.get("/login"));
    const res = await web.post("/login", { login: "county1", password: PASSWORD }, { "X-Forwarded-Proto": "https" });
    expect(res.headers.getSetCookie().find((c) => c.startsWith("jybf_session="))).toMatch(/Secure/);
  });

  it("answers an unknown account and a wrong password with the same message", async () => {
    const web = webClient(platform.app);
    const unknown = await web.login("nobody-here", PASSWORD);
    const wrong = await web.login("county2", "not-the-password");
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const a = await unknown.text();
    const b = await wrong.text();
    expect(a).toContain("账号或密码不对");
    expect(b).toContain("账号或密码不对");
    expect(web.cookies.has("jybf_session")).toBe(false);
  });

  it("refuses the 11th attempt in a minute with HTTP 429 and says when to try again, even with the right password", async () => {
    const web = webClient(platform.app);
    for (let i = 0; i < 10; i++) expect((await web.login("throttled", `wrong-${i}-password`)).status).toBe(401);
    const refused = await web.login("throttled", PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await refused.text()).toMatch(/分钟后再试/);
    // Other accounts are not locked by it.
    expect((await webClient(platform.app).login("county2", PASSWORD)).status).toBe(303);
  });

  it("refuses an address that fails 30 times in a minute across many accounts, but not other addresses", async () => {
    const web = webClient(platform.app);
    const from = { "X-Forwarded-For": "203.0.113.7" };
    await web.text(await web.get("/login"));
    for (let i = 0; i < 30; i++) expect((await web.post("/login", { login: `guess-${i}`, password: "x-wrong-password" }, from)).status).toBe(401);
    expect((await web.post("/login", { login: "county2", password: PASSWORD }, from)).status).toBe(429);
    expect((await web.post("/login", { login: "county2", password: PASSWORD }, { "X-Forwarded-For": "203.0.113.8" })).status).toBe(303);
  });

  it("pages through the audit log, newest first", async () => {
    platform.db.transaction((tx) => {
      for (let i = 0; i < 60; i++) appendAudit(tx, { actorLabel: "import", action: "create", entity: "worker", entityId: `paging-${i}` });
    });
    const web = webClient(platform.app);
    await web.login("county1", PASSWORD);
    const first = await (await web.get("/bureau/audit?actor=import")).text();
    expect(first.match(/class="record-card audit-row"/g)).toHaveLength(50);
    expect(first).toContain("#paging-59");
    expect(first).toContain('href="/bureau/audit?actor=import&amp;offset=50"');
    const second = await (await web.get("/bureau/audit?actor=import&offset=50")).text();
    expect(second.match(/class="record-card audit-row"/g)).toHaveLength(10);
    expect(second).toContain("#paging-0");
    expect(second).not.toContain("offset=100");
    // Dates are Beijing calendar days, both ends included.
    const today = chinaTime(new Date().toISOString()).slice(0, 10);
    const yesterday = chinaTime(new Date(Date.now() - 86_400_000).toISOString()).slice(0, 10);
    const todays = await (await web.get(`/bureau/audit?actor=import&from=${today}&to=${today}`)).text();
    expect(todays.match(/class="record-card audit-row"/g)).toHaveLength(50);
    const before = await (await web.get(`/bureau/audit?actor=import&to=${yesterday}`)).text();
    expect(before).toContain("没有符合条件的记录");
  });

  it("logs out with a POST form, ending the session in the database", async () => {
    const web = webClient(platform.app);
    await web.login("county2", PASSWORD);
    const token = web.cookies.get("jybf_session")!;
    await web.text(await web.get("/account"));
    const res = await web.post("/logout", {});
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/login?out=1");
    expect(platform.db.$client.prepare("SELECT count(*) AS n FROM sessions WHERE token_hash = ?").get(hashToken(token))).toEqual({ n: 0 });
    const after = await web.get("/account");
    expect(after.status).toBe(303);
    expect(after.headers.get("Location")).toBe("/login?next=%2Faccount");
    // The old cookie, replayed, opens nothing.
    const replay = await platform.app.request("/account", { headers: { Cookie: `jybf_session=${token}` } });
    expect(replay.status).toBe(303);
  });

  it("ends a session that sat idle too long", async () => {
    const web = webClient(platform.app);
    await web.login("county1", PASSWORD);
    const hash = hashToken(web.cookies.get("jybf_session")!);
    platform.db.$client.prepare("UPDATE sessions SET last_seen_at = '2000-01-01T00:00:00.000Z' WHERE token_hash = ?").run(hash);
    expect((await web.get("/account")).status).toBe(303);
    expect(platform.db.$client.prepare("SELECT count(*) AS n FROM sessions WHERE token_hash = ?").get(hash)).toEqual({ n: 0 });
  });

  it("makes a generated one-time password be changed before anything else, then signs other devices out", async () => {
    const created = await createAccount(platform.db, { role: "admin", login: "admin", by: { label: "test" } });
    expect(created.oneTimePassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const web = webClient(platform.app);
    const other = webClient(platform.app);
    await other.login("admin", created.oneTimePassword!);
    expect((await web.login("admin", created.oneTimePassword!)).headers.get("Location")).toBe("/account");
    const audit = await web.get("/bureau/audit");
    expect(audit.status).toBe(303);
    expect(audit.headers.get("Location")).toBe("/account");
    const account = await web.text(await web.get("/account"));
    expect(account).toContain("一次性密码");

    const mismatch = await web.post("/account/password", { currentPassword: created.oneTimePassword!, newPassword: "新的密码很长很长很长", confirmPassword: "不一样的密码啊啊啊啊" });
    expect(mismatch.status).toBe(400);
    expect(await web.text(mismatch)).toContain("两次输入的新密码不一样");
    const short = await web.post("/account/password", { currentPassword: created.oneTimePassword!, newPassword: "short", confirmPassword: "short" });
    expect(await web.text(short)).toContain("至少要 8 位");
    const ok = await web.post("/account/password", { currentPassword: created.oneTimePassword!, newPassword: "新的密码很长很长很长", confirmPassword: "新的密码很长很长很长" });
    expect(ok.status).toBe(303);
    expect((await web.get("/bureau/audit")).status).toBe(200);
    expect((await other.get("/account")).status).toBe(303);
    expect((await webClient(platform.app).login("admin", "新的密码很长很长很长")).status).toBe(303);
    const row = platform.db.$client.prepare("SELECT must_change_password AS m, password_hash AS h FROM users WHERE login = 'admin'").get() as { m: number; h: string };
    expect(row.m).toBe(0);
    expect(row.h).toMatch(/^\$argon2id\$/);
  });

  it("refuses a form post without the CSRF token, with a wrong one, or from another origin", async () => {
    const web = webClient(platform.app);
    await web.login("county1", PASSWORD);
    await web.text(await web.get("/account"));
    const fields = { currentPassword: PASSWORD, newPassword: "另一个新密码呀呀", confirmPassword: "另一个新密码呀呀" };
    const missing = await web.post("/account/password", { ...fields, _csrf: "" });
    expect(missing.status).toBe(403);
    expect(await missing.text()).toContain("请重新提交");
    expect((await web.post("/account/password", { ...fields, _csrf: "x".repeat(43) })).status).toBe(403);
    expect((await web.post("/account/password", fields, { Origin: "https://evil.example" })).status).toBe(403);
    expect((await web.post("/account/password", fields, { Origin: "null" })).status).toBe(403);
    const noOriginBadReferer = await platform.app.request("/logout", {
      method: "POST",
      body: new URLSearchParams({ _csrf: web.csrf! }).toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Referer: "https://evil.example/page", Cookie: [...web.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    expect(noOriginBadReferer.status).toBe(403);
    // Another visitor's token does not fit this visitor's cookie.
    const stranger = webClient(platform.app);
    await stranger.text(await stranger.get("/login"));
    expect((await web.post("/logout", { _csrf: stranger.csrf! })).status).toBe(403);
    // The password is unchanged and the session alive: nothing was done.
    expect((await web.get("/account")).status).toBe(200);
    // The htmx header is accepted in place of the field.
    const viaHeader = await web.post("/logout", { _csrf: "" }, { "X-CSRF-Token": web.csrf!, "HX-Request": "true" });
    expect(viaHeader.status).toBe(303);
    expect(TEST_ORIGIN).toBe("http://localhost");
  });

  it("puts the CSRF token on <body> for htmx and in a meta tag, with no inline script", async () => {
    const web = webClient(platform.app);
    const html = await web.text(await web.get("/login"));
    expect(html).toMatch(/<body hx-headers="\{&quot;X-CSRF-Token&quot;:&quot;[A-Za-z0-9_-]{43}&quot;\}"/);
    expect(html).toMatch(/<meta name="csrf-token" content="[A-Za-z0-9_-]{43}"/);
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]/);
  });

  it("redirects after sign-in only to a path on this site", async () => {
    const web = webClient(platform.app);
    await web.text(await web.get("/login?next=%2F%2Fevil.example"));
    const res = await web.post("/login", { login: "county1", password: PASSWORD, next: "//evil.example" });
    expect(res.headers.get("Location")).toBe("/bureau");
    const web2 = webClient(platform.app);
    await web2.text(await web2.get("/login"));
    const res2 = await web2.post("/login", { login: "county1", password: PASSWORD, next: "/bureau/audit?entity=user" });
    expect(res2.headers.get("Location")).toBe("/bureau/audit?entity=user");
  });

  it("records account creation in the audit log without the password hash, and no route changes the log", async () => {
    const rows = platform.db.$client.prepare("SELECT * FROM audit_log WHERE entity = 'user'").all() as { after: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.map((r) => r.after).join("\n")).not.toMatch(/argon2|password_?hash/i);
    const web = webClient(platform.app);
    await web.login("county1", PASSWORD);
    await web.text(await web.get("/bureau/audit"));
    const before = platform.db.$client.prepare("SELECT count(*) AS n, max(id) AS m FROM audit_log").get();
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const res = await platform.app.request("/bureau/audit", {
        method,
        headers: { Origin: TEST_ORIGIN, "X-CSRF-Token": web.csrf!, Cookie: [...web.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
      });
      expect(res.status).toBe(404);
    }
    expect(platform.db.$client.prepare("SELECT count(*) AS n, max(id) AS m FROM audit_log").get()).toEqual(before);
    expect(() => platform.db.$client.exec("DELETE FROM audit_log")).toThrow(/append-only/);
  });

  it("keeps passwords and phone logins out of the log", async () => {
    const web = webClient(platform.app);
    await web.login("13900001111", PASSWORD);
    const log = platform.logLines.join("\n");
    expect(log).not.toContain("13900001111");
    expect(log).not.toContain(PASSWORD);
  });
});
