/**
 * 认定 over HTTP: county staff recognise a workshop and withdraw it, each with a date and a note;
 * the history keeps both; a town cadre reads but cannot decide; a bad form keeps what was typed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../src/use-cases/accounts.ts";
import { messages } from "../views/messages.ts";
import { startTestPlatform, TEST_TODAY, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "车间认定测试密码2026";

describe("workshop recognition", () => {
  let platform: TestPlatform;
  let county: WebClient;
  let cadre: WebClient;
  let workshop: { id: number; code: string; recognition: string };

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "bureau-employers" });
    workshop = platform.db.$client.prepare("SELECT id, code, recognition FROM employers WHERE type = '帮扶车间' AND recognition = '未认定' ORDER BY id LIMIT 1").get() as typeof workshop;
    const town = platform.db.$client.prepare("SELECT name FROM towns ORDER BY id LIMIT 1").get() as { name: string };
    await createAccount(platform.db, { role: "county", login: "county", password: PASSWORD, by: { label: "test" } });
    await createAccount(platform.db, { role: "town", login: "cadre", password: PASSWORD, townName: town.name, by: { label: "test" } });
    county = webClient(platform.app);
    cadre = webClient(platform.app);
    await county.login("county", PASSWORD);
    await cadre.login("cadre", PASSWORD);
  });
  afterAll(() => platform?.close());

  const recognition = () => (platform.db.$client.prepare("SELECT recognition FROM employers WHERE id = ?").get(workshop.id) as { recognition: string }).recognition;

  it("lists workshops with their status and filters by it", async () => {
    const html = await (await county.get("/bureau/employers?recognition=未认定")).text();
    expect(html).toContain(`/bureau/employers/${workshop.code}"`);
    expect(await (await county.get("/bureau/employers?recognition=已认定")).text()).not.toContain(`/bureau/employers/${workshop.code}"`);
  });

  it("recognises and withdraws with a date and a note, keeping the history and the audit trail", async () => {
    const path = `/bureau/employers/${workshop.code}`;
    await county.text(await county.get(path));
    const bad = await county.post(`${path}/recognition`, { status: "已认定", effectiveDate: "9999-99-99", note: "现场核查合格" });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("日期不存在");
    expect(badHtml).toContain("现场核查合格");
    expect(recognition()).toBe("未认定");

    expect((await county.post(`${path}/recognition`, { status: "已认定", effectiveDate: "2026-11-01", note: "现场核查合格" })).status).toBe(303);
    expect(recognition()).toBe("已认定");
    expect((await county.post(`${path}/recognition`, { status: "已认定", effectiveDate: "2026-11-02", note: "" })).status).toBe(400);
    expect((await county.post(`${path}/recognition`, { status: "未认定", effectiveDate: "2026-11-20", note: "停工三个月" })).status).toBe(303);
    expect(recognition()).toBe("未认定");

    const html = await (await county.get(path)).text();
    expect(html).toContain("2026-11-20 未认定（county）");
    expect(html).toContain("2026-11-01 已认定（county）");
    expect(html).toContain("停工三个月");
    const rows = platform.db.$client.prepare("SELECT status, effective_date, note FROM employer_recognitions WHERE employer_id = ? ORDER BY id").all(workshop.id);
    expect(rows).toEqual([
      { status: "已认定", effective_date: "2026-11-01", note: "现场核查合格" },
      { status: "未认定", effective_date: "2026-11-20", note: "停工三个月" },
    ]);
    const audit = platform.db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'employer' AND entity_id = ?").get(String(workshop.id)) as { n: number };
    expect(audit.n).toBe(2);
  });

  it("lets a town cadre read a workshop but not decide", async () => {
    const path = `/bureau/employers/${workshop.code}`;
    const html = await cadre.text(await cadre.get(path));
    expect(html).not.toContain("recognition-form");
    expect((await cadre.post(`${path}/recognition`, { status: "已认定", effectiveDate: "2026-11-21", note: "" })).status).toBe(403);
    expect(recognition()).toBe("未认定");
    const other = platform.db.$client.prepare("SELECT code FROM employers WHERE type = '公益性岗位' LIMIT 1").get() as { code: string } | undefined;
    if (other) expect((await county.get(`/bureau/employers/${other.code}`)).status).toBe(404);
  });

  it("asks for a note with every decision and shows who works in each workshop today", async () => {
    const path = `/bureau/employers/${workshop.code}`;
    await county.text(await county.get(path));
    const bare = await county.post(`${path}/recognition`, { status: "已认定", effectiveDate: "2026-11-22", note: "  " });
    expect(bare.status).toBe(400);
    expect(await bare.text()).toContain(messages.recognitionNote.required);
    const expected = platform.db.$client
      .prepare(
        `SELECT count(DISTINCT p.worker_id) AS employed FROM placements p WHERE p.employer_id = ? AND p.start_date <= ? AND (p.end_date IS NULL OR p.end_date >= ?)`,
      )
      .get(workshop.id, TEST_TODAY, TEST_TODAY) as { employed: number };
    const page = await (await county.get(path)).text();
    expect(page).toContain(messages.recognitionNote.people(expected.employed));
    const list = await (await county.get("/bureau/employers")).text();
    expect(list).toContain(`<th class="num">${messages.recognitionNote.employed}</th>`);
  });
});
