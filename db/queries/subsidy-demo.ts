/**
 * What the demo county's subsidies need besides the workflow's own use-cases
 * (src/use-cases/load-demo-subsidies.ts): the two staff accounts the demo's reviews and payments
 * are made by (disabled, with no password that could ever match: nobody signs in as them), a
 * withdrawal (已撤回), and the lines of a policy's period.
 */
import type { Db } from "../client.ts";

type Tx = Pick<Db, "$client">;

/** A disabled staff account for the demo's records (its password hash matches no password); returns its id. */
export function insertDemoStaff(tx: Tx, props: { login: string; displayName: string; at: string }): number {
  const existing = tx.$client.prepare("SELECT id FROM users WHERE login = ?").get(props.login) as { id: number } | undefined;
  if (existing) return existing.id;
  const result = tx.$client
    .prepare("INSERT INTO users (login, password_hash, role, display_name, disabled_at, created_at, updated_at) VALUES (?, '!', 'county', ?, ?, ?, ?)")
    .run(props.login, props.displayName, props.at, props.at, props.at);
  return Number(result.lastInsertRowid);
}

/** 已撤回: a pending line withdrawn before review, with the reason. */
export function withdrawLine(tx: Tx, id: number, props: { at: string; note: string }): void {
  tx.$client
    .prepare("UPDATE subsidy_lines SET status = '已撤回', status_changed_at = ?, review_note = ? WHERE id = ? AND status = '待审核'")
    .run(props.at, props.note, id);
}

/** The lines of a policy's period, in id order. */
export function lineIdsOf(tx: Tx, policyCode: string, period: string): number[] {
  return (
    tx.$client
      .prepare("SELECT l.id FROM subsidy_lines l JOIN subsidy_policies p ON p.id = l.policy_id WHERE p.code = ? AND l.period = ? AND l.reverses_line_id IS NULL ORDER BY l.id")
      .all(policyCode, period) as { id: number }[]
  ).map((r) => r.id);
}
