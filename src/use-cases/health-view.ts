/**
 * The platform's health as /healthz reports it (a read model): is the database answering, is the
 * search engine, and how many search outbox rows wait (null when the database is down).
 */
import { databaseIsHealthy, type Db } from "../../db/client.ts";
import { outboxBacklog } from "../../db/queries/outbox.ts";

export async function healthView(deps: { db: Db; searchIsHealthy: () => Promise<boolean> }) {
  const database = databaseIsHealthy(deps.db);
  const search = await deps.searchIsHealthy();
  return { ok: database && search, database, search, searchBacklog: database ? outboxBacklog(deps.db) : null };
}
