/**
 * The one way a use-case records a change in the audit log: call `recordChange` inside the
 * change's transaction with who acted and the record before and after. Secrets are dropped
 * (src/core/audit-values.ts); the table itself refuses edits (migration 0001).
 * @example db.transaction((tx) => { const row = insertUser(tx, …); recordChange(tx, by, { action: "create", entity: "user", entityId: row.id, after: row }); });
 */
import type { Db } from "../../db/client.ts";
import { appendAudit, appendAuditEntries } from "../../db/queries/audit.ts";
import { auditSnapshot } from "../core/audit-values.ts";

/** Who acted: a signed-in user, or a named program (`cli:user`, `import`, `demo`, `system`). */
export type ChangeAuthor = { userId: number; login: string } | { label: string };

/** A person on the public board who has not signed in. */
export const ANONYMOUS_VISITOR: ChangeAuthor = { label: "web" };

/** The signed-in user behind a change, for the `created_by` columns; null for a program or a visitor. */
export function authorUserId(by: ChangeAuthor): number | null {
  return "userId" in by ? by.userId : null;
}

/** The label a change is recorded under: the user's login, or the program's name. */
export function authorLabel(by: ChangeAuthor): string {
  return "userId" in by ? by.login : by.label;
}

/** Entities the audit page filters on; other strings are allowed for rarer records. */
export type AuditedEntity = "posting" | "application" | "placement" | "worker" | "household" | "employer" | "user" | "api-token" | (string & {});

export interface Change {
  action: "create" | "update" | "delete";
  entity: AuditedEntity;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  /** When it happened, by the use-case's clock; without it, the database's clock (see AuditEntry.at). */
  at?: Date;
}

export function recordChange(tx: Pick<Db, "insert">, by: ChangeAuthor, change: Change): void {
  appendAudit(tx, {
    actorUserId: authorUserId(by),
    actorLabel: authorLabel(by),
    action: change.action,
    entity: change.entity,
    entityId: change.entityId,
    before: change.before === undefined ? null : auditSnapshot(change.before),
    after: change.after === undefined ? null : auditSnapshot(change.after),
    at: change.at,
  });
}

/** Many changes by one author at once, in order (a bulk review, notice, batch or payment of up to thousands of lines): the same rows as `recordChange` for each, fewer statements. */
export function recordChanges(db: Db, by: ChangeAuthor, changes: readonly Change[]): void {
  const actor = { actorUserId: authorUserId(by), actorLabel: authorLabel(by) };
  appendAuditEntries(db, changes.map((c) => ({ ...actor, ...c })));
}
