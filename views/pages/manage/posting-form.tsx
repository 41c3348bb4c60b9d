/**
 * The posting form (new, edit, copy) with an optional preview of what seekers will see. What
 * was typed comes back in the fields, with each field's message next to it.
 */
import { PAY_UNITS, PHYSICAL_DEMANDS, WORKING_TIMES } from "../../../src/core/enums.ts";
import { COMMON_BENEFITS, type PostingInput } from "../../../src/core/posting-rules.ts";
import { CsrfField } from "../../components/csrf-field.tsx";
import { CheckboxGroup, Notice, SelectField, TextAreaField, TextField } from "../../components/form-field.tsx";
import { payText, placeText } from "../../format.ts";
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";
import { ManageNav } from "./manage-nav.tsx";

/** The form's values as typed (strings; benefits may be several checkboxes). */
export type PostingFormValues = Record<string, string | string[] | undefined>;

/** A stored posting as form values (for edit and copy). */
export function postingFormValues(p: Omit<PostingInput, "benefits"> & { benefits: string[] }): PostingFormValues {
  const common = p.benefits.filter((b) => (COMMON_BENEFITS as readonly string[]).includes(b));
  const other = p.benefits.filter((b) => !(COMMON_BENEFITS as readonly string[]).includes(b));
  const s = (v: number | string | null) => (v === null ? "" : String(v));
  return {
    title: p.title,
    description: p.description,
    headcount: String(p.headcount),
    payMin: s(p.payMin),
    payMax: s(p.payMax),
    payUnit: p.payUnit,
    workingTime: p.workingTime,
    ageMin: s(p.ageMin),
    ageMax: s(p.ageMax),
    physicalDemand: s(p.physicalDemand),
    skills: p.skills.join("、"),
    benefits: common,
    benefitsOther: other.join("、"),
    closingDate: s(p.closingDate),
  };
}

export interface PostingFormPageProps {
  /** Where the form posts: /manage/postings/new or /manage/postings/:code/edit. */
  action: string;
  heading: string;
  values: PostingFormValues;
  errors?: Record<string, string>;
  /** The parsed posting to preview, when the manager asked for a preview. */
  preview?: PostingPreviewInput;
  notice?: string | undefined;
}

function text(v: string | string[] | undefined): string {
  return Array.isArray(v) ? v.join("、") : (v ?? "");
}

export function PostingFormPage(props: PostingFormPageProps) {
  const m = messages.workshop;
  const f = m.fields;
  const v = props.values;
  const e = props.errors ?? {};
  const checked = Array.isArray(v.benefits) ? v.benefits : v.benefits ? [v.benefits] : [];
  const hasErrors = Object.keys(e).length > 0;
  /** A range's two number fields side by side (pay, age). */
  const numberPair = (...names: ("payMin" | "payMax" | "ageMin" | "ageMax")[]) => (
    <div class="pair">
      {names.map((name) => (
        <div>
          <TextField name={name} label={f[name]} value={text(v[name])} error={e[name]} type="number" inputmode="numeric" />
        </div>
      ))}
    </div>
  );
  return (
    <BaseLayout title={props.heading}>
      <ManageNav />
      <h1>{props.heading}</h1>
      {hasErrors ? <ErrorSummary errors={e} /> : null}
      <Notice text={props.notice} />
      {props.preview ? <PostingPreview posting={props.preview} /> : null}
      <form method="post" action={props.action} class="stacked posting-form" novalidate>
        <CsrfField />
        <TextField name="title" label={f.title} value={text(v.title)} error={e.title} required />
        <TextField name="headcount" label={f.headcount} value={text(v.headcount)} error={e.headcount} type="number" inputmode="numeric" required />
        {numberPair("payMin", "payMax")}
        <SelectField name="payUnit" label={f.payUnit} value={text(v.payUnit) || "月"} error={e.payUnit} options={PAY_UNITS.map((u) => [u, m.payUnits[u] ?? u] as const)} />
        <SelectField name="workingTime" label={f.workingTime} value={text(v.workingTime) || "全天"} error={e.workingTime} options={WORKING_TIMES.map((t) => [t, messages.job.time[t]] as const)} />
        {numberPair("ageMin", "ageMax")}
        <SelectField
          name="physicalDemand"
          label={f.physicalDemand}
          value={text(v.physicalDemand)}
          error={e.physicalDemand}
          options={[["", f.physicalAny] as const, ...PHYSICAL_DEMANDS.map((d) => [d, messages.job.physicalLevel[d] ?? d] as const)]}
        />
        <CheckboxGroup name="benefits" legend={f.benefits} options={COMMON_BENEFITS} checked={checked} error={e.benefits} />
        <TextField name="benefitsOther" label={f.benefitsOther} value={text(v.benefitsOther)} error={e.benefitsOther} />
        <TextField name="skills" label={f.skills} value={text(v.skills)} error={e.skills} />
        <TextField name="closingDate" label={f.closingDate} value={text(v.closingDate)} error={e.closingDate} type="date" />
        <TextAreaField name="description" label={f.description} value={text(v.description)} error={e.description} />
        <div class="actions">
          <button type="submit" name="intent" value="preview" class="secondary">
            {m.preview}
          </button>
          <button type="submit" name="intent" value="save">
            {props.action.endsWith("/new") ? m.publish : m.save}
          </button>
        </div>
      </form>
    </BaseLayout>
  );
}

