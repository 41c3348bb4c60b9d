/**
 * GET /bureau/postings/:code/candidates — registry people who would suit a posting, for bureau
 * staff: county staff see the county's, a town cadre their own town's (the list scope).
 * Mounted before the posting's own page, which is the county's alone.
 */
import { Hono } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import { actorOf } from "../../http/guards.tsx";
import { postingCandidates, postingForCandidates } from "../../use-cases/candidates.ts";
import { CandidatesPage } from "../../../views/pages/bureau/candidates.tsx";

export function bureauCandidates(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/:code/candidates", (c) => {
    const found = postingForCandidates(deps, c.req.param("code"));
    if (!found) return c.notFound();
    // Postings are public; who is listed is the list scope's business (the use-case applies it).
    const { candidates, townOnly } = postingCandidates(deps, { posting: found.posting, actor: actorOf(c), today: deps.today() });
    return c.html(<CandidatesPage posting={found.posting} candidates={candidates} townOnly={townOnly} />);
  });
  return app;
}
