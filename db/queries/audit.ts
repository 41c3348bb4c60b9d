/**
 * Appending to the audit log (the table refuses updates and deletes). Both writers pass the values
 * through auditSnapshot, so no path — use-case, import, seed — can put a secret (password or token
 * hash, the ID number's hash or cipher) into the log.
 */
import { and, desc, eq, gte, lt } from "drizzle-orm";
import { auditSnapshot, auditSnapshotJson } from "../../src/core/audit-values.ts";
import type { Db } from "../client.ts";
import { auditLog } from "../schema.ts";

export interface AuditEntry {
  actorUserId?: number | null;
  actorLabel: string;
  action: "create" | "update" | "delete";
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  /**
   * When the change happened, by the use-case's clock. Without it the row takes the database's
   * clock (the same clock in production; a demo or a test that runs on its own clock passes it,
   * so a subsidy line's trail reads on one clock).
   */
  at?: Date;
}

/** The row's created_at: the entry's own time, else the database's (the column's default). */
const AT_OR_NOW = "coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";
const atText = (at: Date | undefined) => (at ? at.toISOString() : null);

export function appendAudit(tx: Pick<Db, "insert">, entry: AuditEntry): void {
  tx.insert(auditLog)
    .values({
      actorUserId: entry.actorUserId ?? null,
      actorLabel: entry.actorLabel,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      before: entry.before === undefined || entry.before === null ? null : auditSnapshot(entry.before),
      after: entry.after === undefined || entry.after === null ? null : auditSnapshot(entry.after),
      ...(entry.at ? { at: entry.at.toISOString() } : {}),
    })
    .run();
}

/** What the audit page filters on; every field optional. */
export interface AuditFilter {
  entity?: string | undefined;
  /** A login or a program label (`import`, `demo`, `cli:user`). */
  actor?: string | undefined;
  /** ISO instants: entries at or after `fromAt` and before `beforeAt`. */
  fromAt?: string | undefined;
  beforeAt?: string | undefined;
}

/** One page of the audit log, newest first, and whether there is a next page. */
export function listAudit(db: Db, filter: AuditFilter, page: { limit: number; offset: number }) {
  const conditions = [
    filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
    filter.actor ? eq(auditLog.actorLabel, filter.actor) : undefined,
    filter.fromAt ? gte(auditLog.at, filter.fromAt) : undefined,
    filter.beforeAt ? lt(auditLog.at, filter.beforeAt) : undefined,
  ].filter((c) => c !== undefined);
  const rows = db
    .select()
    .from(auditLog)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(page.limit + 1)
    .offset(page.offset)
    .all();
  return { rows: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
}

/**
 * An appender with its statement prepared once, for bulk writers (the spreadsheet import appends
 * one row per imported row: drizzle's builder costs more than the insert itself at 100,000 rows).
 * Same table, same columns, same rules as appendAudit.
 */
export function createAuditAppender(db: Db): (entry: AuditEntry) => void {
  const insert = db.$client.prepare(
    `INSERT INTO audit_log (actor_user_id, actor_label, action, entity, entity_id, before, after, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ${AT_OR_NOW})`,
  );
  const json = (value: unknown) => (value === undefined || value === null ? null : auditSnapshotJson(value));
  return (entry) => {
    insert.run(entry.actorUserId ?? null, entry.actorLabel, entry.action, entry.entity, String(entry.entityId), json(entry.before), json(entry.after), atText(entry.at));
  };
}

/** Rows per multi-row INSERT of `appendAuditEntries`. */
const ENTRIES_PER_INSERT = 100;

/**
 * Appends many entries at once, in order, `ENTRIES_PER_INSERT` rows per statement (a compute's
 * one row per line: a statement per row costs more than the row). Same table, same columns,
 * same rules as appendAudit.
 */
export function appendAuditEntries(db: Db, entries: readonly AuditEntry[]): void {
  const json = (value: unknown) => (value === undefined || value === null ? null : auditSnapshotJson(value));
  const statement = (n: number) =>
    db.$client.prepare(
      `INSERT INTO audit_log (actor_user_id, actor_label, action, entity, entity_id, before, after, created_at) VALUES ${Array.from({ length: n }, () => `(?, ?, ?, ?, ?, ?, ?, ${AT_OR_NOW})`).join(", ")}`,
    );
  const full = entries.length >= ENTRIES_PER_INSERT ? statement(ENTRIES_PER_INSERT) : undefined;
  for (let start = 0; start < entries.length; start += ENTRIES_PER_INSERT) {
    const part = entries.slice(start, start + ENTRIES_PER_INSERT);
    const values = part.flatMap((e) => [e.actorUserId ?? null, e.actorLabel, e.action, e.entity, String(e.entityId), json(e.before), json(e.after), atText(e.at)]);
    (part.length === ENTRIES_PER_INSERT && full ? full : statement(part.length)).run(values);
  }
}
