/**
 * A manager's postings: the list, a new one (with preview), edit, copy, status changes, and one
 * posting with its applicants. County staff and admins may read any posting's applicants;
 * another employer's posting answers 404.
 */
import { Hono } from "hono";
import { postingByCode, postingsInScope } from "../../../db/queries/records.ts";
import { applicantsOfEmployer, employerProfile, postingRecordByCode, workingFromPosting } from "../../../db/queries/workshop.ts";
import { remainingOpenings } from "../../core/application-pipeline.ts";
import { parsePostingInput, postingStatusAfter, type PostingAction } from "../../core/posting-rules.ts";
import { listScope } from "../../core/policy.ts";
import { actorOf, authorize, authorOf, requireRole } from "../../http/guards.tsx";
import { postingEditor, postingPublisher, postingStatusChanger } from "../../use-cases/manage-postings.ts";
import type { AppDeps } from "../../app-deps.ts";
import { ManagedPostingPage, ManagedPostingsPage } from "../../../views/pages/manage/postings.tsx";
import { PostingFormPage, postingFormValues, type PostingFormValues } from "../../../views/pages/manage/posting-form.tsx";
import { messages } from "../../../views/messages.ts";
import { fieldMessages } from "../../../views/problems.ts";
import { managedEmployerId, noticeOf, toApplicantView, withNotice } from "./manager-context.ts";

const POSTING_ACTIONS: readonly PostingAction[] = ["full", "close", "reopen"];

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

  app.get("/manage/postings", requireRole("manager"), (c) => {
    const postings = postingsInScope(deps.db, listScope(actorOf(c), "posting"));
    return c.html(<ManagedPostingsPage postings={postings} canCreate />);
  });

  app.get("/manage/postings/new", requireRole("manager"), (c) => {
    const employerId = managedEmployerId(c);
    authorize(c, "create", { type: "posting", employerId });
    // "Copy": a posting of one's own employer fills the form; nothing is written until publish.
    const from = c.req.query("from");
    const source = from ? postingRecordByCode(deps.db, from) : undefined;
    if (source) authorize(c, "update", { type: "posting", employerId: source.employerId });
    const values = source ? { ...postingFormValues(source), closingDate: "" } : { headcount: "1" };
    return c.html(<PostingFormPage action="/manage/postings/new" heading={m.newPosting} values={values} />);
  });

  app.post("/manage/postings/new", requireRole("manager"), async (c) => {
    const employerId = managedEmployerId(c);
    authorize(c, "create", { type: "posting", employerId });
    const values = await readForm(c);
    const parsed = parsePostingInput(values, deps.today());
    if (!parsed.ok) return c.html(<PostingFormPage action="/manage/postings/new" heading={m.newPosting} values={values} errors={fieldMessages(parsed.errors)} />, 400);
    if (values.intent === "preview") {
      const employerName = employerProfile(deps.db, employerId)?.employer.name ?? "";
      return c.html(<PostingFormPage action="/manage/postings/new" heading={m.newPosting} values={values} preview={{ ...parsed.value, employerName }} />);
    }
    const row = postingPublisher(deps, { employerId, input: parsed.value, by: authorOf(c), now: deps.now() });
    deps.pokeSearch?.();
    return c.redirect(withNotice(`/manage/postings/${encodeURIComponent(row.code)}`, "created"), 303);
  });

  app.get("/manage/postings/:code/edit", requireRole("manager"), (c) => {
    const posting = postingRecordByCode(deps.db, c.req.param("code"));
    if (!posting) return c.notFound();
    authorize(c, "update", { type: "posting", employerId: posting.employerId });
    const action = `/manage/postings/${encodeURIComponent(posting.code)}/edit`;
    return c.html(<PostingFormPage action={action} heading={m.editPosting} values={postingFormValues(posting)} />);
  });

  app.post("/manage/postings/:code/edit", requireRole("manager"), async (c) => {
    const posting = postingRecordByCode(deps.db, c.req.param("code"));
    if (!posting) return c.notFound();
    authorize(c, "update", { type: "posting", employerId: posting.employerId });
    const action = `/manage/postings/${encodeURIComponent(posting.code)}/edit`;
    const values = await readForm(c);
    const parsed = parsePostingInput(values, deps.today(), posting.closingDate);
    if (!parsed.ok) return c.html(<PostingFormPage action={action} heading={m.editPosting} values={values} errors={fieldMessages(parsed.errors)} />, 400);
    if (values.intent === "preview") {
      const employerName = employerProfile(deps.db, posting.employerId)?.employer.name ?? "";
      return c.html(<PostingFormPage action={action} heading={m.editPosting} values={values} preview={{ ...parsed.value, employerName }} />);
    }
    postingEditor(deps, { posting, input: parsed.value, by: authorOf(c), now: deps.now() });
    deps.pokeSearch?.();
    return c.redirect(withNotice(`/manage/postings/${encodeURIComponent(posting.code)}`, "saved"), 303);
  });

  app.post("/manage/postings/:code/status", requireRole("manager"), async (c) => {
    const posting = postingRecordByCode(deps.db, c.req.param("code"));
    if (!posting) return c.notFound();
    authorize(c, "update", { type: "posting", employerId: posting.employerId });
    const body = await c.req.parseBody();
    const action = POSTING_ACTIONS.find((a) => a === body.action);
    const back = `/manage/postings/${encodeURIComponent(posting.code)}`;
    const changed = action ? postingStatusChanger(deps, { postingId: posting.id, action, by: authorOf(c), now: deps.now() }) : null;
    if (!changed) return c.redirect(`${back}?problem=status`, 303);
    deps.pokeSearch?.();
    return c.redirect(withNotice(back, "status"), 303);
  });

  app.get("/manage/postings/:code", requireRole("manager", "county", "admin"), (c) => {
    const posting = postingByCode(deps.db, c.req.param("code"));
    const record = posting ? postingRecordByCode(deps.db, posting.code) : undefined;
    if (!posting || !record) return c.notFound();
    // The applicants are what is private here, so the check is on them.
    authorize(c, "read", { type: "application", employerId: posting.employerId });
    const actor = actorOf(c);
    const canEdit = actor.role === "manager";
    const applicants = applicantsOfEmployer(deps.db, posting.employerId, posting.id).map((a) => toApplicantView(actor, a));
    const openings = remainingOpenings(record.headcount, workingFromPosting(deps.db, record.id, deps.today()));
    const actions = canEdit ? POSTING_ACTIONS.filter((a) => postingStatusAfter(record.status, a, { closingDate: record.closingDate, today: deps.today() }) !== null) : [];
    return c.html(
      <ManagedPostingPage
        posting={{ ...record, employerName: posting.employerName, openings }}
        applicants={applicants}
        actions={actions}
        canEdit={canEdit}
        notice={noticeOf(c) === m.saved && c.req.query("done") === "status" ? m.statusChanged(record.status) : noticeOf(c)}
        error={c.req.query("problem") === "status" ? m.noChange : c.req.query("problem") === "transition" ? m.errors.transition : undefined}
      />,
    );
  });

  return app;
}
