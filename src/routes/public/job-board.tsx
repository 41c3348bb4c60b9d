/**
 * The public job board: home, results and one posting. Works with JavaScript off; htmx only
 * swaps the result list while a person types.
 */
import { Hono } from "hono";
import { z } from "zod";
import { EMPLOYER_TYPES, WORKING_TIMES } from "../../core/enums.ts";
import { wantsFragment } from "../../http/htmx.ts";
import type { AppDeps } from "../../app-deps.ts";
import { JobList } from "../../../views/fragments/job-list.tsx";
import { HomePage } from "../../../views/pages/public/home.tsx";
import { JobPage } from "../../../views/pages/public/job.tsx";
import { JobsPage } from "../../../views/pages/public/jobs.tsx";
import { findJob } from "../../use-cases/find-job.ts";

/** How many postings a page lists. */
export const JOBS_PER_PAGE = 20;
export const HOME_NEWEST = 10;

/** A seeker's search; a value that does not parse is dropped rather than refused. */
export const JobBoardQuerySchema = z.object({
  q: z.string().trim().max(100).catch("").default(""),
  type: z.enum(EMPLOYER_TYPES).optional().catch(undefined),
  town: z.string().trim().min(1).max(50).optional().catch(undefined),
  time: z.enum(WORKING_TIMES).optional().catch(undefined),
  offset: z.coerce.number().int().min(0).max(10_000).catch(0).default(0),
});
export type JobBoardQuery = z.infer<typeof JobBoardQuerySchema>;

/** The URL of a search, with only the parameters that are set. */
export function jobsHref(query: Partial<JobBoardQuery>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "" && !(key === "offset" && value === 0)) params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `/jobs?${qs}` : "/jobs";
}

export function jobBoard(deps: AppDeps): Hono {
  const app = new Hono();

  app.get("/", async (c) => {
    const newest = await deps.jobSearch.search({ sort: "newest", limit: HOME_NEWEST, offset: 0 });
    return c.html(<HomePage newest={newest} limit={HOME_NEWEST} />);
  });

  app.get("/jobs", async (c) => {
    const query = JobBoardQuerySchema.parse(c.req.query());
    const results = await deps.jobSearch.search({ ...query, limit: JOBS_PER_PAGE });
    const pageHref = (offset: number) => jobsHref({ ...query, offset });
    if (wantsFragment(c, "job-list")) {
      return c.html(<JobList results={results} offset={query.offset} limit={JOBS_PER_PAGE} pageHref={pageHref} />);
    }
    return c.html(<JobsPage q={query.q} results={results} offset={query.offset} limit={JOBS_PER_PAGE} pageHref={pageHref} />);
  });

  app.get("/jobs/:code", (c) => {
    const job = findJob(deps, c.req.param("code"));
    if (!job) return c.notFound();
    return c.html(<JobPage job={job} />);
  });

  return app;
}
