/**
 * "My account" (/account): who I am and changing my password; and a seeker's own applications
 * (/account/applications). Every route is for signed-in users; records go through the policy.
 */
import { Hono } from "hono";
import { z } from "zod";
import { accountSummary } from "../../../db/queries/accounts.ts";
import { applicationById, applicationsOfUser, type ApplicationRow } from "../../../db/queries/records.ts";
import { maskPhone } from "../../core/id-number.ts";
import { canSeeFullPhone, type Actor } from "../../core/policy.ts";
import { actorOf, authorize, currentUser, requireRole, requireUser } from "../../http/guards.tsx";
import { changePassword } from "../../use-cases/sessions.ts";
import type { AppDeps } from "../../app-deps.ts";
import { AccountPage, type AccountPageProps } from "../../../views/pages/accounts/account.tsx";
import { MyApplicationPage, MyApplicationsPage, type MyApplication } from "../../../views/pages/accounts/my-applications.tsx";
import { messages } from "../../../views/messages.ts";

const m = messages.accounts;

export const ChangePasswordFormSchema = z
  .object({
    currentPassword: z.string().min(1, m.required).max(128, m.wrongCurrentPassword),
    newPassword: z.string().min(8, m.passwordTooShort).max(128, m.passwordTooLong),
    confirmPassword: z.string().min(1, m.required),
  })
  .refine((f) => f.newPassword === f.confirmPassword, { message: m.passwordsDiffer, path: ["confirmPassword"] });

export const ApplicationIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** An application as its applicant sees it: their own phone in full, if the policy agrees. */
function toMyApplication(actor: Actor, row: ApplicationRow): MyApplication {
  const full = canSeeFullPhone(actor, { type: "application", employerId: row.employerId, applicantUserId: row.applicantUserId, workerTownId: row.workerTownId });
  return {
    id: row.id,
    postingCode: row.postingCode,
    postingTitle: row.postingTitle,
    employerName: row.employerName,
    status: row.status,
    createdAt: row.createdAt,
    phone: full ? row.applicantPhone : maskPhone(row.applicantPhone),
    note: row.note,
  };
}

export function accountRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  const summary = (userId: number): AccountPageProps["account"] => {
    const found = accountSummary(deps.db, userId);
    if (!found) throw new Error("signed-in user vanished");
    return found;
  };

  app.get("/account", requireUser(), (c) => {
    const user = currentUser(c);
    const notice = c.req.query("changed") === "1" ? m.passwordChanged : undefined;
    return c.html(<AccountPage account={summary(user.actor.userId)} notice={notice} />);
  });

  app.post("/account/password", requireUser(), async (c) => {
    const user = currentUser(c);
    const form = ChangePasswordFormSchema.safeParse(await c.req.parseBody());
    if (!form.success) {
      const errors = Object.fromEntries(form.error.issues.map((i) => [String(i.path[0]), i.message]));
      return c.html(<AccountPage account={summary(user.actor.userId)} errors={errors} />, 400);
    }
    const result = await changePassword(deps.db, {
      userId: user.actor.userId,
      currentPassword: form.data.currentPassword,
      newPassword: form.data.newPassword,
      keepSessionHash: c.get("sessionTokenHash") ?? "",
      now: deps.now(),
    });
    if (!result.ok) {
      const errors =
        result.problem === "wrongCurrent"
          ? { currentPassword: m.wrongCurrentPassword }
          : {
              newPassword:
                result.problem === "tooShort" ? m.passwordTooShort : result.problem === "tooLong" ? m.passwordTooLong : result.problem === "sameAsLogin" ? m.passwordSameAsLogin : m.passwordUnchanged,
            };
      return c.html(<AccountPage account={summary(user.actor.userId)} errors={errors} />, 400);
    }
    return c.redirect("/account?changed=1", 303);
  });

  app.get("/account/applications", requireRole("seeker"), (c) => {
    const actor = actorOf(c);
    const rows = applicationsOfUser(deps.db, actor.userId);
    return c.html(<MyApplicationsPage applications={rows.map((r) => toMyApplication(actor, r))} />);
  });

  app.get("/account/applications/:id", requireUser(), (c) => {
    const id = ApplicationIdSchema.safeParse(c.req.param("id"));
    const row = id.success ? applicationById(deps.db, id.data) : undefined;
    if (!row) return c.notFound();
    authorize(c, "read", { type: "application", employerId: row.employerId, applicantUserId: row.applicantUserId, workerTownId: row.workerTownId });
    return c.html(<MyApplicationPage application={toMyApplication(actorOf(c), row)} />);
  });

  return app;
}
