/**
 * The filters of the results page, each choice with how many postings it gives. The groups with
 * counts have ids: when htmx refreshes the list it sends them again out of band, so the counts
 * follow the search while the panel (and whatever is open or focused in it) stays put.
 */
import { EMPLOYER_TYPES, WORKING_TIMES, type EmployerType } from "../../src/core/enums.ts";
import { PAY_LEVELS, SEEKER_BENEFITS, type FacetCounts } from "../../src/core/job-filters.ts";
import type { JobBoardQuery } from "../../src/routes/public/job-board-query.ts";
import { typeLabel } from "../format.ts";
import { messages } from "../messages.ts";

const m = messages.search;

export interface FilterGroupsProps {
  query: JobBoardQuery;
  facets: FacetCounts | undefined;
  towns: readonly string[];
  /** Render for an out-of-band swap (inside an htmx fragment). */
  oob?: boolean;
}

/** A choice's count: 0 when the counts are known and it has none, nothing when they are not known. */
function countOf<K extends string | number>(counts: Partial<Record<K, number>> | undefined, key: K): number | undefined {
  return counts ? (counts[key] ?? 0) : undefined;
}

function Count(props: { n: number | undefined }) {
  return <span class={props.n ? "n" : "n zero"}>{m.countOf(props.n ?? 0)}</span>;
}

/** The platform types offered: the home page's six, and any other that has postings or is chosen. */
function offeredTypes(query: JobBoardQuery, facets: FacetCounts | undefined): EmployerType[] {
  const main: readonly EmployerType[] = messages.categories.map((c) => c.type);
  return EMPLOYER_TYPES.filter((type) => main.includes(type) || query.type === type || (facets?.type[type] ?? 0) > 0);
}

function Choice(props: { name: string; value: string; checked: boolean; label: string; n?: number | undefined; type?: "radio" | "checkbox" }) {
  return (
    <label class="choice">
      <input type={props.type ?? "radio"} name={props.name} value={props.value} checked={props.checked} class="live" />
      <span>{props.label}</span>
      {props.n !== undefined && <Count n={props.n} />}
    </label>
  );
}

export function FilterGroups(props: FilterGroupsProps) {
  const { query, facets } = props;
  const oob = props.oob ? { "hx-swap-oob": "true" } : {};
  return (
    <>
      <fieldset id="filter-type" class="choices" {...oob}>
        <legend>{m.typeLegend}</legend>
        <Choice name="type" value="" checked={!query.type} label={m.any} />
        {offeredTypes(query, facets).map((type) => (
          <Choice name="type" value={type} checked={query.type === type} label={typeLabel(type)} n={countOf(facets?.type, type)} />
        ))}
      </fieldset>
      <fieldset id="filter-time" class="choices" {...oob}>
        <legend>{m.timeLegend}</legend>
        <Choice name="time" value="" checked={!query.time} label={m.any} />
        {WORKING_TIMES.map((time) => (
          <Choice name="time" value={time} checked={query.time === time} label={messages.job.time[time]} n={countOf(facets?.time, time)} />
        ))}
      </fieldset>
      <div id="filter-town" class="field" {...oob}>
        <label for="town">{m.townLabel}</label>
        <select id="town" name="town" class="live">
          <option value="">{m.anyTown}</option>
          {props.towns.map((town) => (
            <option value={town} selected={query.town === town}>
              {town}（{m.countOf(facets?.town[town] ?? 0)}）
            </option>
          ))}
        </select>
      </div>
      <fieldset id="filter-pay" class="choices" {...oob}>
        <legend>{m.payLegend}</legend>
        <Choice name="pay" value="" checked={query.pay === undefined} label={m.any} />
        {PAY_LEVELS.map((level) => (
          <Choice name="pay" value={String(level)} checked={query.pay === level} label={m.payAtLeast(level)} n={countOf(facets?.payAtLeast, level)} />
        ))}
        <p class="hint">{m.payNote}</p>
      </fieldset>
      <fieldset id="filter-benefits" class="choices" {...oob}>
        <legend>{m.benefitsLegend}</legend>
        {SEEKER_BENEFITS.map((benefit) => (
          <Choice type="checkbox" name="benefit" value={benefit} checked={query.benefit.includes(benefit)} label={benefit} n={countOf(facets?.benefits, benefit)} />
        ))}
      </fieldset>
    </>
  );
}

/** How many filters are chosen (shown on the closed panel). */
export function chosenFilterCount(query: JobBoardQuery): number {
  return [query.type, query.time, query.town, query.pay, query.age].filter((v) => v !== undefined).length + query.benefit.length;
}
