/**
 * One posting: everything a person needs to decide — what the work is, pay and how it is paid,
 * hours, place and distance, age, physical demand, benefits, the employer and a button to call —
 * then the application form, and a QR code for printing on the village notice board. A posting
 * that is full or closed says so at the top and takes no applications.
 */
import { Openings } from "../../components/openings.tsx";
import type { ApplicationFormState } from "../../../src/routes/public/apply-form.ts";
import type { JobPageData } from "../../../src/use-cases/find-job.ts";
import { ApplyForm } from "../../components/apply-form.tsx";
import { payText, placeText, typeLabel } from "../../format.ts";
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";
import { readablePhone, telHref } from "../../../src/core/phone.ts";

const m = messages.job;

export interface JobPageProps {
  page: JobPageData;
  /** The application form as posted, when it needs fixing. */
  form?: ApplicationFormState;
  /** Link back to the search the seeker came from. */
  backHref: string;
}

export function JobPage(props: JobPageProps) {
  const { job, block, origin, distanceKm, prefill } = props.page;
  const pay = payText(job.payMin, job.payMax, job.payUnit);
  return (
    <BaseLayout title={job.title} description={`${job.employerName}：${job.title}，${pay}`}>
      <article class="job" data-read-aloud>
        {block && (
          <p class="notice closed" role="status">
            {m.notOpen[block]} <a href="/jobs">{m.seeOthers}</a>
          </p>
        )}
        <h1>{job.title}</h1>
        <p class="job-pay big">{pay}</p>
        <p class="pay-how">{m.payHow[job.payUnit]}</p>
        <p class="read-aloud-row">
          <button type="button" id="read-aloud" class="secondary" hidden data-stop={m.stopReading}>
            {m.readAloud}
          </button>
        </p>
        <dl class="facts">
          <dt>{m.employer}</dt>
          <dd>
            {job.employerName} <span class="badge">{typeLabel(job.employerType)}</span>
          </dd>
          <dt>{m.place}</dt>
          <dd>
            {placeText(job.town, job.village)}
            {distanceKm !== undefined && (
              <span class="distance"> （{m.distanceFrom(origin?.village ?? messages.search.myLocation, distanceKm)}）</span>
            )}
          </dd>
          <dt>{m.workingTime}</dt>
          <dd>{m.time[job.workingTime]}</dd>
          <dt>{m.age}</dt>
          <dd>{m.ages(job.ageMin, job.ageMax)}</dd>
          {job.physicalDemand && (
            <>
              <dt>{m.physical}</dt>
              <dd>{m.physicalLevel[job.physicalDemand]}</dd>
            </>
          )}
          {job.benefits.length > 0 && (
            <>
              <dt>{m.benefits}</dt>
              <dd>{job.benefits.join("、")}</dd>
            </>
          )}
          {job.skills.length > 0 && (
            <>
              <dt>{m.skills}</dt>
              <dd>{job.skills.join("、")}</dd>
            </>
          )}
          <dt>{m.headcountLabel}</dt>
          <dd>
            {m.headcount(job.headcount)} <Openings count={job.openings} status={job.status} />
          </dd>
          {job.closingDate && (
            <>
              <dt>{m.closingLabel}</dt>
              <dd>{m.closing(job.closingDate)}</dd>
            </>
          )}
        </dl>
        <h2>{m.description}</h2>
        <p class="description">{job.description}</p>
        {job.contactPhone && (
          <>
            <p>
              <a class="button call" href={telHref(job.contactPhone)}>
                {m.call}
                {job.contactName ? `（${job.contactName}）` : ""}
              </a>
            </p>
            <p class="print-only">{m.phoneLine(readablePhone(job.contactPhone), job.contactName)}</p>
          </>
        )}
      </article>

      {!block && (
        <section id="apply" aria-labelledby="apply-title" class="apply-section">
          <h2 id="apply-title">{messages.apply.title}</h2>
          <p>{messages.apply.intro}</p>
          {!props.form && prefill && prefill.source !== "none" && (
            <p class="prefill-note">
              {prefill.source === "account" ? messages.applyPrefill.fromAccount : messages.applyPrefill.fromSearch(prefill.values.village ?? "")}
            </p>
          )}
          {/* What was posted wins over the prefill: a form sent back to fix keeps what was typed. */}
          <ApplyForm code={job.code} form={props.form ?? (prefill ? { values: prefill.values, errors: {} } : undefined)} />
        </section>
      )}

      <section class="qr" aria-labelledby="qr-title">
        <h2 id="qr-title">{m.qrTitle}</h2>
        <img src={`/jobs/${encodeURIComponent(job.code)}/qr.svg`} width="160" height="160" alt={m.qrAlt(job.title)} loading="lazy" />
        <p class="hint">{m.qrHint}</p>
        <p>
          <button type="button" id="print-page" class="secondary" hidden>
            {m.print}
          </button>
        </p>
      </section>
      <p class="back">
        <a href={props.backHref}>{m.back}</a>
      </p>
    </BaseLayout>
  );
}
