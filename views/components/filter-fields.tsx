/**
 * Fields of the GET filter forms above the bureau's lists (`<form class="stats-form">`): a labelled
 * select whose first option means "any", and the .xlsx / .csv download links under a table.
 * @example <SelectFilter label={m.town} name="town" any={m.allTowns} options={towns} selected={town} />
 */
import { messages } from "../messages.ts";

export type FilterOption = string | { value: string; label: string };

export function SelectFilter(props: { label: string; name: string; any: string; options: readonly FilterOption[]; selected: string | undefined }) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        <option value="">{props.any}</option>
        {props.options.map((o) => {
          const { value, label } = typeof o === "string" ? { value: o, label: o } : o;
          return (
            <option value={value} selected={value === props.selected}>
              {label}
            </option>
          );
        })}
      </select>
    </label>
  );
}

/** The "download as" line: one link per format, `href(format)` gives each address. */
export function DownloadLinks(props: { href: (format: "xlsx" | "csv") => string }) {
  const m = messages.statsPage;
  return (
    <p class="downloads">
      {m.download}
      <a href={props.href("xlsx")} download>
        {m.downloadXlsx}
      </a>
      <a href={props.href("csv")} download>
        {m.downloadCsv}
      </a>
    </p>
  );
}
