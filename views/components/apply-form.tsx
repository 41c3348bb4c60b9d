/**
 * The application form (报名) on a job's page: name and phone, village and a note if one likes.
 * A plain POST form; a problem shows next to its field with what was typed kept.
 */
import { APPLICANT_NAME_MAX, APPLICANT_VILLAGE_MAX, APPLICATION_NOTE_MAX } from "../../src/core/application.ts";
import type { ApplicationField, ApplicationFormState } from "../../src/routes/public/apply-form.ts";
import { messages } from "../messages.ts";
import { CsrfField } from "./csrf-field.tsx";
import { TextField } from "./fields.tsx";

const m = messages.apply;

export interface ApplyFormProps {
  code: string;
  form?: ApplicationFormState | undefined;
}

const LABELS: Record<ApplicationField, string> = { name: m.name, phone: m.phone, village: m.village, note: m.note };

export function ApplyForm(props: ApplyFormProps) {
  const values = props.form?.values ?? {};
  const errors = props.form?.errors ?? {};
  const problems = (Object.keys(errors) as ApplicationField[]).filter((field) => errors[field]);
  return (
    <form class="apply" method="post" action={`/jobs/${encodeURIComponent(props.code)}/apply#apply`} novalidate>
      <CsrfField />
      {problems.length > 0 && (
        <div class="error-summary" role="alert">
          <p>{m.errorSummary}</p>
          <ul>
            {problems.map((field) => (
              <li>
                <a href={`#apply-${field}`}>
                  {LABELS[field]}：{errors[field]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <TextField id="apply-name" name="name" label={m.name} value={values.name} error={errors.name} autocomplete="name" maxlength={APPLICANT_NAME_MAX + 10} required />
      <TextField
        id="apply-phone"
        name="phone"
        label={m.phone}
        type="tel"
        inputmode="tel"
        autocomplete="tel"
        value={values.phone}
        hint={m.phoneHint}
        error={errors.phone}
        maxlength={20}
        required
      />
      <TextField id="apply-village" name="village" label={m.village} value={values.village} error={errors.village} maxlength={APPLICANT_VILLAGE_MAX + 10} />
      <TextField
        id="apply-note"
        name="note"
        label={m.note}
        value={values.note}
        error={errors.note}
        placeholder={m.notePlaceholder}
        maxlength={APPLICATION_NOTE_MAX + 20}
        rows={3}
      />
      <button type="submit" class="wide">
        {m.submit}
      </button>
    </form>
  );
}
