/**
 * Form fields with their label, a hint and the problem to fix, tied together for screen readers.
 * A field with a problem keeps what was typed and says what is wrong right above the box.
 */
import type { Child } from "hono/jsx";

interface FieldFrameProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: Child;
}

/** `aria-describedby` for a field's hint and error. */
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return ids || undefined;
}

function FieldFrame(props: FieldFrameProps) {
  return (
    <div class={props.error ? "field has-error" : "field"}>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
      {props.children}
    </div>
  );
}

export interface TextFieldProps {
  id: string;
  name: string;
  label: string;
  value?: string | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  type?: "text" | "tel";
  inputmode?: "text" | "tel" | "numeric";
  autocomplete?: string;
  maxlength?: number;
  required?: boolean;
  placeholder?: string;
  /** A text area of this many rows instead of a one-line box. */
  rows?: number;
}

export function TextField(props: TextFieldProps) {
  const common = {
    id: props.id,
    name: props.name,
    maxlength: props.maxlength,
    required: props.required,
    placeholder: props.placeholder,
    "aria-invalid": props.error ? "true" : undefined,
    "aria-describedby": describedBy(props.id, props.hint, props.error),
  };
  return (
    <FieldFrame id={props.id} label={props.label} hint={props.hint} error={props.error}>
      {props.rows ? (
        <textarea {...common} rows={props.rows}>
          {props.value ?? ""}
        </textarea>
      ) : (
        <input {...common} type={props.type ?? "text"} inputmode={props.inputmode} autocomplete={props.autocomplete} value={props.value ?? ""} />
      )}
    </FieldFrame>
  );
}
