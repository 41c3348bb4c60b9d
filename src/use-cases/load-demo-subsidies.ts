/**
 * The demo county's subsidies (issue 12: "every page looks alive on first start"): realistic
 * policies (src/demo/demo-subsidies.ts), computed through the real use-case (computeSubsidies), a
 * changed rule saved as a second version afterwards, a retired policy — and then lines moved to
 * the ledger's other states. Runs inside the demo load's transaction.
 *
 * Two parts:
 * - `loadDemoPolicies` uses only the real use-cases (policies, compute, retire): pending lines.
 * - `advanceDemoLines` walks lines through the workflow's use-cases (review, notice, objection,
 *   batch, payment by a second person, reversal), dated in the past, so every state is on the
 *   pages on first start: 待审核, 已审核, 公示中, 有异议, 已发放, 已驳回, 已撤回 and a reversal.
 */
import type { Db } from "../../db/client.ts";
import { policyByCode } from "../../db/queries/subsidies.ts";
import { insertDemoStaff, lineIdsOf, withdrawLine } from "../../db/queries/subsidy-demo.ts";
import { chinaDate } from "../core/china-time.ts";
import { DEMO_MONTHS, demoPolicies } from "../demo/demo-subsidies.ts";
import type { PersonalDataProtector } from "../security/personal-data.ts";
import type { ChangeAuthor } from "./audit-trail.ts";
import { currentSettings } from "./settings.ts";
import { buildBatch, markBatchPaid, publishNotice, recordObjection, reverseLine, reviewLines } from "./subsidies-workflow.ts";
import { computeAndRecord } from "./subsidy-compute-runs.ts";
import { applyPolicy } from "./subsidies-policies.ts";
import { policyRetirer } from "./subsidy-policies-edit.ts";

const DEMO: ChangeAuthor = { label: "demo" };

/** `now` moved by whole days (negative: earlier). */
const daysFrom = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000);

export interface DemoSubsidyCounts {
  policies: number;
  lines: number;
}

/** The months of `year` before today's month, the last `DEMO_MONTHS` of them. */
function endedMonths(today: string): string[] {
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  const months: string[] = [];
  for (let m = Math.max(1, month - DEMO_MONTHS); m < month; m++) months.push(`${year}-${String(m).padStart(2, "0")}`);
  return months;
}

export function loadDemoSubsidies(deps: { db: Db; protector: PersonalDataProtector }, props: { now: Date; countyProvince: string }): DemoSubsidyCounts {
  // Policies written and computed before the workflow's first step (reviewed six weeks ago), so
  // every line's trail reads in order: computed, then approved, noticed, paid.
  const periods = loadDemoPolicies(deps, { ...props, now: daysFrom(props.now, -COMPUTED_DAYS_AGO) });
  advanceDemoLines(deps, { ...props, periods });
  const lines = (deps.db.$client.prepare("SELECT count(*) AS n FROM subsidy_lines").get() as { n: number }).n;
  return { policies: 4, lines };
}

interface DemoPeriods {
  workshop: { code: string; period: string };
  transport: { code: string; period: string };
  publicBenefit: { code: string; periods: string[] };
}

/** How long before the demo's first start its policies were computed: before any review (42 days ago). */
const COMPUTED_DAYS_AGO = 45;

/**
 * Policies and pending lines, through the real use-cases only, as of `now`: the yearly policies
 * for the year before `now`'s, the monthly one for the months of `now`'s year before its month.
 * Each compute is on its policy's 计算记录, as the command's are.
 */
export function loadDemoPolicies(deps: { db: Db; protector: PersonalDataProtector }, props: { now: Date; countyProvince: string }): DemoPeriods {
  const { db } = deps;
  const today = chinaDate(props.now);
  const year = Number(today.slice(0, 4));
  const demo = demoPolicies(year);
  const nowIso = props.now.toISOString();
  for (const input of [...demo.policies, demo.retired]) applyPolicy(db, { input, by: DEMO, nowIso });
  const retired = policyByCode(db, demo.retired.code)!;
  policyRetirer(deps, { policyId: retired.policy.id, retire: true, by: DEMO, now: props.now });

  const [workshop, transport, publicBenefit] = demo.policies as [(typeof demo.policies)[0], (typeof demo.policies)[0], (typeof demo.policies)[0]];
  const compute = (policyCode: string, period: string) =>
    computeAndRecord({ ...deps, now: () => props.now }, { policyCode, period, countyProvince: props.countyProvince, by: DEMO });
  compute(workshop.code, String(year - 1));
  compute(transport.code, String(year - 1));
  const months = endedMonths(today);
  for (const month of months) compute(publicBenefit.code, month);
  // The county raised the workshop subsidy the next day: version 2, for periods computed from then on.
  applyPolicy(db, { input: { ...workshop, amountFen: demo.raisedWorkshopAmountFen }, by: DEMO, nowIso: daysFrom(props.now, 1).toISOString() });
  return {
    workshop: { code: workshop.code, period: String(year - 1) },
    transport: { code: transport.code, period: String(year - 1) },
    publicBenefit: { code: publicBenefit.code, periods: months },
  };
}


/**
 * The ledger's other states, through the workflow's own use-cases (src/use-cases/subsidies-workflow.ts),
 * dated in the past so that notices have run their course: reviewed six weeks ago by the demo's
 * reviewer, a notice five weeks ago, paid in a batch three weeks ago by the demo's cashier (four
 * eyes), a paid line reversed and computed again, a recent notice still running with an open
 * objection, rejected and withdrawn lines. Deterministic: by each line's place in its period.
 */
