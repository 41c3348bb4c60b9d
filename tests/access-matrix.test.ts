/**
 * Every role against every kind of record that has a page, over HTTP, including the records of
 * others: only what is theirs is reachable, and personal data is in full only where the role
 * needs it. Also: free text that any of these pages shows comes back escaped.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueSearchUpdate } from "../db/queries/outbox.ts";
import type { UserRole } from "../src/core/enums.ts";
import { createAccount } from "../src/use-cases/accounts.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "矩阵测试的密码2026";
const XSS = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
const ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;";

interface Fixture {
  employerA: { id: number; code: string };
  employerB: { id: number; code: string };
  postingA: { id: number; code: string };
  postingB: { id: number; code: string };
  applicationA: { id: number; phone: string };
  applicationB: { id: number; phone: string };
  townA: { id: number; name: string };
  townB: { id: number; name: string };
  workerA: { id: number; idNumber: string; phone: string; household: string };
  workerB: { id: number; idNumber: string; phone: string; household: string };
}

type Who = "anonymous" | "admin" | "county" | "townA" | "townB" | "managerA" | "managerB" | "seekerA" | "seekerB";
const EVERYONE: Who[] = ["anonymous", "admin", "county", "townA", "townB", "managerA", "managerB", "seekerA", "seekerB"];

describe("who reaches what", () => {
  let platform: TestPlatform;
  let f: Fixture;
  const clients = new Map<Who, WebClient>();
  const alertIds = { alertA: 0, alertB: 0 };
  const sql = <T,>(query: string, ...params: unknown[]) => platform.db.$client.prepare(query).get(...params) as T;

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "access-matrix", today: "2026-11-23" });
    // Two postings of two employers, each with an application by a registry worker of a different town.
    const pick = (not: number, notPhone = "") =>
      sql<{ postingId: number; postingCode: string; employerId: number; employerCode: string; applicationId: number; phone: string }>(
        `SELECT p.id AS postingId, p.code AS postingCode, e.id AS employerId, e.code AS employerCode, a.id AS applicationId, a.applicant_phone AS phone
         FROM applications a JOIN postings p ON p.id = a.posting_id JOIN employers e ON e.id = p.employer_id
         WHERE e.id <> ? AND a.worker_id IS NOT NULL AND a.applicant_phone <> ?
           AND (SELECT count(*) FROM applications x WHERE x.applicant_phone = a.applicant_phone) = 1
         ORDER BY a.id LIMIT 1`,
        not,
        notPhone,
      );
    const a = pick(-1);
    const b = pick(a.employerId, a.phone);
    const townOfApplication = (id: number) =>
      sql<{ id: number; name: string }>(
        "SELECT t.id, t.name FROM applications a JOIN workers w ON w.id = a.worker_id JOIN villages v ON v.id = w.village_id JOIN towns t ON t.id = v.town_id WHERE a.id = ?",
        id,
      );
    const townA = townOfApplication(a.applicationId);
    const townB = sql<{ id: number; name: string }>("SELECT id, name FROM towns WHERE id <> ? ORDER BY id LIMIT 1", townA.id);
    const worker = (townId: number) => {
      const row = sql<{ id: number; cipher: string; phone: string; household: string }>(
        `SELECT w.id, w.id_number_cipher AS cipher, w.phone, h.code AS household FROM workers w JOIN villages v ON v.id = w.village_id JOIN households h ON h.id = w.household_id
         WHERE v.town_id = ? AND w.phone IS NOT NULL AND w.phone NOT IN (SELECT applicant_phone FROM applications) ORDER BY w.id LIMIT 1`,
        townId,
      );
      return { id: row.id, idNumber: platform.protector.decrypt(row.cipher), phone: row.phone, household: row.household };
    };
    f = {
      employerA: { id: a.employerId, code: a.employerCode },
      employerB: { id: b.employerId, code: b.employerCode },
      postingA: { id: a.postingId, code: a.postingCode },
      postingB: { id: b.postingId, code: b.postingCode },
      applicationA: { id: a.applicationId, phone: a.phone },
      applicationB: { id: b.applicationId, phone: b.phone },
      townA,
      townB,
      workerA: worker(townA.id),
      workerB: worker(townB.id),
    };
    const accounts: [Who, UserRole, { employerCode?: string; townName?: string }][] = [
      ["admin", "admin", {}],
      ["county", "county", {}],
      ["townA", "town", { townName: townA.name }],
      ["townB", "town", { townName: townB.name }],
      ["managerA", "manager", { employerCode: f.employerA.code }],
      ["managerB", "manager", { employerCode: f.employerB.code }],
      ["seekerA", "seeker", {}],
      ["seekerB", "seeker", {}],
    ];
    for (const [who, role, scope] of accounts) {
      const { user } = await createAccount(platform.db, { role, login: who.toLowerCase(), password: PASSWORD, ...scope, by: { label: "test" } });
      if (who === "seekerA") platform.db.$client.prepare("UPDATE applications SET applicant_user_id = ? WHERE id = ?").run(user.id, f.applicationA.id);
      if (who === "seekerB") platform.db.$client.prepare("UPDATE applications SET applicant_user_id = ? WHERE id = ?").run(user.id, f.applicationB.id);
      const web = webClient(platform.app);
      expect((await web.login(who.toLowerCase(), PASSWORD)).status).toBe(303);
      clients.set(who, web);
    }
    clients.set("anonymous", webClient(platform.app));
    // A risk alert for each of the two households (the town's to follow up).
    for (const [key, worker, town] of [["alertA", f.workerA, f.townA], ["alertB", f.workerB, f.townB]] as const) {
      const householdId = sql<{ id: number }>("SELECT id FROM households WHERE code = ?", worker.household).id;
      alertIds[key] = Number(
        platform.db.$client
          .prepare("INSERT INTO alerts (household_id, town_id, kind, detail, raised_date) VALUES (?, ?, 'zero-employment', ?, '2026-11-20')")
          .run(householdId, town.id, JSON.stringify({ kind: "zero-employment", jobSeekers: [worker.id] })).lastInsertRowid,
      );
    }

    // Hostile free text in every field these pages (and the public board) show.
    platform.db.$client.prepare("UPDATE employers SET name = ? WHERE id = ?").run(`厂${XSS}`, f.employerA.id);
    platform.db.$client.prepare("UPDATE postings SET title = ?, description = ?, status = '招聘中' WHERE id = ?").run(`岗位${XSS}`, `描述${XSS}`, f.postingA.id);
    platform.db.$client.prepare("UPDATE applications SET applicant_name = ?, note = ? WHERE id = ?").run(`人${XSS}`, `留言${XSS}`, f.applicationA.id);
    platform.db.$client.prepare("UPDATE workers SET name = ? WHERE id = ?").run(`工${XSS}`, f.workerA.id);
    enqueueSearchUpdate(platform.db, "posting", [f.postingA.id]);
    await platform.outbox.drain();
  });
  afterAll(() => platform?.close());

  const statusOf = async (who: Who, path: string) => (await clients.get(who)!.get(path)).status;

  /** [page, who gets 200; everyone else gets the status given for them, or 403/404 as listed] */
  const matrix = (): [string, string, Partial<Record<Who, number>>][] => [
    ["a manager's postings", "/manage/postings", { anonymous: 303, admin: 403, county: 403, townA: 403, townB: 403, managerA: 200, managerB: 200, seekerA: 403, seekerB: 403 }],
    ["employer A's applicants", `/manage/postings/${f.postingA.code}`, { anonymous: 303, admin: 200, county: 200, townA: 403, townB: 403, managerA: 200, managerB: 404, seekerA: 403, seekerB: 403 }],
    ["employer B's applicants", `/manage/postings/${f.postingB.code}`, { anonymous: 303, admin: 200, county: 200, townA: 403, townB: 403, managerA: 404, managerB: 200, seekerA: 403, seekerB: 403 }],
    ["a worker of town A", `/bureau/workers/${f.workerA.id}`, { anonymous: 303, admin: 200, county: 200, townA: 200, townB: 404, managerA: 403, managerB: 403, seekerA: 403, seekerB: 403 }],
    ["a worker of town B", `/bureau/workers/${f.workerB.id}`, { anonymous: 303, admin: 200, county: 200, townA: 404, townB: 200, managerA: 403, managerB: 403, seekerA: 403, seekerB: 403 }],
    ["a seeker's own applications", "/account/applications", { anonymous: 303, admin: 403, county: 403, townA: 403, townB: 403, managerA: 403, managerB: 403, seekerA: 200, seekerB: 200 }],
    ["seeker A's application", `/account/applications/${f.applicationA.id}`, { anonymous: 303, admin: 200, county: 200, townA: 200, townB: 404, managerA: 200, managerB: 404, seekerA: 200, seekerB: 404 }],
    ["seeker B's application", `/account/applications/${f.applicationB.id}`, { anonymous: 303, admin: 200, county: 200, townA: 404, managerA: 404, managerB: 200, seekerA: 404, seekerB: 200 }],
    ["the audit log", "/bureau/audit", { anonymous: 303, admin: 200, county: 200, townA: 403, townB: 403, managerA: 403, managerB: 403, seekerA: 403, seekerB: 403 }],
    ["the settings", "/bureau/settings", { anonymous: 303, admin: 200, county: 200, townA: 403, townB: 403, managerA: 403, managerB: 403, seekerA: 403, seekerB: 403 }],
    ["a household of town A", `/bureau/households/${f.workerA.household}`, { anonymous: 303, admin: 200, county: 200, townA: 200, townB: 404, managerA: 403, seekerA: 403 }],
    ["a household of town B", `/bureau/households/${f.workerB.household}`, { admin: 200, county: 200, townA: 404, townB: 200, managerB: 403, seekerB: 403 }],
    ["a manager's roster", "/manage/roster", { anonymous: 303, admin: 403, county: 403, townA: 403, managerA: 200, managerB: 200, seekerA: 403 }],
    ["the registry's workers", "/bureau/workers", { anonymous: 303, admin: 200, county: 200, townA: 200, townB: 200, managerA: 403, managerB: 403, seekerA: 403, seekerB: 403 }],
    ["a record that does not exist", "/bureau/workers/999999999", { admin: 404, county: 404, townA: 404 }],
    ["the risk alerts", "/bureau/alerts", { anonymous: 303, admin: 200, county: 200, townA: 200, townB: 200, managerA: 403, managerB: 403, seekerA: 403, seekerB: 403 }],
    ["an alert of town A", `/bureau/alerts/${alertIds.alertA}`, { anonymous: 303, admin: 200, county: 200, townA: 200, townB: 404, managerA: 403, managerB: 403, seekerA: 403, seekerB: 403 }],
    ["an alert of town B", `/bureau/alerts/${alertIds.alertB}`, { admin: 200, county: 200, townA: 404, townB: 200, managerB: 403, seekerB: 403 }],
    ["an alert that does not exist", "/bureau/alerts/999999999", { county: 404, townA: 404 }],
    ["the workshops to recognise", "/bureau/employers", { anonymous: 303, admin: 200, county: 200, townA: 200, townB: 200, managerA: 403, managerB: 403, seekerA: 403, seekerB: 403 }],
    ["a workshop that does not exist", "/bureau/employers/NOPE-0", { county: 404, townA: 404 }],
    ["the spreadsheet page", "/bureau/import", { anonymous: 303, admin: 200, county: 200, townA: 403, townB: 403, managerA: 403, managerB: 403, seekerA: 403, seekerB: 403 }],
    ["a registry export", "/bureau/export/workers?format=csv", { anonymous: 303, admin: 200, county: 200, townA: 403, townB: 403, managerA: 403, managerB: 403, seekerA: 403, seekerB: 403 }],
    ["a report of someone else's import", "/bureau/import/reports/unknown", { anonymous: 303, county: 404, townA: 403, managerA: 403, seekerA: 403 }],
    ...bureauStaffPages().map(([name, path]): [string, string, Partial<Record<Who, number>>] => [
      name,
      path,
      { anonymous: 303, admin: 200, county: 200, townA: 200, townB: 200, managerA: 403, managerB: 403, seekerA: 403, seekerB: 403 },
    ]),
  ];

  /** Pages every bureau role reaches, each narrowed to the viewer's town (tests/bureau-stats.test.ts). */
  const bureauStaffPages = (): [string, string][] => [
    ["the statistics", "/bureau/stats"],
    ["the people behind a figure", "/bureau/stats/people?figure=employed"],
    ["a statistics table download", "/bureau/stats/tables/town?format=csv"],
    ["the zero-employment households", "/bureau/zero-employment"],
    ["the zero-employment download", "/bureau/zero-employment?format=csv"],
  ];

  it("answers each role on each page as the policy says", async () => {
    const failures: string[] = [];
    for (const [name, path, expected] of matrix()) {
      for (const who of EVERYONE) {
        if (expected[who] === undefined) continue;
        const status = await statusOf(who, path);
        if (status !== expected[who]) failures.push(`${name} (${path}) as ${who}: ${status}, expected ${expected[who]}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("lists only a manager's own postings", async () => {
    const a = await clients.get("managerA")!.text(await clients.get("managerA")!.get("/manage/postings"));
    const b = await clients.get("managerB")!.text(await clients.get("managerB")!.get("/manage/postings"));
    expect(a).toContain(`/manage/postings/${f.postingA.code}"`);
    expect(a).not.toContain(`/manage/postings/${f.postingB.code}"`);
    expect(b).toContain(`/manage/postings/${f.postingB.code}"`);
    expect(b).not.toContain(`/manage/postings/${f.postingA.code}"`);
  });

  it("lists only a manager's own roster", async () => {
    const employers = platform.db.$client
      .prepare("SELECT employer_id AS id, (SELECT code FROM employers WHERE id = employer_id) AS code FROM placements WHERE employer_id IS NOT NULL GROUP BY employer_id ORDER BY count(*) DESC LIMIT 2")
      .all() as { id: number; code: string }[];
    const names = (employerId: number) =>
      (platform.db.$client.prepare("SELECT DISTINCT w.name FROM placements p JOIN workers w ON w.id = p.worker_id WHERE p.employer_id = ?").all(employerId) as { name: string }[]).map((r) => r.name);
    const pages: string[] = [];
    for (const [i, e] of employers.entries()) {
      await createAccount(platform.db, { role: "manager", login: `roster${i}`, password: PASSWORD, employerCode: e.code, by: { label: "test" } });
      const web = webClient(platform.app);
      await web.login(`roster${i}`, PASSWORD);
      pages.push(await (await web.get("/manage/roster")).text());
    }
    const [mine, theirs] = [names(employers[0]!.id), names(employers[1]!.id)];
    const onlyTheirs = theirs.filter((n) => !mine.includes(n));
    expect(mine.length).toBeGreaterThan(0);
    expect(onlyTheirs.length).toBeGreaterThan(0);
    for (const name of mine) expect(pages[0]).toContain(name);
    for (const name of onlyTheirs) expect(pages[0]).not.toContain(name);
  });

  it("lists a town cadre only their town's workers, with ID numbers and phones masked", async () => {
    const html = await (await clients.get("townA")!.get("/bureau/workers")).text();
    const links = [...html.matchAll(/href="\/bureau\/workers\/(\d+)"/g)].map((m) => Number(m[1]));
    expect(links.length).toBeGreaterThan(0);
    const towns = platform.db.$client
      .prepare(`SELECT DISTINCT v.town_id AS t FROM workers w JOIN villages v ON v.id = w.village_id WHERE w.id IN (${links.join(",")})`)
      .all();
    expect(towns).toEqual([{ t: f.townA.id }]);
    expect(html).not.toMatch(/(?<![0-9])[0-9]{17}[0-9X](?![0-9])/);
    expect(html).not.toMatch(/(?<![0-9])1[3-9][0-9]{9}(?![0-9])/);
    expect(html).toMatch(/\d{4}\*{10}[\dX]{4}/);
  });

  it("lists only a seeker's own applications", async () => {
    const a = await clients.get("seekerA")!.text(await clients.get("seekerA")!.get("/account/applications"));
    expect(a).toContain(`/account/applications/${f.applicationA.id}"`);
    expect(a).not.toContain(`/account/applications/${f.applicationB.id}"`);
  });

  it("never writes through the read-only pages", async () => {
    for (const who of ["managerB", "townB", "seekerB"] as const) {
      const web = clients.get(who)!;
      await web.text(await web.get("/account"));
      for (const path of [`/manage/postings/${f.postingA.code}`, `/bureau/workers/${f.workerA.id}`, `/account/applications/${f.applicationA.id}`]) {
        expect([403, 404]).toContain((await web.post(path, { title: "改掉", status: "已关闭" })).status);
      }
    }
    expect(sql<{ status: string }>("SELECT status FROM postings WHERE id = ?", f.postingA.id).status).toBe("招聘中");
  });

  it("refuses every bureau form to another town's cadre (404), managers and seekers (403) and visitors (401)", async () => {
    const placement = sql<{ id: number }>("SELECT id FROM placements WHERE worker_id = ? ORDER BY id LIMIT 1", f.workerA.id);
    const posts: [string, Record<string, string>][] = [
      [`/bureau/alerts/${alertIds.alertA}/notes`, { date: "2026-11-23", note: "越权" }],
      [`/bureau/alerts/${alertIds.alertA}/assign`, { userId: "" }],
      [`/bureau/alerts/${alertIds.alertA}/close`, { outcome: "其他" }],
      ...(placement ? [[`/bureau/workers/${f.workerA.id}/placements/${placement.id}/end`, { endDate: "2026-11-23", reason: "其他" }] as [string, Record<string, string>]] : []),
    ];
    for (const [path, fields] of posts) {
      for (const [who, status] of [["townB", 404], ["managerA", 403], ["seekerA", 403], ["anonymous", 401]] as const) {
        const web = clients.get(who)!;
        await web.text(await web.get(who === "anonymous" ? "/login" : "/account"));
        expect((await web.post(path, fields)).status, `${who} ${path}`).toBe(status);
      }
    }
    for (const [who, status] of [["townA", 403], ["managerA", 403], ["seekerA", 403], ["anonymous", 401]] as const) {
      expect((await clients.get(who)!.post("/bureau/import", { kind: "regions" })).status, `${who} import`).toBe(status);
    }
    const workshop = sql<{ code: string; recognition: string } | undefined>("SELECT code, recognition FROM employers WHERE type = '帮扶车间' ORDER BY id LIMIT 1");
    if (workshop) {
      for (const [who, status] of [["townA", 403], ["managerA", 403], ["seekerA", 403], ["anonymous", 401]] as const) {
        expect((await clients.get(who)!.post(`/bureau/employers/${workshop.code}/recognition`, { status: "已认定", effectiveDate: "2026-11-23", note: "" })).status, who).toBe(status);
      }
      expect(sql<{ recognition: string }>("SELECT recognition FROM employers WHERE code = ?", workshop.code).recognition).toBe(workshop.recognition);
    }
    expect(sql<{ n: number }>("SELECT count(*) AS n FROM alert_notes").n).toBe(0);
    expect(sql<{ status: string }>("SELECT status FROM alerts WHERE id = ?", alertIds.alertA).status).toBe("open");
  });

  it("shows a full ID number only to county staff, admins and the worker's own town", async () => {
    for (const who of ["admin", "county", "townA"] as const) {
      const html = await (await clients.get(who)!.get(`/bureau/workers/${f.workerA.id}`)).text();
      expect(html, who).toContain(f.workerA.idNumber);
      expect(html, who).toContain(f.workerA.phone);
    }
    for (const who of EVERYONE.filter((w) => !["admin", "county", "townA"].includes(w))) {
      for (const path of [`/bureau/workers/${f.workerA.id}`, `/bureau/households/${f.workerA.household}`, "/bureau/workers", "/manage/roster", "/account", "/manage/postings", `/manage/postings/${f.postingA.code}`, "/account/applications", `/account/applications/${f.applicationA.id}`, "/bureau/audit"]) {
        const html = await (await clients.get(who)!.get(path)).text();
        expect(html, `${who} ${path}`).not.toContain(f.workerA.idNumber);
        expect(html, `${who} ${path}`).not.toContain(f.workerA.phone);
      }
    }
  });

  it("shows an applicant's phone to the employer applied to and to the applicant, to nobody else", async () => {
    const phone = f.applicationA.phone;
    expect(await (await clients.get("managerA")!.get(`/manage/postings/${f.postingA.code}`)).text()).toContain(phone);
    expect(await (await clients.get("seekerA")!.get(`/account/applications/${f.applicationA.id}`)).text()).toContain(phone);
    for (const who of ["managerB", "seekerB", "townB", "anonymous"] as const) {
      for (const path of ["/", `/jobs/${f.postingA.code}`, "/manage/postings", `/manage/postings/${f.postingB.code}`, "/account/applications", `/account/applications/${f.applicationB.id}`]) {
        expect(await (await clients.get(who)!.get(path)).text(), `${who} ${path}`).not.toContain(phone);
      }
    }
  });

  it("escapes hostile text in every page that shows it", async () => {
    const pages: [Who, string][] = [
      ["anonymous", `/jobs/${f.postingA.code}`],
      ["anonymous", `/jobs?q=${encodeURIComponent("岗位")}`],
      ["managerA", "/manage/postings"],
      ["managerA", `/manage/postings/${f.postingA.code}`],
      ["county", `/manage/postings/${f.postingA.code}`],
      ["townA", `/bureau/workers/${f.workerA.id}`],
      ["county", `/bureau/households/${f.workerA.household}`],
      ["seekerA", "/account/applications"],
      ["seekerA", `/account/applications/${f.applicationA.id}`],
    ];
    for (const [who, path] of pages) {
      const html = await (await clients.get(who)!.get(path)).text();
      expect(html, `${who} ${path}`).toContain(ESCAPED);
      expect(html, `${who} ${path}`).not.toContain("<script>alert");
      expect(html, `${who} ${path}`).not.toContain("<img src=x");
    }
  });

  it("keeps ID numbers and phones out of the log and the search index", async () => {
    const log = platform.logLines.join("\n");
    for (const secret of [f.workerA.idNumber, f.workerA.phone, f.applicationA.phone]) expect(log).not.toContain(secret);
    const { hits } = await platform.index.search({ q: "", filter: [], sort: [], limit: 1000, offset: 0 });
    const indexed = JSON.stringify(hits);
    expect(indexed).not.toMatch(/(?<![0-9])[0-9]{17}[0-9X](?![0-9])/);
    for (const secret of [f.workerA.phone, f.workerB.phone, f.applicationA.phone, f.applicationB.phone]) expect(indexed).not.toContain(secret);
  });

  it("lets county staff filter the audit log and shows personal data in it masked", async () => {
    await createAccount(platform.db, { role: "seeker", login: "13712345678", password: PASSWORD, by: { userId: 1, login: "admin" } });
    const web = clients.get("county")!;
    const html = await (await web.get("/bureau/audit?entity=user&actor=admin")).text();
    expect(html).toContain("137****5678");
    expect(html).not.toContain("13712345678");
    expect(html.match(/class="record-card audit-row"/g)).toHaveLength(1);
    const all = await (await web.get("/bureau/audit?entity=user")).text();
    expect(all.match(/class="record-card audit-row"/g)!.length).toBeGreaterThanOrEqual(9);
    const none = await (await web.get("/bureau/audit?from=2001-01-01&to=2001-12-31")).text();
    expect(none).toContain("没有符合条件的记录");
    const bad = await web.get("/bureau/audit?from=yesterday");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("YYYY-MM-DD");
  });
});
