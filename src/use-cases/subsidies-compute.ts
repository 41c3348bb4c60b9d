/**
 * 计算: computes the subsidy lines of one policy for one period (../shared/DOMAIN.md, Subsidies;
 * ../shared/CONTRACT.md `npm run subsidies -- compute`). Loads the facts, lets the core decide
 * (src/core/subsidies), and writes the new lines with their snapshot and one audit row for the
 * run naming them — all in ONE transaction, so two computes cannot interleave and a
 * failure leaves nothing behind. Existing lines are never changed; differences are returned.
 *
 * Two ways in, one set of rules and one write: `computeSubsidies` (the CLI) reads, decides and
 * writes in one synchronous transaction; `computeSubsidiesInSteps` (the bureau's page) reads the
 * facts from a read-only connection of its own in one read transaction, decides them in chunks
 * of households with the event loop free between chunks (reporting households walked / in all), then
 * writes in ONE transaction — re-deciding everything inside it when the policy or the lines the
 * rules look at changed meanwhile. See docs/decisions/2026-12-02-subsidy-compute-progress.md.
 */
import type { Db } from "../../db/client.ts";
import { createAuditAppender } from "../../db/queries/audit.ts";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import {
  factEmployers,
  householdIdRange,
  householdsBetween,
  insertLines,
  liveLinesOfPolicy,
  loadFacts,
  loadFactsOfHouseholds,
  policyByCode,
  rejectedLinesOfPeriod,
  reversedRoundsOfPeriod,
  workerNames,
  type ExistingLine,
  type FactEmployer,
  type FactWorker,
  type PolicyRow,
  type PolicyVersionRow,
  type RejectedLineRow,
} from "../../db/queries/subsidies.ts";
import { chinaDate } from "../core/china-time.ts";
import { periodFor, type Period, type PeriodProblem, type PolicyRule, type SubsidyKind } from "../core/subsidies/policy.ts";
import { factsSignature, reconcile, rejectedKeys, signatureMonths, type Difference, type LineSnapshot, type LiveLine, type RejectedLine } from "../core/subsidies/reconcile.ts";
import { compareKeys, computeLines, keyText, placementScope, type ComputedLine, type StandingLine, type SubsidyPlacement } from "../core/subsidies/rules.ts";
import type { PersonalDataProtector } from "../security/personal-data.ts";
import { authorLabel, authorUserId, type ChangeAuthor } from "./audit-trail.ts";

export type ComputeOutcome =
  | {
      status: "done";
      policy: { code: string; name: string; kind: SubsidyKind; version: number };
      period: string;
      addedIds: number[];
      unchanged: number;
      /** Of the unchanged, keys due again that stay rejected (a person may re-open them). */
      keptRejected: number;
      differences: DifferenceView[];
    }
  | { status: "unknownPolicy" }
  | { status: "retired" }
  | { status: PeriodProblem; kind: SubsidyKind; startDate: string; endDate: string | null };

/** A difference with what a person needs to find it: the line, its worker and employer. */
export interface DifferenceView {
  kind: Difference["kind"];
  lineId: number;
  status: LiveLine["status"];
  reversalStatus: LiveLine["reversalStatus"];
  workerName: string;
  workerIdMasked: string;
  employerCode: string | null;
  monthsBefore: string[];
  monthsNow: string[] | null;
}

export function ruleOf(kind: SubsidyKind, v: PolicyVersionRow): PolicyRule {
  return {
    kind,
    amountFen: v.amountFen,
    minMonths: v.minMonths,
    maxMonthsPerPerson: v.maxMonthsPerPerson,
    ageLimit: v.ageLimit,
    onePerHousehold: v.onePerHousehold,
    startDate: v.startDate,
    endDate: v.endDate,
  };
}

interface Prepared {
  policy: PolicyRow;
  version: PolicyVersionRow;
  rule: PolicyRule;
  period: Period;
}

type Refusal = Exclude<ComputeOutcome, { status: "done" }>;

function prepare(db: Db, policyCode: string, periodText: string, today: string): { ok: true; prepared: Prepared } | { ok: false; outcome: Refusal } {
  const found = policyByCode(db, policyCode);
  if (!found) return { ok: false, outcome: { status: "unknownPolicy" } };
  const { policy, version } = found;
  if (policy.retiredAt !== null) return { ok: false, outcome: { status: "retired" } };
  const rule = ruleOf(policy.kind, version);
  const checked = periodFor(rule, periodText, today);
  if (!checked.ok) return { ok: false, outcome: { status: checked.problem, kind: policy.kind, startDate: rule.startDate, endDate: rule.endDate } };
  return { ok: true, prepared: { policy, version, rule, period: checked.period } };
}

