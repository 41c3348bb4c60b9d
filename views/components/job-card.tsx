/** One posting in a list: what a person needs to decide whether to open it. */
import { Openings } from "./openings.tsx";
import type { JobSummary } from "../../src/search/job-document.ts";
import { payText, placeText, typeLabel } from "../format.ts";
import { messages } from "../messages.ts";

/**
 * @param props.linkQuery carried to the job's page (where the seeker is, so it shows the distance too)
 */
export function JobCard(props: { job: JobSummary; linkQuery?: string }) {
  const job = props.job;
  const href = `/jobs/${encodeURIComponent(job.code)}${props.linkQuery ? `?${props.linkQuery}` : ""}`;
  return (
    <li class="job-card">
      <a href={href} class="job-link">
        <h3 class="job-title">{job.title}</h3>
        <p class="job-pay">{payText(job.pay_min, job.pay_max, job.pay_unit)}</p>
        <p class="job-meta">
          <span class="badge">{typeLabel(job.employer.type)}</span>
          <span>{messages.job.time[job.time]}</span>
          {job.distance_km !== undefined && <span class="distance">{messages.job.distance(job.distance_km)}</span>}
          <Openings count={job.openings} />
        </p>
        <p class="job-place">
          {job.employer.name} · {placeText(job.town, job.village)}
        </p>
        {job.benefits.length > 0 && <p class="job-benefits">{job.benefits.join(" · ")}</p>}
      </a>
    </li>
  );
}
