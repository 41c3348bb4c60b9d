/**
 * 查询报名 (/applications/check): without an account, the phone and the receipt code show one
 * application — masked, with its state — and withdraw it while the employer has not decided.
 * Plain POST forms (the phone and code never go into an address or a log line).
 */
import type { ReceiptApplication } from "../../../src/use-cases/application-receipt.ts";
import { telHref } from "../../../src/core/phone.ts";
import { CsrfField } from "../../components/csrf-field.tsx";
import { TextField } from "../../components/fields.tsx";
import { shownDate } from "../../format.ts";
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";

const r = messages.receipt;

/** Where 查询报名 lives (linked from the job board, the home page and the answer to applying). */
export const CHECK_APPLICATION_PATH = "/applications/check";

export interface CheckApplicationPageProps {
  /** What was typed, kept when something needs fixing (the code as typed). */
  values?: { phone?: string; code?: string };
  errors?: { phone?: string; code?: string };
  /** A problem for the whole form: not found, too many tries. */
  problem?: string;
  /** The application found, and what just happened to it. */
  found?: { application: ReceiptApplication; phone: string; code: string; notice?: string };
}

function Found(props: NonNullable<CheckApplicationPageProps["found"]>) {
  const a = props.application;
  return (
    <section class="receipt-found" aria-labelledby="found-title">
      <h2 id="found-title">{r.found}</h2>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <dl class="facts">
        <dt>{r.posting}</dt>
        <dd>
          <a href={`/jobs/${encodeURIComponent(a.postingCode)}`}>{a.postingTitle}</a>
        </dd>
        <dt>{r.employer}</dt>
        <dd>{a.employerName}</dd>
        <dt>{r.status}</dt>
        <dd>
          <span class="badge">{a.status}</span> {r.statusHelp[a.status] ?? ""}
        </dd>
        <dt>{r.appliedAt}</dt>
        <dd>{shownDate(a.createdAt)}</dd>
        <dt>{r.applicant}</dt>
        <dd>{a.applicantMasked}</dd>
        <dt>{r.phoneShown}</dt>
        <dd>{a.phoneMasked}</dd>
      </dl>
      {a.contactPhone && (
        <p>
          <a class="button call" href={telHref(a.contactPhone)}>
            {messages.job.call}
          </a>
        </p>
      )}
      {a.canWithdraw && (
        <form method="post" action={`${CHECK_APPLICATION_PATH}/withdraw`} class="withdraw">
          <CsrfField />
          <input type="hidden" name="phone" value={props.phone} />
          <input type="hidden" name="code" value={props.code} />
          <p class="hint">{r.withdrawHint}</p>
          <button type="submit" class="secondary wide">
            {r.withdraw}
          </button>
        </form>
      )}
      <p>
        <a href={CHECK_APPLICATION_PATH}>{r.again}</a>
      </p>
    </section>
  );
}

export function CheckApplicationPage(props: CheckApplicationPageProps) {
  const values = props.values ?? {};
  const errors = props.errors ?? {};
  return (
    <BaseLayout title={r.title}>
      <h1>{r.title}</h1>
      {props.found ? (
        <Found {...props.found} />
      ) : (
        <>
          <p>{r.intro}</p>
          {props.problem && (
            <p class="error-summary" role="alert">
              {props.problem}
            </p>
          )}
          <form method="post" action={CHECK_APPLICATION_PATH} class="check-application" novalidate>
            <CsrfField />
            <TextField id="check-phone" name="phone" label={r.phone} type="tel" inputmode="tel" autocomplete="tel" value={values.phone} error={errors.phone} maxlength={20} required />
            <TextField id="check-code" name="code" label={r.code} inputmode="numeric" autocomplete="off" value={values.code} hint={r.codeHint} error={errors.code} maxlength={20} required />
            <button type="submit" class="wide">
              {r.submit}
            </button>
          </form>
        </>
      )}
      <p class="back">
        <a href="/jobs">{messages.apply.continue}</a>
      </p>
    </BaseLayout>
  );
}
