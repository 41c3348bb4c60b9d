/**
 * The spreadsheet page for county staff: upload a file of one kind and read what was accepted and
 * what was rejected (row, column, reason, with the report to download); blank templates and
 * exports per kind. The form works without JavaScript; the upload runs while the page waits.
 */
import { CsrfField } from "../../components/csrf-field.tsx";
import { DataTable, num } from "../../components/data-table.tsx";
import { HeadlineFigures } from "../../components/facts.tsx";
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";
import { BureauPage } from "./bureau-page.tsx";
import { BureauNav } from "./bureau-nav.tsx";

export interface ImportResultView {
  kind: string;
  created: number;
  updated: number;
  unchanged: number;
  rejectedCount: number;
  rejected: { rowNumber: number; column: string; reason: string }[];
  unknownColumns: string[];
  reportHref?: string | undefined;
}

/** An import still running: how far it is (htmx polls the fragment; without JavaScript the page refreshes itself). */
export interface ImportProgressView {
  href: string;
  fileName: string;
  done: number;
  total: number | undefined;
}

/** The job's area: progress while running, then the result or the error. */
export function ImportJobFragment(props: { progress?: ImportProgressView | undefined; result?: ImportResultView | undefined; error?: string | undefined }) {
  const m = messages.importPage;
  const p = props.progress;
  if (p) {
    return (
      <div id="import-progress" class="import-progress" hx-get={p.href} hx-trigger="every 1s" hx-target="this" hx-swap="outerHTML" aria-live="polite">
        <noscript>
          <meta http-equiv="refresh" content="2" />
        </noscript>
        <p>{m.running(p.fileName)}</p>
        {p.total ? <progress max={p.total} value={p.done}></progress> : <progress></progress>}
        <p class="muted">{messages.imports.progress(p.done, p.total)}</p>
        <p>
          <a href={p.href}>{m.refresh}</a>
        </p>
      </div>
    );
  }
  return (
    <div id="import-progress">
      {props.error ? (
        <p class="form-error" role="alert">
          {props.error}
        </p>
      ) : null}
      {props.result ? <ImportResult result={props.result} /> : null}
      <p>
        <a href="/bureau/import">{m.again}</a>
      </p>
    </div>
  );
}

/** The page of one import: the job's area alone. */
export function ImportJobPage(props: Parameters<typeof ImportJobFragment>[0]) {
  const m = messages.importPage;
  return (
    <BaseLayout title={m.title}>
      <BureauNav />
      <h1>{m.title}</h1>
      <ImportJobFragment {...props} />
    </BaseLayout>
  );
}

export function ImportPage(props: { kinds: readonly string[]; maxMb: number; kind?: string | undefined; error?: string | undefined; result?: ImportResultView }) {
  const m = messages.importPage;
  const kindName = (k: string) => messages.imports.kinds[k] ?? k;
  return (
    <BureauPage title={m.title} intro={m.intro}>
      {props.result ? <ImportResult result={props.result} /> : null}
      <form method="post" action="/bureau/import" enctype="multipart/form-data" class="stacked import-form" novalidate>
        <CsrfField />
        {props.error ? (
          <p class="form-error" role="alert">
            {props.error}
          </p>
        ) : null}
        <label for="f-kind">{m.kind}</label>
        <select id="f-kind" name="kind" required>
          <option value="">{m.chooseKind}</option>
          {props.kinds.map((k) => (
            <option value={k} selected={props.kind === k}>
              {kindName(k)}
            </option>
          ))}
        </select>
        <label for="f-file">{m.file}</label>
        <input id="f-file" type="file" name="file" accept=".xlsx,.csv" required />
        <p class="muted">{m.fileHint(props.maxMb)}</p>
        <button type="submit">{m.submit}</button>
      </form>
      <h2>{m.templates}</h2>
      <ul class="downloads">
        {props.kinds.map((k) => (
          <li>
            <a href={`/bureau/export/${k}?template=1&format=xlsx`} download>
              {kindName(k)}
            </a>
          </li>
        ))}
      </ul>
      <h2>{m.exports}</h2>
      <ul class="downloads">
        {props.kinds.map((k) => (
          <li>
            {kindName(k)}：
            <a href={`/bureau/export/${k}?format=xlsx`} download>
              {messages.statsPage.downloadXlsx}
            </a>{" "}
            <a href={`/bureau/export/${k}?format=csv`} download>
              {messages.statsPage.downloadCsv}
            </a>
          </li>
        ))}
      </ul>
    </BureauPage>
  );
}

function ImportResult(props: { result: ImportResultView }) {
  const m = messages.importPage;
  const kindName = (k: string) => messages.imports.kinds[k] ?? k;
  const r = props.result;
  return (
    <section class="import-result" aria-live="polite">
      <h2>
        {m.result}：{kindName(r.kind)}
      </h2>
      <HeadlineFigures
        entries={[
          { term: m.accepted, value: r.created + r.updated + r.unchanged, class: "accepted" },
          { term: m.rejected, value: r.rejectedCount, class: "rejected" },
        ]}
      />
      <p class="muted">
        {m.created} {r.created} · {m.updated} {r.updated} · {m.unchanged} {r.unchanged}
      </p>
      {r.unknownColumns.length > 0 ? <p class="notice">{messages.imports.unknownColumns(r.unknownColumns)}</p> : null}
      {r.rejected.length > 0 ? (
        <DataTable class="rejected-rows" columns={[num(m.row), m.column, m.reason]}>
          {r.rejected.map((row) => (
            <tr>
              <td class="num">{row.rowNumber}</td>
              <td>{row.column}</td>
              <td>{row.reason}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {r.rejectedCount > r.rejected.length ? <p>{m.moreRejected(r.rejectedCount - r.rejected.length)}</p> : null}
      {r.reportHref ? (
        <p>
          <a href={r.reportHref} download>
            {m.report}
          </a>
        </p>
      ) : null}
    </section>
  );
}
