/**
 * Computing again (../shared/DOMAIN.md, "From computed to paid" 1): what is due now against the
 * ledger's live lines. New keys are added (in the key's next round when its earlier line was
 * reversed and paid back); a key already live is left alone, whatever its status; a live line
 * that is no longer due, or whose placements or months changed since it was computed, is listed
 * as a difference for a person to act on (withdraw a pending line, propose a reversal of a paid
 * one) — the compute itself never changes a line.
 *
 * A rejected line holds its key too (docs/decisions/2026-12-02-subsidy-rejected-keys.md): a key
 * whose newest line of the round it would be added in was rejected, and not re-opened by a
 * person since, is not new — it stays rejected, and is listed only when its facts changed since
 * the rejection (a rejected line whose key is no longer due needs nothing: it pays nothing).
 */
import type { SubsidyLineStatus } from "./ledger.ts";
import type { CountedMonth } from "./months.ts";
import { keyText, type ComputedLine, type LineKey } from "./rules.ts";

/** What a line stands on, stored with it: enough for an auditor to recompute it by hand. */
export interface LineSnapshot {
  placements: { id: number; employerId: number | null; employerCode: string | null; startDate: string; endDate: string | null; workProvince: string | null }[];
  /**
   * Every month of the period with covered days. Left out when each of them counted (lines
   * computed from 2026-12-03): then they are `countedMonths`; read it with `coveredMonthsOf`.
   */
  coveredMonths?: CountedMonth[];
  countedMonths: CountedMonth[];
  /** The facts as held at compute time: household category, and the paid employer's type and recognition. */
  worker: { householdId: number; category: string; birthDate: string };
  employer?: { code: string; type: string; recognition: string };
  countyProvince: string;
}

/**
 * The covered months of a snapshot, whether it stores them or (every one counted) only the counted ones.
 * @example coveredMonthsOf({ countedMonths: [{ month: "2025-03", days: 31 }] }) // [{ month: "2025-03", days: 31 }]
 */
export function coveredMonthsOf(snapshot: Partial<Pick<LineSnapshot, "coveredMonths" | "countedMonths">>): CountedMonth[] {
  return snapshot.coveredMonths ?? snapshot.countedMonths ?? [];
}

/**
 * The part of a snapshot a correction of placements changes, as one text: two lines stand on the
 * same facts exactly when their signatures are equal. Stored with each line (`facts_signature`,
 * migration 0022) so that computing again compares one short value per line and parses no
 * snapshot. @example factsSignature({ placements: [], countedMonths: [] }) // '{"placements":[],"months":[]}'
 */
export function factsSignature(snapshot: Pick<LineSnapshot, "placements" | "countedMonths">): string {
  return JSON.stringify({
    placements: snapshot.placements.map((p) => [p.id, p.employerId, p.startDate, p.endDate, p.workProvince?.trim() || null]),
    months: snapshot.countedMonths.map((m) => m.month),
  });
}

/** The counted months a signature was made of, in order. @example signatureMonths(factsSignature(s)) // ["2025-03", "2025-04"] */
export function signatureMonths(signature: string): string[] {
  return (JSON.parse(signature) as { months: string[] }).months;
}

export interface LiveLine extends LineKey {
  id: number;
  round: number;
  status: SubsidyLineStatus;
  /** `factsSignature` of the snapshot the line was computed on. */
  facts: string;
  reversalStatus: SubsidyLineStatus | null;
}

/** A rejected original line of the period, and whether a person re-opened it since. */
export interface RejectedLine extends LineKey {
  id: number;
  round: number;
  reopened: boolean;
  /** `factsSignature` of the snapshot the line was computed on. */
  facts: string;
}

export type Difference =
  | { kind: "noLongerEligible"; line: LiveLine }
  | { kind: "factsChanged"; line: LiveLine; now: ComputedLine }
  /** Due again with other facts than the line was rejected on: a person may re-open it. */
  | { kind: "rejectedFactsChanged"; line: LiveLine; now: ComputedLine };

