/**
 * The bureau's spreadsheet page over HTTP: a county officer uploads a file, sees what was
 * accepted and each rejected row (row, column, reason), downloads the rejected-rows report;
 * blank templates and exports per kind; a file too large or missing is refused with a message.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../src/use-cases/accounts.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
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
});
