/**
 * A list of record cards (`<ul class="cards …">`), or the line saying there are none.
 * @example <CardList items={rows} none={m.none} class="notes" item={(n) => <li class="record-card">{n.note}</li>} />
 */
import type { Child } from "hono/jsx";

export function CardList<T>(props: { items: readonly T[]; none: string; noneClass?: "empty" | "muted"; class?: string; item: (item: T) => Child }) {
  return props.items.length === 0 ? (
    <p class={props.noneClass ?? "empty"}>{props.none}</p>
  ) : (
    <ul class={props.class ? `cards ${props.class}` : "cards"}>{props.items.map(props.item)}</ul>
  );
}
