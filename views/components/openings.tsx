/**
 * "还需 N 人" — the openings left on a posting (headcount less the people working from it), for
 * the public job page and card and the manager's list. A posting marked 已招满 says so whatever
 * the count (a manager may close the hiring before the headcount is reached); a closed one shows
 * nothing here (its status says it). Renders nothing when the number is unknown.
 * @example <Openings count={job.openings} status={job.status} />
 */
import { messages } from "../messages.ts";

export function Openings(props: { count: number | undefined; status?: string | undefined }) {
  if (props.status === "已招满") return <span class="openings full">{messages.workshop.openings(0)}</span>;
  if (props.status === "已关闭" || props.count === undefined) return null;
  return <span class={props.count > 0 ? "openings" : "openings full"}>{messages.workshop.openings(props.count)}</span>;
}
