/**
 * Moves of demo lines through the ledger's states with 0009's own columns (src/use-cases/load-demo-subsidies.ts),
 * until the review and payment use-cases exist: the triggers of migration 0009 hold these writes
 * to the same flow as any other code (待审核 → 已审核 → 已发放, 已驳回 with a note, 已撤回, and
 * reversals that undo a paid line of the same key for its whole amount).
 */
import type { Db } from "../client.ts";

type Tx = Pick<Db, "$client">;

export function moveLine(tx: Tx, id: number, status: "已审核" | "已发放" | "已驳回" | "已撤回", props: { at: string; note?: string | null }): void {
  const reviewed = status === "已审核" || status === "已驳回";
  tx.$client
    .prepare(
      `UPDATE subsidy_lines SET status = ?, status_changed_at = ?,
         reviewed_at = CASE WHEN ? THEN ? ELSE reviewed_at END,
         review_note = CASE WHEN ? THEN ? ELSE review_note END
       WHERE id = ?`,
    )
    .run(status, props.at, reviewed ? 1 : 0, props.at, reviewed ? 1 : 0, props.note ?? null, id);
}

/** A pending reversal of paid line `id` (same key and round, the whole amount negative); returns its id. */
export function insertReversalOf(tx: Tx, id: number, props: { reason: string; at: string; byLabel: string }): number {
  const result = tx.$client
    .prepare(
      `INSERT INTO subsidy_lines (policy_id, policy_version_id, period, worker_id, employer_id, round, amount_fen, status, reverses_line_id, reason,
                                  snapshot, computed_at, created_by_label, status_changed_at)
       SELECT policy_id, policy_version_id, period, worker_id, employer_id, round, -amount_fen, '待审核', id, ?, snapshot, ?, ?, ?
       FROM subsidy_lines WHERE id = ?`,
    )
    .run(props.reason, props.at, props.byLabel, props.at, id);
  return Number(result.lastInsertRowid);
}

/** The lines of a policy's period, in id order. */
export function lineIdsOf(tx: Tx, policyCode: string, period: string): number[] {
  return (
    tx.$client
      .prepare("SELECT l.id FROM subsidy_lines l JOIN subsidy_policies p ON p.id = l.policy_id WHERE p.code = ? AND l.period = ? AND l.reverses_line_id IS NULL ORDER BY l.id")
      .all(policyCode, period) as { id: number }[]
  ).map((r) => r.id);
}
