/** The bureau's home (/bureau): where staff land after signing in — what waits for them, and the way to each page. */
import { messages } from "../../messages.ts";
import { BureauPage } from "./bureau-page.tsx";

export function BureauHomePage(props: { confirmations: number }) {
  const m = messages.bureauHome;
  return (
    <BureauPage title={m.title} intro={m.intro}>
      <p class="confirmation-total" data-figure="confirmations">
        <strong>{m.confirmationsDue(props.confirmations)}</strong> {props.confirmations > 0 ? <a href="/bureau/confirmations">{m.goConfirm}</a> : null}
      </p>
    </BureauPage>
  );
}
