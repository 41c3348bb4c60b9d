/**
 * 补贴政策: the list of policies, the form that creates or edits one (what was typed kept, the
 * problem beside each field), one policy with its versions, the compute form and its runs, and a
 * compute job's page (a fragment htmx polls; without JavaScript the page refreshes itself).
 */
import type { PolicyRow, PolicyVersionRow } from "../../../db/queries/subsidies.ts";
import { chinaTime } from "../../../src/core/china-time.ts";
import { yuanText } from "../../../src/core/subsidies/ledger.ts";
import { SUBSIDY_KINDS } from "../../../src/core/subsidies/policy.ts";
import type { ComputeJobView } from "../../../src/jobs/subsidy-compute-jobs.ts";
import type { PolicyForm, PolicyFormField } from "../../../src/use-cases/subsidy-policies-edit.ts";
import { CsrfField } from "../../components/csrf-field.tsx";
import { DataTable, num } from "../../components/data-table.tsx";
import { FormError } from "../../components/form-error.tsx";
import { Notice, SelectField, TextField } from "../../components/form-field.tsx";
import { messages } from "../../messages.ts";
import { BureauPage } from "./bureau-page.tsx";
import { authorText } from "../../format.ts";

const m = messages.subsidyPolicies;
const s = messages.subsidies.page;

export const POLICIES_PATH = "/bureau/subsidy-policies";

function ruleText(v: PolicyVersionRow): string {
  return s.ruleText(yuanText(v.amountFen), v.minMonths, v.maxMonthsPerPerson, v.ageLimit, v.onePerHousehold);
}