/** What the ledger holds for a policy and period that the rules and the reconciliation look at. */
interface LedgerState {
  live: ExistingLine[];
  rejected: RejectedLineRow[];
  reversedRounds: Map<string, number>;
  standing: StandingLine[];
  /** Workers of the period whose key a rejection holds (每户限一人 passes them over). */
  rejectedWorkers: Set<number>;
}

function ledgerState(db: Db, prepared: Prepared): LedgerState {
  const { policy, period } = prepared;
  const live = liveLinesOfPolicy(db, policy.id, period.label);
  const rejected = rejectedLinesOfPeriod(db, policy.id, period.label);
  const reversedRounds = new Map(reversedRoundsOfPeriod(db, policy.id, period.label).map((r) => [keyText({ ...r, period: period.label }), r.round]));
  const standing = live
    .filter((l) => !(l.status === "已发放" && l.reversalStatus === "已发放"))
    .map((l) => ({ workerId: l.workerId, householdId: l.householdId, period: l.period }));
  const held = rejectedKeys(
    live.filter((l) => l.period === period.label),
    reversedRounds,
    rejected.map((r) => rejectedLine(r, period.label)),
  );
  return { live, rejected, reversedRounds, standing, rejectedWorkers: new Set(held.map((r) => r.workerId)) };
}

/** What a stored line stood on: its signature, or for a line written before migration 0022 the signature of its snapshot. */
function storedFacts(row: { factsSignature: string | null; snapshot: string | null }): string {
  return row.factsSignature ?? factsSignature(JSON.parse(row.snapshot!) as LineSnapshot);
}

function rejectedLine(r: RejectedLineRow, period: string): RejectedLine {
  return { id: r.id, period, workerId: r.workerId, employerId: r.employerId, round: r.round, reopened: r.reopened === 1, facts: storedFacts(r) };
}

/** What of the ledger the rules' answer depends on (公益性岗位补贴: the cap and 每户限一人); "" when nothing. */
function decisionInputs(prepared: Prepared, state: LedgerState): string {
  if (prepared.rule.kind !== "公益性岗位补贴") return "";
  const standing = state.standing.map((s) => `${s.workerId}/${s.householdId}/${s.period}`).sort();
  return JSON.stringify([standing, [...state.rejectedWorkers].sort((a, b) => a - b)]);
}

/** The facts a compute has read, as maps, growing chunk by chunk in the stepped compute. */
class Facts {
  readonly workers = new Map<number, FactWorker>();
  readonly employers = new Map<number, FactEmployer>();
  readonly placements = new Map<number, SubsidyPlacement>();
  private readonly idNumbers = new Map<number, string>();
  constructor(private readonly protector: PersonalDataProtector) {}
  idNumberOf = (workerId: number): string => {
    let id = this.idNumbers.get(workerId);
    if (id === undefined) {
      id = this.protector.decrypt(this.workers.get(workerId)!.idNumberCipher);
      this.idNumbers.set(workerId, id);
    }
    return id;
  };
}

function decide(
  prepared: Prepared,
  state: LedgerState,
  facts: Facts,
  chunk: { workers: readonly FactWorker[]; placements: readonly SubsidyPlacement[] },
  countyProvince: string,
): ComputedLine[] {
  const households = new Set(chunk.workers.map((w) => w.householdId));
  return computeLines({
    rule: prepared.rule,
    period: prepared.period,
    countyProvince,
    workers: new Map(chunk.workers.map((w) => [w.id, w])),
    employers: facts.employers,
    placements: chunk.placements,
    standing: state.standing.filter((s) => households.has(s.householdId)),
    idNumberOf: facts.idNumberOf,
    rejectedWorkers: state.rejectedWorkers,
  });
}

/** Reads every fact of the period on `db` and decides it whole (inside the caller's transaction). */
function decideWhole(db: Db, prepared: Prepared, state: LedgerState, protector: PersonalDataProtector, countyProvince: string): { facts: Facts; due: ComputedLine[] } {
  const loaded = loadFacts(db, prepared.period, placementScope(prepared.rule.kind, countyProvince));
  const facts = new Facts(protector);
  for (const e of loaded.employers) facts.employers.set(e.id, e);
  for (const w of loaded.workers) facts.workers.set(w.id, w);
  for (const p of loaded.placements) facts.placements.set(p.id, p);
  const due = computeLines({
    rule: prepared.rule,
    period: prepared.period,
    countyProvince,
    workers: facts.workers,
    employers: facts.employers,
    placements: loaded.placements,
    standing: state.standing,
    idNumberOf: facts.idNumberOf,
    rejectedWorkers: state.rejectedWorkers,
  });
  return { facts, due };
}

