/**
 * What the bureau's statistics pages show (a read model): the figures of the page from the
 * snapshot, the name of a cadre's town, the people behind a figure, and the zero-employment
 * households of the viewer's town or of the town a county viewer chose.
 */
import { firstMemberNames } from "../../db/queries/records.ts";
import type { Db } from "../../db/client.ts";
import { PEOPLE_FIGURES, peopleBehindFigure, type PeopleQuery } from "../../db/queries/stats-people.ts";
import { allTowns, townNameById } from "../../db/queries/towns.ts";
import { zeroEmploymentColumns } from "../core/stats/columns.ts";
import { pageFiguresOf, pageState, pageStateAfter, type PageFigures, type PageFiguresQuery, type PageState } from "../core/stats/page-figures.ts";
import type { StatsSnapshot } from "../../db/queries/stats-snapshot.ts";
import type { Statistics } from "./statistics.ts";

export { PEOPLE_FIGURES };

/** The name of a town, or undefined when there is none. */
export function townNameOf(deps: { db: Db }, townId: number): string | undefined {
  return townNameById(deps.db, townId);
}

/** A page of the people a figure counts (masked ID numbers), and how many there are in all. */
export function peopleView(deps: { db: Db }, props: { query: PeopleQuery; page: { limit: number; offset: number } }) {
  return peopleBehindFigure(deps.db, props.query, props.page);
}

/**
 * The zero-employment households at `date`: of `scopeTown` (a cadre's town, whatever they ask),
 * or for a county-wide viewer of the town they asked for (every town when none; `unknownTown`
 * when the name is not a town, and then every town too). `towns` are the towns to choose from
 * (empty for a cadre).
 */
export async function zeroEmploymentView(deps: { db: Db; statistics: Statistics }, props: { scopeTown: string | undefined; askedTown: string | undefined; date: string }) {
  const towns = props.scopeTown === undefined ? allTowns(deps.db).map((t) => t.name) : [];
  const asked = props.askedTown;
  const unknownTown = asked !== undefined && props.scopeTown === undefined && !towns.includes(asked);
  const town = props.scopeTown ?? (asked !== undefined && towns.includes(asked) ? asked : undefined);
  const { columns } = await deps.statistics.current();
  const { households } = zeroEmploymentColumns(columns, { date: props.date, ...(town !== undefined ? { town } : {}) });
  // Staff who may list a town's zero-employment households read its people's names on the
  // household pages too: the name is shown in full (ID numbers and phones stay off this list).
  const heads = firstMemberNames(deps.db, households.map((h) => h.code));
  return { towns, town, unknownTown, households: households.map((h) => ({ ...h, head: heads.get(h.code) ?? "" })) };
}

/** Pages computed per snapshot: a snapshot never changes, so its figures for a date, baseline and town never do. */
const pagesBySnapshot = new WeakMap<StatsSnapshot, Map<string, PageFigures>>();
/** Each snapshot keeps at most this many pages (dates × baselines × towns asked for). */
const PAGES_PER_SNAPSHOT = 64;

/**
 * The counters of the last page computed per statistics service and date, baseline and town
 * (src/core/stats/page-figures.ts): a patched snapshot's page moves them over the workers that
 * changed instead of a pass over the whole registry. Each holds the columns it is of (the tables a
 * patch replaced stay alive until the next page), so there are at most COUNTERS_KEPT.
 */
const countersByService = new WeakMap<Statistics, Map<string, PageState>>();
const COUNTERS_KEPT = 16;

function pageCounters(statistics: Statistics, key: string, snapshot: StatsSnapshot, query: PageFiguresQuery): PageState {
  let kept = countersByService.get(statistics);
  if (!kept) countersByService.set(statistics, (kept = new Map()));
  const previous = kept.get(key);
  kept.delete(key);
  let state: PageState | undefined;
  try {
    state = previous && pageStateAfter(previous, snapshot.columns);
  } catch {
    state = undefined; // moved part-way: computed afresh below
  }
  state ??= pageState(snapshot.columns, query);
  if (kept.size >= COUNTERS_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(key, state);
  return state;
}

/**
 * The statistics page's figures at `date` against `baseline`, of `town` (the county when
 * undefined), from the current snapshot; `asOf` is when a stale snapshot was taken (a reload is
 * under way), undefined when it is current. Computed once per snapshot, date, baseline and town:
 * the next request for the same page reads them back; a change of the registry brings a new
 * snapshot, and with it new figures.
 */
export async function statsPageView(deps: { statistics: Statistics }, props: { date: string; baseline: string; town: string | undefined }) {
  const snapshot = await deps.statistics.current();
  let pages = pagesBySnapshot.get(snapshot);
  if (!pages) pagesBySnapshot.set(snapshot, (pages = new Map()));
  const key = `${props.date}|${props.baseline}|${props.town ?? ""}`;
  let figures = pages.get(key);
  if (!figures) {
    figures = pageFiguresOf(pageCounters(deps.statistics, key, snapshot, props));
    if (pages.size >= PAGES_PER_SNAPSHOT) pages.delete(pages.keys().next().value!);
    pages.set(key, figures);
  }
  // `kept` is the figures object itself, the same for every request of this snapshot, date,
  // baseline and town: what the page's rendered HTML is kept by (views/pages/bureau/stats.tsx).
  return { ...figures, kept: figures as object, asOf: deps.statistics.isStale(snapshot) ? snapshot.loadedAt : undefined };
}
