/** What the web app needs from the outside world; server.ts builds it, tests build their own. */
import type { Db } from "../db/client.ts";
import type { Logger } from "./log.ts";
import type { EngineStatus } from "./search/engine-supervisor.ts";
import type { JobSearch } from "./search/job-search.ts";
import type { SearchFallbackStatus } from "./search/search-fallbacks.ts";
import type { PersonalDataProtector } from "./security/personal-data.ts";
import type { Statistics } from "./use-cases/statistics.ts";

export interface AppDeps {
  db: Db;
  log: Logger;
  jobSearch: JobSearch;
  /** Is the search engine answering? */
  searchIsHealthy: () => Promise<boolean>;
  /**
   * For /healthz: the bundled engine's state and restarts (undefined for an external engine) and
   * the searches the database answered (optional in tests).
   */
  searchStatus?: () => { engine: EngineStatus | undefined; fallbacks: SearchFallbackStatus };
  /** Reads ID numbers back for the staff the policy lets see them. */
  protector: PersonalDataProtector;
  /** Key of the CSRF tokens (DATA_DIR/secrets/csrf-key). */
  csrfKey: string;
  /** Asks the search outbox worker to run now, after a write that changed postings (optional in tests). */
  pokeSearch?: () => void;
  /** The bureau's figures, from the in-memory snapshot of the registry. */
  statistics: Statistics;
  /** The platform's one clock (src/clock.ts): handlers pass `now()` to the use-cases they call. */
  now: () => Date;
  /** Today in China (YYYY-MM-DD) on that clock: closing dates are days of the county. */
  today: () => string;
  /**
   * Everything the kept anonymous responses depend on besides the request (src/http/kept-responses.ts),
   * as one string; undefined keeps none for now. Absent: nothing is kept (tests and benches that build their own app).
   */
  keptResponsesState?: () => string | undefined;
  /** The address people reach the platform at, for QR codes (default: the request's own). */
  publicUrl?: string;
}
