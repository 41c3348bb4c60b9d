/** The manager's area navigation: overview, postings, applicants, roster, profile. */
import { messages } from "../../messages.ts";

export function ManageNav() {
  const m = messages.workshop;
  const links: [string, string][] = [
    ["/manage", m.navDashboard],
    ["/manage/postings", m.navPostings],
    ["/manage/applicants", m.navApplicants],
    ["/manage/roster", m.navRoster],
    ["/manage/profile", m.navProfile],
  ];
  return (
    <nav class="manage-nav" aria-label={m.nav}>
      {links.map(([href, label]) => (
        <a href={href}>{label}</a>
      ))}
    </nav>
  );
}
