/**
 * 代办报名: a cadre applies to a recommended posting for a registry worker, recording how and
 * when the worker agreed. The reasons the matcher gave are shown again so the cadre can read
 * them to the worker before asking.
 */
import { BaseLayout } from "../../layouts/base.tsx";
import { CsrfField } from "../../components/csrf-field.tsx";
import { SelectField, TextAreaField, TextField } from "../../components/form-field.tsx";
import { FormError } from "../../components/form-error.tsx";
import { messages } from "../../messages.ts";
import { CONSENT_METHODS } from "../../../src/core/recommend/on-behalf.ts";

export interface ApplyOnBehalfPageProps {
  worker: { id: number; name: string };
  posting: { code: string; title: string; employerName: string; town: string };
  reasons: string[];
  /** Why the matcher would not recommend it (shown as a warning; the cadre may still apply). */
  exclusions: string[];
  values: { consentMethod: string; consentDate: string; phone: string; note: string };
  errors: Partial<Record<"consentMethod" | "consentDate" | "phone", string>>;
  error?: string | undefined;
}

export function ApplyOnBehalfPage(props: ApplyOnBehalfPageProps) {
  const m = messages.onBehalf;
  const { worker, posting, values, errors } = props;
  return (
    <BaseLayout title={m.title(worker.name)}>
      <h1>{m.title(worker.name)}</h1>
      <p>
        <strong>{posting.title}</strong> · {posting.employerName} · {posting.town}
      </p>
      {props.reasons.length > 0 ? (
        <ul class="reasons">
          {props.reasons.map((r) => (
            <li>{r}</li>
          ))}
        </ul>
      ) : null}
      {props.exclusions.length > 0 ? (
        <div class="notice">
          <p>{m.notRecommended}</p>
          <ul>
            {props.exclusions.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <FormError error={props.error} />
      <form method="post" class="stacked on-behalf-form" novalidate>
        <CsrfField />
        <p class="muted">{m.consentIntro}</p>
        <SelectField name="consentMethod" label={m.consentMethod} value={values.consentMethod} error={errors.consentMethod} options={[["", m.choose], ...CONSENT_METHODS.map((c) => [c, c] as const)]} required />
        <TextField name="consentDate" type="date" label={m.consentDate} value={values.consentDate} error={errors.consentDate} required />
        <TextField name="phone" type="tel" inputmode="tel" label={m.phone} value={values.phone} error={errors.phone} required />
        <TextAreaField name="note" label={m.note} value={values.note} />
        <button type="submit">{m.submit}</button>
      </form>
      <p>
        <a href={`/bureau/workers/${worker.id}#recommendations`}>{m.back}</a>
      </p>
    </BaseLayout>
  );
}
