/**
 * A record's facts as a definition list (`<dl class="facts">`): each entry a term and its value,
 * the value's `<dd>` optionally with a class.
 * @example <Facts entries={[{ term: m.code, value: e.code }, { term: m.status, value: e.status, class: "status" }]} />
 */
import type { Child } from "hono/jsx";

export interface Fact {
  term: Child;
  value: Child;
  class?: string;
}

export function Facts(props: { entries: readonly Fact[] }) {
  return (
    <dl class="facts">
      {props.entries.map((f) => (
        <>
          <dt>{f.term}</dt>
          <dd class={f.class}>{f.value}</dd>
        </>
      ))}
    </dl>
  );
}

/** Headline figures (`<dl class="headline">`): each term over its value, in a box of its own; undefined entries are left out. */
export function HeadlineFigures(props: { entries: readonly (Fact | undefined)[] }) {
  return (
    <dl class="headline">
      {props.entries.map((f) =>
        f ? (
          <div>
            <dt>{f.term}</dt>
            <dd class={f.class}>{f.value}</dd>
          </div>
        ) : null,
      )}
    </dl>
  );
}
