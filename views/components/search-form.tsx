/** The home page's search box: a plain GET form to /jobs, where the results page takes over. */
import { messages } from "../messages.ts";

export function SearchForm(props: { q?: string }) {
  return (
    <form class="search" action="/jobs" method="get" role="search">
      <label for="q">{messages.search.label}</label>
      <div class="search-row">
        <input id="q" name="q" type="search" value={props.q ?? ""} placeholder={messages.search.placeholder} autocomplete="off" enterkeyhint="search" />
        <button type="submit">{messages.search.submit}</button>
      </div>
    </form>
  );
}
