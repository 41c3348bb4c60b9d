/**
 * "还需 N 人" — the openings left on a posting (headcount less the people working from it), for
 * the public job page and card. Renders nothing when the number is unknown.
 * @example <Openings count={job.openings} />
 */
import { messages } from "../messages.ts";

export function Openings(props: { count: number | undefined }) {
  if (props.count === undefined) return null;
  return <span class={props.count > 0 ? "openings" : "openings full"}>{messages.workshop.openings(props.count)}</span>;
}
