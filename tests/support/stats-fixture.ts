/**
 * Writes the hand-built statistics county (src/core/stats/hand-built-county.ts) into a real
 * database with its own ids, so SQL and reference can be compared on it. ID numbers are stand-ins:
 * statistics read birth dates from their own column.
 */
import type { Db } from "../../db/client.ts";
import { insertEmployer, insertPosting } from "../../db/queries/postings.ts";
import { HAND_TOWNS, HAND_WORKER_VILLAGES, handBuiltCounty } from "../../src/core/stats/hand-built-county.ts";

/** When the fixture's employers and postings were written (no figure reads it). */
const AT = new Date("2026-01-01T00:00:00Z");

export function loadHandBuiltCounty(db: Db): void {
  const sqlite = db.$client;
  const villageIds = new Map<string, number>();
  const townIds = new Map<string, number>();
  db.transaction(() => {
    for (const [town, villages] of Object.entries(HAND_TOWNS)) {
      const townId = Number(sqlite.prepare("INSERT INTO towns (name) VALUES (?)").run(town).lastInsertRowid);
      townIds.set(town, townId);
      for (const village of villages) {
        villageIds.set(village, Number(sqlite.prepare("INSERT INTO villages (town_id, name, lat, lng) VALUES (?, ?, 25.9, 115.4)").run(townId, village).lastInsertRowid));
      }
    }
    for (const h of handBuiltCounty.households) {
      sqlite.prepare("INSERT INTO households (id, code, category, village_id) VALUES (?, ?, ?, ?)").run(h.id, h.code, h.category, villageIds.get(h.village)!);
    }
    for (const w of handBuiltCounty.workers) {
      sqlite
        .prepare(
          `INSERT INTO workers (id, household_id, name, id_number_hash, id_number_cipher, id_number_masked, birth_date, sex, village_id, labour_ability, willing_to_work)
           VALUES (?, ?, ?, ?, 'x', 'x', ?, '男', ?, ?, ?)`,
        )
        .run(w.id, w.householdId, `工人${w.id}`, `hash-${w.id}`, w.birthDate, villageIds.get(HAND_WORKER_VILLAGES[w.id]!)!, w.labourAbility, w.willingToWork ? 1 : 0);
    }
    // Employers and postings through the platform's one write path (db/queries/postings.ts).
    for (const e of handBuiltCounty.employers) {
      const fields = { code: e.code, name: e.name, type: e.type, townId: townIds.get(e.town)!, villageId: null, coreFactoryId: null };
      const { id } = insertEmployer(db, { ...fields, address: null, lat: null, lng: null, contactName: null, contactPhone: null, recognition: "未认定" }, AT);
      if (id !== e.id) throw new Error(`employer ${e.code} got id ${id}, the hand-built county says ${e.id}`);
    }
    handBuiltCounty.postings.forEach((p, i) => {
      const fields = { code: `P${i + 1}`, employerId: p.employerId, title: "岗位", description: "", headcount: p.headcount, status: p.status, publishedAt: null };
      const unset = { payMin: null, payMax: null, ageMin: null, ageMax: null, physicalDemand: null, closingDate: null, skills: [], benefits: [] };
      insertPosting(db, { ...fields, ...unset, payUnit: "月", workingTime: "全天" }, AT);
    });
    for (const p of handBuiltCounty.placements) {
      sqlite
        .prepare("INSERT INTO placements (id, worker_id, employer_id, employment_form, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?)")
        .run(p.id, p.workerId, p.employerId, p.employmentForm, p.startDate, p.endDate);
    }
  });
}
