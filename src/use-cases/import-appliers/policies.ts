/**
 * Applies a `policies` row (key 编号, issue 12): creates the policy, renames it, or saves a changed
 * rule as its next version (lines keep the version they came from) — through the one write path
 * of src/use-cases/subsidies-policies.ts, inside the row's savepoint.
 */
import type { PolicyFields } from "../../core/subsidies/policy.ts";
import { messages } from "../../../views/messages.ts";
import { applyPolicy } from "../subsidies-policies.ts";
import type { ApplierContext, RowChange } from "./context.ts";

export function policiesApplier(ctx: ApplierContext): (rec: PolicyFields) => RowChange {
  return (rec) => {
    const outcome = applyPolicy(ctx.db, { input: rec, by: ctx.by, nowIso: null });
    switch (outcome.status) {
      case "kindChanged":
        return ctx.reject("类型", messages.subsidies.reasons.kindChanged(outcome.kind));
      case "invalid":
        // The format's parse checks the same rules (policyProblems); a row reaching here is a bug.
        throw new Error(`policy row passed parsing but not the policy checks: ${JSON.stringify(outcome.problems)}`);
      case "created":
      case "unchanged":
        return outcome.status;
      default:
        return "updated";
    }
  };
}
