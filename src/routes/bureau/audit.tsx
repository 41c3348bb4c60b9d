/**
 * The audit log page for county staff and admins: filter, page, read. There is no route that
 * changes the log (the table's triggers would refuse it anyway). Personal data inside the
 * before/after values is masked for display.
 */
import { Hono } from "hono";
import { z } from "zod";
import { readDate } from "../../core/calendar.ts";
import { COUNTY_STAFF_ROLES } from "../../core/policy.ts";
import { authorize, requireRole } from "../../http/guards.tsx";
import { pagerLinks } from "../../http/pager-links.ts";
import { auditLogView } from "../../use-cases/audit-view.ts";
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
  .pipe(z.string().refine((v) => readDate(v) !== undefined, messages.audit.badDate).transform((v) => readDate(v)!).optional());

export const AuditQuerySchema = z.object({
  entity: z.enum(AUDITED_ENTITIES).optional().catch(undefined),
  actor: optionalText,
  from: optionalDate,
  to: optionalDate,
  offset: z.coerce.number().int().min(0).max(1_000_000).catch(0).default(0),
});

export function bureauAudit(deps: AppDeps): Hono {
  const app = new Hono();

  // The log is the county's: a town cadre passes the bureau's guard but not this one.
  app.use("*", requireRole(...COUNTY_STAFF_ROLES));

  app.get("/", (c) => {
    authorize(c, "read", { type: "audit-log" });
    const parsed = AuditQuerySchema.safeParse(c.req.query());
    const error = parsed.success ? undefined : parsed.error.issues[0]?.message;
    const query: Partial<z.infer<typeof AuditQuerySchema>> & { offset: number } = parsed.success ? parsed.data : { offset: 0 };
    const filter = { entity: query.entity, actor: query.actor, from: query.from, to: query.to };
    const { rows, hasMore } = auditLogView(deps, { filter, page: { limit: AUDIT_PAGE_SIZE, offset: query.offset } });
    return c.html(
      <AuditPage
        filter={filter}
        entities={AUDITED_ENTITIES}
        error={error}
        rows={rows}
        {...pagerLinks("/bureau/audit", filter, { offset: query.offset, limit: AUDIT_PAGE_SIZE, hasMore })}
      />,
      error ? 400 : 200,
    );
  });

  return app;
}
