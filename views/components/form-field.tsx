/**
 * A labelled form field with its message next to it: what was typed stays in the field, the
 * message (in Chinese) is tied to it with aria-describedby and the field is marked invalid.
 * @example <TextField name="title" label="岗位名称" value={values.title} error={errors.title} />
 */
import type { Child } from "hono/jsx";

export interface FieldProps {
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  type?: "text" | "number" | "date" | "tel" | "month";
  inputmode?: "numeric" | "decimal" | "tel";
  required?: boolean;
  placeholder?: string;
}

function FieldMessage(props: { name: string; error: string | undefined }) {
  return props.error ? (
    <p class="field-error" id={`${props.name}-error`}>
      {props.error}
    </p>
  ) : null;
}

export function TextField(props: FieldProps) {
  return (
    <>
      <label for={`f-${props.name}`}>{props.label}</label>
      <input
        id={`f-${props.name}`}
        name={props.name}
        type={props.type ?? "text"}
        value={props.value ?? ""}
        inputmode={props.inputmode}
        placeholder={props.placeholder}
        required={props.required}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={props.error ? `${props.name}-error` : undefined}
      />
      <FieldMessage name={props.name} error={props.error} />
    </>
  );
}

export function TextAreaField(props: FieldProps) {
  return (
    <>
      <label for={`f-${props.name}`}>{props.label}</label>
      <textarea id={`f-${props.name}`} name={props.name} rows={4} aria-invalid={props.error ? "true" : undefined} aria-describedby={props.error ? `${props.name}-error` : undefined}>
        {props.value ?? ""}
      </textarea>
      <FieldMessage name={props.name} error={props.error} />
    </>
  );
}

export function SelectField(props: FieldProps & { options: readonly (readonly [string, string])[] }) {
  return (
    <>
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name} aria-invalid={props.error ? "true" : undefined} aria-describedby={props.error ? `${props.name}-error` : undefined}>
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === (props.value ?? "")}>
            {label}
          </option>
        ))}
      </select>
      <FieldMessage name={props.name} error={props.error} />
    </>
  );
}

export function CheckboxGroup(props: { name: string; legend: string; options: readonly string[]; checked: readonly string[]; error?: string | undefined; children?: Child }) {
  return (
    <fieldset class="checks">
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label class="check">
          <input type="checkbox" name={props.name} value={option} checked={props.checked.includes(option)} /> {option}
        </label>
      ))}
      <FieldMessage name={props.name} error={props.error} />
      {props.children}
    </fieldset>
  );
}

/** A page-level note that something needs fixing, or that something was done. */
export function Notice(props: { text: string | undefined; kind?: "error" | "done" }) {
  if (!props.text) return null;
  return props.kind === "error" ? (
    <p class="form-error" role="alert">
      {props.text}
    </p>
  ) : (
    <p class="notice" role="status">
      {props.text}
    </p>
  );
}
