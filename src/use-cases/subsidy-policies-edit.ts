/**
 * 补贴政策 on the bureau's page (docs/decisions/2026-12-01-subsidy-policies.md): the form read
 * exactly as a `policies` spreadsheet row (the same parse and checks, so the page and the import
 * cannot disagree), saved through the one write path (savePolicy: a changed rule becomes the
 * policy's next version, lines keep theirs), and retiring / reinstating a policy — each one
 * transaction with its audit row.
 */
import type { Db } from "../../db/client.ts";
import { policyByCode } from "../../db/queries/subsidies.ts";
import { policyWithVersions, reinstatePolicyRow, retirePolicyRow } from "../../db/queries/subsidy-policies.ts";
import type { PolicyFields } from "../core/subsidies/policy.ts";
import { policiesFormat } from "../imports/formats.ts";
import { recordChange, type ChangeAuthor } from "./audit-trail.ts";
import { applyPolicy, type SavePolicyOutcome } from "./subsidies-policies.ts";

/** The form's fields, each the `policies` column it stands for. */
export const POLICY_FORM_COLUMNS = {
  code: "编号",
  name: "名称",
  kind: "类型",
  amount: "金额",
  minMonths: "最少月数",
  maxMonths: "每人最多月数",
  ageLimit: "年龄上限",
  onePerHousehold: "每户限一人",
  startDate: "开始日期",
  endDate: "结束日期",
  fundSource: "资金来源",
} as const;
export type PolicyFormField = keyof typeof POLICY_FORM_COLUMNS;
export type PolicyForm = Record<PolicyFormField, string>;
export const POLICY_FORM_FIELDS = Object.keys(POLICY_FORM_COLUMNS) as PolicyFormField[];

const FIELD_OF_COLUMN = new Map(Object.entries(POLICY_FORM_COLUMNS).map(([field, column]) => [column as string, field as PolicyFormField]));

/** The typed form as the spreadsheet row it would be; the errors by field, in Chinese. */
export function parsePolicyForm(form: PolicyForm, today: string): { ok: true; fields: PolicyFields } | { ok: false; errors: Partial<Record<PolicyFormField, string>> } {
  const cells = new Map<string, string | null>();
  for (const field of POLICY_FORM_FIELDS) {
    const value = form[field].trim();
    cells.set(POLICY_FORM_COLUMNS[field], value === "" ? null : value);
  }
  const parsed = policiesFormat.parse(cells, today);
  if (parsed.ok) return { ok: true, fields: parsed.record };
  const errors: Partial<Record<PolicyFormField, string>> = {};
  for (const p of parsed.problems) {
    const field = FIELD_OF_COLUMN.get(p.column) ?? "code";
    errors[field] ??= p.reason;
  }
  return { ok: false, errors };
}

/** The form of a stored policy (its newest version), for the edit page. */
export function formOfPolicy(fields: PolicyFields): PolicyForm {
  const row = policiesFormat.format(fields);
  return Object.fromEntries(POLICY_FORM_FIELDS.map((f, i) => [f, row[i] === null || row[i] === undefined ? "" : String(row[i])])) as PolicyForm;
}

export type PolicyEditOutcome = SavePolicyOutcome | { status: "codeTaken" } | { status: "notFound" } | { status: "codeChanged" };

/**
 * Creates a policy (`policyId` undefined; a code already used is refused) or saves the form over
 * policy `policyId` (its code and kind never change).
 */
export function policyEditor(deps: { db: Db }, props: { policyId?: number | undefined; fields: PolicyFields; by: ChangeAuthor; now: Date }): PolicyEditOutcome {
  const { db } = deps;
  return db.transaction((): PolicyEditOutcome => {
    if (props.policyId === undefined) {
      if (policyByCode(db, props.fields.code)) return { status: "codeTaken" };
    } else {
      const found = policyWithVersions(db, props.policyId);
      if (!found) return { status: "notFound" };
      if (found.policy.code !== props.fields.code) return { status: "codeChanged" };
    }
    return applyPolicy(db, { input: props.fields, by: props.by, nowIso: props.now.toISOString() });
  });
}

export type RetireOutcome = { status: "retired" | "reinstated" | "unchanged" } | { status: "notFound" };

/** 停用 / 恢复: a retired policy is not computed any more; its lines stay as they are. */
export function policyRetirer(deps: { db: Db }, props: { policyId: number; retire: boolean; by: ChangeAuthor; now: Date }): RetireOutcome {
  const { db } = deps;
  return db.transaction((tx) => {
    const found = policyWithVersions(db, props.policyId);
    if (!found) return { status: "notFound" } as const;
    const at = props.now.toISOString();
    const label = "userId" in props.by ? props.by.login : props.by.label;
    const changed = props.retire ? retirePolicyRow(db, props.policyId, at, label) : reinstatePolicyRow(db, props.policyId, at);
    if (!changed) return { status: "unchanged" } as const;
    recordChange(tx, props.by, {
      at: props.now,
      action: "update",
      entity: "subsidy-policy",
      entityId: props.policyId,
      before: { code: found.policy.code, retiredAt: found.policy.retiredAt },
      after: { code: found.policy.code, retiredAt: props.retire ? at : null },
    });
    return { status: props.retire ? "retired" : "reinstated" } as const;
  });
}
