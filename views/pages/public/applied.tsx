/** After applying: it worked (or had already), the number the employer will call, what happens next. */
import type { JobRow } from "../../../src/search/job-document.ts";
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";
import { telHref } from "../../../src/core/phone.ts";
import { formatReceiptCode } from "../../../src/core/receipt-code.ts";
import { CHECK_APPLICATION_PATH } from "./check-application.tsx";

const m = messages.apply;
const r = messages.receipt;

export interface AppliedPageProps {
  job: JobRow;
  phone: string;
  /** Set when this phone had applied before (YYYY-MM-DD). */
  alreadyOn?: string;
  /** The new application's receipt code (8 digits), shown this once. */
  receiptCode?: string;
}

export function AppliedPage(props: AppliedPageProps) {
  const { job } = props;
  const title = props.alreadyOn ? m.alreadyTitle : m.doneTitle;
  return (
    <BaseLayout title={title}>
      <section class="applied" aria-labelledby="applied-title">
        <h1 id="applied-title" class="success">
          {title}
        </h1>
        <p class="lead">{props.alreadyOn ? m.alreadyLead(props.alreadyOn) : m.doneLead(job.title, job.employerName)}</p>
        <p>{m.phoneCheck(props.phone)}</p>
        {props.receiptCode ? (
          <div class="receipt-box">
            <p>{r.codeLabel}</p>
            <p class="receipt-code" id="receipt-code">
              {formatReceiptCode(props.receiptCode)}
            </p>
            <p>{r.codeKeep}</p>
            <p>
              <a href={CHECK_APPLICATION_PATH}>{r.link}</a>
            </p>
          </div>
        ) : (
          <p>
            {r.codeLater} <a href={CHECK_APPLICATION_PATH}>{r.link}</a>
          </p>
        )}
        <h2>{m.nextTitle}</h2>
        <ol class="next-steps">
          {m.nextSteps.map((step) => (
            <li>{step}</li>
          ))}
        </ol>
        {job.contactPhone && (
          <p>
            <a class="button call" href={telHref(job.contactPhone)}>
              {messages.job.call}
              {job.contactName ? `（${job.contactName}）` : ""}
            </a>
          </p>
        )}
        <p class="actions">
          <a class="button" href="/jobs">
            {m.continue}
          </a>{" "}
          <a href={`/jobs/${encodeURIComponent(job.code)}`}>{m.backToJob}</a>
        </p>
      </section>
    </BaseLayout>
  );
}
