/**
 * The bureau's spreadsheet page over HTTP: a county officer uploads a file, sees what was
 * accepted and each rejected row (row, column, reason), downloads the rejected-rows report;
 * blank templates and exports per kind; a file too large or missing is refused with a message.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertImportJob } from "../db/queries/import-jobs.ts";
import { createAccount } from "../src/use-cases/accounts.ts";
import { startTestPlatform, testClock, type TestPlatform } from "./support/test-platform.ts";
import { postUpload, uploadAndWait } from "./support/upload.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "导入页面测试密码2026";

describe("bureau spreadsheet page", () => {
  let platform: TestPlatform;
  let county: WebClient;

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "bureau-import", demoData: false });
    await createAccount(platform.db, { role: "county", login: "county", password: PASSWORD, by: { label: "test" } });
    county = webClient(platform.app);
    expect((await county.login("county", PASSWORD)).status).toBe(303);
  });
  afterAll(() => platform?.close());

  const upload = (fields: Parameters<typeof postUpload>[2]) => postUpload(platform.app, county, fields);

  it("imports a file, shows accepted and rejected rows, and serves the rejected-rows report", async () => {
    const csv = "\ufeff乡镇,村,经度,纬度\r\n测试镇,东村,115.40,25.90\r\n测试镇,西村,115.41,125.00\r\n";
    const { status, html, location } = await uploadAndWait(platform.app, county, "regions", { name: "村镇.csv", content: csv });
    expect(location).toMatch(/^\/bureau\/import\/jobs\//);
    expect(status).toBe(200);
    expect(html).toContain("新增 1");
    // htmx asks for the job's area alone.
    const fragment = await (await county.get(location, { "HX-Request": "true", "HX-Target": "import-progress" })).text();
    expect(fragment).toMatch(/^<div id="import-progress">/);
    expect(fragment).not.toContain("<html");
    expect(html).toMatch(/<dd class="accepted">1<\/dd>/);
    expect(html).toMatch(/<dd class="rejected">1<\/dd>/);
    expect(html).toContain("<td class=\"num\">3</td><td>纬度</td>");
    const report = /href="(\/bureau\/import\/reports\/[^"]+)"/.exec(html)![1]!;
    const file = await county.get(report);
    expect(file.status).toBe(200);
    const text = await file.text();
    expect(text).toContain("行号,列,原因");
    expect(text).toContain("西村");
    expect(platform.db.$client.prepare("SELECT count(*) AS n FROM villages").get()).toEqual({ n: 1 });

    // Another officer cannot fetch it.
    await createAccount(platform.db, { role: "county", login: "county2", password: PASSWORD, by: { label: "test" } });
    const other = webClient(platform.app);
    await other.login("county2", PASSWORD);
    expect((await other.get(report)).status).toBe(404);

    // The same file again changes nothing.
    const again = await uploadAndWait(platform.app, county, "regions", { name: "村镇.csv", content: csv });
    expect(again.html).toContain("无变化 1");
    // Someone else's import page is not theirs.
    expect((await other.get(location)).status).toBe(404);
  });

  it("names the county officer who uploaded as the author of every change in the audit log", async () => {
    const csv = "乡镇,村,经度,纬度\r\n审计镇,甲村,115.50,25.90\r\n审计镇,乙村,115.51,25.91\r\n";
    const { html } = await uploadAndWait(platform.app, county, "regions", { name: "审计.csv", content: csv });
    expect(html).toContain("新增 2");
    const user = platform.db.$client.prepare("SELECT id FROM users WHERE login = 'county'").get() as { id: number };
    const rows = platform.db.$client
      .prepare("SELECT entity, actor_user_id AS userId, actor_label AS label FROM audit_log WHERE entity IN ('town', 'village') AND (after LIKE '%审计镇%') ORDER BY id")
      .all();
    expect(rows).toEqual([
      { entity: "town", userId: user.id, label: "county" },
      { entity: "village", userId: user.id, label: "county" },
      { entity: "village", userId: user.id, label: "county" },
    ]);
  });

  it("refuses a missing kind or file, an unreadable file and a file too large, with a message", async () => {
    expect(await (await upload({ file: { name: "a.csv", content: "x" } })).text()).toContain("请选择表格种类");
    expect((await upload({ kind: "regions" })).status).toBe(400);
    expect(await (await upload({ kind: "regions", file: { name: "a.txt", content: "x" } })).text()).toContain("请选择 .xlsx 或 .csv 文件");
    const missing = await uploadAndWait(platform.app, county, "regions", { name: "a.csv", content: "乡镇,村\r\n甲,乙\r\n" });
    expect(missing.html).toContain("缺少必填列");
    const big = await upload({ kind: "regions", file: { name: "big.csv", content: new Uint8Array(21 * 1024 * 1024) } });
    expect(big.status).toBe(413);
    expect(await big.text()).toContain("文件太大");
  });

  it("serves blank templates and exports per kind", async () => {
    const template = await county.get("/bureau/export/workers?template=1&format=csv");
    expect(template.status).toBe(200);
    const header = (await template.text()).replace(/^\ufeff/, "").split("\r\n")[0]!;
    expect(header).toContain("身份证号");
    const xlsx = await county.get("/bureau/export/postings?template=1&format=xlsx");
    expect(new TextDecoder().decode(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2))).toBe("PK");
    const regions = await (await county.get("/bureau/export/regions?format=csv")).text();
    expect(regions).toContain("测试镇,东村");
    expect((await county.get("/bureau/export/nonsense")).status).toBe(404);
  });

  it("serves .xlsx templates with drop-downs, a wide text column for ID numbers and an example sheet", async () => {
    const res = await county.get("/bureau/export/workers?template=1&format=xlsx");
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const [data, example] = book.worksheets;
    const headers = (data!.getRow(1).values as unknown[]).slice(1);
    const id = headers.indexOf("身份证号") + 1;
    expect(data!.getColumn(id).width).toBeGreaterThanOrEqual(20);
    expect(data!.getCell(2, id).numFmt).toBe("@");
    expect(data!.getCell(2, headers.indexOf("劳动能力") + 1).dataValidation?.type).toBe("list");
    expect(example!.rowCount).toBe(2);
  });

  it("an error that is not the row's fault fails the import, is logged, and is not reported as a rejected row", async () => {
    // A broken database for one village (as a bug would be): the row is fine, the write fails.
    platform.db.$client.exec("CREATE TRIGGER test_broken_village BEFORE INSERT ON villages WHEN NEW.name = '坏村' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    try {
      const csv = "乡镇,村,经度,纬度\r\n故障镇,好村,115.50,25.90\r\n故障镇,坏村,115.51,25.91\r\n";
      const { html } = await uploadAndWait(platform.app, county, "regions", { name: "故障.csv", content: csv });
      expect(html).toContain("导入中途出错");
      expect(html).not.toContain("这一行无法保存");
      expect(html).not.toMatch(/<dd class="rejected">/);
      // The whole batch rolled back with it: not even the good row or the town is there.
      expect(platform.db.$client.prepare("SELECT count(*) AS n FROM towns WHERE name = '故障镇'").get()).toEqual({ n: 0 });
      const logged = platform.logLines.map((l) => JSON.parse(l)).find((l) => l.msg === "web import failed");
      expect(logged).toMatchObject({ kind: "regions", err: { name: "ImportRowFailed", message: expect.stringContaining("disk on fire") } });
    } finally {
      platform.db.$client.exec("DROP TRIGGER test_broken_village");
    }
  });
});

describe("bureau import jobs across a restart", () => {
  it("keep their page and report; one cut short by the restart says so, and the file imports again", async () => {
    const first = await startTestPlatform({ label: "bureau-import-restart", demoData: false });
    const dataDir = first.dataDir;
    let second: TestPlatform | undefined;
    try {
      await createAccount(first.db, { role: "county", login: "county", password: PASSWORD, by: { label: "test" } });
      const web = webClient(first.app);
      await web.login("county", PASSWORD);
      const csv = "乡镇,村,经度,纬度\r\n重启镇,东村,115.40,25.90\r\n重启镇,西村,115.41,125.00\r\n";
      const finished = await uploadAndWait(first.app, web, "regions", { name: "村镇.csv", content: csv });
      const report = /href="(\/bureau\/import\/reports\/[^"]+)"/.exec(finished.html)![1]!;
      // A job still running when the process went away (as a kill leaves it).
      const userId = (first.db.$client.prepare("SELECT id FROM users WHERE login = 'county'").get() as { id: number }).id;
      insertImportJob(first.db, {
        publicId: "cut-short-by-a-restart",
        userId,
        kind: "regions",
        fileName: "大文件.csv",
        uploadPath: "/nonexistent/upload.csv",
        startedAt: first.now().toISOString(),
        expiresAt: new Date(first.now().getTime() + 3_600_000).toISOString(),
      });
      await first.stop();

      second = await startTestPlatform({ label: "bureau-import-restart", demoData: false, dataDir });
      const again = webClient(second.app);
      await again.login("county", PASSWORD);
      const page = await again.text(await again.get(finished.location));
      expect(page).toMatch(/<dd class="rejected">1<\/dd>/);
      const file = await again.get(report);
      expect(file.status).toBe(200);
      expect(await file.text()).toContain("西村");

      const interrupted = await again.text(await again.get("/bureau/import/jobs/cut-short-by-a-restart"));
      expect(interrupted).toContain("导入被中断");
      expect(interrupted).toContain("请重新上传同一个文件");
      expect(interrupted).not.toContain('hx-trigger="every 1s"');
      expect(second.logLines.some((l) => l.includes("web imports interrupted by the restart"))).toBe(true);

      const reimport = await uploadAndWait(second.app, again, "regions", { name: "村镇.csv", content: csv });
      expect(reimport.html).toContain("无变化 1");
      expect(second.db.$client.prepare("SELECT count(*) AS n FROM villages").get()).toEqual({ n: 1 });
    } finally {
      if (second) await second.close();
      else await first.close();
    }
  });
});

describe("bureau import jobs expire", () => {
  it("an hour after the upload, the job's page and its report are gone, and the next upload deletes them", async () => {
    const clock = testClock();
    let later = 0;
    const platform = await startTestPlatform({ label: "bureau-import-expiry", demoData: false, now: () => new Date(clock().getTime() + later) });
    try {
      await createAccount(platform.db, { role: "county", login: "county", password: PASSWORD, by: { label: "test" } });
      const web = webClient(platform.app);
      await web.login("county", PASSWORD);
      const csv = "乡镇,村,经度,纬度\r\n过期镇,东村,115.40,25.90\r\n过期镇,西村,115.41,125.00\r\n";
      const { html, location } = await uploadAndWait(platform.app, web, "regions", { name: "村镇.csv", content: csv });
      const report = /href="(\/bureau\/import\/reports\/[^"]+)"/.exec(html)![1]!;
      later = 59 * 60_000;
      expect((await web.get(report)).status).toBe(200);
      later = 61 * 60_000;
      const gone = await web.get(report);
      expect(gone.status).toBe(404);
      expect(await gone.text()).toContain("报告已过期");
      expect((await web.get(location)).status).toBe(404);
      // The next upload (signed in afresh on the later clock) sweeps the expired job and its rows.
      await web.login("county", PASSWORD);
      await uploadAndWait(platform.app, web, "regions", { name: "村镇.csv", content: csv });
      expect(platform.db.$client.prepare("SELECT count(*) AS n FROM import_jobs").get()).toEqual({ n: 1 });
      expect(platform.db.$client.prepare("SELECT count(*) AS n FROM import_job_rejections").get()).toEqual({ n: 1 });
    } finally {
      await platform.close();
    }
  });
});
