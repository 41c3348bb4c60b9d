/**
 * One write path for postings: the manager's pages, the import, the registry use-case of the
 * fixtures and the demo loader all store `published_at` as the Beijing date it started
 * recruiting, and migration 0008 turns the timestamps stored before into that date.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER, migrate } from "../db/migrate.ts";
import { postingByCode } from "../db/queries/postings.ts";
import type { CountyPosting } from "../src/core/county.ts";
import { parsePostingInput } from "../src/core/posting-rules.ts";
import { importSpreadsheet } from "../src/use-cases/import-spreadsheet.ts";
import { postingPublisher, postingStatusChanger } from "../src/use-cases/manage-postings.ts";
import { savePosting } from "../src/use-cases/save-posting.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const BY = { label: "test" };

describe("one format of published_at", () => {
  let platform: TestPlatform;
  let employerId: number;
  let employerCode: string;
  beforeAll(async () => {
    platform = await startTestPlatform({ label: "write-path", today: "2026-11-23" });
    ({ id: employerId, code: employerCode } = platform.db.$client.prepare("SELECT id, code FROM employers ORDER BY id LIMIT 1").get() as { id: number; code: string });
  });
  afterAll(() => platform?.close());

  it("the demo county's postings are published on dates", () => {
    const formats = platform.db.$client.prepare("SELECT DISTINCT length(published_at) AS n FROM postings WHERE published_at IS NOT NULL").all();
    expect(formats).toEqual([{ n: 10 }]);
  });

  it("a manager's posting is published on the Beijing date, and a reopened one again on the day it reopens", () => {
    const parsed = parsePostingInput({ title: "剪线头", headcount: "2" }, "2026-11-23");
    if (!parsed.ok) throw new Error("the form should parse");
    // 2026-11-23 17:30 UTC is 2026-11-24 01:30 in Beijing.
    const row = postingPublisher({ db: platform.db }, { employerId, input: parsed.value, by: BY, now: new Date("2026-11-23T17:30:00Z") });
    expect(row.publishedAt).toBe("2026-11-24");
    postingStatusChanger({ db: platform.db }, { postingId: row.id, action: "close", by: BY, now: new Date("2026-11-25T02:00:00Z") });
    const reopened = postingStatusChanger({ db: platform.db }, { postingId: row.id, action: "reopen", by: BY, now: new Date("2026-11-27T02:00:00Z") });
    expect(reopened?.publishedAt).toBe("2026-11-27");
  });

  it("a posting written by code keeps its day, and one without a day is published today", () => {
    const posting = { code: "W01", employerCode, title: "包装工", description: "", headcount: 1, payUnit: "月", workingTime: "全天", skills: [], benefits: [], status: "招聘中" } satisfies Omit<CountyPosting, "publishedAt">;
    savePosting({ db: platform.db }, { posting, by: BY, now: new Date("2026-11-23T01:00:00Z") });
    expect(postingByCode(platform.db, "W01")?.publishedAt).toBe("2026-11-23");
    savePosting({ db: platform.db }, { posting: { ...posting, title: "包装女工" }, by: BY, now: new Date("2026-11-30T01:00:00Z") });
    expect(postingByCode(platform.db, "W01")).toMatchObject({ title: "包装女工", publishedAt: "2026-11-23" });
  });

  it("an imported posting is published on the import's date", async () => {
    const folder = mkdtempSync(join(tmpdir(), "write-path-"));
    const file = join(folder, "postings.csv");
    writeFileSync(file, `编号,用工主体编号,岗位名称,招聘人数,状态\nW02,${employerCode},搬运工,2,招聘中\n`);
    const outcome = await importSpreadsheet({ db: platform.db, protector: platform.protector, kind: "postings", file, by: BY, today: "2026-11-28" });
    expect(outcome).toMatchObject({ status: "done", created: 1, rejected: [] });
    expect(postingByCode(platform.db, "W02")?.publishedAt).toBe("2026-11-28");
  });

  it("every posting of the database has a date, none a timestamp", () => {
    const published = platform.db.$client.prepare("SELECT published_at AS p FROM postings WHERE published_at IS NOT NULL").all() as { p: string }[];
    expect(published.filter((r) => !DATE.test(r.p))).toEqual([]);
  });
});

describe("migration 0008_published_at", () => {
  /** The project's migrations, the journal cut after `lastTag`. */
  function migrationsUpTo(lastTag: string): string {
    const folder = mkdtempSync(join(tmpdir(), "migrations-"));
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
    journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === lastTag) + 1);
    writeFileSync(join(folder, "meta", "_journal.json"), JSON.stringify(journal));
    return folder;
  }

  it("turns the timestamps managers' postings were stamped with into their Beijing dates, and leaves dates alone", () => {
    const sqlite = new Database(":memory:");
    migrate(sqlite, migrationsUpTo("0005_registry_version"));
    sqlite.exec("INSERT INTO towns (id, name) VALUES (1, '城关镇')");
    sqlite.exec("INSERT INTO employers (id, code, name, type, town_id) VALUES (1, 'E1', '车间', '帮扶车间', 1)");
    const insert = sqlite.prepare("INSERT INTO postings (code, employer_id, title, headcount, published_at) VALUES (?, 1, '缝纫工', 1, ?)");
    insert.run("P1", "2026-11-23T17:30:00.000Z");
    insert.run("P2", "2026-11-23T15:59:59.999Z");
    insert.run("P3", "2026-10-01");
    insert.run("P4", null);
    expect(migrate(sqlite, MIGRATIONS_FOLDER).applied).toContain("0008_published_at");
    expect(sqlite.prepare("SELECT code, published_at AS p FROM postings ORDER BY code").all()).toEqual([
      { code: "P1", p: "2026-11-24" },
      { code: "P2", p: "2026-11-23" },
      { code: "P3", p: "2026-10-01" },
      { code: "P4", p: null },
    ]);
  });
});
