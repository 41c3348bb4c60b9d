/**
 * What every import applier shares: the prepared registry statements, the places known so far
 * (towns and villages, cached for the whole file), the audit appender naming who imported, and
 * the one way an applier rejects a row (`reject`, which rolls the row's savepoint back).
 * An applier throws RowRejected for a bad row; anything else it throws is a bug and fails the
 * import (import-spreadsheet.ts).
 */
import type { Db } from "../../../db/client.ts";
import { createAuditAppender } from "../../../db/queries/audit.ts";
import { registryStatements, type VillageRow } from "../../../db/queries/registry.ts";
import { combineProblems, type Rejection } from "../../imports/formats.ts";
import type { PersonalDataProtector } from "../../security/personal-data.ts";
import { authorUserId, type ChangeAuthor } from "../audit-trail.ts";
import { messages } from "../../../views/messages.ts";

const reasons = messages.imports.reasons;

/** What applying one row did. */
export type RowChange = "created" | "updated" | "unchanged";

/** Thrown inside a row's savepoint to roll the row back and reject it. */
export class RowRejected extends Error {
  override name = "RowRejected";
  /** Each problem on its own (a form shows each beside its field); `rejection` sums them up. */
  readonly problems: readonly Rejection[];
  constructor(readonly rejection: Rejection, problems?: readonly Rejection[]) {
    super(rejection.reason);
    this.problems = problems ?? [rejection];
  }
}

export interface ApplierProps {
  db: Db;
  protector: PersonalDataProtector;
  /** Who the audit log names for every change of this import: the uploader, or the CLI's label. */
  by: ChangeAuthor;
  /** YYYY-MM-DD: the publication date given to postings that arrive open. */
  today: string;
}

export type ApplierContext = ReturnType<typeof createApplierContext>;

export function createApplierContext(props: ApplierProps) {
  const { db } = props;
  const st = registryStatements(db);
  const villageKey = (town: string, village: string) => `${town}\u0000${village}`;
  const towns = new Map<string, number>();
  const villages = new Map<string, VillageRow>();
  /** (Re)reads the towns and villages, e.g. after a row that created some was rolled back. */
  const loadPlaces = () => {
    towns.clear();
    villages.clear();
    for (const row of st.allTowns.all() as { id: number; name: string }[]) towns.set(row.name, row.id);
    for (const v of st.allVillages.all() as VillageRow[]) villages.set(villageKey(v.town, v.name), v);
  };
  loadPlaces();
  const appendAudit = createAuditAppender(db);
  const actorUserId = authorUserId(props.by);
  const actorLabel = "userId" in props.by ? props.by.login : props.by.label;
  const reject = (column: string, reason: string): never => {
    throw new RowRejected({ column, reason });
  };
  return {
    ...props,
    st,
    towns,
    villages,
    villageKey,
    loadPlaces,
    reject,
    audit(action: "create" | "update", entity: string, entityId: number | string, before: unknown, after: unknown): void {
      appendAudit({ actorUserId, actorLabel, action, entity, entityId, before, after });
    },
    /**
     * Collects a row's registry problems that do not depend on each other (an unknown worker and
     * an unknown employer, say), so the row is rejected once naming every one of them.
     */
    rowProblems() {
      const found: Rejection[] = [];
      return {
        add(column: string, reason: string): void {
          found.push({ column, reason });
        },
        /** Rejects the row when anything was added. */
        rejectIfAny(): void {
          if (found.length > 0) throw new RowRejected(combineProblems(found), found);
        },
      };
    },
    /** The village of a row's 乡镇 and 村, or the row is rejected naming the one not known. */
    villageOf(town: string, village: string): VillageRow {
      if (!towns.has(town)) reject("乡镇", reasons.unknownTown(town));
      return villages.get(villageKey(town, village)) ?? reject("村", reasons.unknownVillage(town, village));
    },
    /** The village of a row's 乡镇 and 村, or undefined with the unknown one added to `problems`. */
    findVillage(town: string, village: string, problems: { add(column: string, reason: string): void }): VillageRow | undefined {
      if (!towns.has(town)) {
        problems.add("乡镇", reasons.unknownTown(town));
        return undefined;
      }
      const found = villages.get(villageKey(town, village));
      if (!found) problems.add("村", reasons.unknownVillage(town, village));
      return found;
    },
  };
}
