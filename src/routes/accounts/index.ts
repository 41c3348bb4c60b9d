/**
 * The accounts area, mounted at `/`: signing in and out (open to everyone) and "my account"
 * under /account (signed-in users; a seeker's own applications list is the seeker's alone). The
 * guard is applied once, to /account and everything under it.
 * @example app.route("/", accountsArea({ ...deps, throttle: createLoginThrottle() }));
 */
import { Hono } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import { ACCOUNT_PATH, requireUser } from "../../http/guards.tsx";
import type { LoginThrottle } from "../../security/login-throttle.ts";
import { accountRoutes } from "./account.tsx";
import { signInRoutes } from "./sign-in.tsx";

export function accountsArea(deps: AppDeps & { throttle: LoginThrottle }): Hono {
  const app = new Hono();
  app.route("/", signInRoutes(deps));
  const account = new Hono();
  account.use("*", requireUser());
  account.route("/", accountRoutes(deps));
  app.route(ACCOUNT_PATH, account);
  return app;
}
