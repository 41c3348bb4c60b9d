/** 补贴公示 and 发放批次 for county staff: the notices published, the batches, one batch with its payment file and the four-eyes form. */
import type { BatchRow, NoticeRow, WorkflowLineRow } from "../../../db/queries/subsidy-workflow.ts";
import { chinaTime } from "../../../src/core/china-time.ts";
import { yuanText } from "../../../src/core/subsidies/ledger.ts";
import type { WorkflowStage } from "../../../src/core/subsidies/workflow.ts";
import { CsrfField } from "../../components/csrf-field.tsx";
import { DataTable, num } from "../../components/data-table.tsx";
import { FormError } from "../../components/form-error.tsx";
import { Pager } from "../../components/pager.tsx";
import { messages } from "../../messages.ts";
import { BureauPage } from "./bureau-page.tsx";

const w = messages.subsidyWorkflow;
const m = messages.subsidies.page;

export function SubsidyNoticesPage(props: { notices: (NoticeRow & { lines: number; amountFen: number })[] }) {
  return (
    <BureauPage title={w.noticesTitle} intro={w.noticesIntro} wide>
      <p>
        <a href="/bureau/subsidies">{m.back}</a>
      </p>
      {props.notices.length === 0 ? (
        <p class="empty">{w.noNotices}</p>
      ) : (
        <DataTable columns={[w.noticeTitle, w.publishedOn, w.endsOn, num(w.lines), num(w.amountTotal), w.openPublic]}>
          {props.notices.map((n) => (
            <tr>
              <td>{n.title}</td>
              <td>{n.publishedOn}</td>
              <td>{n.endsOn}</td>
              <td class="num">{n.lines}</td>
              <td class="num">{yuanText(n.amountFen)}</td>
              <td>
                <a href={`/notices/${n.code}`}>/notices/{n.code}</a>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </BureauPage>
  );
}

export function SubsidyBatchesPage(props: { batches: BatchRow[]; notice?: string | undefined }) {
  return (
    <BureauPage title={w.batchesTitle} intro={w.batchesIntro} wide>
      <p>
        <a href="/bureau/subsidies">{m.back}</a>
      </p>
      {props.notice ? <p class="notice" role="status">{props.notice}</p> : null}
      {props.batches.length === 0 ? (
        <p class="empty">{w.noBatches}</p>
      ) : (
        <DataTable columns={[w.batch, w.batchStatus, num(w.lines), num(w.amountTotal), w.createdBy, w.bankReference, w.paidOn]}>
          {props.batches.map((b) => (
            <tr>
              <td>
                <a href={`/bureau/subsidies/batches/${b.id}`}>{b.code}</a>
              </td>
              <td>{b.status}</td>
              <td class="num">{b.lines}</td>
              <td class="num">{yuanText(b.amountFen)}</td>
              <td>{b.createdBy}</td>
              <td>{b.bankReference ?? "—"}</td>
              <td>{b.paidOn ?? "—"}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </BureauPage>
  );
}

export function SubsidyBatchPage(props: {
  batch: BatchRow;
  rows: (WorkflowLineRow & { stage: WorkflowStage })[];
  error?: string | undefined;
  notice?: string | undefined;
  values?: { bankReference: string; paidOn: string } | undefined;
  today: string;
  previousHref?: string | undefined;
  nextHref?: string | undefined;
}) {
  const b = props.batch;
  return (
    <BureauPage title={w.batchTitle(b.code)} intro={w.batchesIntro} wide>
      <p>
        <a href="/bureau/subsidies/batches">{w.batchesTitle}</a>
      </p>
      <FormError error={props.error} />
      {props.notice ? <p class="notice" role="status">{props.notice}</p> : null}
      <dl class="facts">
        <dt>{w.batchStatus}</dt>
        <dd>{b.status}</dd>
        <dt>{w.lines}</dt>
        <dd>{m.count(b.lines, yuanText(b.amountFen))}</dd>
        <dt>{w.createdBy}</dt>
        <dd>
          {b.createdBy} {chinaTime(b.createdAt)}
        </dd>
        {b.status === "已发放" ? (
          <>
            <dt>{w.payment}</dt>
            <dd>{w.paidText(b.code, b.bankReference ?? "", b.paidOn ?? "", b.paidBy ?? "")}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <a class="button" href={`/bureau/subsidies/batches/${b.id}/file`} download>
          {w.downloadFile}
        </a>
      </p>
      {b.status === "待发放" ? (
        <form method="post" action={`/bureau/subsidies/batches/${b.id}/paid`} class="inline-form">
          <h2>{w.markPaid}</h2>
          <p>{w.markPaidIntro}</p>
          <CsrfField />
          <label>
            {w.bankReference}
            <input type="text" name="bankReference" maxlength={64} required value={props.values?.bankReference ?? ""} />
          </label>
          <label>
            {w.paidOn}
            <input type="date" name="paidOn" required value={props.values?.paidOn ?? props.today} />
          </label>
          <button type="submit">{w.markPaid}</button>
        </form>
      ) : null}
      <DataTable columns={[m.line, m.policy, m.period, m.worker, m.place, num(m.amount), w.stage]}>
        {props.rows.map((r) => (
          <tr>
            <td>
              <a href={`/bureau/subsidies/${r.id}`}>#{r.id}</a>
              {r.reversesLineId !== null ? <small> {m.reversal(r.reversesLineId)}</small> : null}
            </td>
            <td>{r.policyCode}</td>
            <td>{r.period}</td>
            <td>
              {r.workerName} {r.workerIdMasked}
            </td>
            <td>
              {r.town}
              {r.village}
            </td>
            <td class="num">{yuanText(r.amountFen)}</td>
            <td>{w.stageText[r.stage] ?? r.stage}</td>
          </tr>
        ))}
      </DataTable>
      <Pager previousHref={props.previousHref} nextHref={props.nextHref} />
    </BureauPage>
  );
}
