/**
 * The ledger's words: a line's statuses (../shared/CONTRACT.md `GET /api/v1/subsidies`) and which
 * of them keep a key taken. The database enforces the same sets (migration 0009).
 */

/** 待审核 → 已审核 → 已发放; 已驳回 (with a reason) and 已撤回 end a line that was never paid. */
export const SUBSIDY_LINE_STATUSES = ["待审核", "已审核", "已驳回", "已撤回", "已发放"] as const;
export type SubsidyLineStatus = (typeof SUBSIDY_LINE_STATUSES)[number];

/** A line in one of these holds its key (a paid one until a paid reversal frees the next round). */
export const SUBSIDY_LIVE_STATUSES: readonly SubsidyLineStatus[] = ["待审核", "已审核", "已发放"];

/** Yuan as people read it, from fen. @example yuanText(70_000) // "700" ; yuanText(-12_345) // "-123.45" */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const cents = abs % 100;
  return `${sign}${Math.floor(abs / 100)}${cents === 0 ? "" : "." + String(cents).padStart(2, "0")}`;
}

/** Fen from a yuan amount as a spreadsheet or form gives it (at most two decimals); null if not one. @example fenOfYuan("700") // 70000 */
export function fenOfYuan(text: string): number | null {
  const m = /^\s*(\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}
