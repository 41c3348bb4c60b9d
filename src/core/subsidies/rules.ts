/**
 * The three subsidy kinds of ../shared/DOMAIN.md ("The kinds"), once: from the registry's facts
 * for one policy and one period to the lines that are due. Pure: the use-case loads the facts,
 * this decides, the use-case writes. Every line carries its key, amount, the placements it
 * stands on and the months it counted, so an auditor can recompute it by hand.
 */
import { HOUSEHOLD_CATEGORIES, isAssisted, type EmployerType, type HouseholdCategory, type RecognitionStatus } from "../enums.ts";
import { ageOn } from "../calendar.ts";
import { provinceFullName } from "../settings.ts";
import { countedMonths, coveredDaysByMonth, MIN_DAYS_IN_MONTH, type CountedMonth } from "./months.ts";
import { payeeOf, requiredMonths, type Period, type PolicyRule } from "./policy.ts";

export interface SubsidyWorker {
  id: number;
  householdId: number;
  /** The household's category as the registry holds it now (帮扶对象 = not 一般户). */
  category: HouseholdCategory;
  birthDate: string;
}

export interface SubsidyEmployer {
  id: number;
  type: EmployerType;
  /** 认定 as the registry holds it now. */
  recognition: RecognitionStatus;
}

/** A confirmed placement (a hire awaiting the bureau's confirmation never reaches a subsidy). */
export interface SubsidyPlacement {
  id: number;
  workerId: number;
  employerId: number | null;
  startDate: string;
  endDate: string | null;
  /** 就业地省份; null: the county's own province. */
  workProvince: string | null;
}

/** A line of the policy that stands (not rejected, withdrawn or reversed): for the cap and 每户限一人. */
export interface StandingLine {
  workerId: number;
  householdId: number;
  period: string;
}

export interface SubsidyFacts {
  rule: PolicyRule;
  period: Period;
  /** The county's own province (COUNTY_PROVINCE). */
  countyProvince: string;
  workers: ReadonlyMap<number, SubsidyWorker>;
  employers: ReadonlyMap<number, SubsidyEmployer>;
  /** Placements overlapping the period (others are ignored anyway). */
  placements: readonly SubsidyPlacement[];
  /** The policy's standing lines for other keys and periods (公益性岗位补贴 only needs them). */
  standing: readonly StandingLine[];
  /** The full ID number of a worker, for the 每户限一人 tie-break only. */
  idNumberOf: (workerId: number) => string;
  /**
   * Workers whose line of this period was rejected (and not re-opened): with 每户限一人 they do
   * not take the household's month, so the next member who qualifies may
   * (docs/decisions/2026-12-02-subsidy-rejected-keys.md).
   */
  rejectedWorkers?: ReadonlySet<number>;
}

/** The key of a line: one per (policy, period, worker, employer-when-paid-to-the-employer). */
export interface LineKey {
  period: string;
  workerId: number;
  /** The employer paid (吸纳就业补贴); null when the worker is paid. */
  employerId: number | null;
}

export interface ComputedLine extends LineKey {
  payee: "employer" | "worker";
  amountFen: number;
  /** The placements whose days were counted, by id, ascending. */
  placementIds: number[];
  /** Every month of the period with covered days (for the snapshot), and those that counted. */
  coveredMonths: CountedMonth[];
  countedMonths: CountedMonth[];
}

/** A stable text of a key, for maps and messages. @example keyText({ period: "2025", workerId: 3, employerId: null }) // "2025/3/-" */
export function keyText(key: LineKey): string {
  return `${key.period}/${key.workerId}/${key.employerId ?? "-"}`;
}

const WORKSHOP_TYPES: readonly EmployerType[] = ["帮扶车间", "卫星工厂"];

/**
 * The placements a kind can count, as data a loader filters on before the rules run, so that a
 * compute reads those and not every placement of the county
 * (docs/decisions/2026-12-02-subsidy-compute-scope.md). Every placement any rule of the kind
 * counts passes the scope; the rules below still decide everything, so a wider load gives the
 * same lines (tests/subsidy-compute-scope.test.ts compares the two).
 */
