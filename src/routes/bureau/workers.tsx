/**
 * One worker of the registry for bureau staff. Town cadres reach their own town's workers only
 * (others answer 404); the ID number and phone are in full only where the policy says so.
 */
import { Hono } from "hono";
import { z } from "zod";
import { workerById, workersInScope } from "../../../db/queries/records.ts";
import { maskPhone } from "../../core/id-number.ts";
import { canSeeFullIdNumber, canSeeFullPhone, listScope } from "../../core/policy.ts";
import { actorOf, authorize, requireRole } from "../../http/guards.tsx";
import type { AppDeps } from "../../app-deps.ts";
import { WorkerPage } from "../../../views/pages/bureau/worker.tsx";
import { WorkersPage } from "../../../views/pages/bureau/workers.tsx";

export const WorkerIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const WORKERS_PER_PAGE = 50;
export const WorkersQuerySchema = z.object({ offset: z.coerce.number().int().min(0).max(10_000_000).catch(0).default(0) });

export function bureauWorkers(deps: AppDeps): Hono {
  const app = new Hono();

  // A list shows ID numbers and phones masked for everyone; the full values are on a worker's page.
  app.get("/bureau/workers", requireRole("town", "county", "admin"), (c) => {
    const { offset } = WorkersQuerySchema.parse(c.req.query());
    const { rows, hasMore } = workersInScope(deps.db, listScope(actorOf(c), "worker"), { limit: WORKERS_PER_PAGE, offset });
    const href = (o: number) => (o > 0 ? `/bureau/workers?offset=${o}` : "/bureau/workers");
    return c.html(
      <WorkersPage
        rows={rows.map((r) => ({ ...r, phone: r.phone ? maskPhone(r.phone) : null }))}
        previousHref={offset > 0 ? href(Math.max(0, offset - WORKERS_PER_PAGE)) : undefined}
        nextHref={hasMore ? href(offset + WORKERS_PER_PAGE) : undefined}
      />,
    );
  });

  app.get("/bureau/workers/:id", requireRole("town", "county", "admin"), (c) => {
    const id = WorkerIdSchema.safeParse(c.req.param("id"));
    const worker = id.success ? workerById(deps.db, id.data) : undefined;
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
      />,
    );
  });

  return app;
}
