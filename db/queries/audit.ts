/** Appending to the audit log (the table refuses updates and deletes). */
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
