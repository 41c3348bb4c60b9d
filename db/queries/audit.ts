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
