/**
 * Issue 13's acceptance, in a real browser: a town cadre (desktop, 1280 wide) signs in, opens a
 * zero-employment household, reads the recommendations and their reasons, applies for a member
 * on their behalf (代办) with consent (how and when); the workshop manager (a phone, 360×740)
 * signs in, sees the application with its 代办 badge and hires from today; the household's alert
 * closes (已办结) and the household leaves the zero-employment list. Every step is screenshotted to
 * SCREENSHOT_DIR (default: the OS temp folder) for a person to look at.
 */
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { zeroEmploymentStats } from "../../db/queries/stats.ts";
import { createAccount } from "../../src/use-cases/accounts.ts";
import { workerRecommendations } from "../../src/use-cases/recommendations.ts";
import { sweepRiskAlerts } from "../../src/use-cases/risk-alerts.ts";
import { browserStage, phoneContext } from "../support/browser.ts";
import { TEST_TODAY, type TestPlatform } from "../support/test-platform.ts";

const PASSWORD = "代办验收测试密码2026";
const SHOTS = process.env.SCREENSHOT_DIR ?? join(tmpdir(), "jybf-matching-acceptance-shots");

interface Chosen {
  household: string;
  town: string;
  alertId: number;
  workerId: number;
  workerName: string;
  postingCode: string;
  postingTitle: string;
}

/** A zero-employment household with an open alert whose job seeker has a recommended posting. */
async function chooseHousehold(platform: TestPlatform): Promise<Chosen> {
  await sweepRiskAlerts(platform, TEST_TODAY);
  const sql = platform.db.$client;
  const zero = new Set(zeroEmploymentStats(platform.db, { date: TEST_TODAY }).households.map((h) => h.code));
  const alerts = sql
    .prepare(
      `SELECT a.id, a.detail, h.code AS household, t.name AS town FROM alerts a JOIN households h ON h.id = a.household_id JOIN towns t ON t.id = a.town_id
       WHERE a.kind = 'zero-employment' AND a.status = 'open' ORDER BY a.id`,
    )
    .all() as { id: number; detail: string; household: string; town: string }[];
  for (const a of alerts) {
    if (!zero.has(a.household)) continue;
    for (const workerId of (JSON.parse(a.detail) as { jobSeekers: number[] }).jobSeekers) {
      const hit = workerRecommendations(platform, { workerId, today: TEST_TODAY })?.answer.hits[0];
      if (!hit) continue;
      const name = (sql.prepare("SELECT name FROM workers WHERE id = ?").get(workerId) as { name: string }).name;
      return { household: a.household, town: a.town, alertId: a.id, workerId, workerName: name, postingCode: hit.posting.code, postingTitle: hit.posting.title };
    }
  }
  throw new Error("the demo county has no zero-employment household with a recommendation");
}

async function signIn(browser: Browser, options: { login: string; desktop: boolean }): Promise<Page> {
  const context = options.desktop
    ? await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" })
    : await phoneContext(browser);
  const page = await context.newPage();
  return page;
}

