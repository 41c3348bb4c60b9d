/** The manager's overview (/manage): open postings, new applicants, people working, stages. */
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";
import { StageCounts } from "./applicants.tsx";
import { ManageNav } from "./manage-nav.tsx";

export interface DashboardFigures {
  employerName: string;
  openPostings: number;
  newApplicants: number;
  workingNow: number;
  workingAssisted: number;
  stages: Record<string, number>;
}

export function DashboardPage(props: { figures: DashboardFigures }) {
  const w = messages.workshop;
  const f = props.figures;
  const tiles: [string, number, string, string][] = [
    [w.openPostings, f.openPostings, "/manage/postings", "open-postings"],
    [w.newApplicants, f.newApplicants, "/manage/applicants", "new-applicants"],
    [w.workingNow, f.workingNow, "/manage/roster", "working-now"],
    [w.workingAssisted, f.workingAssisted, "/manage/roster", "working-assisted"],
  ];
  return (
    <BaseLayout title={w.dashboardTitle}>
      <ManageNav />
      <h1>{w.dashboardTitle}</h1>
      <p>{f.employerName}</p>
      <ul class="tiles">
        {tiles.map(([label, n, href, key]) => (
          <li>
            <a href={href} class="tile" data-figure={key}>
              <strong>{n}</strong>
              <span>{label}</span>
            </a>
          </li>
        ))}
      </ul>
      <h2>{w.stageCounts}</h2>
      <StageCounts stages={f.stages} href={(stage) => `/manage/applicants?status=${encodeURIComponent(stage)}`} />
      <p>
        <a class="button" href="/manage/postings/new">
          {w.newPosting}
        </a>
      </p>
    </BaseLayout>
  );
}
