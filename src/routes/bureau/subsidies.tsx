/**
 * 补贴明细 for county staff, read-only: the ledger's lines filtered by policy, period and status,
 * and one line's whole trail (policy version, placements and months, computed when and by whom,
 * review, reversals, audit rows). Review, notice and payment pages come later (issue 12).
 */
import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps } from "../../app-deps.ts";
import { SUBSIDY_LINE_STATUSES } from "../../core/subsidies/ledger.ts";
import { COUNTY_STAFF_ROLES } from "../../core/policy.ts";
import { optionalTextSchema } from "../../core/text-fields.ts";
import { requireRole } from "../../http/guards.tsx";
import { pagerLinks } from "../../http/pager-links.ts";
import { subsidyLineTrail, subsidyLinesPage, subsidyPolicyChoices } from "../../use-cases/subsidies-view.ts";
import { SubsidyLinePage, SubsidyLinesPage } from "../../../views/pages/bureau/subsidies.tsx";
import { messages } from "../../../views/messages.ts";

const m = messages.subsidies.page;
const PAGE_SIZE = 50;

export const SubsidyLineQuerySchema = z.object({
  policy: optionalTextSchema("filter", m.unknownPolicy).transform((v) => v ?? undefined).optional(),
  period: z
    .string()
    .trim()
    .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, m.badPeriod)
    .optional(),
  status: z.enum(SUBSIDY_LINE_STATUSES).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export function bureauSubsidies(deps: AppDeps): Hono {
  const app = new Hono();

  app.use("*", requireRole(...COUNTY_STAFF_ROLES));

  app.get("/", (c) => {
    const raw = Object.fromEntries(["policy", "period", "status", "offset"].map((k) => [k, c.req.query(k) || undefined]));
    const parsed = SubsidyLineQuerySchema.safeParse(raw);
    const policies = subsidyPolicyChoices(deps);
    const query = parsed.success ? parsed.data : { offset: 0 };
    let error = parsed.success ? undefined : parsed.error.issues[0]?.message;
    if (!error && query.policy && !policies.some((p) => p.code === query.policy)) error = m.unknownPolicy;
    const filter = error ? {} : { policyCode: query.policy, period: query.period, status: query.status };
    const { rows, total, amountFen } = subsidyLinesPage(deps, filter, { limit: PAGE_SIZE, offset: error ? 0 : query.offset });
    const offset = error ? 0 : query.offset;
    return c.html(
      <SubsidyLinesPage
        policies={policies}
        filter={{ policy: query.policy, period: query.period, status: query.status }}
        error={error}
        rows={rows}
        total={total}
        amountFen={amountFen}
        {...pagerLinks("/bureau/subsidies", { policy: filter.policyCode, period: filter.period, status: filter.status }, { offset, limit: PAGE_SIZE, hasMore: offset + PAGE_SIZE < total })}
      />,
      error ? 400 : 200,
    );
  });

  app.get("/:id{[0-9]+}", (c) => {
    const detail = subsidyLineTrail(deps, Number(c.req.param("id")));
    if (!detail) return c.notFound();
    return c.html(<SubsidyLinePage detail={detail} />);
  });

  return app;
}
