/**
 * What the audit log page shows (a read model): a page of entries matching the filter, days
 * taken as China days, times in China time, personal data inside the values masked, each change
 * also field by field (for the page; `before`/`after` stay the compact JSON).
 */
import type { Db } from "../../db/client.ts";
import { listAudit } from "../../db/queries/audit.ts";
import { legacyAuditReason, type LegacyAuditReason } from "../core/audit-reasons.ts";
import { auditChanges, auditDisplay, type AuditFieldChange } from "../core/audit-values.ts";
import { messages } from "../../views/messages.ts";
import { chinaTime, startOfChinaDay } from "../core/china-time.ts";

export interface AuditLogFilter {
  entity?: string | undefined;
  actor?: string | undefined;
  /** First and last China day (YYYY-MM-DD), both included. */
  from?: string | undefined;
  to?: string | undefined;
}

export function auditLogView(deps: { db: Db }, props: { filter: AuditLogFilter; page: { limit: number; offset: number } }) {
  const { filter } = props;
  const range = { fromAt: filter.from ? startOfChinaDay(filter.from) : undefined, beforeAt: filter.to ? startOfChinaDay(filter.to, 1) : undefined };
  const { rows, hasMore } = listAudit(deps.db, { entity: filter.entity, actor: filter.actor, ...range }, props.page);
  return {
    hasMore,
    rows: rows.map((r) => ({
      id: r.id,
      at: chinaTime(r.at),
      actor: messages.auditActors[r.actorLabel] ?? r.actorLabel,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: auditDisplay(r.before),
      after: auditDisplay(r.after),
      changes: auditChanges(r.before, r.after).map(inChinese),
    })),
  };
}

function legacyText(reason: LegacyAuditReason): string {
  const t = messages.auditReasons;
  switch (reason.code) {
    case "closingDatePassed":
      return t.closingDatePassed(reason.date);
    case "postingFull":
      return t.postingFull;
    case "headcountReached":
      return t.headcountReached;
    case "signedInWithPhone":
      return t.signedInWithPhone;
  }
}

/** A logged value as a person reads it: an English reason of an earlier version, or a coded value, in Chinese. */
function valueInChinese(field: string, value: string): string {
  if (value === "") return value;
  const coded = messages.auditValues[field]?.[value];
  if (coded) return coded;
  const legacy = legacyAuditReason(value);
  return legacy ? legacyText(legacy) : value;
}

function inChinese(change: AuditFieldChange): AuditFieldChange {
  return { ...change, before: valueInChinese(change.field, change.before), after: valueInChinese(change.field, change.after) };
}
