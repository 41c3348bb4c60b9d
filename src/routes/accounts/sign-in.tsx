/**
 * Signing in and out. POST /login answers a wrong login or password with one generic message,
 * refuses the attempt after too many failures (429, saying when to retry), and on success sets
 * the session cookie and goes where the person was heading, else to their work (a manager to
 * 用工管理, staff to the bureau's home, a seeker to 我的报名). POST /logout ends the session.
 */
import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { z } from "zod";
import { MAX_LOGIN_LENGTH, MAX_PASSWORD_LENGTH } from "../../core/account-rules.ts";
import { textSchema } from "../../core/text-fields.ts";
import { workPathOf } from "../../core/role-home.ts";
import { clearSessionCookie, clientAddress, SESSION_COOKIE, setSessionCookie } from "../../http/session.ts";
import type { LoginThrottle } from "../../security/login-throttle.ts";
import { signIn, signOut } from "../../use-cases/sessions.ts";
import type { AppDeps } from "../../app-deps.ts";
import { LoginPage } from "../../../views/pages/accounts/login.tsx";
import { messages } from "../../../views/messages.ts";

/** Only a path on this site: "/x", never "//host" or "/\host". */
export const NextPathSchema = z
  .string()
  .regex(/^\/(?![/\\])[^\s]*$/)
  .max(500)
  .optional()
  .catch(undefined);

export const LoginFormSchema = z.object({
  login: textSchema("login", { required: messages.accounts.required, tooLong: messages.accounts.invalidCredentials }),
  password: z.string().min(1, messages.accounts.required).max(MAX_PASSWORD_LENGTH, messages.accounts.invalidCredentials),
  next: NextPathSchema,
});

export function signInRoutes(deps: AppDeps & { throttle: LoginThrottle }): Hono {
  const app = new Hono();

  app.get("/login", (c) => {
    const next = NextPathSchema.parse(c.req.query("next"));
    const user = c.get("user");
    if (user) return c.redirect(next ?? workPathOf(user.actor.role), 303);
    const notice = c.req.query("out") === "1" ? messages.accounts.loggedOut : undefined;
    return c.html(<LoginPage next={next} notice={notice} />);
  });

  app.post("/login", async (c) => {
    const body = await c.req.parseBody();
    const form = LoginFormSchema.safeParse(body);
    const typedLogin = typeof body.login === "string" ? body.login.slice(0, MAX_LOGIN_LENGTH) : "";
    const next = NextPathSchema.parse(body.next);
    if (!form.success) {
      return c.html(<LoginPage login={typedLogin} next={next} error={form.error.issues[0]?.message} />, 400);
    }
    const result = await signIn(deps, { login: form.data.login, password: form.data.password, address: clientAddress(c), now: deps.now() });
    if (!result.ok && result.reason === "throttled") {
      const seconds = Math.ceil(result.retryAfterMs / 1000);
      c.header("Retry-After", String(seconds));
      return c.html(<LoginPage login={typedLogin} next={next} error={messages.accounts.tooManyAttempts(seconds)} />, 429);
    }
    if (!result.ok) {
      deps.log.info("sign-in refused");
      return c.html(<LoginPage login={typedLogin} next={next} error={messages.accounts.invalidCredentials} />, 401);
    }
    // A session token the visitor already held is ended: no session survives a sign-in.
    const previous = getCookie(c, SESSION_COOKIE);
    if (previous) signOut(deps.db, previous);
    setSessionCookie(c, result.token);
    deps.log.info("signed in", { userId: result.user.id, role: result.user.role });
    // Each role lands on its work (src/core/role-home.ts) unless it was heading somewhere.
    const target = result.user.mustChangePassword ? "/account" : (form.data.next ?? workPathOf(result.user.role));
    return c.redirect(target, 303);
  });

  app.post("/logout", (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) signOut(deps.db, token);
    clearSessionCookie(c);
    return c.redirect("/login?out=1", 303);
  });

  return app;
}
