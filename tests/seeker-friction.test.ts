/**
 * What a seeker hit (issue 10), in-process over the real app: filters that are one tap without
 * JavaScript (chips carrying the rest of the search), a distance without a place said and led
 * to the place list, the application form filled from the account, the registry and the search,
 * and 查询报名 — checking and withdrawing an application with the phone and its receipt code,
 * masked, throttled, and never saying whether a phone has applied.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeIdNumber } from "../src/core/id-number.ts";
import { createAccount } from "../src/use-cases/accounts.ts";
import { importSpreadsheet } from "../src/use-cases/import-spreadsheet.ts";
import { messages } from "../views/messages.ts";
import { loadJobFixture } from "./support/job-fixture.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { webClient } from "./support/web-client.ts";

let platform: TestPlatform;
let xijie: number;
const enc = encodeURIComponent;
const PASSWORD = "cai-you-mian-2026";

beforeAll(async () => {
  platform = await startTestPlatform({ label: "seeker-friction", demoData: false });
  await loadJobFixture(platform);
  xijie = (platform.db.$client.prepare("SELECT id FROM villages WHERE name = '西街村'").get() as { id: number }).id;
  // One registry worker in 上坪村, and a seeker account with her name and phone.
  const folder = mkdtempSync(join(tmpdir(), "seeker-friction-"));
  const file = join(folder, "workers.csv");
  writeFileSync(file, `户编号,户类型,姓名,身份证号,联系电话,乡镇,村,劳动能力\nH900,脱贫户,刘桂香,${makeIdNumber("360732", "1968-03-05", 17)},13907979001,岭背镇,上坪村,有劳动能力\n`);
  const imported = await importSpreadsheet({ db: platform.db, protector: platform.protector, kind: "workers", file, by: { label: "test" }, today: "2026-11-23" });
  expect(imported).toMatchObject({ status: "done", rejected: [] });
  await createAccount(platform.db, { role: "seeker", login: "13907979001", displayName: "刘桂香", password: PASSWORD, by: { label: "test" } });
  await createAccount(platform.db, { role: "seeker", login: "13907979002", displayName: "钟小梅", password: PASSWORD, by: { label: "test" } });
});
afterAll(() => platform?.close());

const html = async (path: string) => {
  const res = await platform.app.request(path);
  expect(res.status).toBe(200);
  return res.text();
};
/** The href of the chip labelled `label` inside the group with this id. */
function chipHref(page: string, groupId: string, label: string): string {
  const group = page.match(new RegExp(`<fieldset[^>]*id="${groupId}"[^>]*>([\\s\\S]*?)</fieldset>`))?.[1] ?? "";
  const href = group.match(new RegExp(`<a class="choice" href="([^"]*)"[^>]*><span>${label}</span>`))?.[1];
  if (href === undefined) throw new Error(`no chip ${label} in ${groupId}`);
  return href.replaceAll("&amp;", "&");
}
const chosenIn = (page: string, groupId: string) =>
  [...(page.match(new RegExp(`<fieldset[^>]*id="${groupId}"[^>]*>([\\s\\S]*?)</fieldset>`))?.[1] ?? "").matchAll(/<a class="choice" href="[^"]*" aria-current="true"><span>([^<]*)</g)].map((m) => m[1]);

describe("filters with JavaScript off", () => {
  it("makes every choice a link that keeps the rest of the search: one tap filters", async () => {
    const start = await html(`/jobs?q=${enc("缝纫")}&village=${xijie}`);
    const fullDay = chipHref(start, "filter-time", "全天班");
    const params = new URL(fullDay, "http://x").searchParams;
    expect(params.get("q")).toBe("缝纫");
    expect(params.get("village")).toBe(String(xijie));
    expect(params.get("time")).toBe("全天");

    const after = await html(fullDay);
    expect(chosenIn(after, "filter-time")).toEqual(["全天班"]);
    // The town is a chip too (it was a list that needed 看结果), and so are the order and the radius.
    const town = await html(chipHref(after, "filter-town", "双龙镇"));
    expect(chosenIn(town, "filter-town")).toEqual(["双龙镇"]);
    expect(chosenIn(town, "filter-time")).toEqual(["全天班"]);
    expect(town).toContain(messages.search.resultsCount(2));
    const near = await html(chipHref(town, "filter-radius", messages.search.radius(5)));
    expect(chosenIn(near, "filter-radius")).toEqual([messages.search.radius(5)]);
  });

  it("clears a group with 不限, takes a benefit away with a second tap, and starts again at page one", async () => {
    const page = await html(`/jobs?type=${enc("帮扶车间")}&benefit=${enc("包吃")}&offset=20`);
    expect(new URL(chipHref(page, "filter-type", messages.search.any), "http://x").searchParams.has("type")).toBe(false);
    const again = new URL(chipHref(page, "filter-benefits", "包吃"), "http://x").searchParams;
    expect(again.getAll("benefit")).toEqual([]);
    expect(again.get("type")).toBe("帮扶车间");
    const more = new URL(chipHref(page, "filter-benefits", "接送"), "http://x").searchParams;
    expect(more.getAll("benefit")).toEqual(["包吃", "接送"]);
    expect(more.has("offset")).toBe(false);
  });

  it("lists what is chosen above the results, each taken away with one tap, and opens the new page at the results", async () => {
    const page = await html(`/jobs?type=${enc("帮扶车间")}&time=${enc("全天")}`);
    const bar = page.match(/<p class="chosen"[^>]*>([\s\S]*?)<\/p>/)?.[1] ?? "";
    const links = [...bar.matchAll(/<a class="chosen-chip" href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => ({ href: m[1]!.replaceAll("&amp;", "&"), label: m[2] }));
    expect(links.map((l) => l.label)).toEqual(["家门口车间 ✕", "全天班 ✕"]);
    expect(links[0]!.href).toBe(`/jobs?time=${enc("全天")}#job-list`);
    expect(chipHref(page, "filter-time", "半天班")).toMatch(/#job-list$/);
    expect(await html("/jobs")).not.toContain('class="chosen"');
  });

  it("marks the chosen chip for screen readers, and keeps no radio that needs a second tap", async () => {
    const page = await html(`/jobs?time=${enc("半天")}`);
    expect(page).not.toMatch(/type="radio"/);
    expect(page).not.toMatch(/<select id="(sort|radius|town)"/);
    expect(chosenIn(page, "filter-time")).toEqual(["半天班"]);
  });
});

describe("a distance without a place", () => {
  it("says so beside the place list, at the top of the page, instead of ignoring it", async () => {
    for (const [path, said] of [
      ["/jobs?radius=5", messages.searchNotices.radiusNeedsOrigin],
      ["/jobs?sort=distance", messages.search.distanceNeedsOrigin],
    ] as const) {
      const page = await html(path);
      expect(page, path).toContain(`<p class="notice origin-needed" id="origin-needed" role="status">${said}</p><select id="village" name="village" class="live" aria-describedby="origin-needed">`);
      // Said once: the list below does not repeat it.
      expect(page.split(said).length - 1, path).toBe(1);
    }
    expect(await html(`/jobs?radius=5&village=${xijie}`)).not.toContain("origin-needed");
  });

  it("says so in the list htmx swaps, with a link to the place list", async () => {
    const res = await platform.app.request("/jobs?radius=5", { headers: { "HX-Request": "true", "HX-Target": "job-list" } });
    const fragment = await res.text();
    expect(fragment).toMatch(new RegExp(`<p class="notice origin-needed" role="status">${messages.searchNotices.radiusNeedsOrigin} <a href="#village">${messages.chips.choosePlace}</a>`));
    // The order and radius chips come back out of band too, so their links follow the search.
    for (const id of ["filter-sort", "filter-radius"]) expect(fragment).toMatch(new RegExp(`id="${id}"[^>]*hx-swap-oob="true"`));
  });
});

describe("the application form", () => {
  const field = (page: string, id: string) => page.match(new RegExp(`id="${id}"[^>]*value="([^"]*)"`))?.[1];

  it("takes the village chosen in the search", async () => {
    const page = await html(`/jobs/F01?village=${xijie}`);
    expect(field(page, "apply-village")).toBe("西街村");
    expect(page).toContain(messages.applyPrefill.fromSearch("西街村"));
    expect(field(await html("/jobs/F01"), "apply-village")).toBe("");
  });

  it("is filled for a signed-in seeker: name and phone from the account, the village from the registry", async () => {
    const web = webClient(platform.app);
    await web.login("13907979001", PASSWORD);
    const page = await web.text(await web.get(`/jobs/F01?village=${xijie}`));
    expect(field(page, "apply-name")).toBe("刘桂香");
    expect(field(page, "apply-phone")).toBe("13907979001");
    // The registry knows her (same name and phone) in 上坪村: that wins over the search's village.
    expect(field(page, "apply-village")).toBe("上坪村");
    expect(page).toContain(messages.applyPrefill.fromAccount);
  });

  it("leaves no dead end on an empty 我的报名: the way back to the jobs", async () => {
    const web = webClient(platform.app);
    await web.login("13907979002", PASSWORD);
    const page = await web.text(await web.get("/account/applications"));
    expect(page).toContain(messages.myApplications.none);
    expect(page).toContain(`<a class="button" href="/jobs">${messages.apply.continue}</a>`);
  });

  it("falls back to the search's village for a seeker the registry does not hold", async () => {
    const web = webClient(platform.app);
    await web.login("13907979002", PASSWORD);
    const page = await web.text(await web.get(`/jobs/F02?village=${xijie}`));
    expect(field(page, "apply-name")).toBe("钟小梅");
    expect(field(page, "apply-village")).toBe("西街村");
  });
});

describe("查询报名 without an account", () => {
  async function apply(code: string, name: string, phone: string): Promise<string> {
    const web = webClient(platform.app);
    await web.text(await web.get(`/jobs/${code}`));
    const res = await web.post(`/jobs/${code}/apply`, { name, phone });
    expect(res.status).toBe(200);
    const page = await res.text();
    const shown = page.match(/id="receipt-code">(\d{4})-(\d{4})</);
    if (!shown) throw new Error("no receipt code shown");
    return shown[1]! + shown[2]!;
  }
  async function check(fields: Record<string, string>, path = "/applications/check", address = "10.1.1.1") {
    const web = webClient(platform.app);
    await web.text(await web.get("/applications/check"));
    const res = await web.post(path, fields, { "X-Forwarded-For": address });
    return { status: res.status, page: await res.text() };
  }

  it("shows a receipt code once after applying, and only its keyed hash is stored", async () => {
    const code = await apply("F04", "黄冬梅", "13907975001");
    const stored = platform.db.$client.prepare("SELECT receipt_hash AS h FROM applications WHERE applicant_phone = '13907975001'").get() as { h: string };
    expect(stored.h).toBeTruthy();
    expect(stored.h).not.toContain(code);
    expect(await html("/jobs")).toContain('href="/applications/check"');
    expect(await html("/")).toContain('href="/applications/check"');
  });

  it("finds the application by phone and code, masked, and withdraws it with an audit row", async () => {
    const code = await apply("F05", "黄冬梅", "13907975002");
    const found = await check({ phone: "139 0797 5002", code: `${code.slice(0, 4)}-${code.slice(4)}` });
    expect(found.status).toBe(200);
    expect(found.page).toContain("生态护林员");
    expect(found.page).toContain("黄*梅");
    expect(found.page).toContain("139****5002");
    expect(found.page).not.toContain("黄冬梅");
    expect(found.page).not.toContain(">13907975002<");

    const withdrawn = await check({ phone: "13907975002", code }, "/applications/check/withdraw");
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.page).toContain(messages.receipt.withdrawn);
    const row = platform.db.$client.prepare("SELECT id, status FROM applications WHERE applicant_phone = '13907975002'").get() as { id: number; status: string };
    expect(row.status).toBe("已撤回");
    const audit = platform.db.$client.prepare("SELECT after FROM audit_log WHERE entity = 'application' AND entity_id = ? AND action = 'update'").all(String(row.id)) as { after: string }[];
    expect(audit.map((a) => JSON.parse(a.after).status)).toEqual(["已撤回"]);
    // Withdrawn is final for the applicant: no button any more.
    expect((await check({ phone: "13907975002", code })).page).not.toContain(messages.receipt.withdraw);
  });

  it("will not withdraw what the employer has decided", async () => {
    const code = await apply("F06", "黄冬梅", "13907975003");
    platform.db.$client.prepare("UPDATE applications SET status = '已录用' WHERE applicant_phone = '13907975003'").run();
    const refused = await check({ phone: "13907975003", code }, "/applications/check/withdraw");
    expect(refused.status).toBe(409);
    expect(refused.page).toContain(messages.receipt.cannotWithdraw);
    expect((platform.db.$client.prepare("SELECT status FROM applications WHERE applicant_phone = '13907975003'").get() as { status: string }).status).toBe("已录用");
  });

  it("answers a wrong code and an unknown phone alike, and checks the fields", async () => {
    const code = await apply("F07", "黄冬梅", "13907975004");
    const wrong = String((Number(code) + 1) % 1e8).padStart(8, "0");
    const wrongCode = await check({ phone: "13907975004", code: wrong }, undefined, "10.2.2.2");
    const unknownPhone = await check({ phone: "13907975999", code }, undefined, "10.2.2.2");
    expect(wrongCode.status).toBe(404);
    expect(unknownPhone.status).toBe(404);
    const problem = (page: string) => page.match(/<p class="error-summary" role="alert">([^<]*)</)?.[1];
    expect(problem(wrongCode.page)).toBe(messages.receipt.errors.notFound);
    expect(problem(unknownPhone.page)).toBe(problem(wrongCode.page));

    const bad = await check({ phone: "1390797", code: "12" });
    expect(bad.status).toBe(422);
    expect(bad.page).toContain(messages.receipt.errors.phoneInvalid);
    expect(bad.page).toContain(messages.receipt.errors.codeInvalid);
  });

  it("refuses guessing: after ten wrong codes for a phone even the right one waits", async () => {
    const code = await apply("F08", "黄冬梅", "13907975005");
    const wrong = String((Number(code) + 7) % 1e8).padStart(8, "0");
    for (let i = 0; i < 10; i++) {
      // From different addresses: the limit per phone holds whoever guesses.
      expect((await check({ phone: "13907975005", code: wrong }, undefined, `10.3.3.${i}`)).status).toBe(404);
    }
    const blocked = await check({ phone: "13907975005", code }, undefined, "10.3.3.99");
    expect(blocked.status).toBe(429);
    expect(blocked.page).toMatch(/查询次数太多了，请 \d+ 秒后再试/);
  });
});
