/**
 * The base layout: zh-CN, mobile-first, large type. Scripts are our own files only (htmx and a
 * tiny app.js), deferred, so the page reads and works before — and without — them.
 */
import type { Child } from "hono/jsx";
import { workPathOf, workPlaceOf } from "../../src/core/role-home.ts";
import { renderingRequest } from "../../src/http/request-context.ts";
import { assetUrl } from "../../src/http/static-assets.ts";
import { currentCsrfToken } from "../components/csrf-field.tsx";
import { messages } from "../messages.ts";

/** htmx settings compatible with the Content-Security-Policy: no injected styles, no eval. */
const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  historyCacheSize: 5,
  scrollIntoViewOnBoost: false,
});

export interface BaseLayoutProps {
  title?: string;
  description?: string;
  /** A page of wide tables for staff at a desk (the ledger's lists): the main column may grow to the screen. */
  wide?: boolean;
  children?: Child;
}

export function BaseLayout(props: BaseLayoutProps) {
  // The CSRF token rides on every htmx request as a header (hx-headers is inherited from <body>).
  const csrfToken = currentCsrfToken();
  const user = renderingRequest()?.get("user");
  const signedIn = user !== undefined;
  // The way to the signed-in person's work, first in the header (src/core/role-home.ts).
  const work = user ? workPlaceOf(user.actor.role) : undefined;
  const title = props.title ? `${props.title} - ${messages.site.name}` : `${messages.site.name} · ${messages.site.tagline}`;
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content={props.description ?? messages.site.description} />
        <meta name="htmx-config" content={HTMX_CONFIG} />
        <meta name="format-detection" content="telephone=no" />
        {csrfToken ? <meta name="csrf-token" content={csrfToken} /> : null}
        <title>{title}</title>
        <link rel="icon" href={assetUrl("favicon.svg")} type="image/svg+xml" />
        <link rel="stylesheet" href={assetUrl("app.css")} />
        <script src={assetUrl("htmx.js")} defer></script>
        <script src={assetUrl("app.js")} defer></script>
      </head>
      <body hx-headers={csrfToken ? JSON.stringify({ "X-CSRF-Token": csrfToken }) : undefined}>
        <a class="skip" href="#main">
          {messages.site.skipToContent}
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            {messages.site.name}
          </a>
          <nav aria-label={messages.site.mainNav}>
            <a href="/jobs">{messages.site.jobs}</a>
            {user && work ? <a href={workPathOf(user.actor.role)}>{messages.workPlaces[work]}</a> : null}
            <a href={signedIn ? "/account" : "/login"}>{signedIn ? messages.accounts.account : messages.accounts.login}</a>
          </nav>
        </header>
        <main id="main" class={props.wide ? "wide" : undefined}>
          {props.children}
        </main>
        <footer class="site-footer">{messages.site.footer}</footer>
      </body>
    </html>
  );
}
