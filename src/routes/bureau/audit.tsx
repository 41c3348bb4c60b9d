/**
 * The audit log page for county staff and admins: filter, page, read. There is no route that
 * changes the log (the table's triggers would refuse it anyway). Personal data inside the
 * before/after values is masked for display.
 */
import { Hono } from "hono";
import { z } from "zod";
import { listAudit } from "../../../db/queries/audit.ts";
import { auditDisplay } from "../../core/audit-values.ts";
import { chinaTime, startOfChinaDay } from "../../core/china-time.ts";
import { authorize, requireRole } from "../../http/guards.tsx";
import type { AppDeps } from "../../app-deps.ts";
import { AuditPage } from "../../../views/pages/bureau/audit.tsx";
import { messages } from "../../../views/messages.ts";

export const AUDIT_PAGE_SIZE = 50;
export const AUDITED_ENTITIES = ["posting", "application", "placement", "worker", "household", "employer", "user", "api-token", "alert", "alert-note", "county", "setting"] as const;

const optionalText = z.string().trim().max(100).optional().transform((v) => (v ? v : undefined));
const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, messages.audit.badDate).optional());

export const AuditQuerySchema = z.object({
  entity: z.enum(AUDITED_ENTITIES).optional().catch(undefined),
  actor: optionalText,
  from: optionalDate,
  to: optionalDate,
  offset: z.coerce.number().int().min(0).max(1_000_000).catch(0).default(0),
});

export function bureauAudit(deps: AppDeps): Hono {
  const app = new Hono();

  app.get("/bureau/audit", requireRole("county", "admin"), (c) => {
    authorize(c, "read", { type: "audit-log" });
    const parsed = AuditQuerySchema.safeParse(c.req.query());
    const error = parsed.success ? undefined : parsed.error.issues[0]?.message;
    const query: Partial<z.infer<typeof AuditQuerySchema>> & { offset: number } = parsed.success ? parsed.data : { offset: 0 };
    const filter = { entity: query.entity, actor: query.actor, from: query.from, to: query.to };
    const range = { fromAt: query.from ? startOfChinaDay(query.from) : undefined, beforeAt: query.to ? startOfChinaDay(query.to, 1) : undefined };
    const { rows, hasMore } = listAudit(deps.db, { entity: filter.entity, actor: filter.actor, ...range }, { limit: AUDIT_PAGE_SIZE, offset: query.offset });
    const href = (offset: number) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
      if (offset > 0) params.set("offset", String(offset));
      const qs = params.toString();
      return qs ? `/bureau/audit?${qs}` : "/bureau/audit";
    };
    return c.html(
      <AuditPage
        filter={filter}
        entities={AUDITED_ENTITIES}
        error={error}
        rows={rows.map((r) => ({
          id: r.id,
          at: chinaTime(r.at),
          actor: r.actorLabel,
          action: r.action,
          entity: r.entity,
          entityId: r.entityId,
          before: auditDisplay(r.before),
          after: auditDisplay(r.after),
        }))}
        previousHref={query.offset > 0 ? href(Math.max(0, query.offset - AUDIT_PAGE_SIZE)) : undefined}
        nextHref={hasMore ? href(query.offset + AUDIT_PAGE_SIZE) : undefined}
      />,
      error ? 400 : 200,
    );
  });

  return app;
}
