/**
 * `npm run subsidies -- compute --policy <编号> --period <YYYY | YYYY-MM>` computes the subsidy
 * lines of one policy for one period (docs/contract.md, "Commands"): prints lines added,
 * unchanged and the differences a person must act on. Computing again adds nothing new.
 * Exit codes: 0 done; 2 bad usage, unknown (or retired) policy, a period that does not fit the
 * policy or has not ended yet.
 */
import { parseArgs } from "node:util";
import { systemClock } from "../src/clock.ts";
import { loadPersonalDataProtector } from "../src/security/personal-data.ts";
import { computeAndRecord } from "../src/use-cases/subsidy-compute-runs.ts";
import type { ComputeOutcome } from "../src/use-cases/subsidies-compute.ts";
import { countyProvinceFor } from "../src/use-cases/subsidies-settings.ts";
import { messages } from "../views/messages.ts";
import { dataDirFromEnv, EXIT_USAGE, fail, openDataDirDatabase } from "./cli-support.ts";

const t = messages.subsidies;

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { policy: { type: "string" }, period: { type: "string" } } });
  } catch (error) {
    fail(`${(error as Error).message}\n${t.usage}`, EXIT_USAGE);
  }
  const { policy, period } = parsed.values;
  if (parsed.positionals.length !== 1 || parsed.positionals[0] !== "compute" || !policy || !period) fail(t.usage, EXIT_USAGE);

  const dataDir = dataDirFromEnv();
  const db = openDataDirDatabase(dataDir);
  try {
    // Recorded as an ended compute job, so the policy's page lists it beside the page's own.
    const outcome = computeAndRecord(
      { db, protector: loadPersonalDataProtector(dataDir), now: systemClock },
      { policyCode: policy.trim(), period: period.trim(), countyProvince: countyProvinceFor({ db }), by: { label: "cli:subsidies" } },
    );
    if (outcome.status !== "done") fail(refusal(outcome, policy.trim(), period.trim()), EXIT_USAGE);
    const out: string[] = [
      t.computed(outcome.policy.code, outcome.policy.name, outcome.policy.version, outcome.period),
      t.summary(outcome.addedIds.length, outcome.unchanged, outcome.differences.length),
    ];
    if (outcome.keptRejected > 0) out.push(t.keptRejected(outcome.keptRejected));
    const months = (list: string[]) => (list.length > 0 ? list.join("、") : t.noMonths);
    for (const d of outcome.differences) {
      const who = t.who(d.workerName, d.workerIdMasked, d.employerCode);
      const status = t.lineStatus(d.status, d.reversalStatus);
      if (d.kind === "noLongerEligible") out.push(t.noLongerEligible(d.lineId, who, status, months(d.monthsBefore)));
      else if (d.kind === "factsChanged") out.push(t.factsChanged(d.lineId, who, status, months(d.monthsBefore), months(d.monthsNow ?? [])));
      else out.push(t.rejectedFactsChanged(d.lineId, who, months(d.monthsBefore), months(d.monthsNow ?? [])));
    }
    process.stdout.write(out.join("\n") + "\n");
    return 0;
  } finally {
    db.$client.close();
  }
}

function refusal(outcome: Exclude<ComputeOutcome, { status: "done" }>, policy: string, period: string): string {
  switch (outcome.status) {
    case "unknownPolicy":
      return t.unknownPolicy(policy);
    case "retired":
      return t.retiredPolicy(policy);
    case "badPeriod":
      return t.badPeriod(period);
    case "wrongPeriodType":
      return t.wrongPeriodType(outcome.kind, period);
    case "notEnded":
      return t.notEnded(period);
    case "outsideValidity":
      return t.outsideValidity(period, outcome.startDate, outcome.endDate);
  }
}

process.exitCode = main(process.argv.slice(2));