export function PolicyListPage(props: { policies: { policy: PolicyRow; version: PolicyVersionRow; lines: number }[]; notice?: string | undefined }) {
  return (
    <BureauPage title={m.title} intro={m.intro} wide>
      <Notice text={props.notice} kind="done" />
      <p>
        <a class="button" href={`${POLICIES_PATH}/new`}>
          {m.newPolicy}
        </a>
      </p>
      {props.policies.length === 0 ? (
        <p class="empty">{m.none}</p>
      ) : (
        <DataTable class="subsidy-policies" columns={[m.code, m.name, m.kind, m.rule, m.version, m.validity, m.fundSource, num(m.lines), m.state]}>
          {props.policies.map(({ policy, version, lines }) => (
            <tr>
              <td>
                <a href={`${POLICIES_PATH}/${policy.id}`}>{policy.code}</a>
              </td>
              <td>{policy.name}</td>
              <td>{policy.kind}</td>
              <td>{ruleText(version)}</td>
              <td>{s.version(version.version)}</td>
              <td>{s.validity(version.startDate, version.endDate)}</td>
              <td>{version.fundSource ?? "—"}</td>
              <td class="num">{lines}</td>
              <td>{policy.retiredAt ? m.retired(chinaTime(policy.retiredAt), policy.retiredByLabel && authorText(policy.retiredByLabel)) : m.active}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </BureauPage>
  );
}

export interface PolicyFormPageProps {
  /** The policy being edited; undefined for a new one. */
  policy?: { id: number; code: string; kind: string } | undefined;
  values: PolicyForm;
  errors?: Partial<Record<PolicyFormField, string>> | undefined;
  error?: string | undefined;
}

export function PolicyFormPage(props: PolicyFormPageProps) {
  const editing = props.policy !== undefined;
  const f = m.fields;
  const e = props.errors ?? {};
  const v = props.values;
  const action = editing ? `${POLICIES_PATH}/${props.policy!.id}/edit` : `${POLICIES_PATH}/new`;
  const hasErrors = Object.keys(e).length > 0;
  return (
    <BureauPage title={editing ? m.editTitle(props.policy!.code) : m.newTitle} intro={m.formIntro}>
      <FormError error={props.error ?? (hasErrors ? m.fixBelow : undefined)} />
      <form method="post" action={action} class="policy-form">
        <CsrfField />
        {editing ? (
          <>
            <input type="hidden" name="code" value={v.code} />
            <input type="hidden" name="kind" value={v.kind} />
            <p>
              {f.code}：{v.code}；{f.kind}：{v.kind}。{m.kindFixed}
            </p>
          </>
        ) : (
          <>
            <TextField name="code" label={f.code} value={v.code} error={e.code} required />
            <SelectField name="kind" label={f.kind} value={v.kind} error={e.kind} options={[["", "—"], ...SUBSIDY_KINDS.map((k) => [k, k] as const)]} />
          </>
        )}
        <TextField name="name" label={f.name} value={v.name} error={e.name} required />
        <TextField name="amount" label={f.amount} value={v.amount} error={e.amount} inputmode="decimal" required />
        <TextField name="minMonths" label={f.minMonths} value={v.minMonths} error={e.minMonths} inputmode="numeric" />
        <TextField name="maxMonths" label={f.maxMonths} value={v.maxMonths} error={e.maxMonths} inputmode="numeric" />
        <TextField name="ageLimit" label={f.ageLimit} value={v.ageLimit} error={e.ageLimit} inputmode="numeric" />
        <SelectField
          name="onePerHousehold"
          label={f.onePerHousehold}
          value={v.onePerHousehold === "" ? "否" : v.onePerHousehold}
          error={e.onePerHousehold}
          options={[
            ["否", m.no],
            ["是", m.yes],
          ]}
        />
        <TextField name="startDate" label={f.startDate} value={v.startDate} error={e.startDate} type="date" required />
        <TextField name="endDate" label={f.endDate} value={v.endDate} error={e.endDate} type="date" />
        <TextField name="fundSource" label={f.fundSource} value={v.fundSource} error={e.fundSource} />
        <p>
          <button type="submit">{m.save}</button> <a href={editing ? `${POLICIES_PATH}/${props.policy!.id}` : POLICIES_PATH}>{m.cancel}</a>
        </p>
      </form>
    </BureauPage>
  );
}

export interface PolicyDetailProps {
  policy: PolicyRow;
  versions: (PolicyVersionRow & { lines: number })[];
  jobs: ComputeJobView[];
  /** The newest finished run's differences, for a person to act on. */
  latest?: ComputeJobView | undefined;
  notice?: string | undefined;
  computeError?: string | undefined;
  period?: string | undefined;
}

export function PolicyDetailPage(props: PolicyDetailProps) {
  const p = props.policy;
  const current = props.versions[0]!;
  return (
    <BureauPage wide title={m.detailTitle(p.code, p.name)} intro={`${p.kind} · ${ruleText(current)} · ${s.validity(current.startDate, current.endDate)}`}>
      <p>
        <a href={POLICIES_PATH}>{m.back}</a>
      </p>
      <Notice text={props.notice} kind="done" />
      <p>
        {p.retiredAt ? m.retired(chinaTime(p.retiredAt), p.retiredByLabel && authorText(p.retiredByLabel)) : m.active}
        {" · "}
        {m.fundSource}：{current.fundSource ?? "—"}
      </p>
      <form method="post" action={`${POLICIES_PATH}/${p.id}/${p.retiredAt ? "reinstate" : "retire"}`} class="inline-form">
        <CsrfField />
        <a class="button" href={`${POLICIES_PATH}/${p.id}/edit`}>
          {m.edit}
        </a>{" "}
        <button type="submit">{p.retiredAt ? m.reinstate : m.retire}</button>
      </form>

      <h2>{m.compute}</h2>
      {p.retiredAt ? (
        <p>{m.retiredNote}</p>
      ) : (
        <form method="post" action={`${POLICIES_PATH}/${p.id}/compute`} class="stats-form">
          <CsrfField />
          <p>{m.computeIntro(p.kind)}</p>
          <FormError error={props.computeError} />
          <label>
            {m.period}
            <input
              type="text"
              name="period"
              value={props.period ?? ""}
              placeholder={m.periodHint(p.kind)}
              inputmode="numeric"
              maxlength={7}
              aria-invalid={props.computeError ? "true" : undefined}
            />
          </label>
          <button type="submit">{m.start}</button>
        </form>
      )}

      {props.latest ? <JobResult job={props.latest} /> : null}

      <h2>{m.jobs}</h2>
      {props.jobs.length === 0 ? (
        <p class="empty">{m.noJobs}</p>
      ) : (
        <DataTable columns={[m.at, m.period, m.by, m.status, ""]}>
          {props.jobs.map((j) => (
            <tr>
              <td>{chinaTime(j.startedAt)}</td>
              <td>{j.period}</td>
              <td>{authorText(j.byLabel)}</td>
              <td>{j.status === "done" && j.outcome === "done" ? m.result(j.version, j.added, j.unchanged, j.differences.length) : jobStatusText(j)}</td>
              <td>
                <a href={`${POLICIES_PATH}/jobs/${j.publicId}`}>{m.viewJob}</a>
              </td>
            </tr>
          ))}
        </DataTable>
      )}

      <h2>{m.versions}</h2>
      <DataTable class="policy-versions" columns={[m.version, m.versionRule, m.validity, m.fundSource, m.savedBy, m.savedAt, num(m.versionLines)]}>
        {props.versions.map((v) => (
          <tr>
            <td>{s.version(v.version)}</td>
            <td>{ruleText(v)}</td>
            <td>{s.validity(v.startDate, v.endDate)}</td>
            <td>{v.fundSource ?? "—"}</td>
            <td>{authorText(v.createdByLabel)}</td>
            <td>{chinaTime(v.createdAt)}</td>
            <td class="num">{v.lines}</td>
          </tr>
        ))}
      </DataTable>
    </BureauPage>
  );
}

/** What a run that ended says: its counts, or the problem it met. */
function jobStatusText(j: ComputeJobView): string {
  if (j.status !== "done") return m.jobStatus[j.status];
  if (j.outcome === "done") return m.result(j.version, j.added, j.unchanged, j.differences.length);
  return `${m.outcomeProblem}${outcomeText(j)}`;
}

function outcomeText(j: ComputeJobView): string {
  const t = messages.subsidies;
  switch (j.outcome) {
    case "unknownPolicy":
      return t.unknownPolicy(j.policyCode);
    case "retired":
      return t.retiredPolicy(j.policyCode);
    case "badPeriod":
      return t.badPeriod(j.period);
    case "wrongPeriodType":
      return t.wrongPeriodType(j.kind, j.period);
    case "notEnded":
      return t.notEnded(j.period);
    case "outsideValidity":
      return t.outsideValidity(j.period, "", null);
    default:
      return m.jobStatus.failed;
  }
}

/** A finished run: counts and the differences to act on, each linked to its line's trail. */
/** Work the compute could not count yet: placements awaiting the bureau's confirmation, hires of people not in the registry. */
export interface UnconfirmedWork {
  placements: number;
  pendingHires: number;
}

export function JobResult(props: { job: ComputeJobView; unconfirmed?: UnconfirmedWork | undefined }) {
  const j = props.job;
  const u = props.unconfirmed;
  return (
    <section class="compute-result">
      <h2>
        {m.jobTitle(j.policyCode, j.period)}：{jobStatusText(j)}
      </h2>
      {j.status === "done" && j.outcome === "done" ? (
        <>
          <p>
            <a href={`/bureau/subsidies?policy=${encodeURIComponent(j.policyCode)}&period=${encodeURIComponent(j.period)}`}>{m.toLines}</a>
          </p>
          {j.keptRejected > 0 ? <p>{m.keptRejected(j.keptRejected)}</p> : null}
          {u && u.placements + u.pendingHires > 0 ? (
            <p class="compute-unconfirmed">
              {m.computeUnconfirmed(u.placements, u.pendingHires)} <a href="/bureau/confirmations">{m.toConfirmations}</a>
            </p>
          ) : null}
          <h3>{m.differences}</h3>
          {j.differences.length === 0 ? (
            <p class="empty">{m.noDifferences}</p>
          ) : (
            <>
              <p>{m.differencesIntro}</p>
              <DataTable class="subsidy-differences" columns={[m.line, m.what, m.who, m.employer, m.lineStatus, m.monthsBefore, m.monthsNow]}>
                {j.differences.map((d) => (
                  <tr>
                    <td>
                      <a href={`/bureau/subsidies/${d.lineId}`}>#{d.lineId}</a>
                    </td>
                    <td>{m.difference[d.kind]}</td>
                    <td>
                      {d.workerName} {d.workerIdMasked}
                    </td>
                    <td>{d.employerCode ?? "—"}</td>
                    <td>{messages.subsidies.lineStatus(d.status, d.reversalStatus)}</td>
                    <td>{d.monthsBefore.join("、") || messages.subsidies.noMonths}</td>
                    <td>{d.monthsNow === null ? "—" : d.monthsNow.join("、") || messages.subsidies.noMonths}</td>
                  </tr>
                ))}
              </DataTable>
            </>
          )}
        </>
      ) : null}
    </section>
  );
}

/** The job's area: a bar while it runs (polled), then its result. */
export function ComputeJobFragment(props: { job: ComputeJobView; href: string; unconfirmed?: UnconfirmedWork | undefined }) {
  const j = props.job;
  if (j.status === "running") {
    return (
      <div id="compute-progress" class="import-progress" hx-get={props.href} hx-trigger="every 1s" hx-target="this" hx-swap="outerHTML" aria-live="polite">
        <noscript>
          <meta http-equiv="refresh" content="2" />
        </noscript>
        <p>{j.stage === 0 ? m.queued : j.stage === 2 ? m.writing(j.policyCode, j.period) : m.computing(j.policyCode, j.period)}</p>
        {j.householdsTotal !== null && j.householdsTotal > 0 ? (
          <>
            <progress max={j.householdsTotal} value={j.householdsDone}>
              {m.progress(j.householdsDone, j.householdsTotal)}
            </progress>
            <p class="progress-count">{m.progress(j.householdsDone, j.householdsTotal)}</p>
          </>
        ) : (
          <progress max={1} value={0}></progress>
        )}
        <p>
          <a href={props.href}>{m.refresh}</a>
        </p>
      </div>
    );
  }
  return (
    <div id="compute-progress">
      <JobResult job={j} unconfirmed={props.unconfirmed} />
    </div>
  );
}

export function ComputeJobPage(props: { job: ComputeJobView; href: string; policyId: number | undefined; unconfirmed?: UnconfirmedWork | undefined }) {
  return (
    <BureauPage wide title={m.jobTitle(props.job.policyCode, props.job.period)} intro={`${props.job.policyName} · ${authorText(props.job.byLabel)} · ${chinaTime(props.job.startedAt)}`}>
      <p>
        <a href={props.policyId === undefined ? POLICIES_PATH : `${POLICIES_PATH}/${props.policyId}`}>{m.back}</a>
      </p>
      <ComputeJobFragment job={props.job} href={props.href} unconfirmed={props.unconfirmed} />
    </BureauPage>
  );
}
