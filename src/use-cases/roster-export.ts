/**
 * The monthly roster (花名册) of an employer as an .xlsx workbook: who worked there in a month,
 * for how many days, with that month's income — the document a workshop hands in for its
 * subsidy. ID numbers are never in it; phones are full or masked as the policy says.
 */
import ExcelJS from "exceljs";
import type { Db } from "../../db/client.ts";
import { rosterRows, type RosterRow } from "../../db/queries/workshop.ts";
import { maskPhone } from "../core/id-number.ts";
import { canSeeFullPhone, type Actor } from "../core/policy.ts";
import { daysInMonth } from "../core/calendar.ts";
import { rosterForMonth } from "../core/roster.ts";
import { messages } from "../../views/messages.ts";

export interface MonthlyRosterLine {
  name: string;
  phone: string;
  startDate: string;
  endDate: string | null;
  days: number;
  income: number | null;
  assisted: boolean;
  needsConfirmation: boolean;
}

/** A person's phone as `actor` may see it on a roster line. */
export function rosterPhone(actor: Actor, employerId: number, row: Pick<RosterRow, "kind" | "phone" | "townId">): string {
  if (row.phone === null) return "";
  // A registry worker's phone follows the worker rule; someone the manager hired outside the
  // registry gave the manager their phone, as an applicant does.
  const full = row.kind === "placement" && row.townId !== null ? canSeeFullPhone(actor, { type: "worker", townId: row.townId }) : canSeeFullPhone(actor, { type: "application", employerId });
  return full ? row.phone : maskPhone(row.phone);
}

/** The lines of `month` (YYYY-MM), one per person, by name. */
export function monthlyRoster(deps: { db: Db }, props: { employerId: number; month: string; actor: Actor }): MonthlyRosterLine[] {
  const first = `${props.month}-01`;
  const last = `${props.month}-${String(daysInMonth(props.month)).padStart(2, "0")}`;
  const rows = rosterRows(deps.db, props.employerId, first, last);
  // One person per registry worker (their placements are merged by rosterForMonth), one per pending hire.
  const people = new Map<string, { key: number; rows: RosterRow[] }>();
  for (const row of rows) {
    const id = row.workerId !== null ? `w${row.workerId}` : `h${row.id}`;
    const entry = people.get(id) ?? { key: people.size + 1, rows: [] };
    entry.rows.push(row);
    people.set(id, entry);
  }
  const byKey = new Map([...people.values()].map((p) => [p.key, p.rows]));
  const lines = rosterForMonth(
    [...people.values()].flatMap((p) => p.rows.map((r) => ({ workerId: p.key, startDate: r.startDate, endDate: r.endDate, monthlyIncome: r.monthlyIncome }))),
    props.month,
  );
  return lines
    .map((line) => {
      const own = byKey.get(line.workerId)!;
      const earliest = own.reduce((a, b) => (a.startDate <= b.startDate ? a : b));
      const open = own.some((r) => r.endDate === null);
      const latestEnd = open ? null : own.map((r) => r.endDate!).sort().at(-1)!;
      return {
        name: earliest.name,
        phone: rosterPhone(props.actor, props.employerId, earliest),
        startDate: earliest.startDate,
        endDate: latestEnd,
        days: line.days,
        income: line.income,
        assisted: own.some((r) => r.assisted),
        needsConfirmation: own.some((r) => r.needsConfirmation),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN") || a.startDate.localeCompare(b.startDate));
}

/** The workbook of `monthlyRoster`, as bytes. */
export async function monthlyRosterWorkbook(deps: { db: Db }, props: { employerId: number; employerName: string; month: string; actor: Actor }): Promise<Buffer> {
  const m = messages.workshop;
  const lines = monthlyRoster(deps, props);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = messages.site.name;
  const sheet = workbook.addWorksheet(m.exportSheet(props.month));
  sheet.addRow([props.employerName, m.exportSheet(props.month)]);
  sheet.addRow([...m.exportHeaders]);
  for (const l of lines) {
    sheet.addRow([l.name, l.phone, l.startDate, l.endDate ?? "", l.days, l.income ?? "", l.assisted ? m.yes : m.no, l.needsConfirmation ? m.yes : m.no]);
  }
  sheet.getRow(2).font = { bold: true };
  sheet.columns.forEach((col, i) => (col.width = [10, 14, 12, 12, 10, 14, 10, 8][i] ?? 10));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
