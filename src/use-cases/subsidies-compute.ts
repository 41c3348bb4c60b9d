/**
 * 计算: computes the subsidy lines of one policy for one period (../shared/DOMAIN.md, Subsidies;
 * ../shared/CONTRACT.md `npm run subsidies -- compute`). Loads the facts, lets the core decide
 * (src/core/subsidies), and writes the new lines with their snapshot and one audit row each, plus
 * an audit row for the run — all in ONE transaction, so two computes cannot interleave and a
 * failure leaves nothing behind. Existing lines are never changed; differences are returned.
 */
import type { Db } from "../../db/client.ts";
import { createAuditAppender } from "../../db/queries/audit.ts";
import { insertLines, liveLinesOfPolicy, loadFacts, policyByCode, reversedRoundsOfPeriod, type FactEmployer, type FactWorker, type PolicyVersionRow } from "../../db/queries/subsidies.ts";
import { chinaDate } from "../core/china-time.ts";
import { periodFor, type PeriodProblem, type PolicyRule, type SubsidyKind } from "../core/subsidies/policy.ts";
import { reconcile, type Difference, type LineSnapshot, type LiveLine } from "../core/subsidies/reconcile.ts";
import { computeLines, keyText, type ComputedLine, type SubsidyPlacement } from "../core/subsidies/rules.ts";
import type { PersonalDataProtector } from "../security/personal-data.ts";
import { authorUserId, type ChangeAuthor } from "./audit-trail.ts";

export type ComputeOutcome =
  | { status: "done"; policy: { code: string; name: string; kind: SubsidyKind; version: number }; period: string; addedIds: number[]; unchanged: number; differences: DifferenceView[] }
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

export function computeSubsidies(
  deps: { db: Db; protector: PersonalDataProtector },
  props: { policyCode: string; period: string; countyProvince: string; by: ChangeAuthor; now: Date },
): ComputeOutcome {
  const { db } = deps;
  const today = chinaDate(props.now);
  const computedAt = props.now.toISOString();
  // The connection is the transaction's (better-sqlite3 is synchronous): every read and write
  // below, prepared statements included, runs inside it. IMMEDIATE takes the write lock before
  // reading, so a second compute (another process) waits instead of failing on the upgrade.
  return db.transaction(() => {
    const found = policyByCode(db, props.policyCode);
    if (!found) return { status: "unknownPolicy" } as const;
    const { policy, version } = found;
    if (policy.retiredAt !== null) return { status: "retired" } as const;
    const rule = ruleOf(policy.kind, version);
    const checked = periodFor(rule, props.period, today);
    if (!checked.ok) return { status: checked.problem, kind: policy.kind, startDate: rule.startDate, endDate: rule.endDate };
    const period = checked.period;

    const facts = loadFacts(db, period);
    const workers = new Map<number, FactWorker>(facts.workers.map((w) => [w.id, w]));
    const employers = new Map<number, FactEmployer>(facts.employers.map((e) => [e.id, e]));
    const live = liveLinesOfPolicy(db, policy.id);
    const standing = live
      .filter((l) => !(l.status === "已发放" && l.reversalStatus === "已发放"))
      .map((l) => ({ workerId: l.workerId, householdId: l.householdId, period: l.period }));
    const idNumbers = new Map<number, string>();
    const due = computeLines({
      rule,
      period,
      countyProvince: props.countyProvince,
      workers,
      employers,
      placements: facts.placements,
      standing,
      idNumberOf: (workerId) => {
        let id = idNumbers.get(workerId);
        if (id === undefined) {
          id = deps.protector.decrypt(workers.get(workerId)!.idNumberCipher);
          idNumbers.set(workerId, id);
        }
        return id;
      },
    });

    const placementsById = new Map<number, SubsidyPlacement>(facts.placements.map((p) => [p.id, p]));
    const snapshotOf = (line: ComputedLine): LineSnapshot => {
      const worker = workers.get(line.workerId)!;
      const employer = line.employerId === null ? undefined : employers.get(line.employerId);
      return {
        placements: line.placementIds.map((id) => {
          const p = placementsById.get(id)!;
          return {
            id,
            employerId: p.employerId,
            employerCode: p.employerId === null ? null : (employers.get(p.employerId)?.code ?? null),
            startDate: p.startDate,
            endDate: p.endDate,
            workProvince: p.workProvince,
          };
        }),
        coveredMonths: line.coveredMonths,
        countedMonths: line.countedMonths,
        worker: { householdId: worker.householdId, category: worker.category, birthDate: worker.birthDate },
        ...(employer ? { employer: { code: employer.code, type: employer.type, recognition: employer.recognition } } : {}),
        countyProvince: props.countyProvince,
      };
    };

    const liveOfPeriod: LiveLine[] = live
      .filter((l) => l.period === period.label)
      .map((l) => ({
        id: l.id,
        period: l.period,
        workerId: l.workerId,
        employerId: l.employerId,
        round: l.round,
        status: l.status,
        reversalStatus: l.reversalStatus,
        snapshot: JSON.parse(l.snapshot) as LineSnapshot,
      }));
    const reversedRounds = new Map(reversedRoundsOfPeriod(db, policy.id, period.label).map((r) => [keyText({ ...r, period: period.label }), r.round]));
    const result = reconcile(due, liveOfPeriod, reversedRounds, snapshotOf);

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
        computedAt,
        createdByUserId: authorUserId(props.by),
        createdByLabel: "userId" in props.by ? props.by.login : props.by.label,
      })),
    );
    const audit = createAuditAppender(db);
    const actor = { actorUserId: authorUserId(props.by), actorLabel: "userId" in props.by ? props.by.login : props.by.label };
    result.add.forEach(({ line, round }, i) => {
      audit({
        ...actor,
        action: "create",
        entity: "subsidy-line",
        entityId: addedIds[i]!,
        after: { policy: policy.code, version: version.version, period: period.label, workerId: line.workerId, employerId: line.employerId, round, amountFen: line.amountFen, placementIds: line.placementIds, months: line.countedMonths.map((m) => m.month) },
      });
    });
    audit({
      ...actor,
      action: "create",
      entity: "subsidy-compute",
      entityId: `${policy.code}/${period.label}`,
      after: { policy: policy.code, version: version.version, period: period.label, added: addedIds.length, unchanged: result.unchanged.length, differences: result.differences.map((d) => ({ kind: d.kind, lineId: d.line.id })) },
    });

    const differences = result.differences.map((d): DifferenceView => {
      const worker = workers.get(d.line.workerId);
      return {
        kind: d.kind,
        lineId: d.line.id,
        status: d.line.status,
        reversalStatus: d.line.reversalStatus,
        workerName: worker?.name ?? "",
        workerIdMasked: worker?.idNumberMasked ?? "",
        employerCode: d.line.employerId === null ? null : (employers.get(d.line.employerId)?.code ?? null),
        monthsBefore: d.line.snapshot.countedMonths.map((m) => m.month),
        monthsNow: d.kind === "factsChanged" ? d.now.countedMonths.map((m) => m.month) : null,
      };
    });
    return {
      status: "done",
      policy: { code: policy.code, name: policy.name, kind: policy.kind, version: version.version },
      period: period.label,
      addedIds,
      unchanged: result.unchanged.length,
      differences,
    } as const;
  }, { behavior: "immediate" });
}
