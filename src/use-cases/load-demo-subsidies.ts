/**
 * The demo county's subsidies (issue 12: "every page looks alive on first start"): realistic
 * policies (src/demo/demo-subsidies.ts), computed through the real use-case (computeSubsidies), a
 * changed rule saved as a second version afterwards, a retired policy — and then lines moved to
 * the ledger's other states. Runs inside the demo load's transaction.
 *
 * Two parts, kept apart on purpose:
 * - `loadDemoPolicies` uses only the real use-cases (policies, compute, retire): pending lines.
 * - `advanceDemoLines` moves lines to 已审核 / 已发放 / 已驳回 / 已撤回 and writes reversals with
 *   0009's own columns (db/queries/subsidy-demo.ts, held by 0009's triggers), because the review
 *   and payment use-cases are not on main yet. When they are, replace its body with calls to
 *   them (approve, reject, withdraw, notice, objection, batch, mark paid, reverse), which also
 *   fills the notice, objection and batch tables; see docs/decisions/2026-12-01-subsidy-policies.md.
 */
import type { Db } from "../../db/client.ts";
import { policyByCode } from "../../db/queries/subsidies.ts";
import { insertReversalOf, lineIdsOf, moveLine } from "../../db/queries/subsidy-demo.ts";
import { chinaDate } from "../core/china-time.ts";
import { DEMO_MONTHS, demoPolicies } from "../demo/demo-subsidies.ts";
import type { PersonalDataProtector } from "../security/personal-data.ts";
import { recordChange, type ChangeAuthor } from "./audit-trail.ts";
import { computeSubsidies } from "./subsidies-compute.ts";
import { applyPolicy } from "./subsidies-policies.ts";
import { policyRetirer } from "./subsidy-policies-edit.ts";

const DEMO: ChangeAuthor = { label: "demo" };

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
  const periods = loadDemoPolicies(deps, props);
  advanceDemoLines(deps, { ...props, periods });
  const lines = (deps.db.$client.prepare("SELECT count(*) AS n FROM subsidy_lines").get() as { n: number }).n;
  return { policies: 4, lines };
}

interface DemoPeriods {
  workshop: { code: string; period: string };
  transport: { code: string; period: string };
  publicBenefit: { code: string; periods: string[] };
}

/** Policies and pending lines, through the real use-cases only. */
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
    computeSubsidies(deps, { policyCode, period, countyProvince: props.countyProvince, by: DEMO, now: props.now });
  compute(workshop.code, String(year - 1));
  compute(transport.code, String(year - 1));
  const months = endedMonths(today);
  for (const month of months) compute(publicBenefit.code, month);
  // The county raised the workshop subsidy afterwards: version 2, for periods computed from now on.
  applyPolicy(db, { input: { ...workshop, amountFen: demo.raisedWorkshopAmountFen }, by: DEMO, nowIso });
  return {
    workshop: { code: workshop.code, period: String(year - 1) },
    transport: { code: transport.code, period: String(year - 1) },
    publicBenefit: { code: publicBenefit.code, periods: months },
  };
}

/**
 * The ledger's other states, written with 0009's columns until the review and payment use-cases
 * are merged (see the module comment). Deterministic: by each line's place in its period.
 */
export function advanceDemoLines(deps: { db: Db; protector: PersonalDataProtector }, props: { now: Date; countyProvince: string; periods: DemoPeriods }): void {
  const { db } = deps;
  const at = props.now.toISOString();
  const move = (id: number, status: "已审核" | "已发放" | "已驳回" | "已撤回", note?: string) => {
    if (status === "已发放") moveLine(db, id, "已审核", { at, note: "示范数据：审核通过" });
    moveLine(db, id, status, { at, note: note ?? (status === "已审核" ? "示范数据：审核通过" : null) });
    recordChange(db, DEMO, { action: "update", entity: "subsidy-line", entityId: id, after: { status, note: note ?? null } });
  };

  lineIdsOf(db, props.periods.workshop.code, props.periods.workshop.period).forEach((id, i) => {
    const slot = i % 10;
    if (slot <= 3) move(id, "已发放");
    else if (slot <= 5) move(id, "已审核");
    else if (slot === 6) move(id, "已驳回", "在岗月数与车间考勤表不符，退回核实");
  });

  const transport = lineIdsOf(db, props.periods.transport.code, props.periods.transport.period);
  transport.forEach((id, i) => {
    const slot = i % 8;
    if (slot <= 2) move(id, "已发放");
    else if (slot === 3) move(id, "已审核");
    else if (slot === 4) move(id, "已撤回", "已在务工地领取同类交通补贴");
  });
  // A paid line found wrong: reversed, the reversal paid, and the key computed again (round 1).
  const paid = transport.filter((_, i) => i % 8 <= 2);
  if (paid[0] !== undefined) {
    const reversal = insertReversalOf(db, paid[0], { reason: "示范数据：务工地省份登记有误，先冲销后重新计算", at, byLabel: "demo" });
    recordChange(db, DEMO, { action: "create", entity: "subsidy-line", entityId: reversal, after: { reverses: paid[0] } });
    move(reversal, "已发放");
    computeSubsidies(deps, { policyCode: props.periods.transport.code, period: props.periods.transport.period, countyProvince: props.countyProvince, by: DEMO, now: props.now });
  }
  // Another paid line with a reversal proposed, waiting for review.
  if (paid[1] !== undefined) {
    const reversal = insertReversalOf(db, paid[1], { reason: "示范数据：外出务工时间不足，拟冲销", at, byLabel: "demo" });
    recordChange(db, DEMO, { action: "create", entity: "subsidy-line", entityId: reversal, after: { reverses: paid[1] } });
  }

  props.periods.publicBenefit.periods.forEach((period, age) => {
    lineIdsOf(db, props.periods.publicBenefit.code, period).forEach((id, i) => {
      if (age === 0) move(id, i % 10 === 9 ? "已审核" : "已发放");
      else if (age === 1 && i % 5 !== 4) move(id, "已审核");
    });
  });
}
