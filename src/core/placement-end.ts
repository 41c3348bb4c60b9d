/**
 * When a placement (就业记录) may end or have its start corrected — the checks that the roster
 * and the worker page make before a placement changes. Pure: dates are YYYY-MM-DD strings
 * (which compare as dates).
 */

/** Why a placement cannot end on a date: it has ended already, or the date is before its start. */
export type PlacementEndProblem = "notOpen" | "beforeStart";

/**
 * The problem with ending `placement` on `endDate`, or undefined when it may end then.
 * @example placementEndProblem({ startDate: "2026-03-01", endDate: null }, "2026-02-28") // "beforeStart"
 */
export function placementEndProblem(placement: { startDate: string; endDate: string | null }, endDate: string): PlacementEndProblem | undefined {
  if (placement.endDate !== null) return "notOpen";
  if (endDate < placement.startDate) return "beforeStart";
  return undefined;
}

/**
 * The problem with moving the start of `placement` to `startDate`: a start after the day it
 * ended ("afterEnd"); undefined when the new start fits (an open placement takes any start).
 * @example startCorrectionProblem({ endDate: "2026-05-10" }, "2026-06-01") // "afterEnd"
 */
export function startCorrectionProblem(placement: { endDate: string | null }, startDate: string): "afterEnd" | undefined {
  return placement.endDate !== null && startDate > placement.endDate ? "afterEnd" : undefined;
}
