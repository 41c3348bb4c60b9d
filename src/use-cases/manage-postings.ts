/**
 * A manager's postings: publish a new one, edit one, change its status (close, mark full,
 * reopen). Each change writes the posting, its audit row and the search outbox row in one
 * transaction; a closed or full posting leaves the public index when the outbox drains.
 */
import type { Db } from "../../db/client.ts";
import { enqueueSearchUpdate } from "../../db/queries/outbox.ts";
import { insertPosting, updatePosting, type PostingRecord } from "../../db/queries/postings.ts";
import { highestPostingCode, postingRecordById, workingFromPosting } from "../../db/queries/workshop.ts";
import { fillsPosting } from "../core/application-pipeline.ts";
import { chinaDate } from "../core/china-time.ts";
import { nextPostingCode, postingStatusAfter, publishedDate, type PostingAction, type PostingInput } from "../core/posting-rules.ts";
import { recordChange, type ChangeAuthor } from "./audit-trail.ts";

/**
 * Publishes a new posting (招聘中) for `employerId` under the next free code.
 * @example postingPublisher({ db }, { employerId: 3, input, by: { userId: 7, login: "13800000000" } }).code // "P00042"
 */
export function postingPublisher(deps: { db: Db }, props: { employerId: number; input: PostingInput; by: ChangeAuthor; now: Date }): PostingRecord {
  const now = props.now;
  return deps.db.transaction((tx) => {
    const code = nextPostingCode(highestPostingCode(tx));
    const publishedAt = publishedDate({ status: "招聘中", previous: null, today: chinaDate(now) });
    const row = insertPosting(tx, { ...props.input, code, employerId: props.employerId, status: "招聘中", publishedAt }, now);
    recordChange(tx, props.by, { action: "create", entity: "posting", entityId: row.id, after: row });
    enqueueSearchUpdate(tx, "posting", [row.id]);
    return row;
  });
}

/**
 * Saves new details of a posting. A recruiting posting whose new headcount is already hired
 * becomes full; a full one with room again recruits again.
 */
export function postingEditor(deps: { db: Db }, props: { posting: PostingRecord; input: PostingInput; by: ChangeAuthor; now: Date }): PostingRecord {
  const now = props.now;
  return deps.db.transaction((tx) => {
    const working = workingFromPosting(tx, props.posting.id, chinaDate(now));
    let status = props.posting.status;
    if (status === "招聘中" && fillsPosting(props.input.headcount, working)) status = "已招满";
    else if (status === "已招满" && !fillsPosting(props.input.headcount, working)) status = "招聘中";
    const row = updatePosting(tx, props.posting.id, { ...props.input, status }, now);
    recordChange(tx, props.by, { action: "update", entity: "posting", entityId: row.id, before: props.posting, after: row });
    enqueueSearchUpdate(tx, "posting", [row.id]);
    return row;
  });
}

/** Closes, marks full or reopens a posting; returns null when the action does not apply to its status. */
export function postingStatusChanger(deps: { db: Db }, props: { postingId: number; action: PostingAction; by: ChangeAuthor; now: Date }): PostingRecord | null {
  const now = props.now;
  return deps.db.transaction((tx) => {
    const before = postingRecordById(tx, props.postingId);
    if (!before) return null;
    const status = postingStatusAfter(before.status, props.action, { closingDate: before.closingDate, today: chinaDate(now) });
    if (status === null) return null;
    // A reopened posting is published again today.
    const reopened = status === "招聘中" ? { publishedAt: publishedDate({ status, previous: null, today: chinaDate(now) }) } : {};
    const row = updatePosting(tx, before.id, { status, ...reopened }, now);
    recordChange(tx, props.by, { action: "update", entity: "posting", entityId: row.id, before: { status: before.status }, after: { status: row.status } });
    enqueueSearchUpdate(tx, "posting", [row.id]);
    return row;
  });
}
