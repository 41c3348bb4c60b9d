/**
 * The public job board: home, results and one posting with its QR code. Works with JavaScript
 * off; htmx only swaps the result list (and the counts of the filters) while a person searches.
 * Applying lives in apply.tsx, a sub-app of its own so that form protection can go in front of it.
 */
import { Hono } from "hono";
import QRCode from "qrcode";
import type { AppDeps } from "../../app-deps.ts";
import { applicantAccountOf } from "../../core/application.ts";
import { wantsFragment } from "../../http/htmx.ts";
import { shareResponse } from "../../http/kept-responses.ts";
import { findJob, findJobPage } from "../../use-cases/find-job.ts";
import { searchJobBoard } from "../../use-cases/search-job-board.ts";
import { chosenChoices, FilterGroups, OrderGroups } from "../../../views/components/job-filters.tsx";
import { JobList } from "../../../views/fragments/job-list.tsx";
import { HomePage } from "../../../views/pages/public/home.tsx";
import { JobPage } from "../../../views/pages/public/job.tsx";
import { JobsPage } from "../../../views/pages/public/jobs.tsx";
import { jobsHref, jobsSearchParams, JOBS_PER_PAGE, originParams, parseJobBoardQuery, queryWasShortened } from "./job-board-query.ts";

export { JOBS_PER_PAGE };
export const HOME_NEWEST = 10;
/** A printed QR code is scanned from a notice board: medium error correction survives some wear. */
const QR_OPTIONS = { type: "svg", errorCorrectionLevel: "M", margin: 2 } as const;

/** The address people reach the board at, for links that leave the screen (QR codes). */
export function publicOrigin(deps: Pick<AppDeps, "publicUrl">, requestUrl: string): string {
  return deps.publicUrl ?? new URL(requestUrl).origin;
}

export function jobBoard(deps: AppDeps): Hono {
  const app = new Hono();

  app.get("/", async (c) => {
    const newest = await deps.jobSearch.search({ sort: "newest", limit: HOME_NEWEST, offset: 0 });
    return c.html(<HomePage newest={newest} limit={HOME_NEWEST} />);
  });

  app.get("/jobs", async (c) => {
    const query = parseJobBoardQuery(c.req.query(), c.req.queries());
    const board = await searchJobBoard(deps, query, JOBS_PER_PAGE);
    const offset = query.offset ?? 0;
    const list = {
      offset,
      limit: JOBS_PER_PAGE,
      pageHref: (to: number) => jobsHref({ ...query, offset: to }),
      linkQuery: jobsSearchParams(originParams(query)).toString(),
      needsOrigin: query.sort === "distance" && !board.origin,
      queryShortened: queryWasShortened(c.req.query("q")),
      radiusNeedsOrigin: query.radius !== undefined && !board.origin,
      chosen: chosenChoices(query),
    };
    // The same for every anonymous visitor, unless the database answered (reduced mode, not kept).
    if (!board.results.degraded) shareResponse(c);
    if (wantsFragment(c, "job-list")) {
      // The address bar shows the search in its short form, not every empty field of the form.
      c.header("HX-Push-Url", jobsHref(query));
      return c.html(
        <>
          <JobList results={board.results} {...list} />
          <FilterGroups query={query} facets={board.results.facets} towns={board.towns} oob />
          <OrderGroups query={query} oob />
        </>,
      );
    }
    return c.html(<JobsPage query={query} results={board.results} towns={board.towns} villages={board.villages} list={list} />);
  });

  app.get("/jobs/:code", (c) => {
    const query = parseJobBoardQuery(c.req.query(), c.req.queries());
    // The application form starts filled: the signed-in seeker's account, else the search's village.
    const page = findJobPage(deps, c.req.param("code"), query, deps.today(), { seekerUserId: applicantAccountOf(c.get("user")?.actor) });
    if (!page) return c.notFound();
    return c.html(<JobPage page={page} backHref={jobsHref(originParams(query))} />);
  });

  app.get("/jobs/:code/qr.svg", async (c) => {
    const job = findJob(deps, c.req.param("code"));
    if (!job) return c.notFound();
    const url = `${publicOrigin(deps, c.req.url)}/jobs/${encodeURIComponent(job.code)}`;
    const svg = await QRCode.toString(url, QR_OPTIONS);
    return c.body(svg, 200, { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400" });
  });

  return app;
}