export interface PlacementScope {
  /** Only workers of 帮扶对象 households: every kind pays on them alone. */
  assistedCategories: readonly HouseholdCategory[];
  /** Only placements at an employer of one of these types (with this recognition, when set); null: any placement. */
  employer: { types: readonly EmployerType[]; recognition: RecognitionStatus | null } | null;
  /** Only placements whose 就业地省份 is not blank and, trimmed, not this province; null: wherever. */
  awayFrom: string | null;
}

/** @example placementScope("交通补贴", "江西省").awayFrom // "江西省" */
export function placementScope(kind: PolicyRule["kind"], countyProvince: string): PlacementScope {
  const assistedCategories = HOUSEHOLD_CATEGORIES.filter(isAssisted);
  switch (kind) {
    case "吸纳就业补贴":
      return { assistedCategories, employer: { types: WORKSHOP_TYPES, recognition: "已认定" }, awayFrom: null };
    case "公益性岗位补贴":
      return { assistedCategories, employer: { types: ["公益性岗位"], recognition: null }, awayFrom: null };
    case "交通补贴":
      return { assistedCategories, employer: null, awayFrom: countyProvince.trim() };
  }
}

/**
 * The lines due for `facts.rule` over `facts.period`, ordered by employer then worker.
 * @example computeLines(facts).map((l) => [l.workerId, l.amountFen])
 */
export function computeLines(facts: SubsidyFacts): ComputedLine[] {
  switch (facts.rule.kind) {
    case "吸纳就业补贴":
      return workshopAbsorption(facts);
    case "公益性岗位补贴":
      return publicBenefit(facts);
    case "交通补贴":
      return transport(facts);
  }
}

function overlaps(p: SubsidyPlacement, period: Period): boolean {
  return p.startDate <= period.last && (p.endDate === null || p.endDate >= period.first);
}

function assisted(facts: SubsidyFacts, workerId: number): SubsidyWorker | undefined {
  const w = facts.workers.get(workerId);
  return w && isAssisted(w.category) ? w : undefined;
}

