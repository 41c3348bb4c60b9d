/**
 * The message above a form (or a filtered list) that refused its input; nothing when there is none.
 * @example <FormError error={props.error} />
 */
export function FormError(props: { error?: string | undefined }) {
  return props.error ? (
    <p class="form-error" role="alert">
      {props.error}
    </p>
  ) : null;
}
