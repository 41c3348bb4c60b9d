/**
 * Policies as data: create a policy, or save a changed one as a new version (a changed rule
 * applies to periods computed afterwards; lines keep the version they came from). A policy keeps
 * its kind: another kind is another policy. One transaction with its audit row.
 */
import type { Db } from "../../db/client.ts";
import { insertPolicy, insertPolicyVersion, policyByCode, renamePolicy, type PolicyVersionRow } from "../../db/queries/subsidies.ts";
import { policyProblems, type PolicyFields, type PolicyProblem, type SubsidyKind } from "../core/subsidies/policy.ts";
import { authorUserId, recordChange, type ChangeAuthor } from "./audit-trail.ts";

export type PolicyInput = PolicyFields;

export type SavePolicyOutcome =
  | { status: "created" | "versioned" | "renamed" | "unchanged"; policyId: number; version: number }
  | { status: "kindChanged"; kind: SubsidyKind }
  | { status: "invalid"; problems: PolicyProblem[] };

const RULE_FIELDS = ["amountFen", "minMonths", "maxMonthsPerPerson", "ageLimit", "onePerHousehold", "startDate", "endDate", "fundSource"] as const;

function ruleOfInput(input: PolicyInput): Pick<PolicyVersionRow, (typeof RULE_FIELDS)[number]> {
  return {
    amountFen: input.amountFen,
    minMonths: input.minMonths,
    maxMonthsPerPerson: input.maxMonthsPerPerson,
    ageLimit: input.ageLimit,
    onePerHousehold: input.onePerHousehold,
    startDate: input.startDate,
    endDate: input.endDate,
    fundSource: input.fundSource,
  };
}

export function savePolicy(deps: { db: Db }, props: { input: PolicyInput; by: ChangeAuthor; now: Date }): SavePolicyOutcome {
  return deps.db.transaction(() => applyPolicy(deps.db, { ...props, nowIso: props.now.toISOString() }));
}

/**
 * The write of savePolicy inside the caller's transaction (the spreadsheet import runs each row in
 * its own savepoint). `nowIso` null: the database's clock stamps the rows (the import has no
 * instant of its own).
 */
export function applyPolicy(db: Db, props: { input: PolicyInput; by: ChangeAuthor; nowIso: string | null }): SavePolicyOutcome {
  const problems = policyProblems({ ...ruleOfInput(props.input), kind: props.input.kind });
  if (problems.length > 0) return { status: "invalid", problems };
  const stamp = props.nowIso === null ? {} : { createdAt: props.nowIso };
  const now = props.nowIso ?? undefined;
  const at = props.nowIso === null ? undefined : new Date(props.nowIso);
  const by = { createdByUserId: authorUserId(props.by), createdByLabel: "userId" in props.by ? props.by.login : props.by.label };
  const found = policyByCode(db, props.input.code);
  const rule = ruleOfInput(props.input);
  if (!found) {
    const policy = insertPolicy(db, { code: props.input.code, name: props.input.name, kind: props.input.kind, now });
    const version = insertPolicyVersion(db, { policyId: policy.id, version: 1, ...rule, ...by, ...stamp });
    recordChange(db, props.by, { at, action: "create", entity: "subsidy-policy", entityId: policy.id, after: { ...policy, version: version.version, ...rule } });
    return { status: "created", policyId: policy.id, version: 1 } as const;
  }
  const { policy, version } = found;
  if (policy.kind !== props.input.kind) return { status: "kindChanged", kind: policy.kind } as const;
  const ruleChanged = RULE_FIELDS.some((f) => version[f] !== rule[f]);
  const renamed = policy.name !== props.input.name;
  if (!ruleChanged && !renamed) return { status: "unchanged", policyId: policy.id, version: version.version } as const;
  if (renamed) renamePolicy(db, policy.id, props.input.name, now);
  let current = version.version;
  if (ruleChanged) current = insertPolicyVersion(db, { policyId: policy.id, version: version.version + 1, ...rule, ...by, ...stamp }).version;
  recordChange(db, props.by, {
    at,
    action: "update",
    entity: "subsidy-policy",
    entityId: policy.id,
    before: { name: policy.name, version: version.version, ...Object.fromEntries(RULE_FIELDS.map((f) => [f, version[f]])) },
    after: { name: props.input.name, version: current, ...rule },
  });
  return { status: ruleChanged ? "versioned" : "renamed", policyId: policy.id, version: current } as const;
}
