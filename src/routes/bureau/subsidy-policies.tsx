/**
 * 补贴政策 for county staff (issue 12): list, create, edit (a changed rule is the policy's next
 * version), retire and reinstate; compute a period from the page — the same use-case as
 * `npm run subsidies -- compute`, run as a job whose page htmx polls (a refresh link without
 * JavaScript) — and the run's differences to act on. Parse → one use-case → render; a refused
 * form is 422 with each problem beside its field and what was typed kept.
 * Mounted at /bureau/subsidy-policies by the bureau area (index.ts).
 */
import { Hono, type Context } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import { COUNTY_STAFF_ROLES } from "../../core/policy.ts";
import { authorOf, requireRole } from "../../http/guards.tsx";
import { wantsFragment } from "../../http/htmx.ts";
import { createComputeJobs, type StartComputeOutcome } from "../../jobs/subsidy-compute-jobs.ts";
import { formOfPolicy, parsePolicyForm, policyEditor, policyRetirer, POLICY_FORM_FIELDS, type PolicyForm } from "../../use-cases/subsidy-policies-edit.ts";
import { unconfirmedWork } from "../../use-cases/subsidy-figures-view.ts";
import { subsidyComputeJob, subsidyPolicyDetail, subsidyPolicyList } from "../../use-cases/subsidy-policies-view.ts";
import {
  ComputeJobFragment,
  ComputeJobPage,
  PolicyDetailPage,
  PolicyFormPage,
  PolicyListPage,
  POLICIES_PATH,
} from "../../../views/pages/bureau/subsidy-policies.tsx";
import { messages } from "../../../views/messages.ts";

const m = messages.subsidyPolicies;
const EMPTY_FORM = Object.fromEntries(POLICY_FORM_FIELDS.map((f) => [f, ""])) as PolicyForm;

async function formOf(c: Context): Promise<PolicyForm> {
  const body = await c.req.parseBody();
  return Object.fromEntries(POLICY_FORM_FIELDS.map((f) => [f, typeof body[f] === "string" ? (body[f] as string).slice(0, 200) : ""])) as PolicyForm;
}

/** The Chinese sentence for a compute the page refused to start. */
function startProblem(outcome: Exclude<StartComputeOutcome, { status: "started" }>, code: string, kind: string, period: string): string {
  const t = messages.subsidies;
  switch (outcome.status) {
    case "unknownPolicy":
      return t.unknownPolicy(code);
    case "retired":
      return t.retiredPolicy(code);
    case "alreadyRunning":
      return m.alreadyRunning;
    case "badPeriod":
      return t.badPeriod(period);
    case "wrongPeriodType":
      return t.wrongPeriodType(kind, period);
    case "notEnded":
      return t.notEnded(period);
    case "outsideValidity":
      return t.outsideValidity(period, outcome.startDate, outcome.endDate);
  }
}

