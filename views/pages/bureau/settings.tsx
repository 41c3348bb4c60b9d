/**
 * The platform's settings (/bureau/settings): for an admin a form — each field empty for the
 * environment's default or holding the override, with what is in force beside it; for county
 * staff the same values, read only.
 */
import { PROVINCES, SETTING_KEYS, SETTING_VARIABLES, type SettingKey } from "../../../src/core/settings.ts";
import { CsrfField } from "../../components/csrf-field.tsx";
import { Notice, SelectField, TextField } from "../../components/form-field.tsx";
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";
import { BureauNav } from "./bureau-nav.tsx";

export interface SettingView {
  key: SettingKey;
  /** In force, as text. */
  value: string;
  defaultValue: string;
  overridden: boolean;
}

export interface SettingsPageProps {
  countyName: string;
  settings: SettingView[];
  canEdit: boolean;
  /** What the form shows: the override, or what was typed when the form was refused. */
  values: Partial<Record<SettingKey, string>>;
  errors?: Partial<Record<SettingKey, string>>;
  notice?: string | undefined;
}

const FIELD_TYPES: Record<SettingKey, { type: "text" | "number" | "date"; inputmode?: "numeric" }> = {
  countyName: { type: "text" },
  countyProvince: { type: "text" },
  baselineDate: { type: "date" },
  incomeLinePerPersonMonth: { type: "number", inputmode: "numeric" },
  alertOverdueDays: { type: "number", inputmode: "numeric" },
  noticeDays: { type: "number", inputmode: "numeric" },
};

function InForce(props: { setting: SettingView }) {
  const m = messages.settingsPage;
  const s = props.setting;
  return (
    <p class="hint" id={`${s.key}-in-force`}>
      {m.inForce}：<strong class={`setting-${s.key}`}>{s.value}</strong> · {s.overridden ? m.overridden : m.fromDefault(SETTING_VARIABLES[s.key], s.defaultValue)}
    </p>
  );
}

export function SettingsPage(props: SettingsPageProps) {
  const m = messages.settingsPage;
  const errors = props.errors ?? {};
  const byKey = new Map(props.settings.map((s) => [s.key, s]));
  return (
    <BaseLayout title={m.title}>
      <BureauNav />
      <h1>
        {props.countyName} · {m.title}
      </h1>
      <p>{m.intro(props.countyName)}</p>
      <Notice text={Object.keys(errors).length > 0 ? m.fixErrors : undefined} kind="error" />
      <Notice text={props.notice} />
      {props.canEdit ? (
        <form class="stacked settings-form" method="post" action="/bureau/settings">
          <CsrfField />
          <p>{m.emptyMeansDefault}</p>
          {SETTING_KEYS.map((key) => {
            const setting = byKey.get(key)!;
            const field =
              key === "countyProvince" ? (
                <SelectField name={key} label={m.labels[key]} value={props.values[key] ?? ""} error={errors[key]} options={[["", m.anyProvince], ...PROVINCES.map((p) => [p, p] as const)]} />
              ) : (
                <TextField name={key} label={m.labels[key]} value={props.values[key] ?? ""} error={errors[key]} placeholder={setting.defaultValue} {...FIELD_TYPES[key]} />
              );
            return (
              <div class="setting-field">
                {field}
                <InForce setting={setting} />
              </div>
            );
          })}
          <button type="submit">{m.save}</button>
        </form>
      ) : (
        <>
          <p>{m.readOnly}</p>
          <dl class="facts settings-facts">
            {props.settings.map((s) => (
              <>
                <dt>{m.labels[s.key]}</dt>
                <dd>
                  <InForce setting={s} />
                </dd>
              </>
            ))}
          </dl>
        </>
      )}
    </BaseLayout>
  );
}
