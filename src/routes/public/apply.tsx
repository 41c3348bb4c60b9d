/**
 * POST /jobs/:code/apply — 报名. A normal form post: it parses the form, calls the use-case, and
 * shows the confirmation (or the job page again with the problems next to their fields).
 *
 * The confirmation is the answer to the POST itself rather than a redirect: it shows the phone
 * number just typed, so a mistyped number is caught now. Sending the form again (reload) finds
 * the earlier application and says so kindly instead of storing a second one.
 *
 * The CSRF check is the app-wide middleware (src/http/csrf.tsx); the form carries <CsrfField />.
 */
import { Hono } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import { applicantAccountOf } from "../../core/application.ts";
import { chinaDateOf } from "../../core/china-time.ts";
import { newReceiptCode, receiptHash } from "../../security/application-receipt.ts";
import { applyToJob } from "../../use-cases/apply-to-job.ts";
import { ANONYMOUS_VISITOR } from "../../use-cases/audit-trail.ts";
import { findJobPage } from "../../use-cases/find-job.ts";
import { AppliedPage } from "../../../views/pages/public/applied.tsx";
import { JobPage } from "../../../views/pages/public/job.tsx";
import { parseApplicationForm } from "./apply-form.ts";

export function applyRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.post("/jobs/:code/apply", async (c) => {
    const code = c.req.param("code");
    const parsed = parseApplicationForm(await c.req.parseBody());
    const today = deps.today();
    const page = findJobPage(deps, code, {}, today);
    if (!page) return c.notFound();
    if (!parsed.ok) return c.html(<JobPage page={page} form={parsed.form} backHref="/jobs" />, 422);

    const user = c.get("user");
    // 报名回执号: shown once on the answer; only its keyed hash with the phone is stored.
    const receiptCode = newReceiptCode();
    const result = applyToJob(deps, {
      postingCode: code,
      applicant: parsed.data,
      by: user ? { userId: user.actor.userId, login: user.login } : ANONYMOUS_VISITOR,
      applicantUserId: applicantAccountOf(user?.actor),
      today,
      now: deps.now(),
      receiptHash: receiptHash(deps.protector, parsed.data.phone, receiptCode),
    });
    switch (result.outcome) {
      case "applied":
        return c.html(<AppliedPage job={page.job} phone={parsed.data.phone} receiptCode={receiptCode} />);
      case "already-applied":
        return c.html(<AppliedPage job={page.job} phone={parsed.data.phone} alreadyOn={chinaDateOf(result.appliedAt)} />);
      case "not-open":
        return c.html(<JobPage page={{ ...page, block: result.reason }} backHref="/jobs" />, 409);
      case "not-found":
        return c.notFound();
    }
  });

  return app;
}
