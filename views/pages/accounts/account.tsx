/** "My account": who I am, where my work is, and changing my password. */
import { minPasswordLength } from "../../../src/core/account-rules.ts";
import type { UserRole } from "../../../src/core/enums.ts";
import { CsrfField } from "../../components/csrf-field.tsx";
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";

export interface AccountSummary {
  login: string;
  role: string;
  displayName: string | null;
  mustChangePassword: boolean;
  employerName: string | null;
  townName: string | null;
}

export interface AccountPageProps {
  account: AccountSummary;
  /** Errors of the password form, by field. */
  errors?: Partial<Record<"currentPassword" | "newPassword" | "confirmPassword", string>>;
  notice?: string | undefined;
}

function FieldError(props: { id: string; text: string | undefined }) {
  return props.text ? (
    <p class="field-error" id={props.id}>
      {props.text}
    </p>
  ) : null;
}

export function AccountPage(props: AccountPageProps) {
  const m = messages.accounts;
  const a = props.account;
  const errors = props.errors ?? {};
  const links: [string, string][] = [];
  if (!a.mustChangePassword) {
    if (a.role === "seeker") links.push(["/account/applications", m.myApplications]);
    if (a.role === "manager") links.push(["/manage/postings", m.myPostings], ["/manage/roster", m.roster]);
    if (a.role === "town" || a.role === "county" || a.role === "admin") links.push(["/bureau/workers", m.workers]);
    if (a.role === "county" || a.role === "admin") links.push(["/bureau/audit", m.audit]);
  }
  return (
    <BaseLayout title={m.account}>
      <h1>{m.account}</h1>
      {a.mustChangePassword ? (
        <p class="notice" role="alert">
          {m.mustChangePassword}
        </p>
      ) : null}
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <dl class="facts">
        <dt>{m.loginName}</dt>
        <dd class="account-login">{a.displayName ? `${a.displayName}（${a.login}）` : a.login}</dd>
        <dt>{m.role}</dt>
        <dd class="account-role">{m.roles[a.role] ?? a.role}</dd>
        {a.employerName ? (
          <>
            <dt>{m.employer}</dt>
            <dd>{a.employerName}</dd>
          </>
        ) : null}
        {a.townName ? (
          <>
            <dt>{m.town}</dt>
            <dd>{a.townName}</dd>
          </>
        ) : null}
      </dl>
      {links.length > 0 ? (
        <nav aria-label={m.links}>
          <ul class="links">
            {links.map(([href, label]) => (
              <li>
                <a class="button secondary" href={href}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      <h2 id="password-heading">{m.changePassword}</h2>
      <form class="stacked" method="post" action="/account/password" aria-labelledby="password-heading">
        <CsrfField />
        <label for="currentPassword">{m.currentPassword}</label>
        <input id="currentPassword" name="currentPassword" type="password" autocomplete="current-password" required aria-invalid={errors.currentPassword ? "true" : undefined} />
        <FieldError id="currentPassword-error" text={errors.currentPassword} />
        <label for="newPassword">{m.newPassword}</label>
        <p class="hint" id="newPassword-rule">
          {messages.passwords.rule(minPasswordLength(a.role as UserRole), a.role !== "seeker" && a.role !== "manager")}
        </p>
        <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" minlength={minPasswordLength(a.role as UserRole)} required aria-describedby="newPassword-rule" aria-invalid={errors.newPassword ? "true" : undefined} />
        <FieldError id="newPassword-error" text={errors.newPassword} />
        <label for="confirmPassword">{m.confirmPassword}</label>
        <input id="confirmPassword" name="confirmPassword" type="password" autocomplete="new-password" minlength={minPasswordLength(a.role as UserRole)} required aria-invalid={errors.confirmPassword ? "true" : undefined} />
        <FieldError id="confirmPassword-error" text={errors.confirmPassword} />
        <button type="submit">{m.submitPassword}</button>
      </form>

      <form class="logout" method="post" action="/logout">
        <CsrfField />
        <button type="submit" class="secondary">
          {m.logout}
        </button>
      </form>
    </BaseLayout>
  );
}
