/**
 * A manager's postings (mounted at /manage/postings): the list, a new one (with preview), edit,
 * copy, status changes, and one posting with its applicants. Another employer's posting answers
 * 404; county staff read a posting's applicants at /bureau/postings/:code (bureau/postings.tsx).
 */
import { remainingApplicantsDecliner } from "../../use-cases/decline-remaining-applicants.ts";
import { Hono } from "hono";
import { parsePostingInput } from "../../core/posting-rules.ts";
import { actorOf, authorize, authorOf } from "../../http/guards.tsx";
import { postingEditor, postingPublisher, postingStatusChanger } from "../../use-cases/manage-postings.ts";
import { employerPreviewOf, POSTING_ACTIONS, postingsView, postingToEdit, postingWithApplicantsView } from "../../use-cases/manage-postings-view.ts";
import type { AppDeps } from "../../app-deps.ts";
import { ManagedPostingPage, ManagedPostingsPage } from "../../../views/pages/manage/postings.tsx";
import { PostingFormPage, postingFormValues, type PostingFormValues } from "../../../views/pages/manage/posting-form.tsx";
import { messages } from "../../../views/messages.ts";
import { fieldMessages } from "../../../views/problems.ts";
import { managedEmployerId, noticeOf, withNotice } from "./manager-context.ts";

/** The form as posted: every field a string, benefits possibly several. */
async function readForm(c: { req: { parseBody(o: { all: true }): Promise<Record<string, unknown>> } }): Promise<PostingFormValues> {
  const body = await c.req.parseBody({ all: true });
  const values: PostingFormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === "_csrf") continue;
    if (Array.isArray(v)) values[k] = v.filter((x): x is string => typeof x === "string");
    else if (typeof v === "string") values[k] = v;
  }
  return values;
}

export function managePostings(deps: AppDeps): Hono {
  const app = new Hono();
  const m = messages.workshop;

  app.get("/", (c) => {
    const postings = postingsView(deps, { actor: actorOf(c) });
    return c.html(<ManagedPostingsPage postings={postings} canCreate />);
  });

  app.get("/new", (c) => {
    const employerId = managedEmployerId(c);
    authorize(c, "create", { type: "posting", employerId });
    // "Copy": a posting of one's own employer fills the form; nothing is written until publish.
    const from = c.req.query("from");
    const source = from ? postingToEdit(deps, from) : undefined;
    if (source) authorize(c, "update", { type: "posting", employerId: source.employerId });
    const values = source ? { ...postingFormValues(source), closingDate: "" } : { headcount: "1" };
    return c.html(<PostingFormPage action="/manage/postings/new" heading={m.newPosting} values={values} />);
  });

  app.post("/new", async (c) => {
    const employerId = managedEmployerId(c);
    authorize(c, "create", { type: "posting", employerId });
    const values = await readForm(c);
    const parsed = parsePostingInput(values, deps.today());
    if (!parsed.ok) return c.html(<PostingFormPage action="/manage/postings/new" heading={m.newPosting} values={values} errors={fieldMessages(parsed.errors)} />, 400);
    if (values.intent === "preview") {
      const employer = employerPreviewOf(deps, employerId);
      return c.html(<PostingFormPage action="/manage/postings/new" heading={m.newPosting} values={values} preview={{ ...parsed.value, ...employer }} />);
    }
    const row = postingPublisher(deps, { employerId, input: parsed.value, by: authorOf(c), now: deps.now() });
    return c.redirect(withNotice(`/manage/postings/${encodeURIComponent(row.code)}`, "created"), 303);
  });

  app.get("/:code/edit", (c) => {
    const posting = postingToEdit(deps, c.req.param("code"));
    if (!posting) return c.notFound();
    authorize(c, "update", { type: "posting", employerId: posting.employerId });
    const action = `/manage/postings/${encodeURIComponent(posting.code)}/edit`;
    return c.html(<PostingFormPage action={action} heading={m.editPosting} values={postingFormValues(posting)} />);
  });

  app.post("/:code/edit", async (c) => {
    const posting = postingToEdit(deps, c.req.param("code"));
    if (!posting) return c.notFound();
    authorize(c, "update", { type: "posting", employerId: posting.employerId });
    const action = `/manage/postings/${encodeURIComponent(posting.code)}/edit`;
    const values = await readForm(c);
    const parsed = parsePostingInput(values, deps.today(), posting.closingDate);
    if (!parsed.ok) return c.html(<PostingFormPage action={action} heading={m.editPosting} values={values} errors={fieldMessages(parsed.errors)} />, 400);
    if (values.intent === "preview") {
      const employer = employerPreviewOf(deps, posting.employerId);
      return c.html(<PostingFormPage action={action} heading={m.editPosting} values={values} preview={{ ...parsed.value, ...employer }} />);
    }
    postingEditor(deps, { posting, input: parsed.value, by: authorOf(c), now: deps.now() });
    return c.redirect(withNotice(`/manage/postings/${encodeURIComponent(posting.code)}`, "saved"), 303);
  });

  app.post("/:code/status", async (c) => {
    const posting = postingToEdit(deps, c.req.param("code"));
    if (!posting) return c.notFound();
    authorize(c, "update", { type: "posting", employerId: posting.employerId });
    const body = await c.req.parseBody();
    const action = POSTING_ACTIONS.find((a) => a === body.action);
    const back = `/manage/postings/${encodeURIComponent(posting.code)}`;
    const changed = action ? postingStatusChanger(deps, { postingId: posting.id, action, by: authorOf(c), now: deps.now() }) : null;
    if (!changed) return c.redirect(`${back}?problem=status`, 303);
    return c.redirect(withNotice(back, "status"), 303);
  });

  // After a posting is full: tell everyone still waiting (未录用) in one action.
  app.post("/:code/decline-remaining", (c) => {
    const posting = postingToEdit(deps, c.req.param("code"));
    if (!posting) return c.notFound();
    authorize(c, "update", { type: "posting", employerId: posting.employerId });
    const back = `/manage/postings/${encodeURIComponent(posting.code)}`;
    const result = remainingApplicantsDecliner(deps, { postingId: posting.id, by: authorOf(c), now: deps.now() });
    if (!result.ok) return c.redirect(`${back}?problem=status`, 303);
    return c.redirect(`${back}?declined=${result.declined}`, 303);
  });

  app.get("/:code", (c) => {
    const view = postingWithApplicantsView(deps, { code: c.req.param("code"), actor: actorOf(c), today: deps.today(), forManager: true });
    if (!view) return c.notFound();
    // The applicants are what is private here, so the check is on them.
    authorize(c, "read", { type: "application", employerId: view.employerId });
    return c.html(
      <ManagedPostingPage
        posting={view.posting}
        applicants={view.applicants}
        actions={view.actions}
        canEdit
        notice={
          c.req.query("declined") !== undefined
            ? messages.remainingApplicants.declined(Number(c.req.query("declined")) || 0)
            : noticeOf(c) === m.saved && c.req.query("done") === "status"
              ? m.statusChanged(view.status)
              : noticeOf(c)
        }
        error={c.req.query("problem") === "status" ? m.noChange : c.req.query("problem") === "transition" ? m.errors.transition : undefined}
      />,
    );
  });

  return app;
}
