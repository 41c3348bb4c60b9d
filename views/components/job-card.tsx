/** One posting in a list: what a person needs to decide whether to open it. */
import type { JobSummary } from "../../src/search/job-document.ts";
import { payText, placeText } from "../format.ts";
import { messages } from "../messages.ts";

export function JobCard(props: { job: JobSummary }) {
  const job = props.job;
  return (
    <li class="job-card">
      <a href={`/jobs/${encodeURIComponent(job.code)}`} class="job-link">
        <h3 class="job-title">{job.title}</h3>
        <p class="job-pay">{payText(job.pay_min, job.pay_max, job.pay_unit)}</p>
        <p class="job-meta">
          <span class="badge">{job.employer.type}</span>
          <span>{messages.job.time[job.time]}</span>
          {job.distance_km !== undefined && <span class="distance">{messages.job.distance(job.distance_km)}</span>}
        </p>
        <p class="job-place">
          {job.employer.name} · {placeText(job.town, job.village)}
        </p>
        {job.benefits.length > 0 && <p class="job-benefits">{job.benefits.join(" · ")}</p>}
      </a>
    </li>
  );
}
