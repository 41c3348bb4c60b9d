/**
 * One worker of the registry for bureau staff. Town cadres reach their own town's workers only
 * (others answer 404); the ID number and phone are in full only where the policy says so.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { workerById, workersInScope } from "../../../db/queries/records.ts";
import { placementsOfWorker } from "../../../db/queries/worker-placements.ts";
import { chinaDate } from "../../core/china-time.ts";
import { DEPARTURE_REASONS } from "../../core/hire-rules.ts";
import { maskPhone } from "../../core/id-number.ts";
import { registryQueryOf } from "../../core/registry-query.ts";
import { can, canSeeFullIdNumber, canSeeFullPhone, listScope } from "../../core/policy.ts";
import { actorOf, authorize, authorOf, requireRole } from "../../http/guards.tsx";
import { placementEnder } from "../../use-cases/placement-end.ts";
import { messages } from "../../../views/messages.ts";
import type { AppDeps } from "../../app-deps.ts";
import { WorkerPage } from "../../../views/pages/bureau/worker.tsx";
import { WorkersPage } from "../../../views/pages/bureau/workers.tsx";

export const WorkerIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const WORKERS_PER_PAGE = 50;
/** Staff ending a placement: the date it ended and why (the reasons a manager offers too). */
export const PlacementEndSchema = z.object({
  endDate: z.string({ message: messages.workerPlacements.badDate }).regex(/^\d{4}-\d{2}-\d{2}$/, messages.workerPlacements.badDate),
  reason: z.enum(DEPARTURE_REASONS, { message: messages.workerPlacements.badReason }),
});
export const WorkersQuerySchema = z.object({
  q: z.string().trim().max(50).catch("").default(""),
  offset: z.coerce.number().int().min(0).max(10_000_000).catch(0).default(0),
});


export function bureauWorkers(deps: AppDeps): Hono {
  const app = new Hono();

  // A list shows ID numbers and phones masked for everyone; the full values are on a worker's page.
  app.get("/bureau/workers", requireRole("town", "county", "admin"), (c) => {
    const { q, offset } = WorkersQuerySchema.parse(c.req.query());
    const query = registryQueryOf(q);
    const problem =
      query.kind !== "refused"
        ? undefined
        : query.problem === "partialIdNumber"
          ? messages.bureau.partialIdRefused
          : messages.bureau.invalidId(messages.bureau.idProblems[query.problem] ?? "");
    const { rows, hasMore } =
      query.kind === "refused"
        ? { rows: [], hasMore: false }
        : workersInScope(
            deps.db,
            listScope(actorOf(c), "worker"),
            { limit: WORKERS_PER_PAGE, offset },
            query.kind === "idNumber"
              ? { idNumberHash: deps.protector.hashIdNumber(query.idNumber) }
              : query.kind === "text"
                ? { text: query.text }
                : undefined,
          );
    const href = (o: number) => {
      const params = new URLSearchParams();
      if (q) params.set("q", q);
      if (o > 0) params.set("offset", String(o));
      const qs = params.toString();
      return qs ? `/bureau/workers?${qs}` : "/bureau/workers";
    };
    return c.html(
      <WorkersPage
        q={q}
        problem={problem}
        rows={rows.map((r) => ({ ...r, phone: r.phone ? maskPhone(r.phone) : null }))}
        previousHref={offset > 0 ? href(Math.max(0, offset - WORKERS_PER_PAGE)) : undefined}
        nextHref={hasMore ? href(offset + WORKERS_PER_PAGE) : undefined}
      />,
    );
  });

  const workerPage = (c: Context, id: number, endForm?: { placementId: number; endDate: string; reason: string; error: string }) => {
    const worker = workerById(deps.db, id);
    if (!worker) return c.notFound();
    authorize(c, "read", { type: "worker", townId: worker.townId });
    const actor = actorOf(c);
    const fullId = canSeeFullIdNumber(actor, worker);
    const { idNumberCipher, idNumberMasked, phone, ...rest } = worker;
    return c.html(
      <WorkerPage
        worker={{
          ...rest,
          idNumber: fullId ? deps.protector.decrypt(idNumberCipher) : idNumberMasked,
          idNumberMasked: !fullId,
          phone: phone && !canSeeFullPhone(actor, { type: "worker", townId: worker.townId }) ? maskPhone(phone) : phone,
        }}
        placements={placementsOfWorker(deps.db, worker.id)}
        canEnd={can(actor, "update", { type: "worker", townId: worker.townId })}
        today={deps.today()}
        endForm={endForm}
      />,
      endForm ? 400 : 200,
    );
  };

  app.get("/bureau/workers/:id", requireRole("town", "county", "admin"), (c) => {
    const id = WorkerIdSchema.safeParse(c.req.param("id"));
    if (!id.success) return c.notFound();
    return workerPage(c, id.data);
  });

  // Staff record that a placement ended (a visit, the family's word); alerts follow in the same transaction.
  app.post("/bureau/workers/:id/placements/:placementId/end", requireRole("town", "county", "admin"), async (c) => {
    const id = WorkerIdSchema.safeParse(c.req.param("id"));
    const placementId = WorkerIdSchema.safeParse(c.req.param("placementId"));
    const worker = id.success ? workerById(deps.db, id.data) : undefined;
    if (!worker || !placementId.success) return c.notFound();
    authorize(c, "update", { type: "worker", townId: worker.townId });
    const placement = placementsOfWorker(deps.db, worker.id).find((p) => p.id === placementId.data);
    if (!placement) return c.notFound();
    authorize(c, "update", { type: "placement", employerId: placement.employerId, townId: worker.townId });
    const body = await c.req.parseBody();
    const values = { endDate: String(body.endDate ?? "").trim(), reason: String(body.reason ?? "") };
    const parsed = PlacementEndSchema.safeParse(values);
    const error = !parsed.success
      ? parsed.error.issues[0]!.message
      : placement.endDate !== null
        ? messages.workerPlacements.notOpen
        : parsed.data.endDate < placement.startDate
          ? messages.workerPlacements.badDate
          : undefined;
    if (error || !parsed.success) return workerPage(c, worker.id, { placementId: placement.id, ...values, error: error ?? "" });
    placementEnder(deps, { placementId: placement.id, endDate: parsed.data.endDate, reason: parsed.data.reason, by: authorOf(c), now: deps.now() });
    deps.pokeSearch?.();
    return c.redirect(`/bureau/workers/${worker.id}#placements`, 303);
  });

  return app;
}
