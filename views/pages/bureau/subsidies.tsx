/**
 * 补贴明细: the review list (filters, ticked or filtered bulk actions for county staff, read-only
 * for a town cadre) and one line's whole trail with its workflow actions.
 */
import type { Child } from "hono/jsx";
import type { lineDetail } from "../../../db/queries/subsidies.ts";
import type { WorkflowLineRow } from "../../../db/queries/subsidy-workflow.ts";
import type { lineWorkflow } from "../../../src/use-cases/subsidy-workflow-view.ts";
import { WORKFLOW_STAGES, isWithdrawable, type WorkflowStage } from "../../../src/core/subsidies/workflow.ts";
import { CsrfField } from "../../components/csrf-field.tsx";
import { chinaTime } from "../../../src/core/china-time.ts";
import { yuanText } from "../../../src/core/subsidies/ledger.ts";
import { coveredMonthsOf, type LineSnapshot } from "../../../src/core/subsidies/reconcile.ts";
import { DataTable, num } from "../../components/data-table.tsx";
import { SelectFilter } from "../../components/filter-fields.tsx";
import { FormError } from "../../components/form-error.tsx";
import { Pager } from "../../components/pager.tsx";
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";
import { BureauPage } from "./bureau-page.tsx";
import { BureauNav } from "./bureau-nav.tsx";
import { authorText } from "../../format.ts";

const m = messages.subsidies.page;
const w = messages.subsidyWorkflow;
const ml = messages.subsidyLedger;

function snapshotOf(row: { snapshot: string }): Partial<LineSnapshot> {
  try {
    return JSON.parse(row.snapshot) as Partial<LineSnapshot>;
  } catch {
    return {};
  }
}

/** Counted months in a list cell: one month as is, several as their number and span. */
function monthsShort(months: string[]): string {
  if (months.length <= 1) return months[0] ?? "";
  return w.monthsSpan(months.length, months[0]!, months.at(-1)!);
}

function payee(row: Pick<WorkflowLineRow, "employerCode" | "employerName" | "workerName">): string {
  return row.employerCode ? `${row.employerName ?? ""}（${row.employerCode}）` : row.workerName;
}

export interface LineFilterValues {
  policy?: string | undefined;
  town?: string | undefined;
  period?: string | undefined;
  status?: string | undefined;
}

/** The filter as hidden fields, so a bulk action acts on what the list shows. */
function FilterFields(props: { filter: LineFilterValues }) {
  return (
    <>
      {(["policy", "town", "period", "status"] as const).map((k) => (props.filter[k] ? <input type="hidden" name={k} value={props.filter[k]} /> : null))}
    </>
  );
}

