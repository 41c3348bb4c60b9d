/**
 * The whole subsidy loop in a real browser (issue 12's acceptance): a policy (fixture) → compute
 * → approve, and reject one → public notice (opened without signing in, on a phone) → objection
 * → resolve → batch → payment file → mark paid by a second staff member (the approver is refused)
 * → reverse a paid line → recompute → the key is paid again, once. Screenshots go to
 * $SCREENSHOT_DIR when it is set.
 */
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createAccount } from "../../src/use-cases/accounts.ts";
import { computeSubsidies } from "../../src/use-cases/subsidies-compute.ts";
import { savePolicy } from "../../src/use-cases/subsidies-policies.ts";
import { browserStage, phoneContext } from "../support/browser.ts";
import { testClock } from "../support/test-platform.ts";

const PASSWORD = "补贴流程浏览器测试2026";
const DAY = 24 * 60 * 60 * 1000;
let shift = 0;
const base = testClock();
const now = () => new Date(base().getTime() + shift);

describe("the subsidy loop in a browser", () => {
  const stage = browserStage({ label: "browser-subsidy-workflow", now, demoData: "registry" }, async (platform) => {
    savePolicy({ db: platform.db }, {
      input: { code: "JT-2025", name: "跨省务工交通补贴", kind: "交通补贴", amountFen: 80_000, minMonths: null, maxMonthsPerPerson: null, ageLimit: null, onePerHousehold: false, startDate: "2025-01-01", endDate: null, fundSource: "衔接资金" },
      by: { label: "test" },
      now: now(),
    });
    await createAccount(platform.db, { role: "county", login: "approver", password: PASSWORD, by: { label: "test" } });
    await createAccount(platform.db, { role: "county", login: "payer", password: PASSWORD, by: { label: "test" } });
  });
  const sql = () => stage.platform.db.$client;
  const compute = () => computeSubsidies({ db: stage.platform.db, protector: stage.platform.protector }, { policyCode: "JT-2025", period: "2025", countyProvince: "江西省", by: { label: "test" }, now: now() });
  const line = (id: number) => sql().prepare("SELECT status, batch_id AS batch, round FROM subsidy_lines WHERE id = ?").get(id) as { status: string; batch: number | null; round: number };
  const shot = async (page: Page, name: string) => {
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, `${name}.png`), fullPage: !process.env.SCREENSHOT_VIEWPORT });
  };
  const desktop = () => stage.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  async function signIn(context: BrowserContext, login: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(stage.served.baseUrl + "/login");
    await page.getByLabel("账号（手机号或用户名）").fill(login);
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(/\/bureau$/);
    return page;
  }

  it("walks compute → review → notice → objection → batch → payment file → four eyes → reversal → paid again once", async () => {
    const first = compute();
    if (first.status !== "done") throw new Error(JSON.stringify(first));
    const [a, b, ...rest] = first.addedIds;
    expect(rest.length).toBeGreaterThan(0);

    const approverContext = await desktop();
    let approver = await signIn(approverContext, "approver");
    await approver.goto(stage.served.baseUrl + "/bureau/subsidies?policy=JT-2025");
    await shot(approver, "1-lines");
    // At a desk the whole line table is in view: amount and stage need no sideways scroll.
    const sideways = await approver.locator(".subsidy-lines").evaluate((table) => table.parentElement!.scrollWidth - table.parentElement!.clientWidth);
    expect(sideways).toBeLessThanOrEqual(0);
    await approver.getByLabel(`选择明细 #${a}`, { exact: true }).check();
    await approver.getByRole("button", { name: "审核通过" }).click();
    await approver.waitForURL(/ok=reviewed/);
    await expect(approver.locator(".notice").textContent()).resolves.toContain("已办理 1 条");
    expect(line(a!).status).toBe("已审核");

    await approver.getByLabel(`选择明细 #${b}`, { exact: true }).check();
    await approver.getByRole("button", { name: "驳回", exact: true }).click();
    await expect(approver.locator(".form-error, [role=alert]").first().textContent()).resolves.toContain("驳回必须填写原因");
    await approver.getByLabel(`选择明细 #${b}`, { exact: true }).check();
    await approver.getByLabel("驳回原因（驳回时必填）").fill("外出务工证明不全");
    await approver.getByRole("button", { name: "驳回", exact: true }).click();
    await approver.waitForURL(/ok=reviewed/);
    expect(line(b!).status).toBe("已驳回");

    await approver.goto(stage.served.baseUrl + "/bureau/subsidies?policy=JT-2025&status=待审核");
    await approver.getByLabel(/筛选出的全部/).check();
    await approver.getByRole("button", { name: "审核通过" }).click();
    await approver.waitForURL(/ok=reviewed/);
    for (const id of rest) expect(line(id).status).toBe("已审核");

    await approver.goto(stage.served.baseUrl + "/bureau/subsidies?status=待公示");
    await approver.getByLabel(/筛选出的全部/).check();
    await approver.getByLabel("公示标题").fill("2025年度跨省务工交通补贴公示");
    await approver.getByRole("button", { name: "发布公示" }).click();
    await approver.waitForURL(/ok=published/);
    await approver.goto(stage.served.baseUrl + "/bureau/subsidies/notices");
    await shot(approver, "2-notices");
    const noticeHref = await approver.locator('a[href^="/notices/"]').first().getAttribute("href");

    // Anyone opens the notice on a phone, without signing in: masked names, no ID number, a QR code.
    const phone = await phoneContext(stage.browser);
    const publicPage = await phone.newPage();
    await publicPage.goto(stage.served.baseUrl + noticeHref!);
    await expect(publicPage.locator("h1").textContent()).resolves.toBe("2025年度跨省务工交通补贴公示");
    const text = (await publicPage.locator("main, body").first().textContent()) ?? "";
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    expect(text).toMatch(/[\u4e00-\u9fa5]\*/);
    const qrLoaded = await publicPage.locator(".notice-qr img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
    expect(qrLoaded).toBe(true);
    const overflow = await publicPage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(publicPage, "3-public-notice-360");
    await publicPage.emulateMedia({ media: "print" });
    await shot(publicPage, "4-public-notice-print");
    const desktopPublic = await (await desktop()).newPage();
    await desktopPublic.goto(stage.served.baseUrl + noticeHref!);
    await shot(desktopPublic, "3-public-notice-1280");
    // Printed for the village board (an A5 sheet, 559 px wide), no masked name is broken over two lines.
    const board = await (await stage.browser.newContext({ viewport: { width: 559, height: 794 }, locale: "zh-CN" })).newPage();
    await board.emulateMedia({ media: "print" });
    await board.goto(stage.served.baseUrl + noticeHref!);
    const nameLines = await board.locator(".notice-name").evaluateAll((cells) =>
      cells.map((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return range.getClientRects().length;
      }),
    );
    expect(nameLines.length).toBeGreaterThan(0);
    expect(nameLines.filter((n) => n !== 1)).toEqual([]);

    // An objection against line a holds it back.
    await approver.goto(stage.served.baseUrl + `/bureau/subsidies/${a}`);
    await approver.getByLabel("异议人（姓名或“匿名”）").fill("村民（匿名）");
    await approver.getByLabel("异议内容").fill("此人2025年在本村务农");
    await approver.getByRole("button", { name: "登记异议" }).click();
    await approver.waitForURL(/ok=/);
    await expect(approver.locator(".line-workflow").textContent()).resolves.toContain("有异议，暂缓");
    await shot(approver, "5-line-objection");

    // The notice ends; a batch built now leaves line a out.
    shift = 7 * DAY;
    approver = await signIn(approverContext, "approver");
    await approver.goto(stage.served.baseUrl + "/bureau/subsidies");
    await approver.getByRole("button", { name: "生成发放批次" }).click();
    await approver.waitForURL(/\/bureau\/subsidies\/batches\/\d+/);
    expect(line(a!).batch).toBeNull();
    expect(line(rest[0]!).batch).not.toBeNull();

    await approver.goto(stage.served.baseUrl + `/bureau/subsidies/${a}`);
    await approver.getByLabel("处理意见").fill("经核实确在外省务工");
    await approver.getByRole("button", { name: "处理异议" }).click();
    await approver.waitForURL(/ok=/);
    await approver.goto(stage.served.baseUrl + "/bureau/subsidies");
    await approver.getByRole("button", { name: "生成发放批次" }).click();
    await approver.waitForURL(/\/bureau\/subsidies\/batches\/\d+/);
    const batchUrl = approver.url();
    expect(line(a!).batch).not.toBeNull();

    const download = approver.waitForEvent("download");
    await approver.getByRole("link", { name: "下载发放文件（.xlsx）" }).click();
    expect((await download).suggestedFilename()).toMatch(/^FF\d{8}-\d{3}\.xlsx$/);
    expect((sql().prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'subsidy-payment-file'").get() as { n: number }).n).toBe(1);

    // Four eyes: the approver is refused, the payer marks it paid.
    await approver.getByLabel("银行流水号").fill("NX2026113000017");
    await approver.getByRole("button", { name: "确认已发放" }).click();
    await expect(approver.locator("body").textContent()).resolves.toContain("双人复核");
    expect(line(a!).status).toBe("已审核");
    await shot(approver, "6-batch-four-eyes");
    const payerContext = await desktop();
    let payer = await signIn(payerContext, "payer");
    await payer.goto(batchUrl);
    await payer.getByLabel("银行流水号").fill("NX2026113000017");
    await payer.getByRole("button", { name: "确认已发放" }).click();
    await payer.waitForURL(/ok=/);
    expect(line(a!).status).toBe("已发放");
    await shot(payer, "7-batch-paid");

    // Reverse the paid line; the reversal is reviewed and paid like any line.
    await payer.goto(stage.served.baseUrl + `/bureau/subsidies/${a}`);
    await payer.getByLabel("冲销原因").fill("外出务工起始日期登记有误");
    await payer.getByRole("button", { name: "冲销" }).click();
    await payer.waitForURL(/\/bureau\/subsidies\/\d+\?ok=/);
    const reversal = Number(/subsidies\/(\d+)/.exec(payer.url())![1]);
    await approver.goto(stage.served.baseUrl + `/bureau/subsidies/${reversal}`);
    await approver.getByRole("button", { name: "审核通过" }).click();
    await approver.goto(stage.served.baseUrl + "/bureau/subsidies");
    await approver.getByRole("button", { name: "生成发放批次" }).click();
    await approver.waitForURL(/\/bureau\/subsidies\/batches\/\d+/);
    await payer.goto(approver.url());
    await payer.getByLabel("银行流水号").fill("NX-R1");
    await payer.getByRole("button", { name: "确认已发放" }).click();
    await payer.waitForURL(/ok=/);
    expect(line(reversal).status).toBe("已发放");

    // Recompute: the key comes back once, in round 1, and goes the whole way again.
    const again = compute();
    const keyOf = (id: number) => JSON.stringify(sql().prepare("SELECT policy_id, period, worker_id, employer_id FROM subsidy_lines WHERE id = ?").get(id));
    const added = again.status === "done" ? again.addedIds.filter((id) => keyOf(id) === keyOf(a!)) : [];
    expect(added).toHaveLength(1);
    // The line rejected at the start stays rejected: computing again does not propose its key anew.
    expect(again.status === "done" ? again.addedIds.map(keyOf) : []).not.toContain(keyOf(b!));
    const redo = added[0]!;
    expect(line(redo)).toMatchObject({ round: 1, status: "待审核" });
    await approver.goto(stage.served.baseUrl + `/bureau/subsidies/${redo}`);
    await approver.getByRole("button", { name: "审核通过" }).click();
    await approver.goto(stage.served.baseUrl + "/bureau/subsidies?status=待公示");
    await approver.getByLabel(`选择明细 #${redo}`, { exact: true }).check();
    await approver.getByLabel("公示标题").fill("补发公示");
    await approver.getByRole("button", { name: "发布公示" }).click();
    await approver.waitForURL(/ok=published/);
    shift = 15 * DAY;
    approver = await signIn(approverContext, "approver");
    payer = await signIn(payerContext, "payer");
    await approver.goto(stage.served.baseUrl + "/bureau/subsidies");
    await approver.getByRole("button", { name: "生成发放批次" }).click();
    await approver.waitForURL(/\/bureau\/subsidies\/batches\/\d+/);
    await payer.goto(approver.url());
    await payer.getByLabel("银行流水号").fill("NX-2");
    await payer.getByRole("button", { name: "确认已发放" }).click();
    await payer.waitForURL(/ok=/);
    expect(line(redo).status).toBe("已发放");
    const key = sql().prepare("SELECT policy_id AS p, period, worker_id AS w FROM subsidy_lines WHERE id = ?").get(a) as { p: number; period: string; w: number };
    expect(sql().prepare("SELECT sum(amount_fen) AS net FROM subsidy_lines WHERE policy_id = ? AND period = ? AND worker_id = ? AND status = '已发放'").get(key.p, key.period, key.w)).toEqual({ net: 80_000 });
    const afterAll = compute();
    expect((afterAll.status === "done" ? afterAll.addedIds : []).map(keyOf)).not.toContain(keyOf(a!));

    await payer.goto(stage.served.baseUrl + `/bureau/subsidies/${a}`);
    await expect(payer.locator("body").textContent()).resolves.toContain(`#${reversal}`);
    await shot(payer, "8-line-trail");
    await phone.close();
    await approverContext.close();
    await payerContext.close();
  });
});
