/**
 * Web import jobs and their rejected rows (src/jobs/import-jobs.ts): start one, record its
 * progress and its end, read it back for its uploader, mark what a restart cut short, and delete
 * what has expired.
 */
import { and, asc, eq, gt, lt, ne, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { importJobRejections, importJobs } from "../schema.ts";

export type ImportJobRow = typeof importJobs.$inferSelect;
export type ImportJobStatus = ImportJobRow["status"];

export interface NewImportJob {
  publicId: string;
  userId: number;
  kind: ImportJobRow["kind"];
  fileName: string;
  uploadPath: string;
  startedAt: string;
  expiresAt: string;
}

export interface RejectedRowRecord {
  rowNumber: number;
  column: string;
  reason: string;
  cells: string[];
}

/** How an import job ended. */
export interface ImportJobEnd {
  status: Exclude<ImportJobStatus, "running">;
  finishedAt: string;
  rowsDone?: number;
  created?: number;
  updated?: number;
  unchanged?: number;
  headers?: string[];
  unknownColumns?: string[];
  message?: string | null;
  rejected?: readonly RejectedRowRecord[];
}

export function insertImportJob(db: Db, job: NewImportJob): ImportJobRow {
  return db.insert(importJobs).values(job).returning().get();
}

export function updateImportJobProgress(db: Db, id: number, rowsDone: number, rowsTotal: number | null): void {
  db.update(importJobs).set({ rowsDone, rowsTotal }).where(eq(importJobs.id, id)).run();
}

/** Ends a running job, with its rejected rows (in row order), in one transaction. */
export function finishImportJob(db: Db, id: number, end: ImportJobEnd): void {
  const insert = db.$client.prepare("INSERT INTO import_job_rejections (job_id, row_number, `column`, reason, cells) VALUES (?, ?, ?, ?, ?)");
  db.$client.transaction(() => {
    db.update(importJobs)
      .set({
        status: end.status,
        finishedAt: end.finishedAt,
        uploadPath: null,
        ...(end.rowsDone === undefined ? {} : { rowsDone: end.rowsDone }),
        created: end.created ?? 0,
        updated: end.updated ?? 0,
        unchanged: end.unchanged ?? 0,
        rejected: end.rejected?.length ?? 0,
        headers: end.headers ?? null,
        unknownColumns: end.unknownColumns ?? null,
        message: end.message ?? null,
      })
      .where(and(eq(importJobs.id, id), eq(importJobs.status, "running")))
      .run();
    for (const r of end.rejected ?? []) insert.run(id, r.rowNumber, r.column, r.reason, JSON.stringify(r.cells));
  })();
}

/** A job by the id in its URL, only for the user who started it. */
export function importJobOfUser(db: Db, publicId: string, userId: number): ImportJobRow | undefined {
  return db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.publicId, publicId), eq(importJobs.userId, userId)))
    .get();
}

/** The first `limit` rejected rows of a job, by row number. */
export function importJobRejectedRows(db: Db, jobId: number, limit: number): RejectedRowRecord[] {
  return db
    .select({ rowNumber: importJobRejections.rowNumber, column: importJobRejections.column, reason: importJobRejections.reason, cells: importJobRejections.cells })
    .from(importJobRejections)
    .where(eq(importJobRejections.jobId, jobId))
    .orderBy(asc(importJobRejections.rowNumber), asc(importJobRejections.id))
    .limit(limit)
    .all();
}

/**
 * A page of a job's rejected rows after the row with id `afterId` (0: from the start), in the
 * order they were stored — by row number. Pages, not one open cursor: the report is written with
 * awaits in between, while other requests use the same connection.
 */
export function importJobRejectedRowsPage(db: Db, jobId: number, afterId: number, limit: number): (RejectedRowRecord & { id: number })[] {
  return db
    .select({ id: importJobRejections.id, rowNumber: importJobRejections.rowNumber, column: importJobRejections.column, reason: importJobRejections.reason, cells: importJobRejections.cells })
    .from(importJobRejections)
    .where(and(eq(importJobRejections.jobId, jobId), gt(importJobRejections.id, afterId)))
    .orderBy(asc(importJobRejections.id))
    .limit(limit)
    .all();
}

/**
 * Marks every job still 'running' as 'interrupted' (the process that ran it is gone); returns
 * the uploaded copies they leave behind, to delete.
 */
export function interruptRunningImportJobs(db: Db, finishedAt: string): { id: number; uploadPath: string | null }[] {
  return db
    .update(importJobs)
    .set({ status: "interrupted", finishedAt })
    .where(eq(importJobs.status, "running"))
    .returning({ id: importJobs.id, uploadPath: importJobs.uploadPath })
    .all();
}

/** Forgets the uploaded copy of a job once it is deleted. */
export function clearImportJobUpload(db: Db, id: number): void {
  db.update(importJobs).set({ uploadPath: null }).where(eq(importJobs.id, id)).run();
}

/** Deletes jobs (and their rejected rows) that have ended and expired before `nowIso`. */
export function deleteExpiredImportJobs(db: Db, nowIso: string): number {
  return db
    .delete(importJobs)
    .where(and(lt(importJobs.expiresAt, nowIso), ne(importJobs.status, "running")))
    .run().changes;
}

/** The database's own clock (UTC, ISO 8601), the one its `created_at`/`updated_at` columns use. */
export function databaseClock(db: Db): string {
  return db.get<{ now: string }>(sql`SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS now`).now;
}
