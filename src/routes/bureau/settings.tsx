/**
 * The platform's settings page, /bureau/settings: county staff and admins read it, admins change
 * it (a county POST is 403). Parse the form → authorise → settingsChanger (one transaction, an
 * audit row per change) → 303 back with a notice; a refused form is 422 with the message beside
 * each field and what was typed kept. Self-contained: mounted with one app.route() line.
 */
import { Hono, type Context } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import { encodeSetting, NUMBER_LIMITS, parseSettingsForm, SETTING_KEYS, type SettingKey, type SettingProblem, type SettingsForm } from "../../core/settings.ts";
import { can } from "../../core/policy.ts";
import { actorOf, authorize, authorOf, requireRole } from "../../http/guards.tsx";
import { currentSettings, settingsChanger, settingStates } from "../../use-cases/settings.ts";
import { SettingsPage, type SettingsPageProps } from "../../../views/pages/bureau/settings.tsx";
import { messages } from "../../../views/messages.ts";

export const SETTINGS_PATH = "/bureau/settings";
const m = messages.settingsPage;

/** The Chinese message for a refused field. */
function problemText(key: SettingKey, problem: SettingProblem): string {
  if (problem === "outOfRange") {
    const limits = NUMBER_LIMITS[key as keyof typeof NUMBER_LIMITS];
    return m.errors.outOfRange(limits.min, limits.max);
  }
  return m.errors[problem];
}

export function bureauSettings(deps: AppDeps): Hono {
  const app = new Hono();

  /** The page's props: the settings in force, and the form as stored or as typed. */
  const page = (c: Context, refused?: { values: SettingsForm; errors: Partial<Record<SettingKey, string>> }): SettingsPageProps => {
    const states = settingStates(deps.db);
    return {
      countyName: currentSettings(deps.db).countyName,
      settings: states.map((s) => ({ key: s.key, value: encodeSetting(s.value), defaultValue: s.defaultValue, overridden: s.override !== null })),
      canEdit: can(actorOf(c), "update", { type: "settings" }),
      values: refused?.values ?? Object.fromEntries(states.map((s) => [s.key, s.override ?? ""])),
      ...(refused ? { errors: refused.errors } : {}),
    };
  };

  app.get(SETTINGS_PATH, requireRole("county", "admin"), (c) => {
    authorize(c, "read", { type: "settings" });
    const saved = c.req.query("saved");
    const notice = saved === undefined ? undefined : saved === "0" ? m.unchanged : m.saved(Number(saved) || 0);
    return c.html(<SettingsPage {...page(c)} notice={notice} />);
  });

  app.post(SETTINGS_PATH, requireRole("admin"), async (c) => {
    authorize(c, "update", { type: "settings" });
    const body = await c.req.parseBody();
    const form: SettingsForm = Object.fromEntries(SETTING_KEYS.map((k) => [k, typeof body[k] === "string" ? (body[k] as string) : ""]));
    const parsed = parseSettingsForm(form, deps.today());
    if (!parsed.ok) {
      const errors = Object.fromEntries(Object.entries(parsed.problems).map(([k, p]) => [k, problemText(k as SettingKey, p)]));
      return c.html(<SettingsPage {...page(c, { values: form, errors })} />, 422);
    }
    const result = settingsChanger(deps, { overrides: parsed.overrides, by: authorOf(c), now: deps.now() });
    // The statistics' and alerts' pages read the settings per request; nothing to refresh.
    return c.redirect(`${SETTINGS_PATH}?saved=${result.changed.length}`, 303);
  });

  return app;
}
