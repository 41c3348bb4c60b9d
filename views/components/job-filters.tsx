/**
 * The filters of the results page, each choice a link (a chip) to the same search with that
 * choice made, with how many postings it gives: one tap changes the list, with JavaScript off
 * too (issue 10). The chosen chip is marked (aria-current); 不限 clears its group. Hidden inputs
 * carry the choices into the search form, so typing words keeps them.
 *
 * The groups have ids: when htmx refreshes the list it sends them again out of band, so the
 * counts and the chips' links follow the search while the panel (and whatever is open in it)
 * stays put. With htmx the chips are boosted (hx-boost on the groups): a tap fetches the list only.
 */
import { EMPLOYER_TYPES, WORKING_TIMES, type EmployerType } from "../../src/core/enums.ts";
import { PAY_LEVELS, RADIUS_CHOICES_KM, SEEKER_BENEFITS, type FacetCounts } from "../../src/core/job-filters.ts";
import { jobsHref, type JobBoardQuery } from "../../src/routes/public/job-board-query.ts";
import { JOB_SORTS } from "../../src/search/job-search.ts";
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

/**
 * The same search with one change; a changed choice starts again at the first page. Without
 * JavaScript the new page opens at the results (#job-list), so the tap shows what it did; htmx
 * scrolls to the same anchor after its swap.
 */
export function chipHref(query: JobBoardQuery, change: Partial<JobBoardQuery>): string {
  return `${jobsHref({ ...query, ...change, offset: undefined })}#job-list`;
}

/** What is chosen, each with a link that takes it away: shown above the results. */
export function chosenChoices(query: JobBoardQuery): { label: string; href: string }[] {
  const chosen: { label: string; href: string }[] = [];
  const add = (label: string, change: Partial<JobBoardQuery>) => chosen.push({ label, href: chipHref(query, change) });
  if (query.sort && query.sort !== "relevance") add(m.sorts[query.sort], { sort: undefined });
  if (query.radius !== undefined) add(m.radius(query.radius), { radius: undefined });
  if (query.age !== undefined) add(messages.chips.age(query.age), { age: undefined });
  if (query.type) add(typeLabel(query.type), { type: undefined });
  if (query.time) add(messages.job.time[query.time], { time: undefined });
  if (query.town) add(query.town, { town: undefined });
  if (query.pay !== undefined) add(m.payAtLeast(query.pay), { pay: undefined });
  for (const benefit of query.benefit) add(benefit, { benefit: query.benefit.filter((b) => b !== benefit) });
  return chosen;
}

/** One choice: a link styled as a big pill, marked when chosen. */
export function Chip(props: { href: string; chosen: boolean; label: string; n?: number | undefined }) {
  return (
    <a class="choice" href={props.href} aria-current={props.chosen ? "true" : undefined}>
      <span>{props.label}</span>
      {props.n !== undefined && <Count n={props.n} />}
    </a>
  );
}

/** A hidden input for a chosen value (none when nothing is chosen). */
function Carry(props: { name: string; value: string | number | undefined }) {
  return props.value === undefined ? null : <input type="hidden" name={props.name} value={String(props.value)} />;
}

/** Attributes of a group: its id, boosted links, and out of band when inside a fragment. */
const group = (id: string, oob: boolean | undefined) => ({ id, "hx-boost": "true", ...(oob ? { "hx-swap-oob": "true" } : {}) });

