/**
 * Computing again (../shared/DOMAIN.md, "From computed to paid" 1): what is due now against the
 * ledger's live lines. New keys are added (in the key's next round when its earlier line was
 * reversed and paid back); a key already live is left alone, whatever its status; a live line
 * that is no longer due, or whose placements or months changed since it was computed, is listed
 * as a difference for a person to act on (withdraw a pending line, propose a reversal of a paid
 * one) — the compute itself never changes a line.
 */
import type { SubsidyLineStatus } from "./ledger.ts";
import type { CountedMonth } from "./months.ts";
import { keyText, type ComputedLine, type LineKey } from "./rules.ts";

/** What a line stands on, stored with it: enough for an auditor to recompute it by hand. */
export interface LineSnapshot {
  placements: { id: number; employerId: number | null; employerCode: string | null; startDate: string; endDate: string | null; workProvince: string | null }[];
  coveredMonths: CountedMonth[];
  countedMonths: CountedMonth[];
  /** The facts as held at compute time: household category, and the paid employer's type and recognition. */
  worker: { householdId: number; category: string; birthDate: string };
  employer?: { code: string; type: string; recognition: string };
  countyProvince: string;
}

/** The part of a snapshot a correction of placements changes. */
export function factsSignature(snapshot: Pick<LineSnapshot, "placements" | "countedMonths">): string {
  return JSON.stringify({
    placements: snapshot.placements.map((p) => [p.id, p.employerId, p.startDate, p.endDate, p.workProvince?.trim() || null]),
    months: snapshot.countedMonths.map((m) => m.month),
  });
}

export interface LiveLine extends LineKey {
  id: number;
  round: number;
  status: SubsidyLineStatus;
  snapshot: Pick<LineSnapshot, "placements" | "countedMonths">;
  reversalStatus: SubsidyLineStatus | null;
}

export type Difference =
  | { kind: "noLongerEligible"; line: LiveLine }
  | { kind: "factsChanged"; line: LiveLine; now: ComputedLine };

export interface Reconciliation {
  add: { line: ComputedLine; round: number }[];
  unchanged: LiveLine[];
  differences: Difference[];
}

/**
 * @param due the lines computed now for one period
 * @param live the policy's live original lines of that period, with the snapshot they were computed on
 * @param reversedRounds per key of the period, the highest round whose line was reversed and paid back
 * @param snapshotOf the snapshot a due line would be stored with
 */
export function reconcile(
  due: readonly ComputedLine[],
  live: readonly LiveLine[],
  reversedRounds: ReadonlyMap<string, number>,
  snapshotOf: (line: ComputedLine) => Pick<LineSnapshot, "placements" | "countedMonths">,
): Reconciliation {
  const liveByKey = new Map<string, LiveLine>();
  for (const l of live) {
    // A paid line whose reversal was paid back no longer holds its key.
    if (l.status === "已发放" && l.reversalStatus === "已发放") continue;
    liveByKey.set(keyText(l), l);
  }
  const dueKeys = new Set<string>();
  const result: Reconciliation = { add: [], unchanged: [], differences: [] };
  for (const line of due) {
    const key = keyText(line);
    dueKeys.add(key);
    const existing = liveByKey.get(key);
    if (!existing) {
      const reversed = reversedRounds.get(key);
      result.add.push({ line, round: reversed === undefined ? 0 : reversed + 1 });
      continue;
    }
    result.unchanged.push(existing);
    if (factsSignature(existing.snapshot) !== factsSignature(snapshotOf(line))) {
      result.differences.push({ kind: "factsChanged", line: existing, now: line });
    }
  }
  for (const [key, l] of liveByKey) {
    if (!dueKeys.has(key)) result.differences.push({ kind: "noLongerEligible", line: l });
  }
  result.differences.sort((a, b) => a.line.id - b.line.id);
  return result;
}
