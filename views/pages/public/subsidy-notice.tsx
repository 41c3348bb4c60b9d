/**
 * The public notice (公示) of approved subsidy lines: open to anyone without signing in, for the
 * phone that scanned the QR code and for the village board's printout (print CSS in app.css). A
 * name shows the surname only with the given name masked; no ID number and no phone are on it.
 */
import type { publicNotice } from "../../../src/use-cases/subsidy-workflow-view.ts";
import { yuanText } from "../../../src/core/subsidies/ledger.ts";
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";

const p = messages.subsidyWorkflow.publicNotice;

export function SubsidyNoticePage(props: {
  notice: NonNullable<ReturnType<typeof publicNotice>>;
  ended: boolean;
  qrSrc: string;
  url: string;
  nextHref?: string | undefined;
  firstHref?: string | undefined;
  /** The county's name, for the issuer under the notice. */
  countyName: string;
}) {
  const { notice, rows, amountFen, lines } = props.notice;
  return (
    <BaseLayout title={notice.title}>
      <article class="subsidy-notice">
        <h1>{notice.title}</h1>
        <p class="notice-period">{p.period(notice.publishedOn, notice.endsOn)}</p>
        <p>{props.ended ? p.ended : p.intro}</p>
        <div class="table-wrap">
          <table class="data-table notice-table">
            <thead>
              <tr>
                <th>{p.name}</th>
                <th>{p.place}</th>
                <th>{p.policy}</th>
                <th>{p.period2}</th>
                <th class="num">{p.amount}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td class="notice-name">{r.name}</td>
                  <td data-label={p.place}>
                    {r.town}
                    {r.village}
                  </td>
                  <td data-label={p.policy}>
                    {r.policyName}
                    {r.employerName ? <small>（{p.employer}：{r.employerName}）</small> : null}
                  </td>
                  <td class="notice-when" data-label={p.period2}>
                    {r.period}
                  </td>
                  <td class="num" data-label={p.amount}>
                    {yuanText(r.amountFen)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p class="count">{p.total(lines, yuanText(amountFen))}</p>
        {props.nextHref || props.firstHref ? (
          <nav class="pager" aria-label={messages.search.paging}>
            {props.firstHref ? <a href={props.firstHref}>{messages.subsidyLedger.first}</a> : <span></span>}
            {props.nextHref ? <a href={props.nextHref}>{messages.search.next}</a> : <span></span>}
          </nav>
        ) : null}
        <figure class="notice-qr">
          <img src={props.qrSrc} alt={p.qr} width="160" height="160" />
          <figcaption>
            {p.qr}
            <br />
            <span class="notice-url">{props.url}</span>
          </figcaption>
        </figure>
        <p class="notice-issuer">
          {p.issuer(props.countyName)} {notice.publishedOn}
        </p>
        <p class="print-hint">{p.print}</p>
      </article>
    </BaseLayout>
  );
}
