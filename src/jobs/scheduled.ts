/**
 * The platform's scheduled work, on the injected clock: postings past their closing date close
 * themselves (at start, then hourly), and every night at 02:00 Beijing time every 帮扶对象
 * household is looked at again for alerts no placement change raised (a member turning 16, a
 * corrected labour ability).
 */
import type { Db } from "../../db/client.ts";
import type { Clock } from "../clock.ts";
import { chinaDate, msUntilChinaHour } from "../core/china-time.ts";
import { errorFields, type Logger } from "../log.ts";
import { CLOSE_EXPIRED_EVERY_MS, closeExpiredPostings } from "../use-cases/close-expired-postings.ts";
import { NIGHTLY_SWEEP_HOUR, sweepRiskAlerts } from "../use-cases/risk-alerts.ts";

export interface ScheduledJobs {
  stop(): void;
}

/** Starts both schedules; the expiry also runs once at once. @example const jobs = startScheduledJobs({ db, log, now, poke }); jobs.stop(); */
export function startScheduledJobs(deps: { db: Db; log: Logger; now: Clock; pokeSearch: () => void }): ScheduledJobs {
  const { db, log, now } = deps;

  const closeExpired = () => {
    try {
      const closed = closeExpiredPostings({ db }, now());
      if (closed.length > 0) {
        log.info("closed expired postings", { count: closed.length });
        deps.pokeSearch();
      }
    } catch (error) {
      log.error("closing expired postings failed", errorFields(error));
    }
  };
  closeExpired();
  const closeTimer = setInterval(closeExpired, CLOSE_EXPIRED_EVERY_MS);
  closeTimer.unref();

  let sweepTimer: NodeJS.Timeout | undefined;
  let stopped = false;
  const scheduleSweep = () => {
    if (stopped) return;
    sweepTimer = setTimeout(() => {
      sweepRiskAlerts({ db }, chinaDate(now()))
        .then((raised) => log.info("nightly risk-alert sweep", { raised }))
        .catch((error: unknown) => log.error("nightly risk-alert sweep failed", errorFields(error)))
        .finally(scheduleSweep);
    }, msUntilChinaHour(now(), NIGHTLY_SWEEP_HOUR));
    sweepTimer.unref();
  };
  scheduleSweep();

  return {
    stop() {
      stopped = true;
      clearInterval(closeTimer);
      clearTimeout(sweepTimer);
    },
  };
}
