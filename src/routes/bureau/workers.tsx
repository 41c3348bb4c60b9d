/**
 * One worker of the registry for bureau staff. Town cadres reach their own town's workers only
 * (others answer 404); the ID number and phone are in full only where the policy says so.
 */
import { Hono } from "hono";
import { z } from "zod";
import { workerById } from "../../../db/queries/records.ts";
import { maskPhone } from "../../core/id-number.ts";
import { canSeeFullIdNumber, canSeeFullPhone } from "../../core/policy.ts";
import { actorOf, authorize, requireRole } from "../../http/guards.tsx";
import type { AppDeps } from "../../app-deps.ts";
import { WorkerPage } from "../../../views/pages/bureau/worker.tsx";

export const WorkerIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export function bureauWorkers(deps: AppDeps): Hono {
  const app = new Hono();

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
