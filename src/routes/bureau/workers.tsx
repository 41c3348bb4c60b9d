/**
 * One worker of the registry for bureau staff. Town cadres reach their own town's workers only
 * (others answer 404); the ID number and phone are in full only where the policy says so.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { dateFieldSchema } from "../../core/date-fields.ts";
import { DEPARTURE_REASONS } from "../../core/hire-rules.ts";
import { registryQueryOf } from "../../core/registry-query.ts";
import { optionalTextSchema } from "../../core/text-fields.ts";
import { actorOf, authorize, authorOf } from "../../http/guards.tsx";
import { pagerLinks } from "../../http/pager-links.ts";
import { placementEnder } from "../../use-cases/placement-end.ts";
import { workerPlacement, workersView, workerView } from "../../use-cases/registry-view.ts";
import { messages } from "../../../views/messages.ts";
import { formProblemText } from "../../../views/problems.ts";
import type { AppDeps } from "../../app-deps.ts";
import { WorkerPage } from "../../../views/pages/bureau/worker.tsx";
import { WorkersPage } from "../../../views/pages/bureau/workers.tsx";

export const WorkerIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const WORKERS_PER_PAGE = 50;
/**
 * Staff ending a placement: the date it ended (a real date by the placementEnd rule: not in the
 * future, not before 1990) and why (the reasons a manager offers too).
 */
export function placementEndSchema(today: string) {
  return z.object({
    endDate: dateFieldSchema("placementEnd", today),
    reason: z.enum(DEPARTURE_REASONS, { message: messages.workerPlacements.badReason }),
  });
}
export const WorkersQuerySchema = z.object({
  q: optionalTextSchema("searchQuery", "q").transform((v) => v ?? "").catch(""),
  offset: z.coerce.number().int().min(0).max(10_000_000).catch(0).default(0),
});


export function bureauWorkers(deps: AppDeps): Hono {
  const app = new Hono();

  // A list shows ID numbers and phones masked for everyone; the full values are on a worker's page.
  app.get("/", (c) => {
    const { q, offset } = WorkersQuerySchema.parse(c.req.query());
    const query = registryQueryOf(q);
    const problem =
      query.kind !== "refused"
        ? undefined
        : query.problem === "partialIdNumber"
          ? messages.bureau.partialIdRefused
          : messages.bureau.invalidId(messages.bureau.idProblems[query.problem] ?? "");
    const explanation = query.kind === "text" && query.hint === "fewDigits" ? messages.registrySearch.fewDigits : undefined;
    const { rows, hasMore } = workersView(deps, { actor: actorOf(c), query, page: { limit: WORKERS_PER_PAGE, offset } });
    return c.html(
      <WorkersPage
        q={q}
        problem={problem}
        explanation={explanation}
        rows={rows}
        {...pagerLinks("/bureau/workers", { q }, { offset, limit: WORKERS_PER_PAGE, hasMore })}
      />,
    );
  });

  const workerPage = (c: Context, id: number, endForm?: { placementId: number; endDate: string; reason: string; error: string }) => {
    const view = workerView(deps, { id, actor: actorOf(c), today: deps.today() });
    if (!view) return c.notFound();
    authorize(c, "read", view.resource);
    return c.html(
      <WorkerPage
        worker={view.worker}
        placements={view.placements}
        canEnd={view.canEnd}
        today={deps.today()}
        endForm={endForm}
        recommendations={view.recommendations}
        canApplyFor={view.canApplyFor}
        applications={view.applications}
      />,
      endForm ? 400 : 200,
    );
  };

  app.get("/:id", (c) => {
    const id = WorkerIdSchema.safeParse(c.req.param("id"));
    if (!id.success) return c.notFound();
    return workerPage(c, id.data);
  });

  // Staff record that a placement ended (a visit, the family's word); alerts follow in the same transaction.
  app.post("/:id/placements/:placementId/end", async (c) => {
    const id = WorkerIdSchema.safeParse(c.req.param("id"));
    const placementId = WorkerIdSchema.safeParse(c.req.param("placementId"));
    const target = id.success && placementId.success ? workerPlacement(deps, { workerId: id.data, placementId: placementId.data }) : undefined;
    if (!target) return c.notFound();
    authorize(c, "update", target.worker);
    authorize(c, "update", target.placement);
    const body = await c.req.parseBody();
    const values = { endDate: String(body.endDate ?? "").trim(), reason: String(body.reason ?? "") };
    const parsed = placementEndSchema(deps.today()).safeParse(values);
    if (!parsed.success) return workerPage(c, target.workerId, { placementId: target.placementId, ...values, error: formProblemText(parsed.error.issues[0]!.message) });
    const ended = placementEnder(deps, { placementId: target.placementId, endDate: parsed.data.endDate, reason: parsed.data.reason, by: authorOf(c), now: deps.now() });
    if (!ended.ok) {
      const error = ended.problem === "beforeStart" ? messages.workerPlacements.badDate : messages.workerPlacements.notOpen;
      return workerPage(c, target.workerId, { placementId: target.placementId, ...values, error });
    }
    return c.redirect(`/bureau/workers/${target.workerId}#placements`, 303);
  });

  return app;
}
