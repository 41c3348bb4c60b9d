/** A manager's roster (在岗名单): who works or worked at their employer. Read-only for now. */
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";

export interface RosterEntry {
  workerName: string;
  village: string;
  startDate: string;
  endDate: string | null;
  monthlyIncome: number | null;
}

export function RosterPage(props: { entries: RosterEntry[] }) {
  const m = messages.manage;
  return (
    <BaseLayout title={m.rosterTitle}>
      <h1>{m.rosterTitle}</h1>
      {props.entries.length === 0 ? (
        <p class="empty">{m.rosterNone}</p>
      ) : (
        <ul class="cards">
          {props.entries.map((e) => (
            <li class="record-card roster-entry">
              <p class="roster-name">
                {e.workerName} · {e.village}
              </p>
              <p>
                {e.endDate ? m.period(e.startDate, e.endDate) : <span class="badge">{m.working}</span>} {e.endDate ? null : m.since(e.startDate)}
                {e.monthlyIncome !== null ? ` · ${m.income(e.monthlyIncome)}` : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </BaseLayout>
  );
}
