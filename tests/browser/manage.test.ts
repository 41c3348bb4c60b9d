/**
 * The whole loop of a workshop manager on a phone: post a job, find it in the public search, see
 * an applicant, hire them with a start date, see them on the roster and the openings drop, record
 * their departure. With JavaScript on and off: every step is a real form or link.
 */
import { describe, expect, it } from "vitest";
import { addDays } from "../../src/core/calendar.ts";
import { createAccount } from "../../src/use-cases/accounts.ts";
import { findJob } from "../../src/use-cases/find-job.ts";
import { browserStage, phoneContext } from "../support/browser.ts";
import { TEST_TODAY } from "../support/test-platform.ts";
import { messages } from "../../views/messages.ts";

const PASSWORD = "手机上管车间2026";

describe("a manager's loop on a phone", () => {
  const today = TEST_TODAY;
  const stage = browserStage({ label: "browser-manage" }, async (platform) => {
    const employer = platform.db.$client.prepare("SELECT code FROM employers WHERE type = '帮扶车间' ORDER BY id LIMIT 1").get() as { code: string };
    await createAccount(platform.db, { role: "manager", login: "13600000001", password: PASSWORD, employerCode: employer.code, displayName: "车间主任", by: { label: "test" } });
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`posts, hires, and records a departure (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const title = javaScriptEnabled ? "蓝莓分拣工" : "竹编手工艺工";
      // With JavaScript on, a registry worker applies (their phone is in the registry: a placement);
      // with it off, someone the registry does not know (a pending hire for the bureau).
      const registryWorker = stage.platform.db.$client
        .prepare("SELECT name, phone FROM workers w WHERE phone IS NOT NULL AND (SELECT count(*) FROM workers x WHERE x.phone = w.phone) = 1 AND id NOT IN (SELECT worker_id FROM placements WHERE end_date IS NULL) ORDER BY id LIMIT 1")
        .get() as { name: string; phone: string };
      const seeker = javaScriptEnabled ? registryWorker : { name: "钱小兰", phone: "19912340002" };
      const context = await phoneContext(stage.browser, { javaScriptEnabled });
      const page = await context.newPage();

      await page.goto(stage.served.baseUrl + "/login");
      await page.getByLabel("账号（手机号或用户名）").fill("13600000001");
      await page.getByLabel("密码").fill(PASSWORD);
      await page.getByRole("button", { name: "登录" }).click();
      await page.waitForURL(/\/manage$/);

      // Post a job; a mistake first, then the fix.
      await page.goto(stage.served.baseUrl + "/manage");
      await page.getByRole("link", { name: "发布新岗位" }).click();
      await page.waitForURL(/\/manage\/postings\/new$/);
      await page.getByLabel("岗位名称").fill(title);
      await page.getByLabel("招聘人数").fill("0");
      await page.getByLabel("工资下限（元）").fill("2000");
      await page.getByLabel("工资上限（元）").fill("2800");
      await page.getByLabel("包吃").check();
      await page.getByRole("button", { name: "发布" }).click();
      await expect(page.locator("#headcount-error").textContent()).resolves.toContain("招聘人数至少 1 人");
      await expect(page.getByLabel("岗位名称").inputValue()).resolves.toBe(title);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await page.getByLabel("招聘人数").fill("3");
      await page.getByRole("button", { name: "发布" }).click();
      await page.waitForURL(/\/manage\/postings\/P\d+\?done=created$/);
      const code = /\/manage\/postings\/(P\d+)/.exec(page.url())![1]!;
      await expect(page.locator(".openings").textContent()).resolves.toBe("还需 3 人");

      // The public search finds it once the outbox has drained.
      await stage.platform.outbox.drain();
      await page.goto(`${stage.served.baseUrl}/jobs?q=${encodeURIComponent(title)}`);
      await expect(page.locator(`a[href="/jobs/${code}"]`).count()).resolves.toBeGreaterThan(0);

      // A seeker, on their own phone, opens it from the search and applies through the public form.
      const seekerContext = await phoneContext(stage.browser, { javaScriptEnabled });
      const seekerPage = await seekerContext.newPage();
      await seekerPage.goto(`${stage.served.baseUrl}/jobs?q=${encodeURIComponent(title)}`);
      await seekerPage.locator(`a[href^="/jobs/${code}"]`).first().click();
      await seekerPage.waitForURL(new RegExp(`/jobs/${code}`));
      await seekerPage.fill("#apply-name", seeker.name);
      await seekerPage.fill("#apply-phone", seeker.phone);
      await seekerPage.fill("#apply-note", "我会踩缝纫机");
      await seekerPage.click("form.apply button[type=submit]");
      await expect(seekerPage.locator("h1").textContent()).resolves.toBe(messages.apply.doneTitle);
      await seekerContext.close();

      await page.goto(`${stage.served.baseUrl}/manage/postings/${code}`);
      const card = page.locator(".applicant", { hasText: seeker.name });
      await expect(card.locator(".applicant-phone").textContent()).resolves.toBe(seeker.phone);
      await expect(card.locator(`a[href="tel:${seeker.phone}"]`).count()).resolves.toBe(1);
      await card.getByRole("link", { name: "录用" }).click();
      await page.waitForURL(/\/hire\?back=/);
      // Three days back, before the seeker applied today: the hire waits for the bureau's
      // confirmation (hire-rules.ts), a registry person's as much as one not in the registry.
      const start = addDays(today, -3);
      await page.getByLabel("上岗日期").fill(start);
      await page.getByLabel("月收入（元）").fill("2500");
      await page.getByRole("button", { name: "确认录用" }).click();
      await page.waitForURL(new RegExp(`/manage/postings/${code}\\?done=${javaScriptEnabled ? "unconfirmed" : "pending"}$`));
      await expect(page.locator(".openings").textContent()).resolves.toBe("还需 2 人");
      await expect(card.locator(".status").textContent()).resolves.toBe("已录用");

      // The public posting has one opening fewer, in the database and in the index.
      expect(findJob(stage.platform, code)?.openings).toBe(2);
      await stage.platform.outbox.drain();
      const { hits } = await stage.platform.index.search({ q: title, filter: [], sort: [], limit: 5, offset: 0 });
      expect(hits.find((h) => h.code === code)?.openings).toBe(2);

      // The roster shows them; record the departure.
      await page.getByRole("link", { name: "在岗名单" }).first().click();
      await page.waitForURL(/\/manage\/roster$/);
      await expect(page.locator(".roster-now").textContent()).resolves.toContain(seeker.name);
      await page.locator(".roster-now").getByRole("link", { name: seeker.name }).click();
      await page.getByLabel("离岗日期").fill(addDays(today, -1));
      await page.getByLabel("离岗原因").selectOption("家庭原因");
      await page.getByRole("button", { name: "确认离岗" }).click();
      await page.waitForURL(/\/manage\/roster\?done=departed$/);
      await expect(page.locator(".notice").textContent()).resolves.toContain("已登记离岗");
      const now = page.locator(".roster-now");
      if ((await now.count()) > 0) await expect(now.textContent()).resolves.not.toContain(seeker.name);
      await expect(page.locator(".roster-past").textContent()).resolves.toContain(seeker.name);
      const row = javaScriptEnabled
        ? stage.platform.db.$client
            .prepare("SELECT p.start_date AS s, p.end_date AS e, p.end_reason AS r FROM placements p JOIN workers w ON w.id = p.worker_id JOIN postings j ON j.id = p.posting_id WHERE w.phone = ? AND j.code = ?")
            .get(seeker.phone, code)
        : stage.platform.db.$client.prepare("SELECT start_date AS s, end_date AS e, end_reason AS r FROM pending_hires WHERE phone = ?").get(seeker.phone);
      expect(row).toEqual({ s: start, e: addDays(today, -1), r: "家庭原因" });
      expect(findJob(stage.platform, code)?.openings).toBe(3);
      await context.close();
    });
  }
});
