/** The results page: the search form with its filters, and the list htmx replaces as the person searches. */
import type { VillageOption } from "../../../db/queries/regions.ts";
import type { JobBoardQuery } from "../../../src/routes/public/job-board-query.ts";
import type { JobResults } from "../../../src/search/job-search.ts";
import { JobSearchForm } from "../../components/job-search-form.tsx";
import { JobList, type JobListProps } from "../../fragments/job-list.tsx";
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";
import { CHECK_APPLICATION_PATH } from "./check-application.tsx";

export interface JobsPageProps {
  query: JobBoardQuery;
  results: JobResults;
  towns: readonly string[];
  villages: readonly VillageOption[];
  list: Omit<JobListProps, "results">;
}

export function JobsPage(props: JobsPageProps) {
  const q = props.query.q;
  const originNeeded = props.list.needsOrigin ? messages.search.distanceNeedsOrigin : props.list.radiusNeedsOrigin ? messages.searchNotices.radiusNeedsOrigin : undefined;
  return (
    <BaseLayout title={q ? `${q} - ${messages.site.jobs}` : messages.site.jobs}>
      <h1>{messages.site.jobs}</h1>
      {/* A distance without a place is said beside the place list, at the top of the screen, where
          the tap that fixes it is; the list's own notice is for htmx, which swaps only the list. */}
      <JobSearchForm query={props.query} facets={props.results.facets} towns={props.towns} villages={props.villages} originNeeded={originNeeded} />
      <JobList results={props.results} {...props.list} needsOrigin={false} radiusNeedsOrigin={false} />
      <p class="check-link">
        <a href={CHECK_APPLICATION_PATH}>{messages.receipt.link}</a>
      </p>
    </BaseLayout>
  );
}
