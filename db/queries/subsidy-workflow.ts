/**
 * The subsidy workflow's SQL (docs/decisions/2026-12-01-subsidy-workflow.md): lines with their
 * notice, batch and open objections; review, notice, objection, batch and payment writes; the
 * public notice's rows (no ID number, no phone) and the payment file's rows (cipher only — the
 * use-case decrypts). Migration 0011's triggers refuse what these statements must never do.
 */
import type { SubsidyLineStatus } from "../../src/core/subsidies/ledger.ts";
import type { SubsidyKind } from "../../src/core/subsidies/policy.ts";
import type { ObjectionOutcome, WorkflowStage } from "../../src/core/subsidies/workflow.ts";
import type { Db } from "../client.ts";

type Tx = Pick<Db, "$client">;

/** A line with what the workflow needs to know about it. */
export interface WorkflowLineRow {
  id: number;
  policyCode: string;
  policyName: string;
  kind: SubsidyKind;
  fundSource: string | null;
  period: string;
  round: number;
  amountFen: number;
  status: SubsidyLineStatus;
  reversesLineId: number | null;
  reviewedByUserId: number | null;
  workerId: number;
  workerName: string;
  workerIdMasked: string;
  townId: number;
  town: string;
  village: string;
  employerCode: string | null;
  employerName: string | null;
  snapshot: string;
  noticeId: number | null;
  noticeCode: string | null;
  noticeEndsOn: string | null;
  batchId: number | null;
  batchCode: string | null;
  openObjections: number;
  liveReversalId: number | null;
}

const OPEN_OBJECTIONS = "(SELECT count(*) FROM subsidy_objections o WHERE o.line_id = l.id AND o.outcome IS NULL)";

const SELECT = `
  SELECT l.id, p.code AS policyCode, p.name AS policyName, p.kind, pv.fund_source AS fundSource, l.period, l.round, l.amount_fen AS amountFen,
         l.status, l.reverses_line_id AS reversesLineId, l.reviewed_by_user_id AS reviewedByUserId, l.worker_id AS workerId,
         w.name AS workerName, w.id_number_masked AS workerIdMasked, t.id AS townId, t.name AS town, v.name AS village,
         e.code AS employerCode, e.name AS employerName, l.snapshot,
         l.notice_id AS noticeId, n.code AS noticeCode, n.ends_on AS noticeEndsOn,
         l.batch_id AS batchId, b.code AS batchCode, ${OPEN_OBJECTIONS} AS openObjections,
         (SELECT r.id FROM subsidy_lines r WHERE r.reverses_line_id = l.id AND r.status IN ('待审核', '已审核', '已发放')) AS liveReversalId
  FROM subsidy_lines l
  JOIN subsidy_policies p ON p.id = l.policy_id
  JOIN subsidy_policy_versions pv ON pv.id = l.policy_version_id
  JOIN workers w ON w.id = l.worker_id
  JOIN villages v ON v.id = w.village_id
  JOIN towns t ON t.id = v.town_id
  LEFT JOIN employers e ON e.id = l.employer_id
  LEFT JOIN subsidy_notices n ON n.id = l.notice_id
  LEFT JOIN subsidy_payment_batches b ON b.id = l.batch_id`;

/** Filters of the review list and of bulk actions: policy, town, period (a month or a year), stage; `townId` also scopes a cadre. */
export interface WorkflowFilter {
  policyCode?: string | undefined;
  townId?: number | undefined;
  period?: string | undefined;
  stage?: WorkflowStage | undefined;
  batchId?: number | undefined;
  noticeId?: number | undefined;
}

/** The SQL of a stage; mirrors workflowStage of the core (the tests compare the two). */
function stageSql(stage: WorkflowStage): { sql: string; params: string[]; needsToday: boolean } {
  const approvedFree = `l.status = '已审核' AND ${OPEN_OBJECTIONS} = 0 AND l.batch_id IS NULL`;
  switch (stage) {
    case "待公示":
      return { sql: `${approvedFree} AND l.reverses_line_id IS NULL AND l.notice_id IS NULL`, params: [], needsToday: false };
    case "公示中":
      return { sql: `${approvedFree} AND l.reverses_line_id IS NULL AND n.ends_on >= ?`, params: [], needsToday: true };
    case "有异议":
      return { sql: `l.status = '已审核' AND ${OPEN_OBJECTIONS} > 0`, params: [], needsToday: false };
    case "可发放":
      return { sql: `${approvedFree} AND (l.reverses_line_id IS NOT NULL OR n.ends_on < ?)`, params: [], needsToday: true };
    case "发放中":
      return { sql: `l.status = '已审核' AND ${OPEN_OBJECTIONS} = 0 AND l.batch_id IS NOT NULL`, params: [], needsToday: false };
    default:
      return { sql: "l.status = ?", params: [stage], needsToday: false };
  }
}