export function SubsidyLinesPage(props: {
  policies: { code: string; name: string }[];
  towns: { id: number; name: string }[];
  filter: LineFilterValues;
  error?: string | undefined;
  notice?: string | undefined;
  rows: (WorkflowLineRow & { stage: WorkflowStage })[];
  total: number;
  amountFen: number;
  /** County staff act on lines; a town cadre reads their town's. */
  canAct: boolean;
  previousHref?: string | undefined;
  nextHref?: string | undefined;
}) {
  const table = (
    <DataTable class="subsidy-lines" columns={[...(props.canAct ? [w.select] : []), m.line, m.policy, m.period, m.payee, m.worker, m.place, m.months, num(m.amount), w.stage]}>
      {props.rows.map((row) => (
        <tr>
          {props.canAct ? (
            <td>
              <input type="checkbox" name="ids" value={String(row.id)} form="line-actions" aria-label={w.selectLine(row.id)} />
            </td>
          ) : null}
          <td>
            <a href={`/bureau/subsidies/${row.id}`}>#{row.id}</a>
            {row.reversesLineId !== null ? <small> {m.reversal(row.reversesLineId)}</small> : null}
          </td>
          <td>{row.policyCode}</td>
          <td>{row.period}</td>
          <td>{payee(row)}</td>
          <td>
            {row.workerName} {row.workerIdMasked}
          </td>
          <td class="wraps">
            {row.town}
            {row.village}
          </td>
          <td class="wraps">{monthsShort((snapshotOf(row).countedMonths ?? []).map((x) => x.month))}</td>
          <td class="num">{yuanText(row.amountFen)}</td>
          <td class={`stage stage-${WORKFLOW_STAGES.indexOf(row.stage)}`}>{w.stageText[row.stage] ?? row.stage}</td>
        </tr>
      ))}
    </DataTable>
  );
  return (
    <BureauPage title={m.title} intro={props.canAct ? m.intro : w.readOnly} wide>
      {props.canAct ? (
        <p class="subsidy-links">
          <a href="/bureau/subsidies/notices">{w.notices}</a> <a href="/bureau/subsidies/batches">{w.batches}</a>
        </p>
      ) : null}
      <form class="stats-form" method="get" action="/bureau/subsidies">
        <SelectFilter
          label={m.policy}
          name="policy"
          any={m.allPolicies}
          options={props.policies.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))}
          selected={props.filter.policy}
        />
        {props.canAct ? <SelectFilter label={w.town} name="town" any={w.allTowns} options={props.towns.map((t) => t.name)} selected={props.filter.town} /> : null}
        <label>
          {m.period}
          <input type="text" name="period" value={props.filter.period ?? ""} placeholder={m.periodHint} inputmode="numeric" maxlength={7} />
        </label>
        <SelectFilter label={w.stage} name="status" any={w.allStages} options={WORKFLOW_STAGES.map((s) => ({ value: s, label: w.stageText[s] ?? s }))} selected={props.filter.status} />
        <button type="submit">{m.filter}</button>
      </form>
      <FormError error={props.error} />
      {props.notice ? <p class="notice" role="status">{props.notice}</p> : null}
      <p class="count">{(props.filter.status ? m.count : m.countAllStages)(props.total, yuanText(props.amountFen))}</p>
      {props.rows.length === 0 ? <p class="empty">{m.none}</p> : table}
      <Pager previousHref={props.previousHref} nextHref={props.nextHref} />
      {props.canAct && props.total > 0 ? (
        <section class="line-actions">
          <h2>{w.actionsTitle}</h2>
          <p>{w.actionsIntro}</p>
          <form id="line-actions" method="post" action="/bureau/subsidies/actions">
            <CsrfField />
            <FilterFields filter={props.filter} />
            <fieldset>
              <legend>{w.scope}</legend>
              <label>
                <input type="radio" name="scope" value="ticked" checked /> {w.scopeTicked}
              </label>
              <label>
                <input type="radio" name="scope" value="all" /> {w.scopeAll(props.total)}
              </label>
            </fieldset>
            <p>
              <button type="submit" name="action" value="approve">
                {w.approve}
              </button>
            </p>
            <label>
              {w.rejectReason}
              <input type="text" name="reason" maxlength={200} />
            </label>
            <button type="submit" name="action" value="reject">
              {w.reject}
            </button>
            <label>
              {w.noticeTitle}
              <input type="text" name="title" maxlength={200} />
            </label>
            <button type="submit" name="action" value="publish">
              {w.publish}
            </button>
          </form>
          <form method="post" action="/bureau/subsidies/batches">
            <CsrfField />
            <FilterFields filter={props.filter} />
            <p>{w.buildBatchIntro}</p>
            <button type="submit">{w.buildBatch}</button>
          </form>
        </section>
      ) : null}
    </BureauPage>
  );
}

/** What an audit row of a line did, in words: the workflow's event if it names one. */
function auditText(a: { action: string; entity: string; after: string | null }): string {
  let after: { event?: string; added?: number };
  try {
    after = JSON.parse(a.after ?? "{}") as typeof after;
  } catch {
    after = {};
  }
  if (a.entity === "subsidy-compute") return m.computedInRun(after.added ?? 0);
  const event = after.event;
  const named = event ? w.events[event] : undefined;
  return named ?? (a.action === "create" ? m.created : m.updated);
}

type Workflow = NonNullable<ReturnType<typeof lineWorkflow>>;

