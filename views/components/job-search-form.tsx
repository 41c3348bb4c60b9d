/**
 * The search form of the results page: words, order and "distance from where", and the filters.
 * It is a plain GET form to /jobs that works with JavaScript off: every choice is a link (a chip,
 * job-filters.tsx) that one tap follows; the words, the age and the village list are sent with a
 * button. htmx layers on top: the list follows as one types (debounced), changes the village or
 * taps a chip, and the address bar follows the search.
 */
import type { FacetCounts } from "../../src/core/job-filters.ts";
import { MAX_SEEKER_AGE, MIN_SEEKER_AGE } from "../../src/core/job-filters.ts";
import type { VillageOption } from "../../db/queries/regions.ts";
import { jobsHref, originParams, type JobBoardQuery } from "../../src/routes/public/job-board-query.ts";
import { messages } from "../messages.ts";
import { chosenFilterCount, FilterGroups, OrderGroups } from "./job-filters.tsx";

const m = messages.search;

export interface JobSearchFormProps {
  query: JobBoardQuery;
  facets: FacetCounts | undefined;
  towns: readonly string[];
  villages: readonly VillageOption[];
  /** Said beside the place list when the search asks for a distance without a place. */
  originNeeded?: string | undefined;
}

/**
 * Typing waits 400 ms for a pause; a changed village (the control marked `live`) asks at once;
 * a newer request replaces one still under way. Boosted chips inherit the target and swap.
 */
const LIVE = {
  "hx-get": "/jobs",
  "hx-target": "#job-list",
  "hx-swap": "outerHTML",
  "hx-push-url": "true",
  "hx-sync": "this:replace",
  "hx-trigger": "input changed delay:400ms from:#q, input changed delay:600ms from:#age, change target:.live, submit",
};

function VillageSelect(props: { query: JobBoardQuery; villages: readonly VillageOption[]; describedBy?: string | undefined }) {
  const usingPhone = props.query.lat !== undefined && props.query.lng !== undefined;
  const byTown = new Map<string, VillageOption[]>();
  for (const v of props.villages) byTown.set(v.town, [...(byTown.get(v.town) ?? []), v]);
  return (
    <select id="village" name="village" class="live" aria-describedby={props.describedBy}>
      <option value="">{usingPhone ? m.myLocation : m.originNone}</option>
      {[...byTown].map(([town, villages]) => (
        <optgroup label={town}>
          {villages.map((v) => (
            <option value={String(v.id)} selected={!usingPhone && props.query.village === v.id}>
              {v.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

export function JobSearchForm(props: JobSearchFormProps) {
  const { query } = props;
  const chosen = chosenFilterCount(query);
  return (
    <form id="job-search" class="search" action="/jobs" method="get" role="search" {...LIVE}>
      <label for="q">{m.label}</label>
      <div class="search-row">
        <input id="q" name="q" type="search" value={query.q} placeholder={m.placeholder} autocomplete="off" enterkeyhint="search" />
        <button type="submit">{m.submit}</button>
      </div>

      <div class="order">
        <div class="field origin">
          <label for="village">{m.originLabel}</label>
          {props.originNeeded && (
            <p class="notice origin-needed" id="origin-needed" role="status">
              {props.originNeeded}
            </p>
          )}
          <VillageSelect query={query} villages={props.villages} describedBy={props.originNeeded ? "origin-needed" : undefined} />
          {/* Without scripts a changed list needs a tap to send; with htmx the change sends itself. */}
          <noscript>
            <button type="submit" class="secondary">
              {messages.chips.chooseVillage}
            </button>
          </noscript>
          <button type="button" id="locate" class="secondary" hidden data-locating={m.locating} data-failed={m.locateFailed}>
            {m.locate}
          </button>
          <p id="locate-status" class="hint" role="status"></p>
        </div>
        <input type="hidden" id="lat" name="lat" value={query.lat === undefined ? "" : String(query.lat)} />
        <input type="hidden" id="lng" name="lng" value={query.lng === undefined ? "" : String(query.lng)} />
      </div>

      <details class="filters" open={chosen > 0}>
        <summary>{chosen > 0 ? m.filtersChosen(chosen) : m.filters}</summary>
        <OrderGroups query={query} />
        <div class="field">
          <label for="age">{m.ageLabel}</label>
          <p class="hint" id="age-hint">
            {m.ageHint}
          </p>
          <input
            id="age"
            name="age"
            type="number"
            inputmode="numeric"
            min={MIN_SEEKER_AGE}
            max={MAX_SEEKER_AGE}
            value={query.age === undefined ? "" : String(query.age)}
            aria-describedby="age-hint"
          />
        </div>
        <FilterGroups query={query} facets={props.facets} towns={props.towns} />
        {chosen > 0 && (
          <p>
            {/* The place is not a filter: clearing keeps it (and the words). */}
            <a href={jobsHref({ q: query.q, ...originParams(query) })}>{m.clearFilters}</a>
          </p>
        )}
      </details>
      <p class="form-end">
        <button type="submit" class="secondary">
          {m.showResults}
        </button>
      </p>
    </form>
  );
}