/** What the public job page will show, from the typed posting (nothing is saved yet). */
function PostingPreview(props: { posting: PostingPreviewInput }) {
  const p = props.posting;
  const j = messages.job;
  return (
    <section class="preview" aria-label={messages.workshop.previewTitle}>
      <h2>{messages.workshop.previewTitle}</h2>
      <h3 class="job-title">{p.title}</h3>
      <p class="job-pay">{payText(p.payMin, p.payMax, p.payUnit)}</p>
      <dl class="facts">
        <dt>{j.employer}</dt>
        <dd>{p.employerName}</dd>
        <dt>{j.place}</dt>
        <dd>{placeText(p.town, p.village)}</dd>
        {p.physicalDemand ? (
          <>
            <dt>{j.physical}</dt>
            <dd>{j.physicalLevel[p.physicalDemand] ?? p.physicalDemand}</dd>
          </>
        ) : null}
        {p.skills.length > 0 ? (
          <>
            <dt>{j.skills}</dt>
            <dd>{p.skills.join("、")}</dd>
          </>
        ) : null}
        <dt>{j.workingTime}</dt>
        <dd>{j.time[p.workingTime]}</dd>
        <dt>{j.age}</dt>
        <dd>{j.ages(p.ageMin, p.ageMax)}</dd>
        <dt>{j.headcountLabel}</dt>
        <dd>{j.headcount(p.headcount)}</dd>
        {p.benefits.length > 0 ? (
          <>
            <dt>{j.benefits}</dt>
            <dd>{p.benefits.join("、")}</dd>
          </>
        ) : null}
        {p.closingDate ? (
          <>
            <dt>{j.closingLabel}</dt>
            <dd>{j.closing(p.closingDate)}</dd>
          </>
        ) : null}
      </dl>
      <p class="description">{p.description}</p>
    </section>
  );
}

/** What a preview shows besides the typed posting: the employer's name and place. */
export type PostingPreviewInput = PostingInput & { employerName: string; town: string; village: string | null };

/** The form's error banner: what to fix, each field by name linking to it, in the form's order. */
function ErrorSummary(props: { errors: Record<string, string> }) {
  const m = messages.workshop;
  const labels = m.fields as Record<string, string>;
  return (
    <div class="notice error error-summary" role="alert">
      <p>{m.fixErrors}</p>
      <ul>
        {Object.entries(props.errors).map(([name, error]) => (
          <li>
            <a href={`#f-${name}`}>{messages.postingFormErrors.item(labels[name] ?? name, error)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
