/**
 * After the bundled engine was restarted: the index is checked (made again with its settings if
 * the engine lost it, and refilled through the outbox if it is empty while postings are open),
 * then the outbox sends what waited during the outage at once, without waiting out its backoff.
 */
import type { Db } from "../../db/client.ts";
import { errorFields, type Logger } from "../log.ts";
import { requeueIfOutdated } from "./index-version.ts";
import type { JobsIndex } from "./jobs-index.ts";
import type { MeiliError } from "./meili-client.ts";
import type { OutboxWorker } from "./outbox-worker.ts";

/** @example engine.onRestart(() => void catchUpAfterRestart({ db, index, outbox, log })); */
export async function catchUpAfterRestart(deps: { db: Db; index: JobsIndex; outbox: OutboxWorker; log: Logger }): Promise<void> {
  try {
    // Settings are applied (and waited for) only when the index is gone: an engine that kept its
    // data kept them too, and the outbox need not wait for a settings task.
    const exists = await deps.index.count().then(
      () => true,
      (error: unknown) => {
        if ((error as MeiliError).code === "index_not_found") return false;
        throw error;
      },
    );
    if (!exists) await deps.index.ensure();
    const requeued = await requeueIfOutdated(deps);
    if (requeued > 0) deps.log.info("search index lost with the engine; sending every posting again", { postings: requeued });
  } catch (error) {
    // The outbox still retries on its own; the next search tells whether the engine answers.
    deps.log.warn("search index check after the engine restarted failed", errorFields(error));
  }
  deps.outbox.retryNow();
}
