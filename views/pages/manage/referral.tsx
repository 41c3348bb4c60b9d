/**
 * A manager's view of the registry for one posting (/manage/postings/:code/referral): never the
 * people, only how many suitable people live nearby, and a form asking the town to refer them.
 */
import { BaseLayout } from "../../layouts/base.tsx";
import { CsrfField } from "../../components/csrf-field.tsx";
import { TextAreaField } from "../../components/form-field.tsx";
import { ManageNav } from "./manage-nav.tsx";
import { messages } from "../../messages.ts";

export function ReferralPage(props: { posting: { code: string; title: string; town: string }; count: number; requested: boolean; km: number }) {
  const m = messages.candidates;
  return (
    <BaseLayout title={m.referralTitle(props.posting.title)}>
      <ManageNav />
      <h1>{m.referralTitle(props.posting.title)}</h1>
      <p class="referral-count">{m.nearbyCount(props.count, props.km)}</p>
      <p class="muted">{m.managerPrivacy}</p>
      {props.requested ? (
        <p class="notice">{m.requested(props.posting.town)}</p>
      ) : (
        <form method="post" class="stacked referral-form" novalidate>
          <CsrfField />
          <TextAreaField name="note" label={m.referralNote} />
          <button type="submit">{m.requestSubmit(props.posting.town)}</button>
        </form>
      )}
      <p>
        <a href={`/manage/postings/${encodeURIComponent(props.posting.code)}`}>{m.back}</a>
      </p>
    </BaseLayout>
  );
}
