/** 补贴明细: the ledger's lines (read-only) and one line's trail. */
import type { LineListRow, lineDetail } from "../../../db/queries/subsidies.ts";
import { chinaTime } from "../../../src/core/china-time.ts";
import { SUBSIDY_LINE_STATUSES, yuanText } from "../../../src/core/subsidies/ledger.ts";
import type { LineSnapshot } from "../../../src/core/subsidies/reconcile.ts";
import { DataTable, num } from "../../components/data-table.tsx";
import { SelectFilter } from "../../components/filter-fields.tsx";
import { FormError } from "../../components/form-error.tsx";
import { Pager } from "../../components/pager.tsx";
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";
import { BureauPage } from "./bureau-page.tsx";
import { BureauNav } from "./bureau-nav.tsx";

const m = messages.subsidies.page;

function snapshotOf(row: { snapshot: string }): Partial<LineSnapshot> {
  try {
    return JSON.parse(row.snapshot) as Partial<LineSnapshot>;
  } catch {
    return {};
  }
}

function payee(row: LineListRow): string {
  return row.employerCode ? `${row.employerName ?? ""}（${row.employerCode}）` : row.workerName;
}

export function SubsidyLinesPage(props: {
  policies: { code: string; name: string }[];
  filter: { policy?: string | undefined; period?: string | undefined; status?: string | undefined };
  error?: string | undefined;
  rows: LineListRow[];
  total: number;
  amountFen: number;
  previousHref?: string | undefined;
  nextHref?: string | undefined;
}) {
  return (
    <BureauPage title={m.title} intro={m.intro}>
      <form class="stats-form" method="get" action="/bureau/subsidies">
        <SelectFilter
          label={m.policy}
          name="policy"
          any={m.allPolicies}
          options={props.policies.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))}
          selected={props.filter.policy}
        />
        <label>
          {m.period}
          <input type="text" name="period" value={props.filter.period ?? ""} placeholder={m.periodHint} inputmode="numeric" maxlength={7} />
        </label>
        <SelectFilter label={m.status} name="status" any={m.allStatuses} options={SUBSIDY_LINE_STATUSES} selected={props.filter.status} />
        <button type="submit">{m.filter}</button>
      </form>
      <FormError error={props.error} />
      <p class="count">{m.count(props.total, yuanText(props.amountFen))}</p>
      {props.rows.length === 0 ? (
        <p class="empty">{m.none}</p>
      ) : (
        <DataTable class="subsidy-lines" columns={[m.line, m.policy, m.period, m.payee, m.worker, m.place, m.months, num(m.amount), m.status]}>
          {props.rows.map((row) => (
            <tr>
              <td>
                <a href={`/bureau/subsidies/${row.id}`}>#{row.id}</a>
                {row.reversesLineId !== null ? <small> {m.reversal(row.reversesLineId)}</small> : null}
              </td>
              <td>{row.policyCode}</td>
              <td>{row.period}</td>
              <td>{payee(row)}</td>
              <td>
                {row.workerName} {row.workerIdMasked}
              </td>
              <td>
                {row.town}
                {row.village}
              </td>
              <td>{(snapshotOf(row).countedMonths ?? []).map((x) => x.month).join("、")}</td>
              <td class="num">{yuanText(row.amountFen)}</td>
              <td>{row.status}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager previousHref={props.previousHref} nextHref={props.nextHref} />
    </BureauPage>
  );
}

export function SubsidyLinePage(props: { detail: NonNullable<ReturnType<typeof lineDetail>> }) {
  const d = props.detail;
  const row = d.line;
  const snap = snapshotOf(row);
  const counted = new Set((snap.countedMonths ?? []).map((x) => x.month));
  return (
    <BaseLayout title={m.detailTitle(row.id)}>
      <BureauNav />
      <p>
        <a href="/bureau/subsidies">{m.back}</a>
      </p>
      <h1>{m.detailTitle(row.id)}</h1>
      <dl class="facts">
        <dt>{m.policy}</dt>
        <dd>
          {row.policyCode} {row.policyName}（{row.kind}，{m.version(d.version)}）
        </dd>
        <dt>{m.rule}</dt>
        <dd>
          {m.ruleText(yuanText(d.versionAmountFen), d.minMonths, d.maxMonthsPerPerson, d.ageLimit, d.onePerHousehold)}；{m.validity(d.startDate, d.endDate)}
        </dd>
        <dt>{m.fundSource}</dt>
        <dd>{d.fundSource ?? "—"}</dd>
        <dt>{m.key}</dt>
        <dd>
          {row.period} · {payee(row)} · {row.workerName} {row.workerIdMasked} · {m.round(row.round)}
        </dd>
        <dt>{m.place}</dt>
        <dd>
          {row.town}
          {row.village}
        </dd>
        <dt>{m.amount}</dt>
        <dd>{yuanText(row.amountFen)}</dd>
        <dt>{m.status}</dt>
        <dd>{row.status}</dd>
        <dt>{m.computed}</dt>
        <dd>{chinaTime(d.computedAt)}</dd>
        <dt>{m.computedBy}</dt>
        <dd>{d.createdBy}</dd>
        <dt>{m.review}</dt>
        <dd>{d.reviewedAt ? `${chinaTime(d.reviewedAt)} ${d.reviewedBy ?? ""} ${d.reviewNote ?? ""}` : m.notReviewed}</dd>
        {row.reversesLineId !== null ? (
          <>
            <dt>{m.reversal(row.reversesLineId)}</dt>
            <dd>
              <a href={`/bureau/subsidies/${row.reversesLineId}`}>#{row.reversesLineId}</a> {m.reason}：{d.reason}
            </dd>
          </>
        ) : null}
        <dt>{m.reversals}</dt>
        <dd>
          {d.reversals.length === 0
            ? m.noReversal
            : d.reversals.map((r) => (
                <span>
                  <a href={`/bureau/subsidies/${r.id}`}>#{r.id}</a> {yuanText(r.amountFen)} {r.status} {r.reason}{" "}
                </span>
              ))}
        </dd>
      </dl>

      {snap.placements ? (
        <>
          <h2>{m.facts}</h2>
          <p>
            {m.category}：{snap.worker?.category ?? "—"}
            {snap.employer ? `；${m.employerFacts}：${snap.employer.code} ${snap.employer.type} ${snap.employer.recognition}` : ""}
          </p>
          <h3>{m.placements}</h3>
          <DataTable columns={[m.placementId, m.employer, m.start, m.end, m.province]}>
            {snap.placements.map((p) => (
              <tr>
                <td>{p.id}</td>
                <td>{p.employerCode ?? "—"}</td>
                <td>{p.startDate}</td>
                <td>{p.endDate ?? m.stillWorking}</td>
                <td>{p.workProvince?.trim() ? p.workProvince : m.ownProvince(snap.countyProvince ?? "")}</td>
              </tr>
            ))}
          </DataTable>
          <h3>{m.monthDays}</h3>
          <DataTable columns={[m.month, num(m.days), m.counted]}>
            {(snap.coveredMonths ?? []).map((x) => (
              <tr>
                <td>{x.month}</td>
                <td class="num">{x.days}</td>
                <td>{counted.has(x.month) ? m.yes : m.no}</td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}

      <h2>{m.trail}</h2>
      <DataTable columns={[m.at, m.actor, m.action]}>
        {d.audit.map((a) => (
          <tr>
            <td>{chinaTime(a.at)}</td>
            <td>{a.actor}</td>
            <td>{a.action === "create" ? m.created : m.updated}</td>
          </tr>
        ))}
      </DataTable>
    </BaseLayout>
  );
}
