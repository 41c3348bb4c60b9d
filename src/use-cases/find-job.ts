/** One posting for its public page: open, full and closed ones alike (a shared link must not break). */
import { jobRowByCode } from "../../db/queries/jobs.ts";
import type { Db } from "../../db/client.ts";
import type { JobRow } from "../search/job-document.ts";

export function findJob(deps: { db: Db }, code: string): JobRow | undefined {
  if (!/^[\w-]{1,40}$/.test(code)) return undefined;
  return jobRowByCode(deps.db, code);
}
