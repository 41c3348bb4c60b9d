/**
 * The previous / next links under a list that pages with an offset (bureau lists, audit log):
 * real links, so paging works without JavaScript; an empty span keeps each link on its side.
 * @example <Pager previousHref={props.previousHref} nextHref={props.nextHref} />
 */
import { messages } from "../messages.ts";

export function Pager(props: { previousHref?: string | undefined; nextHref?: string | undefined }) {
  return (
    <nav class="pager" aria-label={messages.search.paging}>
      {props.previousHref ? <a href={props.previousHref}>{messages.search.previous}</a> : <span></span>}
      {props.nextHref ? <a href={props.nextHref}>{messages.search.next}</a> : <span></span>}
    </nav>
  );
}
