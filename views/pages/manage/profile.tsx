/** The employer profile a manager keeps; name, type and recognition are shown, not edited. */
import { CsrfField } from "../../components/csrf-field.tsx";
import { Notice, SelectField, TextField } from "../../components/form-field.tsx";
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";
import { ManageNav } from "./manage-nav.tsx";

export interface ProfileView {
  name: string;
  type: string;
  recognition: string;
  town: string;
  coreFactory: string | null;
  villages: { id: number; name: string }[];
}

export function ProfilePage(props: { profile: ProfileView; values: Record<string, string>; errors?: Record<string, string>; notice?: string | undefined }) {
  const w = messages.workshop;
  const p = props.profile;
  const v = props.values;
  const e = props.errors ?? {};
  return (
    <BaseLayout title={w.profileTitle}>
      <ManageNav />
      <h1>{w.profileTitle}</h1>
      <Notice text={Object.keys(e).length > 0 ? w.fixErrors : undefined} kind="error" />
      <Notice text={props.notice} />
      <dl class="facts">
        <dt>{w.employerName}</dt>
        <dd class="employer-name">{p.name}</dd>
        <dt>{w.employerType}</dt>
        <dd>{p.type}</dd>
        <dt>{w.recognition}</dt>
        <dd>{p.recognition}</dd>
        {p.coreFactory ? (
          <>
            <dt>{w.coreFactory}</dt>
            <dd class="core-factory">{p.coreFactory}</dd>
          </>
        ) : null}
        <dt>{w.town}</dt>
        <dd>{p.town}</dd>
      </dl>
      <p class="muted">{w.profileIntro}</p>
      <form method="post" action="/manage/profile" class="stacked" novalidate>
        <CsrfField />
        <SelectField name="villageId" label={w.village} value={v.villageId} error={e.villageId} options={[["", w.villageNone] as const, ...p.villages.map((x) => [String(x.id), x.name] as const)]} />
        <TextField name="address" label={w.address} value={v.address} error={e.address} />
        <div class="pair">
          <div>
            <TextField name="lat" label={w.lat} value={v.lat} error={e.lat} inputmode="decimal" />
          </div>
          <div>
            <TextField name="lng" label={w.lng} value={v.lng} error={e.lng} inputmode="decimal" />
          </div>
        </div>
        <TextField name="contactName" label={w.contactName} value={v.contactName} error={e.contactName} />
        <TextField name="contactPhone" label={w.contactPhone} type="tel" inputmode="tel" value={v.contactPhone} error={e.contactPhone} />
        <button type="submit">{w.save}</button>
      </form>
    </BaseLayout>
  );
}
