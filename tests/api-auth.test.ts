/** The JSON API's token guard on a tiny Hono app, against tokens made by the real command's use-case. */
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAuth, authorizeApi } from "../src/http/api-auth.ts";
import { errorHandler } from "../src/http/errors.tsx";
import { createLogger } from "../src/log.ts";
import { createApiToken, revokeToken } from "../src/use-cases/accounts.ts";
import { hashToken } from "../src/security/tokens.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

describe("apiAuth", () => {
  let platform: TestPlatform;
  let api: Hono;
  const tokens: Record<string, string> = {};
  let townIds: number[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "api-auth", demoData: false });
    platform.db.$client.exec("INSERT INTO towns (name) VALUES ('甲镇'), ('乙镇')");
    townIds = (platform.db.$client.prepare("SELECT id FROM towns ORDER BY id").all() as { id: number }[]).map((r) => r.id);
    const by = { label: "test" };
    tokens.county = createApiToken(platform.db, { role: "county", name: "县民政局", by }).token;
    tokens.town = createApiToken(platform.db, { role: "town", townName: "甲镇", name: "甲镇政府", by }).token;
    tokens.department = createApiToken(platform.db, { role: "department", name: "住建局", by }).token;
    const revoked = createApiToken(platform.db, { role: "county", name: "旧系统", by });
    revokeToken(platform.db, { id: revoked.id, by, now: platform.now() });
    tokens.revoked = revoked.token;

    api = new Hono();
    api.onError(errorHandler({ log: createLogger({ level: "silent" }) }));
    api.get("/api/v1/stats/employment", apiAuth({ db: platform.db, roles: ["county", "town", "department"] }), (c) => {
      const townId = c.req.query("town") ? Number(c.req.query("town")) : null;
      authorizeApi(c, "read", { type: "stats", townId });
      return c.json({ rows: [], actor: c.get("apiActor").role });
    });
    api.get("/api/v1/stats/zero-employment", apiAuth({ db: platform.db, roles: ["county", "town"] }), (c) => c.json({ households: [] }));
  });
  afterAll(() => platform?.close());

  const get = (path: string, token?: string) => api.request(path, token ? { headers: { Authorization: `Bearer ${token}` } } : {});

  it("answers 401 with a JSON message without a token, or with a malformed header", async () => {
    for (const res of [await get("/api/v1/stats/employment"), await api.request("/api/v1/stats/employment", { headers: { Authorization: "Basic abc" } })]) {
      expect(res.status).toBe(401);
      expect(res.headers.get("Content-Type")).toMatch(/application\/json/);
      expect((await res.json()).message).toMatch(/令牌/);
    }
  });

  it("refuses an unknown token and a revoked one with 401", async () => {
    expect((await get("/api/v1/stats/employment", "jyt_not-a-real-token")).status).toBe(401);
    const res = await get("/api/v1/stats/employment", tokens.revoked);
    expect(res.status).toBe(401);
    expect((await res.json()).message).toContain("吊销");
  });

  it("lets a token of an allowed role through, and says 403 to a role that is not", async () => {
    const ok = await get("/api/v1/stats/employment", tokens.department);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ rows: [], actor: "department" });
    const refused = await get("/api/v1/stats/zero-employment", tokens.department);
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toMatch(/无权/);
    expect((await get("/api/v1/stats/zero-employment", tokens.county)).status).toBe(200);
  });

  it("gives a town token its own town only", async () => {
    expect((await get(`/api/v1/stats/employment?town=${townIds[0]}`, tokens.town)).status).toBe(200);
    const other = await get(`/api/v1/stats/employment?town=${townIds[1]}`, tokens.town);
    expect(other.status).toBe(403);
    expect(await other.json()).toEqual({ message: "该访问令牌无权访问这个接口。" });
    expect((await get("/api/v1/stats/employment", tokens.town)).status).toBe(403);
    expect((await get(`/api/v1/stats/employment?town=${townIds[1]}`, tokens.county)).status).toBe(200);
  });

  it("stores tokens only hashed", () => {
    const stored = platform.db.$client.prepare("SELECT token_hash FROM api_tokens").all() as { token_hash: string }[];
    expect(stored.map((r) => r.token_hash)).toContain(hashToken(tokens.county!));
    expect(JSON.stringify(platform.db.$client.prepare("SELECT * FROM api_tokens").all())).not.toContain(tokens.county!);
    expect(JSON.stringify(platform.db.$client.prepare("SELECT * FROM audit_log").all())).not.toContain(tokens.county!);
  });

  it("leaves the app's API paths out of the CSRF check (tokens, not cookies)", async () => {
    const res = await platform.app.request("/api/v1/anything", { method: "POST", headers: { Origin: "https://other.example" } });
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Type")).toMatch(/json/);
  });

  it("keeps the API before the cookie session and the CSRF check, and inside the log, headers, compression and error handler", async () => {
    const stale = { Cookie: "jybf_session=not-a-session; jybf_csrf=not-a-visitor" };
    // A page: the session middleware clears the stale cookie and the CSRF check sets a visitor cookie.
    expect((await platform.app.request("/", { headers: stale })).headers.get("Set-Cookie")).toMatch(/jybf_/);
    // The API: neither runs, whatever the path.
    for (const path of ["/api/v1/jobs", "/api/v1/stats/employment", "/api/v1/openapi.json", "/api/v1/nothing-here"]) {
      const res = await platform.app.request(path, { headers: { ...stale, "Accept-Encoding": "gzip" } });
      expect(res.headers.get("Set-Cookie"), path).toBeNull();
      expect(res.headers.get("X-Content-Type-Options"), path).toBe("nosniff");
      expect(res.headers.get("Content-Type"), path).toMatch(/application\/json/);
    }
    const document = await platform.app.request("/api/v1/openapi.json", { headers: { "Accept-Encoding": "gzip" } });
    expect(document.headers.get("Content-Encoding")).toBe("gzip");
    expect(platform.logLines.some((line) => line.includes('"path":"/api/v1/nothing-here"') && line.includes('"status":404'))).toBe(true);
  });
});
