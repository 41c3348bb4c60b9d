/**
 * The server killed outright (SIGKILL, as the out-of-memory killer or a power cut would) in the
 * middle of a web import, then started again: the database is intact, every row written is whole,
 * the job's page says the import was interrupted, and uploading the same file again completes it
 * with no row twice. A real server process on its own DATA_DIR (the test search engine outside it).
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Hono } from "hono";
import { afterAll, describe, expect, inject, it } from "vitest";
import { makeIdNumber } from "../src/core/id-number.ts";
import { runScript } from "./support/run-command.ts";
import { ROOT, spawnServer, untilListening } from "./support/server-process.ts";
import { postUpload } from "./support/upload.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "导入中断测试密码2026";
const WORKERS = 30_000;
const WORKER_HEADER = "户编号,户类型,是否易地搬迁,家庭人口数,姓名,身份证号,联系电话,乡镇,村,劳动能力,就业意愿,技能,期望工作地,可工作时间";

const dataDir = mkdtempSync(join(tmpdir(), "jybf-import-kill-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

interface Server {
  child: ChildProcess;
  url: string;
  exited: Promise<unknown>;
}

async function startServer(): Promise<Server> {
  const meili = inject("meili");
  const server = spawnServer({ DATA_DIR: dataDir, DEMO_DATA: "0", MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey });
  children.push(server.child);
  return { child: server.child, url: await untilListening(server), exited: server.exited };
}

/** A web client talking to a real server over HTTP, sending that server's own origin. */
function clientOf(server: Server): { app: Hono; web: WebClient } {
  const origin = new URL(server.url).origin;
  const app = {
    request: (path: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      if (headers.has("Origin")) headers.set("Origin", origin);
      return fetch(origin + path, { ...init, headers, redirect: "manual" });
    },
  } as unknown as Hono;
  return { app, web: webClient(app) };
}

/** Three workers a household, ten villages; every ID number valid and distinct. */
function workersCsv(): string {
  const lines = [WORKER_HEADER];
  for (let i = 0; i < WORKERS; i++) {
    const birth = new Date(Date.UTC(1960, 0, 1) + (i % 10_000) * 86_400_000).toISOString().slice(0, 10);
    const id = makeIdNumber("360731", birth, 1 + Math.floor(i / 10_000));
    const household = Math.floor(i / 3);
    lines.push(`K${household},脱贫户,否,3,工人${i},${id},,中断镇,第${household % 10}村,有劳动能力,是,缝纫、采摘,本乡镇,全天`);
  }
  return lines.join("\r\n") + "\r\n";
}

function readDatabase<T>(read: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, "app.db"), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const count = (db: Database.Database, sql: string) => (db.prepare(sql).get() as { n: number }).n;

/** Nothing is half there: each worker has its household and one audit row of its creation, and each household likewise. */
function wholeRows(db: Database.Database) {
  return {
    integrity: db.pragma("integrity_check", { simple: true }),
    workers: count(db, "SELECT count(*) AS n FROM workers"),
    workerAudits: count(db, "SELECT count(*) AS n FROM audit_log WHERE entity = 'worker' AND action = 'create'"),
    distinctIds: count(db, "SELECT count(DISTINCT id_number_hash) AS n FROM workers"),
    households: count(db, "SELECT count(*) AS n FROM households"),
    householdAudits: count(db, "SELECT count(*) AS n FROM audit_log WHERE entity = 'household' AND action = 'create'"),
    householdsWithoutWorkers: count(db, "SELECT count(*) AS n FROM households h WHERE NOT EXISTS (SELECT 1 FROM workers w WHERE w.household_id = h.id)"),
    workersWithoutAudit: count(db, "SELECT count(*) AS n FROM workers w WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'worker' AND a.entity_id = CAST(w.id AS TEXT))"),
  };
}

describe("an import killed with its server", () => {
  it("leaves whole rows and an interrupted job; the same file again completes it with no row twice", async () => {
    expect((await runScript("user", ["create", "--role", "county", "--login", "county", "--password", PASSWORD], { DATA_DIR: dataDir })).code).toBe(0);
    const regions = ["乡镇,村,经度,纬度", ...Array.from({ length: 10 }, (_, v) => `中断镇,第${v}村,115.4${v},25.9${v}`)].join("\r\n") + "\r\n";
    const csv = workersCsv();

    const first = await startServer();
    const a = clientOf(first);
    expect((await a.web.login("county", PASSWORD)).status).toBe(303);
    const regionsUpload = await postUpload(a.app, a.web, { kind: "regions", file: { name: "村镇.csv", content: regions } });
    expect(regionsUpload.status).toBe(303);
    for (;;) {
      const html = await a.web.text(await a.web.get(regionsUpload.headers.get("Location")!));
      if (!html.includes('hx-trigger="every 1s"')) break;
      await new Promise((r) => setTimeout(r, 50));
    }

    const upload = await postUpload(a.app, a.web, { kind: "workers", file: { name: "劳动力.csv", content: csv } });
    expect(upload.status).toBe(303);
    const jobPage = upload.headers.get("Location")!;
    // Wait until some batches are in, then kill the server in the middle of the import.
    let done = 0;
    for (;;) {
      const html = await a.web.text(await a.web.get(jobPage));
      expect(html, "the import finished before it could be killed").toContain('hx-trigger="every 1s"');
      done = Number(/<progress max="\d+" value="(\d+)"/.exec(html)?.[1] ?? 0);
      if (done >= 2_000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    first.child.kill("SIGKILL");
    await first.exited;

    const afterKill = readDatabase(wholeRows);
    expect(afterKill.integrity).toBe("ok");
    expect(afterKill.workers).toBeGreaterThanOrEqual(done);
    expect(afterKill.workers).toBeLessThan(WORKERS);
    expect(afterKill).toMatchObject({
      workerAudits: afterKill.workers,
      distinctIds: afterKill.workers,
      householdAudits: afterKill.households,
      householdsWithoutWorkers: 0,
      workersWithoutAudit: 0,
    });

    const second = await startServer();
    try {
      const b = clientOf(second);
      expect((await b.web.login("county", PASSWORD)).status).toBe(303);
      const interrupted = await b.web.text(await b.web.get(jobPage));
      expect(interrupted).toContain("导入被中断");
      expect(interrupted).not.toContain('hx-trigger="every 1s"');

      const again = await postUpload(b.app, b.web, { kind: "workers", file: { name: "劳动力.csv", content: csv } });
      expect(again.status).toBe(303);
      let html = "";
      for (;;) {
        html = await b.web.text(await b.web.get(again.headers.get("Location")!));
        if (!html.includes('hx-trigger="every 1s"')) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(html).toMatch(new RegExp(`<dd class="accepted">${WORKERS}</dd>`));
      expect(html).toContain(`新增 ${WORKERS - afterKill.workers} · 更新 0 · 无变化 ${afterKill.workers}`);
      const end = readDatabase(wholeRows);
      expect(end).toEqual({
        integrity: "ok",
        workers: WORKERS,
        workerAudits: WORKERS,
        distinctIds: WORKERS,
        households: WORKERS / 3,
        householdAudits: WORKERS / 3,
        householdsWithoutWorkers: 0,
        workersWithoutAudit: 0,
      });
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
    }
  }, 300_000);
});
