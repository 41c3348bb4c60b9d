/**
 * Writes the hand-built statistics county (src/core/stats/hand-built-county.ts) into a real
 * database with its own ids, so SQL and reference can be compared on it. ID numbers are stand-ins:
 * statistics read birth dates from their own column.
 */
import type { Db } from "../../db/client.ts";
import { HAND_TOWNS, HAND_WORKER_VILLAGES, handBuiltCounty } from "../../src/core/stats/hand-built-county.ts";

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
    for (const e of handBuiltCounty.employers) {
      sqlite.prepare("INSERT INTO employers (id, code, name, type, town_id) VALUES (?, ?, ?, ?, ?)").run(e.id, e.code, e.name, e.type, townIds.get(e.town)!);
    }
    handBuiltCounty.postings.forEach((p, i) => {
      sqlite.prepare("INSERT INTO postings (code, employer_id, title, headcount, status) VALUES (?, ?, '岗位', ?, ?)").run(`P${i + 1}`, p.employerId, p.headcount, p.status);
    });
    for (const p of handBuiltCounty.placements) {
      sqlite
        .prepare("INSERT INTO placements (id, worker_id, employer_id, employment_form, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?)")
        .run(p.id, p.workerId, p.employerId, p.employmentForm, p.startDate, p.endDate);
    }
  });
}
