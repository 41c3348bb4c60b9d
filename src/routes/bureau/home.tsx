/** The bureau's home (/bureau): the count of hires waiting for confirmation in the actor's scope, and the area's navigation. */
import { Hono } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import { actorOf } from "../../http/guards.tsx";
import { confirmationCountView } from "../../use-cases/confirmations-view.ts";
import { BureauHomePage } from "../../../views/pages/bureau/home.tsx";

export function bureauHome(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/", (c) => c.html(<BureauHomePage confirmations={confirmationCountView(deps, { actor: actorOf(c) })} />));
  return app;
}