/** The workflow part of a line's trail: review, notice, batch and payment, objections, and what county staff may do next. */
function WorkflowSection(props: { workflow: Workflow; canAct: boolean }): Child {
  const { line, stage, review, notice, batch, objections } = props.workflow;
  const open = objections.filter((o) => o.outcome === null);
  const objectable = line.reversesLineId === null && line.noticeId !== null && (line.status === "已审核" || line.status === "已发放");
  // A withdrawn line's note is the reason it was withdrawn (the review's note before it, if any, is in the audit rows).
  const withdrawn = line.status === "已撤回";
  return (
    <section class="line-workflow">
      <h2>{w.workflow}</h2>
      <dl class="facts">
        <dt>{w.stage}</dt>
        <dd>{w.stageText[stage] ?? stage}</dd>
        <dt>{w.approvedBy}</dt>
        <dd>{review?.reviewedAt ? `${review.reviewer ?? ""} ${chinaTime(review.reviewedAt)}${review.reviewNote && !withdrawn ? ` ${review.reviewNote}` : ""}` : m.notReviewed}</dd>
        {withdrawn && review?.reviewNote ? (
          <>
            <dt>{w.withdrawReason}</dt>
            <dd>{review.reviewNote}</dd>
          </>
        ) : null}
        <dt>{w.notice}</dt>
        <dd>
          {notice ? (
            <a href={`/notices/${notice.code}`}>{w.noticeText(notice.title, notice.publishedOn, notice.endsOn)}</a>
          ) : line.reversesLineId !== null ? (
            "—"
          ) : (
            w.notOnNotice
          )}
        </dd>
        <dt>{w.payment}</dt>
        <dd>
          {batch ? (
            <a href={`/bureau/subsidies/batches/${batch.id}`}>
              {batch.status === "已发放" ? w.paidText(batch.code, batch.bankReference ?? "", batch.paidOn ?? "", batch.paidBy ?? "") : w.unpaidBatch(batch.code)}
            </a>
          ) : (
            w.notInBatch
          )}
        </dd>
        <dt>{w.objections}</dt>
        <dd>
          {objections.length === 0 ? (
            w.noObjection
          ) : (
            <ul class="objections">
              {objections.map((o) => (
                <li>
                  {w.objectionText(o.raisedBy, o.content, chinaTime(o.recordedAt), o.recordedBy)} —{" "}
                  {o.outcome === null ? <strong>{w.objectionOpen}</strong> : w.objectionResolved(o.outcome, o.resolution ?? "", o.resolvedBy ?? "")}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {props.canAct && line.status === "待审核" ? (
        <form method="post" action="/bureau/subsidies/actions" class="inline-form">
          <CsrfField />
          <input type="hidden" name="ids" value={String(line.id)} />
          <input type="hidden" name="scope" value="ticked" />
          <input type="hidden" name="back" value={String(line.id)} />
          <button type="submit" name="action" value="approve">
            {w.approve}
          </button>
          <label>
            {w.rejectReason}
            <input type="text" name="reason" maxlength={200} />
          </label>
          <button type="submit" name="action" value="reject">
            {w.reject}
          </button>
        </form>
      ) : null}
      {props.canAct && objectable ? (
        <form method="post" action={`/bureau/subsidies/${line.id}/objections`} class="inline-form">
          <h3>{w.recordObjection}</h3>
          <CsrfField />
          <label>
            {w.raisedBy}
            <input type="text" name="raisedBy" maxlength={200} required />
          </label>
          <label>
            {w.objectionContent}
            <input type="text" name="content" maxlength={200} required />
          </label>
          <button type="submit">{w.recordObjection}</button>
        </form>
      ) : null}
      {props.canAct
        ? open.map((o) => (
            <form method="post" action={`/bureau/subsidies/objections/${o.id}/resolve`} class="inline-form">
              <h3>
                {w.resolve}：{o.content}
              </h3>
              <CsrfField />
              <input type="hidden" name="lineId" value={String(line.id)} />
              <fieldset>
                <legend>{w.outcome}</legend>
                <label>
                  <input type="radio" name="outcome" value="不成立" checked /> {w.dismissed}
                </label>
                <label>
                  <input type="radio" name="outcome" value="成立" /> {w.upheld}
                </label>
              </fieldset>
              <label>
                {w.resolution}
                <input type="text" name="resolution" maxlength={200} required />
              </label>
              <button type="submit">{w.resolve}</button>
            </form>
          ))
        : null}
      {props.canAct && isWithdrawable(line) ? (
        <form method="post" action={`/bureau/subsidies/${line.id}/withdraw`} class="inline-form">
          <h3>{w.withdraw}</h3>
          <p>{w.withdrawIntro}</p>
          <CsrfField />
          <label>
            {w.withdrawReason}
            <input type="text" name="reason" maxlength={200} required />
          </label>
          <button type="submit">{w.withdraw}</button>
        </form>
      ) : null}
      {props.canAct && line.status === "已发放" && line.reversesLineId === null && line.liveReversalId === null ? (
        <form method="post" action={`/bureau/subsidies/${line.id}/reverse`} class="inline-form">
          <h3>{w.reverse}</h3>
          <p>{w.reverseIntro}</p>
          <CsrfField />
          <label>
            {w.reverseReason}
            <input type="text" name="reason" maxlength={200} required />
          </label>
          <button type="submit">{w.reverse}</button>
        </form>
      ) : null}
    </section>
  );
}

export function SubsidyLinePage(props: { detail: NonNullable<ReturnType<typeof lineDetail>>; workflow: Workflow; canAct: boolean; notice?: string | undefined; error?: string | undefined }) {
  const d = props.detail;
  const row = d.line;
  const snap = snapshotOf(row);
  const counted = new Set((snap.countedMonths ?? []).map((x) => x.month));
  return (
    <BaseLayout title={m.detailTitle(row.id)}>
      <BureauNav />
      <p>
        <a href="/bureau/subsidies">{m.back}</a>
      </p>
      <h1>{m.detailTitle(row.id)}</h1>
      <FormError error={props.error} />
      {props.notice ? <p class="notice" role="status">{props.notice}</p> : null}
      <dl class="facts">
        <dt>{m.policy}</dt>
        <dd>
          {row.policyCode} {row.policyName}（{row.kind}，{m.version(d.version)}）
        </dd>
        <dt>{m.rule}</dt>
        <dd>
          {m.ruleText(yuanText(d.versionAmountFen), d.minMonths, d.maxMonthsPerPerson, d.ageLimit, d.onePerHousehold)}；{m.validity(d.startDate, d.endDate)}
        </dd>
        <dt>{m.fundSource}</dt>
        <dd>{d.fundSource ?? "—"}</dd>
        <dt>{m.key}</dt>
        <dd>
          {row.period} · {payee(row)} · {row.workerName} {row.workerIdMasked} · {m.round(row.round)}
        </dd>
        <dt>{m.place}</dt>
        <dd>
          {row.town}
          {row.village}
        </dd>
        <dt>{m.amount}</dt>
        <dd>{yuanText(row.amountFen)}</dd>
        <dt>{m.status}</dt>
        <dd>{row.status}</dd>
        <dt>{m.computed}</dt>
        <dd>{chinaTime(d.computedAt)}</dd>
        <dt>{m.computedBy}</dt>
        <dd>{authorText(d.createdBy)}</dd>
        <dt>{m.review}</dt>
        <dd>{d.reviewedAt ? `${chinaTime(d.reviewedAt)} ${d.reviewedBy ?? ""} ${d.reviewNote ?? ""}` : m.notReviewed}</dd>
        {row.reversesLineId !== null ? (
          <>
            <dt>{m.reversal(row.reversesLineId)}</dt>
            <dd>
              <a href={`/bureau/subsidies/${row.reversesLineId}`}>#{row.reversesLineId}</a> {m.reason}：{d.reason}
            </dd>
          </>
        ) : null}
        {d.reopening ? (
          <>
            <dt>{ml.reopenedAt}</dt>
            <dd>{ml.reopenedText(chinaTime(d.reopening.reopenedAt), authorText(d.reopening.byLabel), d.reopening.reason)}</dd>
          </>
        ) : null}
        <dt>{m.reversals}</dt>
        <dd>
          {d.reversals.length === 0
            ? m.noReversal
            : d.reversals.map((r) => (
                <span>
                  <a href={`/bureau/subsidies/${r.id}`}>#{r.id}</a> {yuanText(r.amountFen)} {r.status} {r.reason}{" "}
                </span>
              ))}
        </dd>
      </dl>

      <WorkflowSection workflow={props.workflow} canAct={props.canAct} />
      {props.canAct && row.status === "已驳回" && row.reversesLineId === null && !d.reopening ? (
        <form method="post" action={`/bureau/subsidies/${row.id}/reopen`} class="inline-form">
          <h3>{ml.reopen}</h3>
          <p>{ml.reopenIntro}</p>
          <CsrfField />
          <label>
            {ml.reopenReason}
            <input type="text" name="reason" maxlength={200} required />
          </label>
          <button type="submit">{ml.reopen}</button>
        </form>
      ) : null}

      {snap.placements ? (
        <>
          <h2>{m.facts}</h2>
          <p>
            {m.category}：{snap.worker?.category ?? "—"}
            {snap.employer ? `；${m.employerFacts}：${snap.employer.code} ${snap.employer.type} ${snap.employer.recognition}` : ""}
          </p>
          <h3>{m.placements}</h3>
          <DataTable columns={[m.placementId, m.employer, m.start, m.end, m.province]}>
            {snap.placements.map((p) => (
              <tr>
                <td>{p.id}</td>
                <td>{p.employerCode ?? "—"}</td>
                <td>{p.startDate}</td>
                <td>{p.endDate ?? m.stillWorking}</td>
                <td>{p.workProvince?.trim() ? p.workProvince : m.ownProvince(snap.countyProvince ?? "")}</td>
              </tr>
            ))}
          </DataTable>
          <h3>{m.monthDays}</h3>
          <DataTable columns={[m.month, num(m.days), m.counted]}>
            {coveredMonthsOf(snap).map((x) => (
              <tr>
                <td>{x.month}</td>
                <td class="num">{x.days}</td>
                <td>{counted.has(x.month) ? m.yes : m.no}</td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}

      <h2>{m.trail}</h2>
      <DataTable columns={[m.at, m.actor, m.action]}>
        {d.audit.map((a) => (
          <tr>
            <td>{chinaTime(a.at)}</td>
            <td>{authorText(a.actor)}</td>
            <td>{auditText(a)}</td>
          </tr>
        ))}
      </DataTable>
    </BaseLayout>
  );
}
