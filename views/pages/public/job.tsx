/** One posting: everything a person needs to decide, and who to call. */
import type { JobRow } from "../../../src/search/job-document.ts";
import { payText, placeText } from "../../format.ts";
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";

export function JobPage(props: { job: JobRow }) {
  const job = props.job;
  const m = messages.job;
  return (
    <BaseLayout title={job.title} description={`${job.employerName}：${job.title}，${payText(job.payMin, job.payMax, job.payUnit)}`}>
      <article class="job">
        <h1>{job.title}</h1>
        <p class="job-pay big">{payText(job.payMin, job.payMax, job.payUnit)}</p>
        <dl class="facts">
          <dt>{m.employer}</dt>
          <dd>
            {job.employerName} <span class="badge">{job.employerType}</span>
          </dd>
          <dt>{m.place}</dt>
          <dd>{placeText(job.town, job.village)}</dd>
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
          <dd>{m.headcount(job.headcount)}</dd>
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
          <p>
            <a class="button call" href={`tel:${job.contactPhone}`}>
              {m.call}
              {job.contactName ? `（${job.contactName}）` : ""}
            </a>
          </p>
        )}
        <p>
          <a href="/jobs">{m.back}</a>
        </p>
      </article>
    </BaseLayout>
  );
}
