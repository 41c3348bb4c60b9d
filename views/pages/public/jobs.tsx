/** The results page: the search form and the list, which htmx replaces as the person types. */
import type { JobResults } from "../../../src/search/job-search.ts";
import { SearchForm } from "../../components/search-form.tsx";
import { JobList } from "../../fragments/job-list.tsx";
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";

export interface JobsPageProps {
  q: string;
  results: JobResults;
  offset: number;
  limit: number;
  pageHref: (offset: number) => string;
}

export function JobsPage(props: JobsPageProps) {
  return (
    <BaseLayout title={props.q ? `${props.q} - ${messages.site.jobs}` : messages.site.jobs}>
      <h1>{messages.site.jobs}</h1>
      <SearchForm q={props.q} liveTarget="#job-list" />
      <JobList results={props.results} offset={props.offset} limit={props.limit} pageHref={props.pageHref} />
    </BaseLayout>
  );
}