export function bureauSubsidyPolicies(deps: AppDeps): Hono {
  const app = new Hono();
  const jobs = createComputeJobs({ db: deps.db, protector: deps.protector, log: deps.log, now: deps.now });
  app.use("*", requireRole(...COUNTY_STAFF_ROLES));

  const idOf = (c: Context) => Number(c.req.param("id"));

  const detailPage = (c: Context, id: number, extra: { notice?: string; computeError?: string; period?: string } = {}, status: 200 | 422 = 200) => {
    const detail = subsidyPolicyDetail(deps, id);
    if (!detail) return c.notFound();
    return c.html(<PolicyDetailPage policy={detail.policy} versions={detail.versions} jobs={detail.jobs} latest={detail.latest} {...extra} />, status);
  };

  app.get("/", (c) => {
    const saved = c.req.query("saved");
    return c.html(<PolicyListPage policies={subsidyPolicyList(deps)} notice={saved === "created" ? m.saved.created : undefined} />);
  });

  app.get("/new", (c) => c.html(<PolicyFormPage values={EMPTY_FORM} />));

  app.post("/new", async (c) => {
    const form = await formOf(c);
    const parsed = parsePolicyForm(form, deps.today());
    if (!parsed.ok) return c.html(<PolicyFormPage values={form} errors={parsed.errors} />, 422);
    const outcome = policyEditor(deps, { fields: parsed.fields, by: authorOf(c), now: deps.now() });
    switch (outcome.status) {
      case "codeTaken":
        return c.html(<PolicyFormPage values={form} errors={{ code: m.codeTaken }} />, 422);
      case "created":
        return c.redirect(`${POLICIES_PATH}/${outcome.policyId}?saved=created`, 303);
      default:
        // Nothing else can come of a new code (the checks ran above).
        return c.html(<PolicyFormPage values={form} error={m.fixBelow} />, 422);
    }
  });

  app.get("/:id{[0-9]+}", (c) => {
    const saved = c.req.query("saved");
    const notice =
      saved === "created" || saved === "renamed" || saved === "unchanged" || saved === "retired" || saved === "reinstated"
        ? m.saved[saved]
        : saved?.startsWith("v")
          ? m.saved.versioned(Number(saved.slice(1)) || 0)
          : undefined;
    return detailPage(c, idOf(c), notice ? { notice } : {});
  });

  app.get("/:id{[0-9]+}/edit", (c) => {
    const detail = subsidyPolicyDetail(deps, idOf(c));
    if (!detail) return c.notFound();
    return c.html(<PolicyFormPage policy={detail.policy} values={formOfPolicy(detail.fields)} />);
  });

  app.post("/:id{[0-9]+}/edit", async (c) => {
    const detail = subsidyPolicyDetail(deps, idOf(c));
    if (!detail) return c.notFound();
    // Code and kind are the stored ones whatever the form says: they never change.
    const form = { ...(await formOf(c)), code: detail.policy.code, kind: detail.policy.kind };
    const parsed = parsePolicyForm(form, deps.today());
    if (!parsed.ok) return c.html(<PolicyFormPage policy={detail.policy} values={form} errors={parsed.errors} />, 422);
    const outcome = policyEditor(deps, { policyId: detail.policy.id, fields: parsed.fields, by: authorOf(c), now: deps.now() });
    switch (outcome.status) {
      case "versioned":
        return c.redirect(`${POLICIES_PATH}/${detail.policy.id}?saved=v${outcome.version}`, 303);
      case "renamed":
      case "unchanged":
        return c.redirect(`${POLICIES_PATH}/${detail.policy.id}?saved=${outcome.status}`, 303);
      case "notFound":
        return c.notFound();
      case "kindChanged":
        return c.html(<PolicyFormPage policy={detail.policy} values={form} error={m.kindChanged(outcome.kind)} />, 422);
      default:
        return c.html(<PolicyFormPage policy={detail.policy} values={form} error={m.codeChanged} />, 422);
    }
  });

  for (const [path, retire] of [
    ["retire", true],
    ["reinstate", false],
  ] as const) {
    app.post(`/:id{[0-9]+}/${path}`, (c) => {
      const outcome = policyRetirer(deps, { policyId: idOf(c), retire, by: authorOf(c), now: deps.now() });
      if (outcome.status === "notFound") return c.notFound();
      return c.redirect(`${POLICIES_PATH}/${idOf(c)}?saved=${outcome.status === "unchanged" ? "unchanged" : outcome.status}`, 303);
    });
  }

  app.post("/:id{[0-9]+}/compute", async (c) => {
    const detail = subsidyPolicyDetail(deps, idOf(c));
    if (!detail) return c.notFound();
    const body = await c.req.parseBody();
    const period = typeof body.period === "string" ? body.period.trim().slice(0, 20) : "";
    const outcome = jobs.start({ policyCode: detail.policy.code, period, by: authorOf(c) });
    if (outcome.status === "started" || outcome.status === "alreadyRunning") return c.redirect(`${POLICIES_PATH}/jobs/${outcome.publicId}`, 303);
    return detailPage(c, detail.policy.id, { computeError: startProblem(outcome, detail.policy.code, detail.policy.kind, period), period }, 422);
  });

  app.get("/jobs/:publicId{[A-Za-z0-9_-]{1,40}}", (c) => {
    const found = subsidyComputeJob(deps, c.req.param("publicId"));
    if (!found) return c.notFound();
    const href = `${POLICIES_PATH}/jobs/${found.job.publicId}`;
    // Said once the run is over (not on every poll while it runs).
    const unconfirmed = found.job.status === "done" ? unconfirmedWork(deps) : undefined;
    if (wantsFragment(c, "compute-progress")) return c.html(<ComputeJobFragment job={found.job} href={href} unconfirmed={unconfirmed} />);
    return c.html(<ComputeJobPage job={found.job} href={href} policyId={found.policyId} unconfirmed={unconfirmed} />);
  });

  return app;
}
