/**
 * The one-person registry form at /bureau/workers/new and /bureau/workers/:id/edit: parse the
 * form (the workers row rules, in the use-case), authorise (a cadre: their own town; checked
 * again for the row's towns inside the use-case's transaction), one use-case, render. A worker
 * of another town answers 404.
 */
import { Hono, type Context } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import { actorOf, authorize, authorOf } from "../../http/guards.tsx";
import { PERSON_FIELDS, personEditView, personFormOptions, registryPersonSaver, type PersonErrors, type PersonValues } from "../../use-cases/registry-person.ts";
import { RegistryPersonPage } from "../../../views/pages/bureau/registry-person.tsx";
import { messages } from "../../../views/messages.ts";
import { WorkerIdSchema } from "./workers.tsx";

const NOTICES = { created: messages.registryPerson.created, updated: messages.registryPerson.updated, unchanged: messages.registryPerson.unchanged } as const;

/** The form's fields as typed (strings; anything else is empty). */
function valuesOf(body: Record<string, unknown>): PersonValues {
  return Object.fromEntries(PERSON_FIELDS.map(([field]) => [field, typeof body[field] === "string" ? (body[field] as string) : ""]));
}

export function bureauRegistryPerson(deps: AppDeps): Hono {
  const app = new Hono();

  const page = (c: Context, props: { values: PersonValues; errors?: PersonErrors; edit?: { workerId: number; name: string } }, status: 200 | 400 = 200) => {
    const { towns } = personFormOptions(deps, { actor: actorOf(c) });
    const done = c.req.query("done");
    const notice = done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : undefined;
    const values = { ...props.values, town: props.values.town || (towns.length === 1 ? towns[0] : "") };
    return c.html(<RegistryPersonPage values={values} errors={props.errors} towns={towns} edit={props.edit} notice={notice} />, status);
  };

  app.get("/new", (c) => page(c, { values: {} }));

  app.post("/new", async (c) => {
    const values = valuesOf(await c.req.parseBody());
    const saved = registryPersonSaver(deps, { values, actor: actorOf(c), by: authorOf(c), today: deps.today() });
    if (!saved.ok) return page(c, { values, errors: saved.errors }, 400);
    return c.redirect(`/bureau/workers/${saved.workerId}/edit?done=${saved.change}`, 303);
  });

  const editTarget = (c: Context) => {
    const id = WorkerIdSchema.safeParse(c.req.param("id"));
    const view = id.success ? personEditView(deps, { id: id.data }) : undefined;
    if (!id.success || !view) return undefined;
    authorize(c, "update", view.resource);
    return { id: id.data, ...view };
  };

  app.get("/:id/edit", (c) => {
    const target = editTarget(c);
    if (!target) return c.notFound();
    return page(c, { values: target.values, edit: { workerId: target.id, name: target.name } });
  });

  app.post("/:id/edit", async (c) => {
    const target = editTarget(c);
    if (!target) return c.notFound();
    // The ID number is the person's key in the registry: it stays the stored one.
    const values = { ...valuesOf(await c.req.parseBody()), idNumber: target.values.idNumber ?? "" };
    const saved = registryPersonSaver(deps, { values, actor: actorOf(c), by: authorOf(c), today: deps.today() });
    if (!saved.ok) return page(c, { values, errors: saved.errors, edit: { workerId: target.id, name: target.name } }, 400);
    return c.redirect(`/bureau/workers/${saved.workerId}/edit?done=${saved.change}`, 303);
  });

  return app;
}