export function advanceDemoLines(deps: { db: Db; protector: PersonalDataProtector }, props: { now: Date; countyProvince: string; periods: DemoPeriods }): void {
  const { db } = deps;
  const { now } = props;
  const at = daysFrom(now, -50).toISOString();
  const reviewer = { userId: insertDemoStaff(db, { login: "demo-reviewer", displayName: "示范审核员", at }), login: "demo-reviewer" };
  const cashier = { userId: insertDemoStaff(db, { login: "demo-cashier", displayName: "示范出纳", at }), login: "demo-cashier" };
  const noticeDays = currentSettings(db).noticeDays;

  const approve = (ids: number[], days: number) => ids.length > 0 && reviewLines(deps, { selection: { ids }, decision: "approve", reason: null, by: reviewer, now: daysFrom(now, days) });
  const notice = (ids: number[], title: string, days: number) =>
    ids.length > 0 ? publishNotice(deps, { selection: { ids }, title, noticeDays, by: reviewer, now: daysFrom(now, days) }) : undefined;
  const payPolicy = (policyCode: string, period: string, days: number, reference: string) => {
    const built = buildBatch(deps, { filter: { policyCode, period }, by: reviewer, now: daysFrom(now, days) });
    if (built.status !== "built") return;
    markBatchPaid(deps, { batchId: built.batchId, bankReference: reference, paidOn: chinaDate(daysFrom(now, days + 2)), by: cashier, now: daysFrom(now, days + 2) });
  };

  const workshop = lineIdsOf(db, props.periods.workshop.code, props.periods.workshop.period);
  const transport = lineIdsOf(db, props.periods.transport.code, props.periods.transport.period);
  const slot = (ids: number[], every: number, keep: (s: number) => boolean) => ids.filter((_, i) => keep(i % every));

  // Paid: reviewed, on the notice of five weeks ago, paid in a batch three weeks ago.
  const workshopPaid = slot(workshop, 10, (s) => s <= 3);
  const transportPaid = slot(transport, 8, (s) => s <= 2);
  const benefitPaid = props.periods.publicBenefit.periods[0] ? lineIdsOf(db, props.periods.publicBenefit.code, props.periods.publicBenefit.periods[0]) : [];
  approve([...workshopPaid, ...transportPaid, ...benefitPaid], -42);
  notice([...workshopPaid, ...transportPaid, ...benefitPaid], "示范：第一批就业补贴公示", -35);
  payPolicy(props.periods.workshop.code, props.periods.workshop.period, -21, "示范-农商行-0001");
  payPolicy(props.periods.transport.code, props.periods.transport.period, -21, "示范-农商行-0002");
  if (props.periods.publicBenefit.periods[0]) payPolicy(props.periods.publicBenefit.code, props.periods.publicBenefit.periods[0], -21, "示范-农商行-0003");

  // Rejected with a reason, and withdrawn before review.
  const rejected = slot(workshop, 10, (s) => s === 6);
  if (rejected.length > 0) reviewLines(deps, { selection: { ids: rejected }, decision: "reject", reason: "在岗月数与车间考勤表不符，退回核实", by: reviewer, now: daysFrom(now, -40) });
  for (const id of slot(transport, 8, (s) => s === 4)) withdrawLine(db, id, { at: daysFrom(now, -40).toISOString(), note: "已在务工地领取同类交通补贴" });

  // In notice now, one of them held back by an open objection.
  const inNotice = [...slot(workshop, 10, (s) => s === 4 || s === 5), ...slot(transport, 8, (s) => s === 3)];
  const benefitRecent = props.periods.publicBenefit.periods[1] ? lineIdsOf(db, props.periods.publicBenefit.code, props.periods.publicBenefit.periods[1]).filter((_, i) => i % 5 !== 4) : [];
  approve([...inNotice, ...benefitRecent], -3);
  notice([...inNotice, ...benefitRecent], "示范：第二批就业补贴公示", -1);
  if (inNotice[0] !== undefined) {
    recordObjection(deps, { lineId: inNotice[0], raisedBy: "村民（电话反映）", content: "反映此人上半年多在外地务工，在车间时间不足", by: reviewer, now: daysFrom(now, 0) });
  }

  // A paid line found wrong: reversed, the reversal reviewed and paid, and the key computed again (round 1).
  if (transportPaid[0] !== undefined) {
    const reversed = reverseLine(deps, { lineId: transportPaid[0], reason: "示范数据：务工地省份登记有误，先冲销后重新计算", by: reviewer, now: daysFrom(now, -14) });
    if (reversed.status === "created") {
      approve([reversed.reversalId], -14);
      payPolicy(props.periods.transport.code, props.periods.transport.period, -12, "示范-农商行-0004");
      computeAndRecord({ ...deps, now: () => now }, { policyCode: props.periods.transport.code, period: props.periods.transport.period, countyProvince: props.countyProvince, by: DEMO });
    }
  }
  // Another paid line with a reversal proposed, waiting for review.
  if (transportPaid[1] !== undefined) reverseLine(deps, { lineId: transportPaid[1], reason: "示范数据：外出务工时间不足，拟冲销", by: reviewer, now: daysFrom(now, -2) });
}
