/**
 * Recommendations from the outside: GET /api/v1/workers/{id_number}/recommendations for each
 * token kind (a town token only its town), bad and unknown ID numbers, the honest empty answer,
 * the open postings' index following a change; the same matcher on the bureau's worker and
 * household pages; and 代办 — a cadre applies for a worker with recorded consent, the manager
 * sees it marked, the worker withdraws it — with a manager kept out of the registry throughout.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, createApiToken } from "../src/use-cases/accounts.ts";
import { alertCloser } from "../src/use-cases/risk-alerts.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const D = "2026-11-23";
const PASSWORD = "correct-horse-9";

interface WorkerRow {
  id: number;
  name: string;
  id_number_cipher: string;
  town_id: number;
  town: string;
  household_code: string;
}

describe("recommendations", () => {
  let platform: TestPlatform;
  const sql = <T>(query: string, ...params: unknown[]) => platform.db.$client.prepare(query).all(...params) as T[];
  const tokens = { county: "", town: "", otherTown: "", department: "" };
  let worker: WorkerRow;
  let idNumber = "";

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "recommendations", today: D });
    // A willing, able worker aged 30–50 with no preference limits and any hours: someone with recommendations.
    worker = sql<WorkerRow>(
      `SELECT w.id, w.name, w.id_number_cipher, v.town_id, t.name AS town, h.code AS household_code
       FROM workers w JOIN villages v ON v.id = w.village_id JOIN towns t ON t.id = v.town_id JOIN households h ON h.id = w.household_id
       WHERE w.willing_to_work = 1 AND w.labour_ability = '有劳动能力' AND (w.preferred_area IS NULL OR w.preferred_area IN ('本县', '不限'))
         AND (w.available_time IS NULL OR w.available_time = '全天') AND w.birth_date BETWEEN '1976-01-01' AND '1996-01-01'
       ORDER BY w.id LIMIT 1`,
    )[0]!;
    idNumber = platform.protector.decrypt(worker.id_number_cipher);
    const otherTown = sql<{ name: string }>("SELECT name FROM towns WHERE id <> ? ORDER BY id LIMIT 1", worker.town_id)[0]!.name;
    const by = { label: "test" };
    tokens.county = createApiToken(platform.db, { role: "county", name: "县民政局", by }).token;
    tokens.town = createApiToken(platform.db, { role: "town", townName: worker.town, name: "镇", by }).token;
    tokens.otherTown = createApiToken(platform.db, { role: "town", townName: otherTown, name: "别的镇", by }).token;
    tokens.department = createApiToken(platform.db, { role: "department", name: "住建局", by }).token;
  });
  afterAll(() => platform?.close());

  const api = (path: string, token?: string) => platform.app.request(path, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
  type Body = { hits: { code: string; title: string; score: number; reasons: string[]; distance_km: number }[]; blocked: string | null; widen: string[] };
  const recommendations = async (token: string, id = idNumber, query = "") => {
    const res = await api(`/api/v1/workers/${id}/recommendations${query}`, token);
    return { status: res.status, body: (await res.json()) as Body };
  };

  describe("GET /api/v1/workers/{id_number}/recommendations", () => {
    it("gives a county token open postings that suit, best first, with Chinese reasons", async () => {
      const { status, body } = await recommendations(tokens.county);
      expect(status).toBe(200);
      expect(body.hits.length).toBeGreaterThan(0);
      expect(body.hits.length).toBeLessThanOrEqual(10);
      const scores = body.hits.map((h) => h.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      for (const hit of body.hits) {
        expect(hit.reasons.length).toBeGreaterThan(2);
        expect(hit.reasons[0]).toMatch(/^(就在本村|在本乡镇，离家约 [\d.]+ 公里|在本县，离家约 [\d.]+ 公里)$/);
        expect(hit.distance_km).toBeLessThanOrEqual(30);
        const posting = sql<{ status: string; age_max: number | null }>("SELECT status, age_max FROM postings WHERE code = ?", hit.code)[0]!;
        expect(posting.status).toBe("招聘中");
      }
    });

    it("keeps to limit, and refuses a bad limit or a bad ID number with 400", async () => {
      expect((await recommendations(tokens.county, idNumber, "?limit=2")).body.hits).toHaveLength(2);
      expect((await recommendations(tokens.county, idNumber, "?limit=0")).status).toBe(400);
      expect((await recommendations(tokens.county, idNumber, "?limit=x")).status).toBe(400);
      const bad = await recommendations(tokens.county, idNumber.slice(0, 17) + (idNumber[17] === "1" ? "2" : "1"));
      expect(bad.status).toBe(400);
      expect((bad.body as unknown as { message: string }).message).toContain("id_number");
    });

    it("answers 404 for a valid ID number nobody in the registry has", async () => {
      expect((await recommendations(tokens.county, "11010519491231002X")).status).toBe(404);
    });

    it("gives a town token its own town's workers only, and no department token", async () => {
      expect((await recommendations(tokens.town)).status).toBe(200);
      expect((await recommendations(tokens.otherTown)).status).toBe(404);
      expect((await recommendations(tokens.department)).status).toBe(403);
      expect((await api(`/api/v1/workers/${idNumber}/recommendations`)).status).toBe(401);
    });

    it("drops a posting that is closed or whose upper age limit the worker passed, at the next answer", async () => {
      const before = (await recommendations(tokens.county)).body.hits.map((h) => h.code);
      const [first, second] = before;
      platform.db.$client.prepare("UPDATE postings SET status = '已招满' WHERE code = ?").run(first);
      platform.db.$client.prepare("UPDATE postings SET age_max = 20, age_min = NULL WHERE code = ?").run(second);
      const after = (await recommendations(tokens.county, idNumber, "?limit=50")).body.hits.map((h) => h.code);
      expect(after).not.toContain(first);
      expect(after).not.toContain(second);
      platform.db.$client.prepare("UPDATE postings SET status = '招聘中' WHERE code = ?").run(first);
      expect((await recommendations(tokens.county, idNumber, "?limit=50")).body.hits.map((h) => h.code)).toContain(first);
    });

    it("gives an honest empty answer to a worker not willing to work", async () => {
      platform.db.$client.prepare("UPDATE workers SET willing_to_work = 0 WHERE id = ?").run(worker.id);
      try {
        const { status, body } = await recommendations(tokens.county);
        expect(status).toBe(200);
        expect(body.hits).toEqual([]);
        expect(body.blocked).toMatch(/暂无就业意愿/);
      } finally {
        platform.db.$client.prepare("UPDATE workers SET willing_to_work = 1 WHERE id = ?").run(worker.id);
      }
    });

    it("says what would widen an empty answer for someone who wants work in their own village only, half days", async () => {
      platform.db.$client.prepare("UPDATE workers SET preferred_area = '本村', available_time = '半天' WHERE id = ?").run(worker.id);
      try {
        const { body } = await recommendations(tokens.county, idNumber, "?limit=50");
        // Whatever is left is in the worker's own village and not full-day.
        for (const hit of body.hits) expect(hit.reasons[0]).toBe("就在本村");
        expect(body.widen.join("\n")).toMatch(/若愿意到更远的地方|若能做全天/);
      } finally {
        platform.db.$client.prepare("UPDATE workers SET preferred_area = NULL, available_time = NULL WHERE id = ?").run(worker.id);
      }
    });
  });

  describe("the bureau's pages and 代办", () => {
    const signIn = async (login: string, role: "town" | "county" | "manager", scope: { townName?: string; employerCode?: string } = {}): Promise<WebClient> => {
      await createAccount(platform.db, { role, login, password: PASSWORD, ...scope, by: { label: "test" } });
      const client = webClient(platform.app);
      await client.login(login, PASSWORD);
      return client;
    };

    it("shows the same recommendations, with reasons, on the worker's and the household's pages", async () => {
      const cadre = await signIn("rec-cadre", "town", { townName: worker.town });
      const { body } = await recommendations(tokens.county);
      const page = await cadre.text(await cadre.get(`/bureau/workers/${worker.id}`));
      expect(page).toContain("推荐岗位");
      for (const hit of body.hits) expect(page).toContain(`/jobs/${hit.code}"`);
      expect(page).toContain(`/bureau/workers/${worker.id}/apply/${body.hits[0]!.code}`);
      const household = await cadre.text(await cadre.get(`/bureau/households/${encodeURIComponent(worker.household_code)}`));
      expect(household).toContain(`为 ${worker.name} 推荐`);
      expect(household).toContain(`/jobs/${body.hits[0]!.code}"`);
    });

    it("lets a cadre apply for the worker with consent; the manager sees it marked 代办; the worker withdraws it", async () => {
      const cadre = await signIn("rec-cadre-2", "town", { townName: worker.town });
      const { body } = await recommendations(tokens.county);
      const code = body.hits[0]!.code;
      const employerCode = sql<{ code: string }>("SELECT e.code FROM postings p JOIN employers e ON e.id = p.employer_id WHERE p.code = ?", code)[0]!.code;
      const form = await cadre.text(await cadre.get(`/bureau/workers/${worker.id}/apply/${code}`));
      expect(form).toContain("本人怎么同意的");

      const refused = await cadre.post(`/bureau/workers/${worker.id}/apply/${code}`, { consentMethod: "", consentDate: D, phone: "13912345678" });
      expect(refused.status).toBe(400);
      expect(await cadre.text(refused)).toContain("请选本人是当面、电话还是书面同意的");
      const future = await cadre.post(`/bureau/workers/${worker.id}/apply/${code}`, { consentMethod: "电话", consentDate: "2026-11-24", phone: "13912345678" });
      expect(future.status).toBe(400);
      await cadre.text(future);

      const done = await cadre.post(`/bureau/workers/${worker.id}/apply/${code}`, { consentMethod: "电话", consentDate: "2026-11-22", phone: "13912345678" });
      expect(done.status).toBe(303);
      const row = sql<{ id: number; worker_id: number; consent_method: string; consent_date: string; status: string }>(
        "SELECT a.* FROM applications a JOIN postings p ON p.id = a.posting_id WHERE p.code = ? AND a.applicant_phone = '13912345678'",
        code,
      )[0]!;
      expect(row).toMatchObject({ worker_id: worker.id, consent_method: "电话", consent_date: "2026-11-22", status: "报名" });
      expect(sql("SELECT 1 FROM audit_log WHERE entity = 'application' AND entity_id = ?", String(row.id))).toHaveLength(1);

      const workerPage = await cadre.text(await cadre.get(`/bureau/workers/${worker.id}`));
      expect(workerPage).toContain("本人已同意（电话，2026-11-22）");

      const manager = await signIn("rec-manager", "manager", { employerCode });
      const applicants = await manager.text(await manager.get("/manage/applicants"));
      expect(applicants).toMatch(/badge on-behalf">代办</);
      // A manager never reaches the registry: not the worker, not the form.
      expect((await manager.get(`/bureau/workers/${worker.id}`)).status).toBe(403);
      expect((await manager.get(`/bureau/workers/${worker.id}/apply/${code}`)).status).toBe(403);

      expect((await cadre.post(`/bureau/workers/${worker.id}/applications/${row.id}/withdraw`, {})).status).toBe(303);
      expect(sql<{ status: string }>("SELECT status FROM applications WHERE id = ?", row.id)[0]!.status).toBe("已撤回");
    });

    it("lists candidates for a posting: a town cadre only their town's people, zero-employment households first; a manager only a count and a referral request that reaches the cadres' worklist", async () => {
      // A posting in the worker's town that the worker suits.
      const code = (await recommendations(tokens.county, idNumber, "?limit=50")).body.hits.find((h) => h.reasons[0] !== undefined)!.code;
      const posting = sql<{ town_id: number; employer_code: string; town: string }>(
        "SELECT e.town_id, e.code AS employer_code, t.name AS town FROM postings p JOIN employers e ON e.id = p.employer_id JOIN towns t ON t.id = e.town_id WHERE p.code = ?",
        code,
      )[0]!;
      const county = await signIn("cand-county", "county");
      const countyPage = await county.text(await county.get(`/bureau/postings/${code}/candidates`));
      expect(countyPage).toContain("适合「");
      const countyIds = [...countyPage.matchAll(/href="\/bureau\/workers\/(\d+)"/g)].map((m) => Number(m[1]));
      expect(countyIds.length).toBeGreaterThan(0);
      // Every candidate is willing, in the labour force and not employed today.
      for (const id of countyIds) {
        const row = sql<{ willing_to_work: number; labour_ability: string; employed: number }>(
          `SELECT w.willing_to_work, w.labour_ability, EXISTS (SELECT 1 FROM placements p WHERE p.worker_id = w.id AND p.start_date <= ? AND (p.end_date IS NULL OR p.end_date >= ?)) AS employed FROM workers w WHERE w.id = ?`,
          D,
          D,
          id,
        )[0]!;
        expect(row).toMatchObject({ willing_to_work: 1, employed: 0 });
        expect(["有劳动能力", "弱劳动力或半劳动力"]).toContain(row.labour_ability);
      }
      // Zero-employment households before all: no badge after the first card without one.
      const badges = [...countyPage.matchAll(/<li class="record-card candidate">([\s\S]*?)<\/li>\s*(?=<li class="record-card candidate">|<\/ul>)/g)].map((m) => m[1]!.includes("零就业家庭"));
      expect(badges.indexOf(false) === -1 || !badges.slice(badges.indexOf(false)).includes(true)).toBe(true);

      const cadre = await signIn("cand-cadre", "town", { townName: posting.town });
      const cadrePage = await cadre.text(await cadre.get(`/bureau/postings/${code}/candidates`));
      const cadreIds = [...cadrePage.matchAll(/href="\/bureau\/workers\/(\d+)"/g)].map((m) => Number(m[1]));
      for (const id of cadreIds) {
        expect(sql<{ town_id: number }>("SELECT v.town_id FROM workers w JOIN villages v ON v.id = w.village_id WHERE w.id = ?", id)[0]!.town_id).toBe(posting.town_id);
      }

      const manager = await signIn("cand-manager", "manager", { employerCode: posting.employer_code });
      expect((await manager.get(`/bureau/postings/${code}/candidates`)).status).toBe(403);
      const referral = await manager.text(await manager.get(`/manage/postings/${code}/referral`));
      expect(referral).toMatch(/条件合适的有 \d+ 人/);
      // No registry person's name or worker link on the manager's page.
      expect(referral).not.toMatch(/\/bureau\/workers\//);
      for (const id of countyIds.slice(0, 5)) {
        const name = sql<{ name: string }>("SELECT name FROM workers WHERE id = ?", id)[0]!.name;
        expect(referral).not.toContain(name);
      }
      expect((await manager.post(`/manage/postings/${code}/referral`, { note: "急需两人" })).status).toBe(303);
      expect(sql("SELECT 1 FROM referral_requests WHERE town_id = ? AND status = 'open'", posting.town_id)).toHaveLength(1);
      // Asking again adds nothing.
      await manager.text(await manager.get(`/manage/postings/${code}/referral`));
      expect((await manager.post(`/manage/postings/${code}/referral`, {})).status).toBe(303);
      expect(sql("SELECT 1 FROM referral_requests WHERE town_id = ?", posting.town_id)).toHaveLength(1);

      const worklist = await cadre.text(await cadre.get("/bureau/worklist"));
      expect(worklist).toContain("走访清单");
      expect(worklist).toContain(`/bureau/postings/${code}/candidates`);
      expect(worklist).toContain("急需两人");
      // Another town's cadre does not see the request.
      const otherTown = sql<{ name: string }>("SELECT name FROM towns WHERE id <> ? ORDER BY id LIMIT 1", posting.town_id)[0]!.name;
      const other = await signIn("cand-cadre-other", "town", { townName: otherTown });
      expect(await other.text(await other.get("/bureau/worklist"))).not.toContain(`/bureau/postings/${code}/candidates`);
      expect((await manager.get("/bureau/worklist")).status).toBe(403);
    });

    it("offers 代办 on an open alert's suggestions, and none once the alert is closed", async () => {
      const alerts = sql<{ id: number; detail: string }>("SELECT id, detail FROM alerts WHERE kind = 'zero-employment' AND status = 'open' ORDER BY id");
      const staff = await signIn("rec-county-alert", "county");
      // The first open alert with a job seeker who has a suitable posting.
      let alert: { id: number } | undefined;
      for (const a of alerts.filter((a) => (JSON.parse(a.detail) as { jobSeekers: number[] }).jobSeekers.length > 0)) {
        const open = await staff.text(await staff.get(`/bureau/alerts/${a.id}`));
        if (/\/bureau\/workers\/\d+\/apply\//.test(open)) {
          alert = a;
          break;
        }
      }
      expect(alert).toBeDefined();
      const closed = alertCloser({ db: platform.db }, { alertId: alert!.id, outcome: "核实无风险", note: "走访核实", date: D, by: { label: "test" }, now: new Date(`${D}T10:00:00+08:00`) });
      expect(closed.ok).toBe(true);
      const after = await staff.text(await staff.get(`/bureau/alerts/${alert!.id}`));
      expect(after).toContain("推荐");
      expect(after).not.toMatch(/\/bureau\/workers\/\d+\/apply\//);
    });

    it("keeps a cadre of another town out of the 代办 form and the withdrawal", async () => {
      const other = sql<{ name: string }>("SELECT name FROM towns WHERE id <> ? ORDER BY id LIMIT 1", worker.town_id)[0]!.name;
      const cadre = await signIn("rec-cadre-other", "town", { townName: other });
      const code = (await recommendations(tokens.county)).body.hits[0]!.code;
      expect((await cadre.get(`/bureau/workers/${worker.id}/apply/${code}`)).status).toBe(404);
      await cadre.text(await cadre.get("/bureau/workers"));
      expect((await cadre.post(`/bureau/workers/${worker.id}/apply/${code}`, { consentMethod: "当面", consentDate: D, phone: "13912345679" })).status).toBe(404);
    });
  });
});
