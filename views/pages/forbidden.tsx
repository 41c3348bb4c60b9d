/** Refusals: sign in first, no right to this area, or a form that failed the CSRF check. */
import { BaseLayout } from "../layouts/base.tsx";
import { messages } from "../messages.ts";

export function ForbiddenPage(props: { reason: "login" | "role" | "csrf" }) {
  const title = props.reason === "csrf" ? messages.forbidden.csrfTitle : props.reason === "login" ? messages.accounts.login : messages.forbidden.title;
  const body = props.reason === "csrf" ? messages.forbidden.csrf : props.reason === "login" ? messages.forbidden.login : messages.forbidden.body;
  return (
    <BaseLayout title={title}>
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a class="button" href={props.reason === "login" ? "/login" : "/"}>
          {props.reason === "login" ? messages.accounts.login : messages.errors.backHome}
        </a>
      </p>
    </BaseLayout>
  );
}