export interface Reconciliation {
  add: { line: ComputedLine; round: number }[];
  unchanged: LiveLine[];
  /** Keys due now that stay rejected (also counted in `unchanged`: nothing changed for them). */
  keptRejected: LiveLine[];
  differences: Difference[];
}

/** Per key and round, the newest rejected line: it holds the key unless re-opened. */
function newestRejections(rejected: readonly RejectedLine[]): Map<string, RejectedLine> {
  const byKeyRound = new Map<string, RejectedLine>();
  for (const r of rejected) {
    const k = `${keyText(r)}#${r.round}`;
    const newest = byKeyRound.get(k);
    if (!newest || newest.id < r.id) byKeyRound.set(k, r);
  }
  return byKeyRound;
}

/**
 * The keys of a period that a rejection holds: no live line, and the newest line of the round
 * the key would be added in was rejected and not re-opened. `reconcile` keeps exactly these out;
 * the rules leave such workers out of 每户限一人's choice.
 */
export function rejectedKeys(live: readonly Pick<LiveLine, "period" | "workerId" | "employerId" | "status" | "reversalStatus">[], reversedRounds: ReadonlyMap<string, number>, rejected: readonly RejectedLine[]): RejectedLine[] {
  const held = new Set<string>();
  for (const l of live) if (!(l.status === "已发放" && l.reversalStatus === "已发放")) held.add(keyText(l));
  const out: RejectedLine[] = [];
  for (const [k, r] of newestRejections(rejected)) {
    const key = keyText(r);
    if (held.has(key) || r.reopened) continue;
    const reversed = reversedRounds.get(key);
    if (`${key}#${reversed === undefined ? 0 : reversed + 1}` === k) out.push(r);
  }
  return out.sort((a, b) => a.id - b.id);
}

/**
 * @param due the lines computed now for one period
 * @param live the policy's live original lines of that period, with the snapshot they were computed on
 * @param reversedRounds per key of the period, the highest round whose line was reversed and paid back
 * @param factsOf `factsSignature` of the snapshot a due line would be stored with
 * @param rejected the policy's rejected original lines of that period
 */
export function reconcile(
  due: readonly ComputedLine[],
  live: readonly LiveLine[],
  reversedRounds: ReadonlyMap<string, number>,
  factsOf: (line: ComputedLine) => string,
  rejected: readonly RejectedLine[] = [],
): Reconciliation {
  const rejectedByKeyRound = newestRejections(rejected);
  const liveByKey = new Map<string, LiveLine>();
  for (const l of live) {
    // A paid line whose reversal was paid back no longer holds its key.
    if (l.status === "已发放" && l.reversalStatus === "已发放") continue;
    liveByKey.set(keyText(l), l);
  }
  const dueKeys = new Set<string>();
  const result: Reconciliation = { add: [], unchanged: [], keptRejected: [], differences: [] };
  for (const line of due) {
    const key = keyText(line);
    dueKeys.add(key);
    const existing = liveByKey.get(key);
    if (!existing) {
      const reversed = reversedRounds.get(key);
      const round = reversed === undefined ? 0 : reversed + 1;
      const held = rejectedByKeyRound.get(`${key}#${round}`);
      if (held && !held.reopened) {
        const asLine: LiveLine = { id: held.id, period: held.period, workerId: held.workerId, employerId: held.employerId, round, status: "已驳回", reversalStatus: null, facts: held.facts };
        result.unchanged.push(asLine);
        result.keptRejected.push(asLine);
        if (held.facts !== factsOf(line)) result.differences.push({ kind: "rejectedFactsChanged", line: asLine, now: line });
        continue;
      }
      result.add.push({ line, round });
      continue;
    }
    result.unchanged.push(existing);
    if (existing.facts !== factsOf(line)) {
      result.differences.push({ kind: "factsChanged", line: existing, now: line });
    }
  }
  for (const [key, l] of liveByKey) {
    if (!dueKeys.has(key)) result.differences.push({ kind: "noLongerEligible", line: l });
  }
  result.differences.sort((a, b) => a.line.id - b.line.id);
  return result;
}