/** Reconciles the due lines with the ledger and writes the new ones with their audit rows (inside the caller's transaction). */
function write(
  db: Db,
  prepared: Prepared,
  state: LedgerState,
  facts: Facts,
  due: readonly ComputedLine[],
  props: { countyProvince: string; by: ChangeAuthor; now: Date },
): ComputeOutcome {
  const { policy, version, period } = prepared;
  const computedAt = props.now.toISOString();
  const { workers, employers } = facts;
  // What each line stands on, built once per line: the reconciliation compares its signature,
  // an added line stores both.
  const standsOn = new Map<ComputedLine, { placements: LineSnapshot["placements"]; signature: string }>();
  const factsOfLine = (line: ComputedLine) => {
    let found = standsOn.get(line);
    if (found === undefined) {
      const placements = line.placementIds.map((id) => {
        const p = facts.placements.get(id)!;
        return {
          id,
          employerId: p.employerId,
          employerCode: p.employerId === null ? null : (employers.get(p.employerId)?.code ?? null),
          startDate: p.startDate,
          endDate: p.endDate,
          workProvince: p.workProvince,
        };
      });
      found = { placements, signature: factsSignature({ placements, countedMonths: line.countedMonths }) };
      standsOn.set(line, found);
    }
    return found;
  };
  const snapshotOf = (line: ComputedLine): LineSnapshot => {
    const worker = workers.get(line.workerId)!;
    const employer = line.employerId === null ? undefined : employers.get(line.employerId);
    return {
      placements: factsOfLine(line).placements,
      // Only when some covered month did not count: otherwise the counted months are all of them.
      ...(line.coveredMonths.length === line.countedMonths.length ? {} : { coveredMonths: line.coveredMonths }),
      countedMonths: line.countedMonths,
      worker: { householdId: worker.householdId, category: worker.category, birthDate: worker.birthDate },
      ...(employer ? { employer: { code: employer.code, type: employer.type, recognition: employer.recognition } } : {}),
      countyProvince: props.countyProvince,
    };
  };

  const liveOfPeriod: LiveLine[] = state.live
    .filter((l) => l.period === period.label)
    .map((l) => ({
      id: l.id,
      period: l.period,
      workerId: l.workerId,
      employerId: l.employerId,
      round: l.round,
      status: l.status,
      reversalStatus: l.reversalStatus,
      facts: storedFacts(l),
    }));
  // The reconciliation compares placements and counted months only, as one signature per line.
  const result = reconcile(due, liveOfPeriod, state.reversedRounds, (line) => factsOfLine(line).signature, state.rejected.map((r) => rejectedLine(r, period.label)));

  const createdByUserId = authorUserId(props.by);
  const createdByLabel = authorLabel(props.by);
  const addedIds = insertLines(
    db,
    result.add.map(({ line, round }) => ({
      policyId: policy.id,
      policyVersionId: version.id,
      period: period.label,
      workerId: line.workerId,
      employerId: line.employerId,
      round,
      amountFen: line.amountFen,
      snapshot: snapshotOf(line),
      factsSignature: factsOfLine(line).signature,
      computedAt,
      createdByUserId,
      createdByLabel,
    })),
  );
  // One audit row for the run, naming the lines it added by their id range (insertLines gives
  // them consecutive ids): each line is itself an unchangeable record of what was computed, by
  // whom and when (docs/decisions/2026-12-03-subsidy-compute-audit.md).
  createAuditAppender(db)({
    at: props.now,
    actorUserId: createdByUserId,
    actorLabel: createdByLabel,
    action: "create",
    entity: "subsidy-compute",
    entityId: `${policy.code}/${period.label}`,
    after: {
      policy: policy.code,
      version: version.version,
      period: period.label,
      added: addedIds.length,
      lines: addedIds.length === 0 ? null : [addedIds[0]!, addedIds.at(-1)!],
      unchanged: result.unchanged.length,
      keptRejected: result.keptRejected.length,
      differences: result.differences.map((d) => ({ kind: d.kind, lineId: d.line.id })),
    },
  });

  // Named from the registry: a worker no longer due may have no placement the compute read.
  const names = workerNames(db, result.differences.map((d) => d.line.workerId));
  const differences = result.differences.map((d): DifferenceView => {
    const worker = names.get(d.line.workerId);
    return {
      kind: d.kind,
      lineId: d.line.id,
      status: d.line.status,
      reversalStatus: d.line.reversalStatus,
      workerName: worker?.name ?? "",
      workerIdMasked: worker?.idNumberMasked ?? "",
      employerCode: d.line.employerId === null ? null : (employers.get(d.line.employerId)?.code ?? null),
      monthsBefore: signatureMonths(d.line.facts),
      monthsNow: d.kind === "noLongerEligible" ? null : d.now.countedMonths.map((m) => m.month),
    };
  });
  return {
    status: "done",
    policy: { code: policy.code, name: policy.name, kind: policy.kind, version: version.version },
    period: period.label,
    addedIds,
    unchanged: result.unchanged.length,
    keptRejected: result.keptRejected.length,
    differences,
  };
}

