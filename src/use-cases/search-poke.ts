/**
 * After a write that queued search outbox rows, the use-case itself asks the outbox worker to
 * run now (instead of each route remembering to): committed first, then the nudge, so the
 * worker finds the rows. Without a worker (scripts, most tests) nothing happens; the worker's
 * own timer picks the rows up anyway.
 */

/** What a use-case needs to nudge the search outbox worker (AppDeps has it). */
export interface SearchPoke {
  pokeSearch?: (() => void) | undefined;
}

/**
 * Returns `result` after poking the worker when `changed(result)` says the write happened.
 * @example return afterSearchWrite(deps, deps.db.transaction((tx) => write(tx)));
 */
export function afterSearchWrite<T>(deps: SearchPoke, result: T, changed: (result: T) => boolean = () => true): T {
  if (changed(result)) deps.pokeSearch?.();
  return result;
}
