/** The sign-in page: one plain form, large fields, a generic error that reveals no account. */
import { CsrfField } from "../../components/csrf-field.tsx";
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";

export interface LoginPageProps {
  login?: string;
  next?: string | undefined;
  error?: string | undefined;
  notice?: string | undefined;
}

export function LoginPage(props: LoginPageProps) {
  const m = messages.accounts;
  const h = messages.loginHelp;
  return (
    <BaseLayout title={m.loginTitle}>
      <h1>{m.loginTitle}</h1>
      <p>{m.loginIntro}</p>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.error ? (
        <p class="form-error" role="alert" id="login-error">
          {props.error}
        </p>
      ) : null}
      <form class="stacked" method="post" action="/login">
        <CsrfField />
        {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
        <label for="login">{m.loginLabel}</label>
        <input id="login" name="login" type="text" value={props.login ?? ""} autocomplete="username" autocapitalize="off" spellcheck={false} required />
        <label for="password">{m.passwordLabel}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit">{m.submitLogin}</button>
      </form>
      <section class="login-help">
        <h2>{h.noAccountTitle}</h2>
        <p>{h.noAccount}</p>
        <p>
          <a class="button" href="/jobs">
            {h.findWork}
          </a>
        </p>
        <p>{h.getAccount}</p>
        <h2>{h.forgotTitle}</h2>
        <p>{h.forgot}</p>
      </section>
    </BaseLayout>
  );
}
