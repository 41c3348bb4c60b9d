/** The search box: a plain GET form to /jobs; htmx refreshes the list as one types. */
import { messages } from "../messages.ts";

export function SearchForm(props: { q?: string; liveTarget?: string }) {
  const live = props.liveTarget
    ? {
        "hx-get": "/jobs",
        "hx-trigger": "input changed delay:400ms from:find input[name=q], submit",
        "hx-target": props.liveTarget,
        "hx-swap": "outerHTML",
        "hx-push-url": "true",
      }
    : {};
  return (
    <form class="search" action="/jobs" method="get" role="search" {...live}>
      <label for="q">{messages.search.label}</label>
      <div class="search-row">
        <input id="q" name="q" type="search" value={props.q ?? ""} placeholder={messages.search.placeholder} autocomplete="off" enterkeyhint="search" />
        <button type="submit">{messages.search.submit}</button>
      </div>
    </form>
  );
}
