/**
 * New visitors' CSRF cookies come from a pool of random bytes (src/http/csrf.tsx): each visitor
 * still gets a cookie of their own, and the page's token is the one their cookie makes. (The
 * sign-in page, which has a form: the results page is the same for every anonymous visitor and
 * sets no cookie, tests/kept-responses.test.ts.)
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ label: "csrf-visitors", demoData: false });
});
afterAll(async () => {
  await platform?.close();
});

const visit = async (cookie?: string) => {
  const res = await platform.app.request("/login", cookie ? { headers: { Cookie: cookie } } : {});
  const visitor = /jybf_csrf=([^;]+)/.exec(res.headers.get("Set-Cookie") ?? "")?.[1];
  const token = /<meta name="csrf-token" content="([^"]+)"/.exec(await res.text())?.[1];
  return { visitor, token };
};

it("gives every new visitor a cookie of their own, across more visitors than one draw of random bytes", async () => {
  const visitors = new Set<string>();
  const tokens = new Set<string>();
  for (let i = 0; i < 150; i++) {
    const { visitor, token } = await visit();
    expect(visitor).toMatch(/^[A-Za-z0-9_-]{43}$/);
    visitors.add(visitor!);
    tokens.add(token!);
  }
  expect(visitors.size).toBe(150);
  expect(tokens.size).toBe(150);
});

it("gives a returning visitor the same token again, and no new cookie", async () => {
  const first = await visit();
  const again = await visit(`jybf_csrf=${first.visitor}`);
  expect(again.visitor).toBeUndefined();
  expect(again.token).toBe(first.token);
});