/** Groups placements by a key, keeping only those that overlap the period. */
function groupBy(facts: SubsidyFacts, pick: (p: SubsidyPlacement) => string | null): Map<string, SubsidyPlacement[]> {
  const groups = new Map<string, SubsidyPlacement[]>();
  for (const p of facts.placements) {
    if (!overlaps(p, facts.period)) continue;
    const key = pick(p);
    if (key === null) continue;
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  return groups;
}

function line(facts: SubsidyFacts, key: LineKey, placements: SubsidyPlacement[]): ComputedLine {
  const spans = placements.map((p) => ({ start: p.startDate, end: p.endDate }));
  const covered = coveredDaysByMonth(spans, facts.period.first, facts.period.last);
  return {
    ...key,
    payee: payeeOf(facts.rule.kind),
    amountFen: facts.rule.amountFen,
    placementIds: placements.map((p) => p.id).sort((a, b) => a - b),
    coveredMonths: covered,
    // The same as countedMonths(spans, …), without counting the days twice.
    countedMonths: covered.filter((m) => m.days >= MIN_DAYS_IN_MONTH),
  };
}

/** The order lines are computed in: by employer, then worker. */
export function compareKeys(a: LineKey, b: LineKey): number {
  return (a.employerId ?? 0) - (b.employerId ?? 0) || a.workerId - b.workerId;
}
const byKey = compareKeys;

/** 吸纳就业补贴: per recognised workshop and 帮扶对象 worker, months at that employer ≥ 最少月数. */
function workshopAbsorption(facts: SubsidyFacts): ComputedLine[] {
  const needed = requiredMonths(facts.rule);
  const groups = groupBy(facts, (p) => {
    if (p.employerId === null) return null;
    const e = facts.employers.get(p.employerId);
    if (!e || !WORKSHOP_TYPES.includes(e.type) || e.recognition !== "已认定") return null;
    return assisted(facts, p.workerId) ? `${p.employerId}/${p.workerId}` : null;
  });
  const lines: ComputedLine[] = [];
  for (const placements of groups.values()) {
    const first = placements[0]!;
    const l = line(facts, { period: facts.period.label, workerId: first.workerId, employerId: first.employerId }, placements);
    if (l.countedMonths.length >= needed) lines.push(l);
  }
  return lines.sort(byKey);
}

/** 交通补贴: per 帮扶对象 worker, months in placements outside the county's province ≥ 最少月数. */
function transport(facts: SubsidyFacts): ComputedLine[] {
  const needed = requiredMonths(facts.rule);
  // Compared as full names: a placement written 江西 is in 江西省 (a short form is no other province).
  const own = provinceFullName(facts.countyProvince);
  const groups = groupBy(facts, (p) => {
    const province = provinceFullName(p.workProvince ?? "");
    if (province === "" || province === own) return null;
    return assisted(facts, p.workerId) ? String(p.workerId) : null;
  });
  const lines: ComputedLine[] = [];
  for (const placements of groups.values()) {
    const l = line(facts, { period: facts.period.label, workerId: placements[0]!.workerId, employerId: null }, placements);
    if (l.countedMonths.length >= needed) lines.push(l);
  }
  return lines.sort(byKey);
}

/**
 * 公益性岗位补贴 for one month: 帮扶对象 workers whose public-benefit placements count the month,
 * within the age limit on its first day and under the cap (its standing lines of other months);
 * with 每户限一人, one per household: a household already holding a standing line this month
 * keeps it (nobody else gets one), otherwise the member whose public-benefit placement open that
 * month started first wins, then the smaller ID number.
 */
function publicBenefit(facts: SubsidyFacts): ComputedLine[] {
  const { rule, period } = facts;
  const groups = groupBy(facts, (p) => {
    if (p.employerId === null || facts.employers.get(p.employerId)?.type !== "公益性岗位") return null;
    return assisted(facts, p.workerId) ? String(p.workerId) : null;
  });
  const linesElsewhere = new Map<number, number>();
  const holdersThisMonth = new Map<number, Set<number>>();
  for (const s of facts.standing) {
    if (s.period === period.label) {
      const holders = holdersThisMonth.get(s.householdId) ?? new Set<number>();
      holders.add(s.workerId);
      holdersThisMonth.set(s.householdId, holders);
    } else linesElsewhere.set(s.workerId, (linesElsewhere.get(s.workerId) ?? 0) + 1);
  }
  const qualified: { line: ComputedLine; worker: SubsidyWorker; firstStart: string }[] = [];
  for (const placements of groups.values()) {
    const worker = facts.workers.get(placements[0]!.workerId)!;
    const l = line(facts, { period: period.label, workerId: worker.id, employerId: null }, placements);
    if (l.countedMonths.length === 0) continue;
    if (rule.ageLimit !== null && ageOn(worker.birthDate, period.first) > rule.ageLimit) continue;
    if (rule.maxMonthsPerPerson !== null && (linesElsewhere.get(worker.id) ?? 0) >= rule.maxMonthsPerPerson) continue;
    const firstStart = placements.map((p) => p.startDate).sort()[0]!;
    qualified.push({ line: l, worker, firstStart });
  }
  if (!rule.onePerHousehold) return qualified.map((q) => q.line).sort(byKey);

  const byHousehold = new Map<number, typeof qualified>();
  for (const q of qualified) {
    if (facts.rejectedWorkers?.has(q.worker.id)) continue;
    const list = byHousehold.get(q.worker.householdId) ?? [];
    list.push(q);
    byHousehold.set(q.worker.householdId, list);
  }
  const lines: ComputedLine[] = [];
  for (const [householdId, members] of byHousehold) {
    const holders = holdersThisMonth.get(householdId);
    if (holders) {
      lines.push(...members.filter((m) => holders.has(m.worker.id)).map((m) => m.line));
      continue;
    }
    const winner = members.reduce((best, m) => {
      if (m.firstStart !== best.firstStart) return m.firstStart < best.firstStart ? m : best;
      return facts.idNumberOf(m.worker.id).toUpperCase() < facts.idNumberOf(best.worker.id).toUpperCase() ? m : best;
    });
    lines.push(winner.line);
  }
  return lines.sort(byKey);
}
