/** The home page: a search box, big category buttons, and the newest open postings. */
import type { JobResults } from "../../../src/search/job-search.ts";
import { SearchForm } from "../../components/search-form.tsx";
import { JobList } from "../../fragments/job-list.tsx";
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";
import { CHECK_APPLICATION_PATH } from "./check-application.tsx";

export function HomePage(props: { newest: JobResults; limit: number }) {
  return (
    <BaseLayout>
      <section class="hero">
        <h1>{messages.site.tagline}</h1>
        <SearchForm />
        <p class="check-link">
          <a href={CHECK_APPLICATION_PATH}>{messages.receipt.link}</a>
        </p>
      </section>
      <section aria-labelledby="categories">
        <h2 id="categories">{messages.search.categories}</h2>
        <ul class="categories">
          {messages.categories.map((c) => (
            <li>
              <a class="category" href={`/jobs?type=${encodeURIComponent(c.type)}`}>
                {c.label}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="newest">
        <h2 id="newest">{messages.search.newest}</h2>
        <JobList results={props.newest} offset={0} limit={props.limit} showCount={false} />
        <p class="more">
          <a class="button" href="/jobs">
            {messages.search.allJobs}
          </a>
        </p>
      </section>
    </BaseLayout>
  );
}
