/**
 * /manage/postings/:code/referral — a manager never sees registry people: this page says how
 * many suitable people live near their posting and lets them ask the posting's town to refer
 * some (a referral request in the cadres' worklist). Only the posting's own employer.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppDeps } from "../../app-deps.ts";
import { authorize, authorOf } from "../../http/guards.tsx";
import { NEARBY_KM, postingForCandidates, requestReferral, suitableNearbyCount } from "../../use-cases/candidates.ts";
import { ReferralPage } from "../../../views/pages/manage/referral.tsx";

const ReferralFormSchema = z.object({ note: z.string().trim().max(200).catch("").default("") });

export function manageReferral(deps: AppDeps): Hono {
  const app = new Hono();

  const load = (c: Context) => {
    const found = postingForCandidates(deps, c.req.param("code") ?? "");
    if (!found) return undefined;
    authorize(c, "update", found.resource);
    return found;
  };

  app.get("/:code/referral", (c) => {
    const found = load(c);
    if (!found) return c.notFound();
    const count = suitableNearbyCount(deps, { posting: found.posting, today: deps.today() });
    return c.html(<ReferralPage posting={found.posting} count={count} requested={c.req.query("requested") === "1"} km={NEARBY_KM} />);
  });

  app.post("/:code/referral", async (c) => {
    const found = load(c);
    if (!found) return c.notFound();
    const { note } = ReferralFormSchema.parse(await c.req.parseBody());
    requestReferral(deps, { posting: found.posting, note, by: authorOf(c), today: deps.today() });
    // Asked before or now: either way the town has an open request.
    return c.redirect(`/manage/postings/${encodeURIComponent(found.posting.code)}/referral?requested=1`, 303);
  });

  return app;
}
