/** The bureau's area navigation: statistics, zero-employment households, alerts, workers, audit log. */
import { messages } from "../../messages.ts";

export function BureauNav() {
  const m = messages.bureauNav;
  const links: [string, string][] = [
    ["/bureau/stats", m.stats],
    ["/bureau/zero-employment", m.zeroEmployment],
    ["/bureau/alerts", m.alerts],
    ["/bureau/employers", m.employers],
    ["/bureau/workers", m.workers],
    ["/bureau/import", m.imports],
  ];
  return (
    <nav class="manage-nav" aria-label={m.nav}>
      {links.map(([href, label]) => (
        <a href={href}>{label}</a>
      ))}
    </nav>
  );
}
