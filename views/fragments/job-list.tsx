/**
 * A list of postings with its count, notices and paging — rendered inside the results page and
 * returned alone when htmx asks for the fragment.
 */
import { MAX_QUERY_LENGTH } from "../../src/core/search-text.ts";
import type { JobResults } from "../../src/search/job-search.ts";
import { JobCard } from "../components/job-card.tsx";
import { messages } from "../messages.ts";

export interface JobListProps {
  results: JobResults;
  /** Link to another page of the same search. */
  pageHref?: (offset: number) => string;
  offset: number;
  limit: number;
  showCount?: boolean;
  /** Query string carried to each job's page (where the seeker is). */
  linkQuery?: string;
  /** The seeker asked for the nearest first without saying where they are. */
  needsOrigin?: boolean;
  /** The typed query was longer than what is searched: only its start was searched. */
  queryShortened?: boolean;
  /** The seeker chose a distance without saying where they are. */
  radiusNeedsOrigin?: boolean;
  /** The choices in force, each with a link that takes it away (job-filters.tsx chosenChoices). */
  chosen?: { label: string; href: string }[];
}

export function JobList(props: JobListProps) {
  const { results, offset, limit } = props;
  const pages = Math.max(1, Math.ceil(results.total / limit));
  const page = Math.floor(offset / limit) + 1;
  return (
    <div id="job-list" class="job-list" aria-live="polite">
      {results.degraded && (
        <p class="notice" role="status">
          {messages.search.degraded}
        </p>
      )}
      {props.queryShortened && (
        <p class="notice" role="status">
          {messages.searchNotices.queryShortened(MAX_QUERY_LENGTH)}
        </p>
      )}
      {/* Distance without a place is not silently ignored: the notice says so and leads to the place list. */}
      {(props.needsOrigin || props.radiusNeedsOrigin) && (
        <p class="notice origin-needed" role="status">
          {props.needsOrigin ? messages.search.distanceNeedsOrigin : messages.searchNotices.radiusNeedsOrigin}{" "}
          <a href="#village">{messages.chips.choosePlace}</a>
        </p>
      )}
      {results.readAs && results.readAs.length > 0 && (
        <p class="notice read-as">{messages.search.readAs(results.readAs)}</p>
      )}
      {props.chosen && props.chosen.length > 0 && (
        <p class="chosen" hx-boost="true" hx-target="#job-list" hx-swap="outerHTML">
          {messages.chips.chosenTitle}
          {props.chosen.map((c) => (
            <a class="chosen-chip" href={c.href} aria-label={messages.chips.remove(c.label)}>
              {c.label} ✕
            </a>
          ))}
        </p>
      )}
      {props.showCount !== false && <p class="count">{messages.search.resultsCount(results.total)}</p>}
      {results.hits.length === 0 ? (
        <p class="empty">
          {messages.search.none} <a href="/jobs">{messages.search.allJobs}</a>
        </p>
      ) : (
        <ul class="cards">
          {results.hits.map((job) => (
            <JobCard job={job} {...(props.linkQuery ? { linkQuery: props.linkQuery } : {})} />
          ))}
        </ul>
      )}
      {props.pageHref && pages > 1 && (
        <nav class="pager" aria-label={messages.search.paging}>
          {page > 1 ? <a href={props.pageHref(Math.max(0, offset - limit))}>{messages.search.previous}</a> : <span />}
          <span>{messages.search.page(page, pages)}</span>
          {page < pages ? <a href={props.pageHref(offset + limit)}>{messages.search.next}</a> : <span />}
        </nav>
      )}
    </div>
  );
}
