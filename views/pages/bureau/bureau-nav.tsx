/**
 * The bureau's area navigation: statistics, zero-employment households, alerts, workers, and the
 * spreadsheets for those the policy lets import (read from the request, like the CSRF field).
 */
import { renderingRequest } from "../../../src/http/request-context.ts";
import { can, canImportRegistry } from "../../../src/core/policy.ts";
import { messages } from "../../messages.ts";

export function BureauNav() {
  const m = messages.bureauNav;
  const actor = renderingRequest()?.get("user")?.actor;
  const links: [string, string][] = [
    ["/bureau/stats", m.stats],
    ["/bureau/confirmations", messages.confirmations.navLink],
    ["/bureau/zero-employment", m.zeroEmployment],
    ["/bureau/alerts", m.alerts],
    ["/bureau/worklist", messages.worklist.nav],
    ["/bureau/employers", m.employers],
    ["/bureau/workers", m.workers],
    ...(actor && canImportRegistry(actor) ? ([["/bureau/import", m.imports]] as [string, string][]) : []),
    ...(actor && can(actor, "read", { type: "settings" }) ? ([["/bureau/settings", m.settings]] as [string, string][]) : []),
    ...(actor && can(actor, "read", { type: "subsidy-line", townId: actor.townId ?? -1 }) ? ([["/bureau/subsidies", m.subsidies]] as [string, string][]) : []),
    ...(actor && (actor.role === "county" || actor.role === "admin") ? ([["/bureau/subsidy-policies", messages.subsidyPolicies.title]] as [string, string][]) : []),
  ];
  return (
    <nav class="manage-nav" aria-label={m.nav}>
      {links.map(([href, label]) => (
        <a href={href}>{label}</a>
      ))}
    </nav>
  );
}