function whereOf(filter: WorkflowFilter, today: string): { sql: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (filter.policyCode) clauses.push("p.code = ?"), params.push(filter.policyCode);
  if (filter.townId !== undefined) clauses.push("t.id = ?"), params.push(filter.townId);
  // A month is itself; a year is the year and its months ('2025' … '2025-12' sort before '2025.'):
  // a range the (policy, period, status) indexes can walk, where an OR with LIKE could not.
  if (filter.period) {
    if (filter.period.length > 4) clauses.push("l.period = ?"), params.push(filter.period);
    else clauses.push("l.period >= ? AND l.period < ?"), params.push(filter.period, `${filter.period}.`);
  }
  if (filter.batchId !== undefined) clauses.push("l.batch_id = ?"), params.push(filter.batchId);
  if (filter.noticeId !== undefined) clauses.push("l.notice_id = ?"), params.push(filter.noticeId);
  if (filter.stage) {
    const s = stageSql(filter.stage);
    clauses.push(`(${s.sql})`);
    params.push(...s.params);
    if (s.needsToday) params.push(today);
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

/** Where a keyset page starts: lines older than `before` (the next page), newer than `after` (the previous), or the newest. */
export interface LineCursor {
  limit: number;
  before?: number | undefined;
  after?: number | undefined;
}

const FROM_LINES = SELECT.slice(SELECT.indexOf("FROM subsidy_lines l"));

/**
 * One page of lines, newest first, by keyset: the index on the id walks straight to the page
 * however deep it is (an OFFSET reads and drops every row before it). Says whether there are
 * newer and older lines beyond the page, for the pager's links.
 */
export function workflowLinesPage(db: Tx, filter: WorkflowFilter, today: string, page: LineCursor): { rows: WorkflowLineRow[]; hasNewer: boolean; hasOlder: boolean } {
  const where = whereOf(filter, today);
  const and = (clause: string) => (where.sql ? `${where.sql} AND ${clause}` : `WHERE ${clause}`);
  const exists = (clause: string, id: number) => db.$client.prepare(`SELECT 1 ${FROM_LINES} ${and(clause)} LIMIT 1`).get(...where.params, id) !== undefined;
  if (page.after !== undefined) {
    const rows = (db.$client.prepare(`${SELECT} ${and("l.id > ?")} ORDER BY l.id ASC LIMIT ?`).all(...where.params, page.after, page.limit + 1) as WorkflowLineRow[]);
    const hasNewer = rows.length > page.limit;
    const shown = rows.slice(0, page.limit).reverse();
    return { rows: shown, hasNewer, hasOlder: shown.length > 0 ? exists("l.id < ?", shown.at(-1)!.id) : exists("l.id <= ?", page.after) };
  }
  const rows = (page.before !== undefined
    ? db.$client.prepare(`${SELECT} ${and("l.id < ?")} ORDER BY l.id DESC LIMIT ?`).all(...where.params, page.before, page.limit + 1)
    : db.$client.prepare(`${SELECT} ${where.sql} ORDER BY l.id DESC LIMIT ?`).all(...where.params, page.limit + 1)) as WorkflowLineRow[];
  const shown = rows.slice(0, page.limit);
  const hasNewer = page.before === undefined ? false : shown.length > 0 ? exists("l.id > ?", shown[0]!.id) : exists("l.id >= ?", page.before);
  return { rows: shown, hasNewer, hasOlder: rows.length > page.limit };
}

/**
 * The count and amount of every matching line, joining only what the filter reads (the page's
 * columns — reviewer, notice code, reversal — are not needed to count). The amount leaves out
 * rejected and withdrawn lines, which will never be paid, unless the filter asks for those: it is
 * what the matching lines stand for (a paid line and its reversal add up to nothing).
 */
export function workflowTotals(db: Tx, filter: WorkflowFilter, today: string): { total: number; amountFen: number } {
  const where = whereOf(filter, today);
  const joins = [
    filter.policyCode ? "JOIN subsidy_policies p ON p.id = l.policy_id" : "",
    filter.townId !== undefined ? "JOIN workers w ON w.id = l.worker_id JOIN villages v ON v.id = w.village_id JOIN towns t ON t.id = v.town_id" : "",
    filter.stage === "公示中" || filter.stage === "可发放" ? "LEFT JOIN subsidy_notices n ON n.id = l.notice_id" : "",
  ].join(" ");
  const amount = filter.stage === "已驳回" || filter.stage === "已撤回" ? "l.amount_fen" : "CASE WHEN l.status IN ('已驳回', '已撤回') THEN 0 ELSE l.amount_fen END";
  return db.$client.prepare(`SELECT count(*) AS total, coalesce(sum(${amount}), 0) AS amountFen FROM subsidy_lines l ${joins} ${where.sql}`).get(...where.params) as {
    total: number;
    amountFen: number;
  };
}

/** Every matching line, oldest first, up to `limit` (bulk actions and batches). */
export function workflowLinesMatching(db: Tx, filter: WorkflowFilter, today: string, limit: number): WorkflowLineRow[] {
  const where = whereOf(filter, today);
  return db.$client.prepare(`${SELECT} ${where.sql} ORDER BY l.id LIMIT ?`).all(...where.params, limit) as WorkflowLineRow[];
}

export function workflowLinesByIds(db: Tx, ids: readonly number[]): WorkflowLineRow[] {
  if (ids.length === 0) return [];
  const found: WorkflowLineRow[] = [];
  const one = db.$client.prepare(`${SELECT} WHERE l.id = ?`);
  for (const id of ids) {
    const row = one.get(id) as WorkflowLineRow | undefined;
    if (row) found.push(row);
  }
  return found;
}

export function workflowLine(db: Tx, id: number): WorkflowLineRow | undefined {
  return workflowLinesByIds(db, [id])[0];
}

/** Towns for the filter. */
export function townChoices(db: Tx): { id: number; name: string }[] {
  return db.$client.prepare("SELECT id, name FROM towns ORDER BY name").all() as { id: number; name: string }[];
}

export function setReview(tx: Tx, id: number, values: { status: "已审核" | "已驳回"; userId: number | null; at: string; note: string | null }): void {
  tx.$client
    .prepare("UPDATE subsidy_lines SET status = ?, reviewed_by_user_id = ?, reviewed_at = ?, review_note = ?, status_changed_at = ? WHERE id = ? AND status = '待审核'")
    .run(values.status, values.userId, values.at, values.note, values.at, id);
}

/** A line withdrawn (撤回) while pending, or approved and in no batch; its reviewer, if any, stays. */
export function withdrawRow(tx: Tx, id: number, values: { at: string; note: string }): void {
  tx.$client
    .prepare("UPDATE subsidy_lines SET status = '已撤回', review_note = ?, status_changed_at = ? WHERE id = ? AND batch_id IS NULL AND status IN ('待审核', '已审核')")
    .run(values.note, values.at, id);
}

/** An approved line rejected after an upheld objection (its reviewer stays who approved it). */
export function rejectApproved(tx: Tx, id: number, values: { at: string; note: string }): void {
  tx.$client.prepare("UPDATE subsidy_lines SET status = '已驳回', review_note = ?, status_changed_at = ?, batch_id = NULL WHERE id = ? AND status = '已审核'").run(values.note, values.at, id);
}

export interface NoticeRow {
  id: number;
  code: string;
  title: string;
  publishedOn: string;
  endsOn: string;
  noticeDays: number;
  createdBy: string;
  createdAt: string;
}

const NOTICE_SELECT = `SELECT id, code, title, published_on AS publishedOn, ends_on AS endsOn, notice_days AS noticeDays, created_by_label AS createdBy, created_at AS createdAt FROM subsidy_notices`;

export function insertNotice(tx: Tx, v: { code: string; title: string; publishedOn: string; endsOn: string; noticeDays: number; userId: number | null; label: string; at: string }): number {
  return Number(
    tx.$client
      .prepare("INSERT INTO subsidy_notices (code, title, published_on, ends_on, notice_days, created_by_user_id, created_by_label, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .run(v.code, v.title, v.publishedOn, v.endsOn, v.noticeDays, v.userId, v.label, v.at).lastInsertRowid,
  );
}

export function attachNotice(tx: Tx, ids: readonly number[], noticeId: number): void {
  const st = tx.$client.prepare("UPDATE subsidy_lines SET notice_id = ? WHERE id = ? AND status = '已审核' AND notice_id IS NULL");
  for (const id of ids) st.run(noticeId, id);
}

export function noticeByCode(db: Tx, code: string): NoticeRow | undefined {
  return db.$client.prepare(`${NOTICE_SELECT} WHERE code = ?`).get(code) as NoticeRow | undefined;
}

export function noticeById(db: Tx, id: number): NoticeRow | undefined {
  return db.$client.prepare(`${NOTICE_SELECT} WHERE id = ?`).get(id) as NoticeRow | undefined;
}

/** Notices newest first, with their line count and amount. */
export function noticeList(db: Tx, limit: number): (NoticeRow & { lines: number; amountFen: number })[] {
  return db.$client
    .prepare(
      `SELECT n.id, n.code, n.title, n.published_on AS publishedOn, n.ends_on AS endsOn, n.notice_days AS noticeDays, n.created_by_label AS createdBy, n.created_at AS createdAt,
              (SELECT count(*) FROM subsidy_lines l WHERE l.notice_id = n.id) AS lines,
              (SELECT coalesce(sum(amount_fen), 0) FROM subsidy_lines l WHERE l.notice_id = n.id) AS amountFen
       FROM subsidy_notices n ORDER BY n.id DESC LIMIT ?`,
    )
    .all(limit) as (NoticeRow & { lines: number; amountFen: number })[];
}

/**
 * A page of a notice's rows as the public sees them, in line order by keyset (after the line
 * `after`): the notice's index walks straight to the page. Same columns as publicNoticeRows.
 */
export function publicNoticeRowsPage(db: Tx, noticeId: number, page: { limit: number; after?: number | undefined }) {
  const rows = db.$client
    .prepare(
      `SELECT l.id, w.name AS workerName, t.name AS town, v.name AS village, p.name AS policyName, p.kind, l.period, l.amount_fen AS amountFen, e.name AS employerName
       FROM subsidy_lines l
       JOIN subsidy_policies p ON p.id = l.policy_id
       JOIN workers w ON w.id = l.worker_id
       JOIN villages v ON v.id = w.village_id
       JOIN towns t ON t.id = v.town_id
       LEFT JOIN employers e ON e.id = l.employer_id
       WHERE l.notice_id = ? AND l.id > ?
       ORDER BY l.id LIMIT ?`,
    )
    .all(noticeId, page.after ?? 0, page.limit + 1) as { id: number; workerName: string; town: string; village: string; policyName: string; kind: SubsidyKind; period: string; amountFen: number; employerName: string | null }[];
  const totals = db.$client.prepare("SELECT count(*) AS lines, coalesce(sum(amount_fen), 0) AS amountFen FROM subsidy_lines WHERE notice_id = ?").get(noticeId) as { lines: number; amountFen: number };
  return { rows: rows.slice(0, page.limit), hasMore: rows.length > page.limit, ...totals };
}

/**
 * A notice's rows as the public sees them: name (the caller masks it), town, village, policy,
 * period, amount, the paid employer's name. No ID number and no phone are selected at all.
 */
export function publicNoticeRows(db: Tx, noticeId: number) {
  return db.$client
    .prepare(
      `SELECT l.id, w.name AS workerName, t.name AS town, v.name AS village, p.name AS policyName, p.kind, l.period, l.amount_fen AS amountFen, e.name AS employerName
       FROM subsidy_lines l
       JOIN subsidy_policies p ON p.id = l.policy_id
       JOIN workers w ON w.id = l.worker_id
       JOIN villages v ON v.id = w.village_id
       JOIN towns t ON t.id = v.town_id
       LEFT JOIN employers e ON e.id = l.employer_id
       WHERE l.notice_id = ?
       ORDER BY t.name, v.name, l.id`,
    )
    .all(noticeId) as { id: number; workerName: string; town: string; village: string; policyName: string; kind: SubsidyKind; period: string; amountFen: number; employerName: string | null }[];
}

export interface ObjectionRow {
  id: number;
  lineId: number;
  raisedBy: string;
  content: string;
  recordedBy: string;
  recordedAt: string;
  outcome: ObjectionOutcome | null;
  resolution: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

const OBJECTION_SELECT = `SELECT id, line_id AS lineId, raised_by AS raisedBy, content, recorded_by_label AS recordedBy, recorded_at AS recordedAt, outcome, resolution, resolved_by_label AS resolvedBy, resolved_at AS resolvedAt FROM subsidy_objections`;

export function insertObjection(tx: Tx, v: { lineId: number; raisedBy: string; content: string; userId: number | null; label: string; at: string }): number {
  return Number(
    tx.$client
      .prepare("INSERT INTO subsidy_objections (line_id, raised_by, content, recorded_by_user_id, recorded_by_label, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")
      .run(v.lineId, v.raisedBy, v.content, v.userId, v.label, v.at).lastInsertRowid,
  );
}

export function objectionById(db: Tx, id: number): ObjectionRow | undefined {
  return db.$client.prepare(`${OBJECTION_SELECT} WHERE id = ?`).get(id) as ObjectionRow | undefined;
}

export function objectionsOfLine(db: Tx, lineId: number): ObjectionRow[] {
  return db.$client.prepare(`${OBJECTION_SELECT} WHERE line_id = ? ORDER BY id`).all(lineId) as ObjectionRow[];
}

export function resolveObjectionRow(tx: Tx, id: number, v: { outcome: ObjectionOutcome; resolution: string; userId: number | null; label: string; at: string }): void {
  tx.$client
    .prepare("UPDATE subsidy_objections SET outcome = ?, resolution = ?, resolved_by_user_id = ?, resolved_by_label = ?, resolved_at = ? WHERE id = ? AND outcome IS NULL")
    .run(v.outcome, v.resolution, v.userId, v.label, v.at, id);
}

/** A line taken out of its unpaid batch (an objection came in). */
export function detachFromBatch(tx: Tx, lineId: number): void {
  tx.$client.prepare("UPDATE subsidy_lines SET batch_id = NULL WHERE id = ? AND status = '已审核'").run(lineId);
}

export interface BatchRow {
  id: number;
  code: string;
  status: "待发放" | "已发放";
  createdBy: string;
  createdAt: string;
  bankReference: string | null;
  paidOn: string | null;
  paidBy: string | null;
  paidAt: string | null;
  lines: number;
  amountFen: number;
}

const BATCH_SELECT = `
  SELECT b.id, b.code, b.status, b.created_by_label AS createdBy, b.created_at AS createdAt, b.bank_reference AS bankReference, b.paid_on AS paidOn,
         b.paid_by_label AS paidBy, b.paid_at AS paidAt,
         (SELECT count(*) FROM subsidy_lines l WHERE l.batch_id = b.id) AS lines,
         (SELECT coalesce(sum(amount_fen), 0) FROM subsidy_lines l WHERE l.batch_id = b.id) AS amountFen
  FROM subsidy_payment_batches b`;

export function insertBatch(tx: Tx, v: { code: string; userId: number | null; label: string; at: string }): number {
  return Number(
    tx.$client.prepare("INSERT INTO subsidy_payment_batches (code, created_by_user_id, created_by_label, created_at) VALUES (?, ?, ?, ?)").run(v.code, v.userId, v.label, v.at).lastInsertRowid,
  );
}

export function batchCountOfDay(db: Tx, prefix: string): number {
  return (db.$client.prepare("SELECT count(*) AS n FROM subsidy_payment_batches WHERE code LIKE ?").get(`${prefix}%`) as { n: number }).n;
}

export function attachBatch(tx: Tx, ids: readonly number[], batchId: number): void {
  const st = tx.$client.prepare("UPDATE subsidy_lines SET batch_id = ? WHERE id = ? AND status = '已审核' AND batch_id IS NULL");
  for (const id of ids) st.run(batchId, id);
}

export function batchById(db: Tx, id: number): BatchRow | undefined {
  return db.$client.prepare(`${BATCH_SELECT} WHERE b.id = ?`).get(id) as BatchRow | undefined;
}

export function batchList(db: Tx, limit: number): BatchRow[] {
  return db.$client.prepare(`${BATCH_SELECT} ORDER BY b.id DESC LIMIT ?`).all(limit) as BatchRow[];
}

/** The reviewers of a batch's lines (four eyes). */
export function reviewersOfBatch(db: Tx, batchId: number): (number | null)[] {
  return (db.$client.prepare("SELECT DISTINCT reviewed_by_user_id AS id FROM subsidy_lines WHERE batch_id = ?").all(batchId) as { id: number | null }[]).map((r) => r.id);
}

export function markBatchPaidRow(tx: Tx, batchId: number, v: { bankReference: string; paidOn: string; userId: number; label: string; at: string }): number[] {
  tx.$client
    .prepare("UPDATE subsidy_payment_batches SET status = '已发放', bank_reference = ?, paid_on = ?, paid_by_user_id = ?, paid_by_label = ?, paid_at = ? WHERE id = ? AND status = '待发放'")
    .run(v.bankReference, v.paidOn, v.userId, v.label, v.at, batchId);
  const ids = (tx.$client.prepare("SELECT id FROM subsidy_lines WHERE batch_id = ? AND status = '已审核' ORDER BY id").all(batchId) as { id: number }[]).map((r) => r.id);
  tx.$client.prepare("UPDATE subsidy_lines SET status = '已发放', status_changed_at = ? WHERE batch_id = ? AND status = '已审核'").run(v.at, batchId);
  return ids;
}

/** The payment file's rows: payee (the employer for 吸纳就业补贴, else the worker), the worker's ID number cipher, amount, fund source. */
export function paymentRows(db: Tx, batchId: number) {
  return db.$client
    .prepare(
      `SELECT l.id, p.code AS policyCode, p.name AS policyName, p.kind, pv.fund_source AS fundSource, l.period, l.amount_fen AS amountFen, l.reverses_line_id AS reversesLineId,
              w.name AS workerName, w.id_number_cipher AS idNumberCipher, t.name AS town, v.name AS village, e.code AS employerCode, e.name AS employerName
       FROM subsidy_lines l
       JOIN subsidy_policies p ON p.id = l.policy_id
       JOIN subsidy_policy_versions pv ON pv.id = l.policy_version_id
       JOIN workers w ON w.id = l.worker_id
       JOIN villages v ON v.id = w.village_id
       JOIN towns t ON t.id = v.town_id
       LEFT JOIN employers e ON e.id = l.employer_id
       WHERE l.batch_id = ?
       ORDER BY l.id`,
    )
    .all(batchId) as {
    id: number; policyCode: string; policyName: string; kind: SubsidyKind; fundSource: string | null; period: string; amountFen: number; reversesLineId: number | null;
    workerName: string; idNumberCipher: string; town: string; village: string; employerCode: string | null; employerName: string | null;
  }[];
}

/** A reversing line of a paid original: same key, round and version, the negative amount, a reason. */
export function insertReversal(tx: Tx, originalId: number, v: { reason: string; userId: number | null; label: string; at: string }): number {
  return Number(
    tx.$client
      .prepare(
        `INSERT INTO subsidy_lines (policy_id, policy_version_id, period, worker_id, employer_id, round, amount_fen, status, reverses_line_id, reason, snapshot, computed_at, created_by_user_id, created_by_label, status_changed_at)
         SELECT policy_id, policy_version_id, period, worker_id, employer_id, round, -amount_fen, '待审核', id, ?, snapshot, ?, ?, ?, ? FROM subsidy_lines WHERE id = ?`,
      )
      .run(v.reason, v.at, v.userId, v.label, v.at, originalId).lastInsertRowid,
  );
}

/** The trail's extra facts: reviewer's login, notice, batch with its payment, objections. */
export function workflowTrail(db: Tx, lineId: number) {
  const review = db.$client
    .prepare("SELECT u.login AS reviewer, l.reviewed_at AS reviewedAt, l.review_note AS reviewNote FROM subsidy_lines l LEFT JOIN users u ON u.id = l.reviewed_by_user_id WHERE l.id = ?")
    .get(lineId) as { reviewer: string | null; reviewedAt: string | null; reviewNote: string | null } | undefined;
  const ids = db.$client.prepare("SELECT notice_id AS noticeId, batch_id AS batchId FROM subsidy_lines WHERE id = ?").get(lineId) as { noticeId: number | null; batchId: number | null } | undefined;
  return {
    review,
    notice: ids?.noticeId == null ? undefined : noticeById(db, ids.noticeId),
    batch: ids?.batchId == null ? undefined : batchById(db, ids.batchId),
    objections: objectionsOfLine(db, lineId),
  };
}
