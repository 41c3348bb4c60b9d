/**
 * Publishes a posting (岗位) or changes it, matched on its code, and tells the search index
 * through the outbox in the same transaction. Changing the status to 已招满 or 已关闭 takes it
 * out of search; see also changePostingStatus.
 */
import type { Db } from "../../db/client.ts";
import { enqueueSearchUpdate } from "../../db/queries/outbox.ts";
import { employerByCode, insertPosting, postingByCode, updatePosting, type PostingValues } from "../../db/queries/postings.ts";
import { chinaDate } from "../core/china-time.ts";
import type { PostingStatus } from "../core/enums.ts";
import type { CountyPosting } from "../demo/county-types.ts";
import { recordChange, type ChangeAuthor } from "./audit-trail.ts";
import { RegistryReferenceError } from "./save-employer.ts";

export interface SavePostingProps {
  /** The `postings` spreadsheet's columns (docs/contract.md); publishedAt defaults to today. */
  posting: Omit<CountyPosting, "publishedAt"> & { publishedAt?: string };
  by: ChangeAuthor;
}

export function savePosting(deps: { db: Db }, props: SavePostingProps): { postingId: number; created: boolean } {
  const p = props.posting;
  return deps.db.transaction((tx) => {
    const employer = employerByCode(tx, p.employerCode);
    if (!employer) throw new RegistryReferenceError(`unknown employer ${p.employerCode}`);
    const before = postingByCode(tx, p.code);
    const values: PostingValues = {
      code: p.code,
      employerId: employer.id,
      title: p.title,
      description: p.description,
      headcount: p.headcount,
      payMin: p.payMin ?? null,
      payMax: p.payMax ?? null,
      payUnit: p.payUnit,
      workingTime: p.workingTime,
      ageMin: p.ageMin ?? null,
      ageMax: p.ageMax ?? null,
      physicalDemand: p.physicalDemand ?? null,
      skills: p.skills,
      benefits: p.benefits,
      status: p.status,
      closingDate: p.closingDate ?? null,
      publishedAt: p.publishedAt ?? before?.publishedAt ?? chinaDate(new Date()),
    };
    const postingId = before ? (updatePosting(tx, before.id, values), before.id) : insertPosting(tx, values);
    enqueueSearchUpdate(tx, "posting", [postingId]);
    recordChange(tx, props.by, {
      action: before ? "update" : "create",
      entity: "posting",
      entityId: p.code,
      before,
      after: values,
    });
    return { postingId, created: !before };
  });
}

/** Marks a posting 招聘中, 已招满 or 已关闭; a posting no longer recruiting leaves search. */
export function changePostingStatus(deps: { db: Db }, props: { code: string; status: PostingStatus; by: ChangeAuthor }): void {
  deps.db.transaction((tx) => {
    const before = postingByCode(tx, props.code);
    if (!before) throw new RegistryReferenceError(`unknown posting ${props.code}`);
    if (before.status === props.status) return;
    updatePosting(tx, before.id, { status: props.status });
    enqueueSearchUpdate(tx, "posting", [before.id]);
    recordChange(tx, props.by, {
      action: "update",
      entity: "posting",
      entityId: props.code,
      before: { status: before.status },
      after: { status: props.status },
    });
  });
}