export interface ComputeProps {
  policyCode: string;
  period: string;
  countyProvince: string;
  by: ChangeAuthor;
  now: Date;
}

/** The whole compute in one synchronous transaction (the CLI's). */
export function computeSubsidies(deps: { db: Db; protector: PersonalDataProtector }, props: ComputeProps): ComputeOutcome {
  const { db } = deps;
  // The connection is the transaction's (better-sqlite3 is synchronous): every read and write
  // below, prepared statements included, runs inside it. IMMEDIATE takes the write lock before
  // reading, so a second compute (another process) waits instead of failing on the upgrade.
  return db.transaction(() => {
    const checked = prepare(db, props.policyCode, props.period, chinaDate(props.now));
    if (!checked.ok) return checked.outcome;
    const state = ledgerState(db, checked.prepared);
    const { facts, due } = decideWhole(db, checked.prepared, state, deps.protector, props.countyProvince);
    return write(db, checked.prepared, state, facts, due, props);
  }, { behavior: "immediate" });
}

/** Households decided per chunk: small enough that a chunk keeps the event loop free within tens of milliseconds. */
export const HOUSEHOLDS_PER_CHUNK = 2_000;

/**
 * The same compute without holding the event loop: facts are read on `reader` (a read-only
 * connection to the same file, opened for this compute alone) in one read transaction, decided
 * chunk by chunk of households with a turn of the event loop between chunks, and `onProgress`
 * told households walked / in all. The lines are then written on `db` in ONE immediate transaction; if
 * the policy's version or the ledger the rules looked at changed since the read, everything is
 * decided again inside that transaction from `db` (as `computeSubsidies` does), so what is
 * written always matches the ledger it is written into. `alsoInTransaction` runs inside the
 * write's transaction with the outcome (a job's end is written with the lines, or neither is).
 */
export async function computeSubsidiesInSteps(
  deps: { db: Db; reader: Db; protector: PersonalDataProtector },
  props: ComputeProps & {
    onProgress?: (done: number, total: number) => void;
    alsoInTransaction?: (outcome: ComputeOutcome) => void;
    householdsPerChunk?: number;
  },
): Promise<ComputeOutcome> {
  const { db, reader } = deps;
  const today = chinaDate(props.now);
  const first = prepare(reader, props.policyCode, props.period, today);
  if (!first.ok) {
    return db.transaction(() => {
      props.alsoInTransaction?.(first.outcome);
      return first.outcome;
    });
  }
  const prepared = first.prepared;
  const facts = new Facts(deps.protector);
  const due: ComputedLine[] = [];
  let readState: LedgerState;
  const perChunk = props.householdsPerChunk ?? HOUSEHOLDS_PER_CHUNK;
  reader.$client.exec("BEGIN");
  try {
    const scope = placementScope(prepared.rule.kind, props.countyProvince);
    const range = householdIdRange(reader);
    const total = range ? householdsBetween(reader, range.low, range.high) : 0;
    props.onProgress?.(0, total);
    for (const e of factEmployers(reader)) facts.employers.set(e.id, e);
    readState = ledgerState(reader, prepared);
    let done = 0;
    for (let low = range?.low ?? 1; range && low <= range.high; low += perChunk) {
      const high = Math.min(low + perChunk - 1, range.high);
      const chunk = loadFactsOfHouseholds(reader, prepared.period, scope, low, high);
      for (const w of chunk.workers) facts.workers.set(w.id, w);
      for (const p of chunk.placements) facts.placements.set(p.id, p);
      due.push(...decide(prepared, readState, facts, chunk, props.countyProvince));
      done += householdsBetween(reader, low, high);
      props.onProgress?.(done, total);
      await yieldToEventLoop();
    }
  } finally {
    reader.$client.exec("COMMIT");
  }
  due.sort(compareKeys);

  return db.transaction(() => {
    const again = prepare(db, props.policyCode, props.period, today);
    let outcome: ComputeOutcome;
    if (!again.ok) outcome = again.outcome;
    else {
      const state = ledgerState(db, again.prepared);
      const sameInputs = again.prepared.version.id === prepared.version.id && decisionInputs(again.prepared, state) === decisionInputs(prepared, readState);
      if (sameInputs) outcome = write(db, again.prepared, state, facts, due, props);
      else {
        const whole = decideWhole(db, again.prepared, state, deps.protector, props.countyProvince);
        outcome = write(db, again.prepared, state, whole.facts, whole.due, props);
      }
    }
    props.alsoInTransaction?.(outcome);
    return outcome;
  }, { behavior: "immediate" });
}
