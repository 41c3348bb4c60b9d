/**
 * "My account" (/account): who I am and changing my password; and a seeker's own applications
 * (/account/applications). Mounted at /account behind the signed-in guard (accounts/index.ts);
 * records go through the policy.
 */
import { Hono } from "hono";
import { z } from "zod";
import { minPasswordLength } from "../../core/account-rules.ts";
import { SEEKER_ROLES } from "../../core/policy.ts";
import { actorOf, authorize, currentUser, requireRole } from "../../http/guards.tsx";
import { changePassword } from "../../use-cases/sessions.ts";
import { accountView, applicationView, myApplicationsView } from "../../use-cases/account-view.ts";
import type { AppDeps } from "../../app-deps.ts";
import { AccountPage } from "../../../views/pages/accounts/account.tsx";
import { MyApplicationPage, MyApplicationsPage } from "../../../views/pages/accounts/my-applications.tsx";
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

export function accountRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  const summary = (userId: number) => accountView(deps, userId);

  app.get("/", (c) => {
    const user = currentUser(c);
    const notice = c.req.query("changed") === "1" ? m.passwordChanged : undefined;
    return c.html(<AccountPage account={summary(user.actor.userId)} notice={notice} />);
  });

  app.post("/password", async (c) => {
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
                result.problem === "tooShort"
                  ? messages.passwords.tooShort(minPasswordLength(user.actor.role))
                  : result.problem === "tooLong"
                    ? m.passwordTooLong
                    : result.problem === "sameAsLogin"
                      ? m.passwordSameAsLogin
                      : result.problem === "common"
                        ? messages.passwords.common
                        : result.problem === "onlyDigits"
                          ? messages.passwords.onlyDigits
                          : m.passwordUnchanged,
            };
      return c.html(<AccountPage account={summary(user.actor.userId)} errors={errors} />, 400);
    }
    return c.redirect("/account?changed=1", 303);
  });

  app.get("/applications", requireRole(...SEEKER_ROLES), (c) => {
    return c.html(<MyApplicationsPage applications={myApplicationsView(deps, actorOf(c))} />);
  });

  app.get("/applications/:id", (c) => {
    const id = ApplicationIdSchema.safeParse(c.req.param("id"));
    const view = id.success ? applicationView(deps, { id: id.data, actor: actorOf(c) }) : undefined;
    if (!view) return c.notFound();
    authorize(c, "read", view.resource);
    return c.html(<MyApplicationPage application={view.application} />);
  });

  return app;
}
