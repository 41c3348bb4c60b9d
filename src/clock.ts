/**
 * The platform's one clock. Everything that needs "now" for the domain — today's date in the
 * county, a closing date passed, a session expired, an audit row's time — asks the clock it was
 * given (`AppDeps.now`, a use-case's `now` prop); only the process edges (server.ts, the npm
 * commands) pick the system clock. Tests and benchmarks give a clock that starts on a fixed day.
 */
export type Clock = () => Date;

/** The machine's clock; only entry points use it. */
export const systemClock: Clock = () => new Date();

/**
 * A clock that starts at `start` and then runs at real speed: the day is fixed, time still moves
 * (newest-first lists and session ages keep their order).
 * @example const now = clockStartingAt("2026-11-23T10:00:00+08:00"); chinaDate(now()) // "2026-11-23"
 */
export function clockStartingAt(start: Date | string): Clock {
  const offsetMs = new Date(start).getTime() - Date.now();
  if (Number.isNaN(offsetMs)) throw new Error(`not an instant: ${String(start)}`);
  return () => new Date(Date.now() + offsetMs);
}
