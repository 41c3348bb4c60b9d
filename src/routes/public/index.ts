/**
 * The public area, mounted at `/`: the job board, applying, checking or withdrawing an application
 * with its receipt code, and the subsidies' public notices. No guard — a visitor without an
 * account searches, reads and applies; a signed-in seeker's application is linked to them.
 * @example app.route("/", publicArea(deps));
 */
import { Hono } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import { createLoginThrottle } from "../../security/login-throttle.ts";
import { applyRoutes } from "./apply.tsx";
import { checkApplicationRoutes } from "./check-application.tsx";
import { jobBoard } from "./job-board.tsx";
import { publicNotices } from "./notices.tsx";

export function publicArea(deps: AppDeps): Hono {
  const app = new Hono();
  app.route("/", jobBoard(deps));
  app.route("/", applyRoutes(deps));
  app.route("/", publicNotices(deps));
  // 查询报名: receipt guesses count in the sign-in failures' table (per phone and per address).
  app.route("/", checkApplicationRoutes({ ...deps, throttle: createLoginThrottle({ db: deps.db }) }));
  return app;
}
