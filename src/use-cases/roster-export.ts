/**
 * The monthly roster (花名册) of an employer as an .xlsx workbook: who worked there in a month,
 * for how many days, with that month's income — the document a workshop hands in for its
 * subsidy (the bureau's claim form needs the ID number: masked unless the policy lets whoever
 * downloads see it in full — never for a manager). Phones follow the policy's one rule: in full
 * for the employer's people still working today, masked for those who have left.
 * A month still running counts the days up to today; a month that has not begun is refused by
 * the route (src/core/roster.ts rosterMonthProblem). The last row holds the totals.
 */
import ExcelJS from "exceljs";
import type { Db } from "../../db/client.ts";
import { rosterRows, type RosterRow } from "../../db/queries/workshop.ts";
import { maskPhone } from "../core/id-number.ts";
import { canSeeFullIdNumber, canSeeFullPhone, type Actor } from "../core/policy.ts";
import { daysInMonth } from "../core/calendar.ts";
import { rosterForMonth, rosterTotals } from "../core/roster.ts";
import type { PersonalDataProtector } from "../security/personal-data.ts";
import { messages } from "../../views/messages.ts";

export interface MonthlyRosterLine {
  name: string;
  /** Masked unless the policy lets the downloader see it; empty for someone outside the registry. */
  idNumber: string;
  phone: string;
  startDate: string;
  endDate: string | null;
  days: number;
  income: number | null;
  assisted: boolean;
  needsConfirmation: boolean;
}

/**
 * A person's phone as `actor` may see it on a roster line: the one rule of src/core/policy.ts
 * (a manager's own people in full while the line still runs on `today`).
 */
export function rosterPhone(actor: Actor, employerId: number, row: Pick<RosterRow, "phone" | "townId" | "endDate">, today: string): string {
  if (row.phone === null) return "";
  const current = row.endDate === null || row.endDate >= today;
  return canSeeFullPhone(actor, { type: "roster-line", employerId, townId: row.townId, current }) ? row.phone : maskPhone(row.phone);
}

/** A person's ID number as `actor` may see it on a roster line ("" when the registry holds none). */
export function rosterIdNumber(actor: Actor, row: Pick<RosterRow, "townId" | "idNumberMasked" | "idNumberCipher">, protector?: PersonalDataProtector): string {
  if (row.idNumberMasked === null || row.townId === null) return "";
  if (protector && row.idNumberCipher !== null && canSeeFullIdNumber(actor, { townId: row.townId })) return protector.decrypt(row.idNumberCipher);
  return row.idNumberMasked;
}

/** The lines of `month` (YYYY-MM) up to `today`, one per person, by name. */
export function monthlyRoster(
  deps: { db: Db; protector?: PersonalDataProtector },
  props: { employerId: number; month: string; actor: Actor; today: string },
): MonthlyRosterLine[] {
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
    props.today,
  );
  return lines
    .map((line) => {
      const own = byKey.get(line.workerId)!;
      const earliest = own.reduce((a, b) => (a.startDate <= b.startDate ? a : b));
      const open = own.some((r) => r.endDate === null);
      const latestEnd = open ? null : own.map((r) => r.endDate!).sort().at(-1)!;
      return {
        name: earliest.name,
        idNumber: rosterIdNumber(props.actor, earliest, deps.protector),
        phone: rosterPhone(props.actor, props.employerId, { phone: earliest.phone, townId: earliest.townId, endDate: latestEnd }, props.today),
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
export async function monthlyRosterWorkbook(
  deps: { db: Db; protector?: PersonalDataProtector },
  props: { employerId: number; employerName: string; month: string; actor: Actor; today: string },
): Promise<Buffer> {
  const m = messages.workshop;
  const lines = monthlyRoster(deps, props);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = messages.site.name;
  const sheet = workbook.addWorksheet(m.exportSheet(props.month));
  sheet.addRow([props.employerName, m.exportSheet(props.month)]);
  sheet.addRow([...m.exportHeaders]);
  for (const l of lines) {
    sheet.addRow([l.name, l.idNumber, l.phone, l.startDate, l.endDate ?? "", l.days, l.income ?? "", l.assisted ? m.yes : m.no, l.needsConfirmation ? m.yes : m.no]);
  }
  const totals = rosterTotals(lines);
  const totalRow = sheet.addRow([messages.rosterExport.totals(totals.people), "", "", "", "", totals.days, totals.income, lines.filter((l) => l.assisted).length, lines.filter((l) => l.needsConfirmation).length]);
  totalRow.font = { bold: true };
  sheet.getRow(2).font = { bold: true };
  // ID numbers as text (18 digits would lose their last ones as a number).
  sheet.getColumn(2).numFmt = "@";
  sheet.columns.forEach((col, i) => (col.width = [10, 22, 14, 12, 12, 10, 14, 10, 8][i] ?? 10));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
