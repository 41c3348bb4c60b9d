/**
 * A page POST must carry a web form that can be read: a JSON body with a valid CSRF token does
 * not blank the employer's profile (415), and a malformed multipart body is a 400 page in
 * Chinese — never a 500, never a stack in the log, nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF_HEADER } from "../src/http/csrf.tsx";
import { isFormType } from "../src/http/form-bodies.tsx";
import { createAccount } from "../src/use-cases/accounts.ts";
import { messages } from "../views/messages.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { TEST_ORIGIN, webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "表单内容测试用密码2026";

describe("isFormType", () => {
  it.each([
    [undefined, true],
    ["", true],
    ["application/x-www-form-urlencoded", true],
    ["application/x-www-form-urlencoded; charset=UTF-8", true],
    ["multipart/form-data; boundary=abc", true],
    ["Multipart/Form-Data; boundary=abc", true],
    ["application/json", false],
    ["text/plain", false],
    ["application/xml", false],
  ])("%s → %s", (type, expected) => {
    expect(isFormType(type)).toBe(expected);
  });
});

describe("a page POST that is not a readable form", () => {
  let platform: TestPlatform;
  let web: WebClient;
  let employerId: number;
  const profile = () => JSON.stringify(platform.db.$client.prepare("SELECT address, lat, lng, contact_name, contact_phone, updated_at FROM employers WHERE id = ?").get(employerId));
  const audits = () => (platform.db.$client.prepare("SELECT count(*) AS n FROM audit_log").get() as { n: number }).n;
  const raw = (path: string, body: string, contentType: string) =>
    platform.app.request(path, {
      method: "POST",
      body,
      headers: {
        "Content-Type": contentType,
        Origin: TEST_ORIGIN,
        [CSRF_HEADER]: web.csrf!,
        Cookie: [...web.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      },
    });

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "form-bodies" });
    const employer = platform.db.$client.prepare("SELECT id, code FROM employers WHERE address IS NOT NULL AND contact_name IS NOT NULL ORDER BY id LIMIT 1").get() as { id: number; code: string };
    employerId = employer.id;
    await createAccount(platform.db, { role: "manager", login: "13600000077", password: PASSWORD, employerCode: employer.code, by: { label: "test" } });
    web = webClient(platform.app);
    expect((await web.login("13600000077", PASSWORD)).status).toBe(303);
    await web.text(await web.get("/manage/profile"));
    expect(web.csrf).toBeDefined();
  });
  afterAll(() => platform?.close());

  it("refuses JSON with a valid CSRF token (415) and leaves the profile as it was", async () => {
    const before = profile();
    const writes = audits();
    const res = await raw("/manage/profile", JSON.stringify({ address: "", contactName: "" }), "application/json");
    expect(res.status).toBe(415);
    expect(await res.text()).toContain(messages.errors.notAForm);
    expect(profile()).toBe(before);
    expect(audits()).toBe(writes);
  });

  it.each([
    ["a urlencoded body sent as multipart", "address=x&contactName=y", "multipart/form-data; boundary=----b"],
    ["multipart without a boundary", "------b\r\nContent-Disposition: form-data; name=\"address\"\r\n\r\nx\r\n------b--\r\n", "multipart/form-data"],
    ["a truncated multipart body", "------b\r\nContent-Disposition: form-data; name=\"address\"\r\n\r\nx", "multipart/form-data; boundary=----b"],
    ["a part without Content-Disposition", "------b\r\nContent-Type: text/plain\r\n\r\nx\r\n------b--\r\n", "multipart/form-data; boundary=----b"],
  ])("answers %s with a 400 page in Chinese, writes nothing, logs no stack", async (_name, body, type) => {
    const before = profile();
    const writes = audits();
    const lines = platform.logLines.length;
    const res = await raw("/manage/profile", body, type);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(messages.errors.badForm);
    expect(profile()).toBe(before);
    expect(audits()).toBe(writes);
    const logged = platform.logLines.slice(lines).join("\n");
    expect(logged).not.toContain("request failed");
    expect(logged).not.toMatch(/stack/i);
  });

  it("still takes a real form", async () => {
    const res = await web.post("/manage/profile", { address: "村委会旁", contactName: "王主任", contactPhone: "13600000077", villageId: "", lat: "", lng: "" });
    expect(res.status).toBeLessThan(500);
  });
});
