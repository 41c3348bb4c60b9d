/** `npm run user` and `npm run token` as an operator runs them, on a fresh DATA_DIR. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../src/security/tokens.ts";
import { runScript } from "./support/run-command.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { webClient } from "./support/web-client.ts";

describe("the account and token commands", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "jybf-commands-"));
  const env = { DATA_DIR: dataDir };
  let adminPassword = "";
  beforeAll(async () => {
    const res = await runScript("user", ["create", "--role", "admin", "--login", "admin"], env);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    adminPassword = /一次性密码[^:]*: (\S+)/.exec(res.stdout)?.[1] ?? "";
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("makes a first admin on a fresh install with a printed one-time password that must be changed", () => {
    expect(adminPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const db = new Database(join(dataDir, "app.db"), { readonly: true });
    try {
      const row = db.prepare("SELECT role, must_change_password AS m, password_hash AS h FROM users WHERE login = 'admin'").get() as { role: string; m: number; h: string };
      expect(row).toMatchObject({ role: "admin", m: 1 });
      expect(row.h).not.toContain(adminPassword);
      expect(db.prepare("SELECT actor_label AS a, entity FROM audit_log").all()).toEqual([{ a: "cli:user", entity: "user" }]);
    } finally {
      db.close();
    }
  });

  it.each([
    ["an unknown role", ["create", "--role", "boss", "--login", "x", "--password", "kx7mp2qlw9"], 2, /--role must be one of/],
    ["no login", ["create", "--role", "county", "--password", "kx7mp2qlw9"], 2, /--login is required/],
    ["an unknown command", ["delete", "--login", "x"], 2, /用法/],
    ["an unknown employer code", ["create", "--role", "manager", "--login", "m1", "--password", "kx7mp2qlw9", "--employer", "E404"], 1, /找不到编号为 "E404" 的用工主体/],
    ["a manager without employer", ["create", "--role", "manager", "--login", "m1", "--password", "kx7mp2qlw9"], 1, /--employer is required/],
    ["an unknown town", ["create", "--role", "town", "--login", "t1", "--password", "kx7mp2qlw9", "--town", "无此镇"], 1, /找不到名为 "无此镇" 的乡镇/],
    ["a short password", ["create", "--role", "county", "--login", "c1", "--password", "short"], 1, /至少要 8 位/],
    ["a login taken", ["create", "--role", "county", "--login", "ADMIN", "--password", "kx7mp2qlw9"], 1, /已存在/],
  ])("refuses %s with a clear message and a non-zero exit", async (_name, args, code, message) => {
    const res = await runScript("user", args, env);
    expect(res.code).toBe(code);
    expect(res.stderr).toMatch(message);
  });

  it("prints a token once, stores it hashed, and refuses a town token for an unknown town", async () => {
    const res = await runScript("token", ["create", "--role", "department", "--name", "县民政局"], env);
    expect(res.code).toBe(0);
    const token = /^(jyt_\S+)$/m.exec(res.stdout)?.[1];
    expect(token).toBeDefined();
    const db = new Database(join(dataDir, "app.db"), { readonly: true });
    try {
      expect(db.prepare("SELECT role, name, token_hash AS h FROM api_tokens").all()).toEqual([{ role: "department", name: "县民政局", h: hashToken(token!) }]);
    } finally {
      db.close();
    }
    const bad = await runScript("token", ["create", "--role", "town", "--town", "无此镇", "--name", "x"], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("找不到名为");
    const noTown = await runScript("token", ["create", "--role", "town", "--name", "x"], env);
    expect(noTown.code).toBe(1);
  });

  describe("on a server started on that DATA_DIR", () => {
    let platform: TestPlatform;
    beforeAll(async () => {
      platform = await startTestPlatform({ label: "commands", dataDir, demoData: false });
    });
    afterAll(() => platform?.close());

    it("lets the first admin sign in with the one-time password and sends them to change it", async () => {
      const web = webClient(platform.app);
      const res = await web.login("admin", adminPassword);
      expect(res.status).toBe(303);
      const page = await web.text(await web.get("/account"));
      expect(page).toContain("请先设置您自己的新密码");
    });

    it("disables an account (its sessions end, sign-in fails), enables it, and resets a forgotten password", async () => {
      expect((await runScript("user", ["create", "--role", "county", "--login", "staff1", "--password", "staff-password-1"], env)).code).toBe(0);
      const web = webClient(platform.app);
      expect((await web.login("staff1", "staff-password-1")).status).toBe(303);
      expect((await web.get("/account")).status).toBe(200);

      const disabled = await runScript("user", ["disable", "--login", "staff1"], env);
      expect(disabled.code).toBe(0);
      expect((await web.get("/account")).status).toBe(303);
      const refused = await webClient(platform.app).login("staff1", "staff-password-1");
      expect(refused.status).toBe(401);
      expect(await refused.text()).toContain("账号或密码不对");

      expect((await runScript("user", ["enable", "--login", "staff1"], env)).code).toBe(0);
      expect((await webClient(platform.app).login("staff1", "staff-password-1")).status).toBe(303);

      const reset = await runScript("user", ["reset-password", "--login", "staff1"], env);
      expect(reset.code).toBe(0);
      const oneTime = /一次性密码[^:]*: (\S+)/.exec(reset.stdout)?.[1];
      expect(oneTime).toMatch(/^[A-Za-z0-9]{16}$/);
      expect((await webClient(platform.app).login("staff1", "staff-password-1")).status).toBe(401);
      const again = webClient(platform.app);
      await again.login("staff1", oneTime!);
      expect((await again.get("/bureau/audit")).headers.get("Location")).toBe("/account");

      const unknown = await runScript("user", ["disable", "--login", "nobody"], env);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain("没有账号");
    });
  });
});
