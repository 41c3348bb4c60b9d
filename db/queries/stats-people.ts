/**
 * The people behind a figure of the statistics pages (db/queries/stats.ts): the 帮扶对象 labour
 * force or employed at a date, of one town, household category or platform; the people placed at
 * a workshop; the people on public-benefit posts. Same definitions as the figures, so a list's
 * count equals the number that linked to it (tests/bureau-stats.test.ts holds them together).
 * ID numbers come masked; a page is ordered by worker id.
 */
import { LABOUR_FORCE_ABILITIES, labourForceBirthCutoff, type EmploymentBreakdown } from "../../src/core/stats/figures.ts";
import type { Db } from "../client.ts";

/** What a figure counts. */
export const PEOPLE_FIGURES = ["labour_force", "employed", "workshop", "workshop_assisted", "public_benefit"] as const;
export type PeopleFigure = (typeof PEOPLE_FIGURES)[number];

export interface PeopleQuery {
  figure: PeopleFigure;
  /** The date the figure is taken at (the baseline's figures are taken at the baseline date). */
  date: string;
  /** With `key`: one row of a breakdown (labour_force and employed; labour_force not by platform). */
  by?: EmploymentBreakdown | undefined;
  key?: string | undefined;
  /** workshop, workshop_assisted: the employer's code. */
  employer?: string | undefined;
  /** The viewer's town scope, by name. */
  town?: string | undefined;
}

export interface PersonRow {
  id: number;
  name: string;
  idNumberMasked: string;
  town: string;
  village: string;
  household: string;
  category: string;
}

const ABLE = LABOUR_FORCE_ABILITIES.map((a) => `'${a}'`).join(", ");
/** Open at D and not waiting for the bureau's confirmation (待核实), as the figures count. */
const OPEN_AT_D = "(p.needs_confirmation = 0 AND p.start_date <= @d AND (p.end_date IS NULL OR p.end_date >= @d))";
const COUNTING_PLATFORM = `(SELECT coalesce(e.type, p.employment_form) FROM placements p LEFT JOIN employers e ON e.id = p.employer_id
  WHERE p.worker_id = w.id AND ${OPEN_AT_D} ORDER BY p.start_date DESC, p.id DESC LIMIT 1)`;

function whereOf(query: PeopleQuery): { where: string[]; params: Record<string, string> } {
  const where: string[] = [];
  const params: Record<string, string> = { d: query.date };
  if (query.town !== undefined) {
    where.push("t.name = @town");
    params.town = query.town;
  }
  switch (query.figure) {
    case "labour_force":
    case "employed":
      where.push("h.category <> '一般户'", `w.birth_date <= @cut AND w.labour_ability IN (${ABLE})`);
      params.cut = labourForceBirthCutoff(query.date);
      if (query.figure === "employed") where.push(`EXISTS (SELECT 1 FROM placements p WHERE p.worker_id = w.id AND ${OPEN_AT_D})`);
      if (query.by !== undefined && query.key !== undefined) {
        params.key = query.key;
        if (query.by === "town") where.push("t.name = @key");
        else if (query.by === "category") where.push("h.category = @key");
        else where.push(`${COUNTING_PLATFORM} = @key`);
      }
      break;
    case "workshop":
    case "workshop_assisted":
      where.push(
        `EXISTS (SELECT 1 FROM placements p JOIN employers e ON e.id = p.employer_id WHERE p.worker_id = w.id AND e.code = @employer AND ${OPEN_AT_D})`,
      );
      params.employer = query.employer ?? "";
      if (query.figure === "workshop_assisted") where.push("h.category <> '一般户'");
      break;
    case "public_benefit":
      where.push(`EXISTS (SELECT 1 FROM placements p JOIN employers e ON e.id = p.employer_id WHERE p.worker_id = w.id AND e.type = '公益性岗位' AND ${OPEN_AT_D})`);
      break;
  }
  return { where, params };
}

const FROM = `FROM workers w JOIN households h ON h.id = w.household_id JOIN villages v ON v.id = w.village_id JOIN towns t ON t.id = v.town_id`;

/**
 * One page of the people behind a figure, and how many there are in all.
 * @example peopleBehindFigure(db, { figure: "employed", date: "2026-11-23", by: "town", key: "岭背镇" }, { limit: 50, offset: 0 })
 */
export function peopleBehindFigure(db: Db, query: PeopleQuery, page: { limit: number; offset: number }): { rows: PersonRow[]; total: number } {
  const { where, params } = whereOf(query);
  const clause = where.length > 0 ? `WHERE ${where.join(" AND ")}` : "";
  const total = (db.$client.prepare(`SELECT count(*) AS n ${FROM} ${clause}`).get(params) as { n: number }).n;
  const rows = db.$client
    .prepare(
      `SELECT w.id AS id, w.name AS name, w.id_number_masked AS idNumberMasked, t.name AS town, v.name AS village, h.code AS household, h.category AS category
       ${FROM} ${clause} ORDER BY w.id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: page.limit, offset: page.offset }) as PersonRow[];
  return { rows, total };
}