describe("matching acceptance: from a zero-employment household to a hire that closes its alert", () => {
  let chosen: Chosen;
  const stage = browserStage({ label: "browser-matching-acceptance" }, async (platform) => {
    chosen = await chooseHousehold(platform);
    const employer = platform.db.$client.prepare("SELECT e.code FROM postings p JOIN employers e ON e.id = p.employer_id WHERE p.code = ?").get(chosen.postingCode) as { code: string };
    await createAccount(platform.db, { role: "town", login: "cadre", password: PASSWORD, townName: chosen.town, displayName: "乡镇干部", by: { label: "test" } });
    await createAccount(platform.db, { role: "manager", login: "13600000009", password: PASSWORD, employerCode: employer.code, displayName: "车间主任", by: { label: "test" } });
  });

  it("the cadre applies on behalf with consent, the manager hires, the alert closes", async () => {
    mkdirSync(SHOTS, { recursive: true });
    const base = stage.served.baseUrl;
    const login = async (page: Page, account: string, home: RegExp) => {
      await page.goto(base + "/login");
      await page.getByLabel("账号（手机号或用户名）").fill(account);
      await page.getByLabel("密码").fill(PASSWORD);
      await page.getByRole("button", { name: "登录" }).click();
      await page.waitForURL(home);
    };

    // 1. The cadre, at a desk: the zero-employment list of their town holds the household.
    const cadre = await signIn(stage.browser, { login: "cadre", desktop: true });
    await login(cadre, "cadre", /\/bureau/);
    await cadre.goto(base + "/bureau/zero-employment");
    const link = cadre.locator(`a[href="/bureau/households/${encodeURIComponent(chosen.household)}"]`).first();
    await expect(link.count()).resolves.toBe(1);
    await cadre.screenshot({ path: join(SHOTS, "1-cadre-zero-employment-1280.png"), fullPage: true });

    // 2. The household: recommendations with their reasons, and the 代办 link for the member.
    await link.click();
    await cadre.waitForURL(/\/bureau\/households\//);
    const section = cadre.locator(`#recommend-${chosen.workerId}`);
    await expect(section.locator(".recommendation").count()).resolves.toBeGreaterThan(0);
    const card = section.locator(".recommendation", { has: cadre.locator(`a[href="/jobs/${encodeURIComponent(chosen.postingCode)}"]`) });
    const reasons = await card.locator(".reasons li").allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.join(" ")).toMatch(/本村|本乡镇|本县/);
    await card.scrollIntoViewIfNeeded();
    await cadre.screenshot({ path: join(SHOTS, "2-cadre-household-recommendations-1280.png"), fullPage: true });

    // 3. 代办 with consent: how (当面) and when (today).
    await card.getByRole("link", { name: "代办报名" }).click();
    await cadre.waitForURL(new RegExp(`/bureau/workers/${chosen.workerId}/apply/`));
    await expect(cadre.locator("h1").textContent()).resolves.toBe(`为 ${chosen.workerName} 代办报名`);
    await cadre.getByLabel("本人怎么同意的").selectOption("当面");
    await cadre.getByLabel("同意日期").fill(TEST_TODAY);
    const phone = cadre.getByLabel("回电号码（用工单位打这个号码联系）");
    if ((await phone.inputValue()) === "") await phone.fill("13900001234");
    await cadre.screenshot({ path: join(SHOTS, "3-cadre-consent-form-1280.png"), fullPage: true });
    await cadre.getByRole("button", { name: "确认代办报名" }).click();
    await cadre.waitForURL(new RegExp(`/bureau/workers/${chosen.workerId}(\\?.*)?#applications$`));
    await expect(cadre.locator("body").textContent()).resolves.toContain(chosen.postingTitle);
    await cadre.screenshot({ path: join(SHOTS, "4-cadre-worker-applied-1280.png"), fullPage: true });

    // 4. The manager, on a phone: the application carries the 代办 badge.
    const manager = await signIn(stage.browser, { login: "13600000009", desktop: false });
    await login(manager, "13600000009", /\/manage$/);
    await manager.goto(`${base}/manage/postings/${chosen.postingCode}`);
    const applicant = manager.locator(".applicant", { hasText: chosen.workerName });
    await expect(applicant.locator(".badge.on-behalf").textContent()).resolves.toBe("代办");
    expect(await manager.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await applicant.scrollIntoViewIfNeeded();
    await manager.screenshot({ path: join(SHOTS, "5-manager-applicant-badge-360.png") });

    // 5. The manager hires from today: a confirmed placement, no wait for the bureau.
    await applicant.getByRole("link", { name: "录用" }).click();
    await manager.waitForURL(/\/hire\?back=/);
    await manager.getByLabel("上岗日期").fill(TEST_TODAY);
    await manager.getByLabel("月收入（元）").fill("2300");
    await manager.screenshot({ path: join(SHOTS, "6-manager-hire-form-360.png"), fullPage: true });
    await manager.getByRole("button", { name: "确认录用" }).click();
    await manager.waitForURL(/done=hired$/);
    await expect(applicant.locator(".status").textContent()).resolves.toBe("已录用");
    await manager.screenshot({ path: join(SHOTS, "7-manager-hired-360.png") });

    // 6. Back at the desk: the alert is closed (已办结) as 已就业, the household off the list.
    await cadre.goto(`${base}/bureau/alerts/${chosen.alertId}`);
    const alertText = await cadre.locator("main, body").first().textContent();
    expect(alertText).toContain("已办结");
    expect(alertText).toContain("已就业");
    await cadre.screenshot({ path: join(SHOTS, "8-cadre-alert-closed-1280.png"), fullPage: true });
    await cadre.goto(base + "/bureau/zero-employment");
    await expect(cadre.locator(`a[href="/bureau/households/${encodeURIComponent(chosen.household)}"]`).count()).resolves.toBe(0);
    await cadre.screenshot({ path: join(SHOTS, "9-cadre-zero-employment-after-1280.png"), fullPage: true });
    const row = stage.platform.db.$client.prepare("SELECT status, outcome FROM alerts WHERE id = ?").get(chosen.alertId);
    expect(row).toEqual({ status: "closed", outcome: "已就业" });
  });
});