/** Order and distance as chips (in the form's "order" part); refreshed out of band like the filters. */
export function OrderGroups(props: { query: JobBoardQuery; oob?: boolean }) {
  const { query } = props;
  return (
    <>
      <fieldset class="choices sort" {...group("filter-sort", props.oob)}>
        <legend>{m.sortLabel}</legend>
        {JOB_SORTS.map((sort) => (
          <Chip href={chipHref(query, { sort: sort === "relevance" ? undefined : sort })} chosen={(query.sort ?? "relevance") === sort} label={m.sorts[sort]} />
        ))}
        <Carry name="sort" value={query.sort === "relevance" ? undefined : query.sort} />
      </fieldset>
      <fieldset class="choices radius" {...group("filter-radius", props.oob)}>
        <legend>{m.radiusLabel}</legend>
        <Chip href={chipHref(query, { radius: undefined })} chosen={query.radius === undefined} label={m.radiusAny} />
        {RADIUS_CHOICES_KM.map((km) => (
          <Chip href={chipHref(query, { radius: km })} chosen={query.radius === km} label={m.radius(km)} />
        ))}
        <Carry name="radius" value={query.radius} />
      </fieldset>
    </>
  );
}

export function FilterGroups(props: FilterGroupsProps) {
  const { query, facets, oob } = props;
  return (
    <>
      <fieldset class="choices" {...group("filter-type", oob)}>
        <legend>{m.typeLegend}</legend>
        <Chip href={chipHref(query, { type: undefined })} chosen={!query.type} label={m.any} />
        {offeredTypes(query, facets).map((type) => (
          <Chip href={chipHref(query, { type })} chosen={query.type === type} label={typeLabel(type)} n={countOf(facets?.type, type)} />
        ))}
        <Carry name="type" value={query.type} />
      </fieldset>
      <fieldset class="choices" {...group("filter-time", oob)}>
        <legend>{m.timeLegend}</legend>
        <Chip href={chipHref(query, { time: undefined })} chosen={!query.time} label={m.any} />
        {WORKING_TIMES.map((time) => (
          <Chip href={chipHref(query, { time })} chosen={query.time === time} label={messages.job.time[time]} n={countOf(facets?.time, time)} />
        ))}
        <Carry name="time" value={query.time} />
      </fieldset>
      <fieldset class="choices" {...group("filter-town", oob)}>
        <legend>{m.townLabel}</legend>
        <Chip href={chipHref(query, { town: undefined })} chosen={!query.town} label={m.anyTown} />
        {props.towns.map((town) => (
          <Chip href={chipHref(query, { town })} chosen={query.town === town} label={town} n={facets?.town[town] ?? 0} />
        ))}
        <Carry name="town" value={query.town} />
      </fieldset>
      <fieldset class="choices" {...group("filter-pay", oob)}>
        <legend>{m.payLegend}</legend>
        <Chip href={chipHref(query, { pay: undefined })} chosen={query.pay === undefined} label={m.any} />
        {PAY_LEVELS.map((level) => (
          <Chip href={chipHref(query, { pay: level })} chosen={query.pay === level} label={m.payAtLeast(level)} n={countOf(facets?.payAtLeast, level)} />
        ))}
        <Carry name="pay" value={query.pay} />
        <p class="hint">{m.payNote}</p>
      </fieldset>
      <fieldset class="choices" {...group("filter-benefits", oob)}>
        <legend>{m.benefitsLegend}</legend>
        {/* Benefits add up: a tap on a chosen one takes it away again. */}
        {SEEKER_BENEFITS.map((benefit) => {
          const chosen = query.benefit.includes(benefit);
          const benefits = chosen ? query.benefit.filter((b) => b !== benefit) : [...query.benefit, benefit];
          return <Chip href={chipHref(query, { benefit: benefits })} chosen={chosen} label={benefit} n={countOf(facets?.benefits, benefit)} />;
        })}
        {query.benefit.map((benefit) => (
          <Carry name="benefit" value={benefit} />
        ))}
      </fieldset>
    </>
  );
}

/** How many filters are chosen (shown on the closed panel, which holds the order and the radius too). */
export function chosenFilterCount(query: JobBoardQuery): number {
  const order = [query.sort === "relevance" ? undefined : query.sort, query.radius];
  return [query.type, query.time, query.town, query.pay, query.age, ...order].filter((v) => v !== undefined).length + query.benefit.length;
}
