/** Appending to the audit log (the table refuses updates and deletes). */
import { and, desc, eq, gte, lt } from "drizzle-orm";
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
}

export function appendAudit(tx: Pick<Db, "insert">, entry: AuditEntry): void {
  tx.insert(auditLog)
    .values({
      actorUserId: entry.actorUserId ?? null,
      actorLabel: entry.actorLabel,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      before: entry.before ?? null,
      after: entry.after ?? null,
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
    "INSERT INTO audit_log (actor_user_id, actor_label, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
  return (entry) => {
    insert.run(entry.actorUserId ?? null, entry.actorLabel, entry.action, entry.entity, String(entry.entityId), json(entry.before), json(entry.after));
  };
}
