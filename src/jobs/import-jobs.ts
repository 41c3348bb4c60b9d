/**
 * Spreadsheet imports uploaded on the bureau's page run here, after the upload's answer: the job
 * and its rejected-rows report live in SQLite (db/queries/import-jobs.ts), so the page can follow
 * the job from any request and a restart cannot lose it — a job the restart cut short is marked
 * 'interrupted' at start (`interruptImportJobs`) and its page says to upload the file again, which
 * is safe: rows are matched on their key. Jobs and reports are kept REPORT_TTL_MS, then deleted.
 * See docs/decisions/2026-12-01-import-jobs.md.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Db } from "../../db/client.ts";
import {
  deleteExpiredImportJobs,
  finishImportJob,
  importJobOfUser,
  importJobRejectedRows,
  importJobRejectedRowsPage,
  insertImportJob,
  interruptRunningImportJobs,
  updateImportJobProgress,
  type ImportJobRow,
  type RejectedRowRecord,
} from "../../db/queries/import-jobs.ts";
import type { SpreadsheetKind } from "../imports/formats.ts";
import { createSpreadsheetWriter, type SpreadsheetType } from "../imports/spreadsheet.ts";
import { errorFields, type Logger } from "../log.ts";
import type { PersonalDataProtector } from "../security/personal-data.ts";
import { importSpreadsheet } from "../use-cases/import-spreadsheet.ts";
import { messages } from "../../views/messages.ts";

/** How long a job's page and its rejected-rows report stay, from the upload. */
export const REPORT_TTL_MS = 60 * 60 * 1000;
/** Rejected rows a job's page shows; the report holds them all. */
export const REJECTED_ROWS_SHOWN = 200;
const UPLOAD_DIR_PREFIX = "jybf-upload-";
/** Rejected rows read at a time while writing a report. */
const REPORT_PAGE_ROWS = 1_000;

export interface ImportJobsDeps {
  db: Db;
  protector: PersonalDataProtector;
  log: Logger;
  /** The clock for the jobs' times and expiry. */
  now: () => Date;
  /** Today in China (YYYY-MM-DD), for postings that arrive open. */
  today: () => string;
  /** Asks the search outbox worker to run after an import changed employers or postings. */
  pokeSearch?: (() => void) | undefined;
}

/** The uploader, named in the audit log for every change the import makes. */
export interface ImportUploader {
  userId: number;
  login: string;
}

export interface StartImportProps {
  by: ImportUploader;
  kind: SpreadsheetKind;
  fileName: string;
  type: SpreadsheetType;
  bytes: Uint8Array;
}

/** A job as its page shows it. */
export type ImportJobView =
  | { status: "running"; fileName: string; done: number; total: number | undefined }
  | {
      status: "done";
      fileName: string;
      kind: SpreadsheetKind;
      created: number;
      updated: number;
      unchanged: number;
      rejectedCount: number;
      /** The first REJECTED_ROWS_SHOWN of them. */
      rejected: RejectedRowRecord[];
      unknownColumns: string[];
    }
  | { status: "failed"; fileName: string; /** Why the file could not be read; null: an error of ours (logged). */ message: string | null }
  | { status: "interrupted"; fileName: string };

export interface ImportJobs {
  /** Stores the upload, records the job, starts the import; returns the job's id (for its URL). */
  start(props: StartImportProps): Promise<string>;
  /** The job with this id, if it is this user's and has not expired. */
  find(publicId: string, userId: number): ImportJobView | undefined;
  /** The job's rejected rows as a CSV report (UTF-8 with BOM); undefined when there is none (or it expired). */
  report(publicId: string, userId: number): Promise<{ name: string; bytes: Uint8Array<ArrayBuffer> } | undefined>;
  /** Resolves when every import started here has ended. */
  idle(): Promise<void>;
}

/**
 * At start: every job still 'running' was cut short by the restart (its process is gone) and
 * becomes 'interrupted'; the uploads they leave are deleted, and so are expired jobs.
 * @example interruptImportJobs({ db, now })  // in startPlatform, before the app serves
 */
export async function interruptImportJobs(deps: { db: Db; now: () => Date }): Promise<number> {
  const now = deps.now().toISOString();
  const interrupted = interruptRunningImportJobs(deps.db, now);
  for (const job of interrupted) if (job.uploadPath) await removeUpload(job.uploadPath);
  deleteExpiredImportJobs(deps.db, now);
  return interrupted.length;
}

/** The upload's own temporary folder, and nothing else. */
async function removeUpload(uploadPath: string): Promise<void> {
  const dir = dirname(uploadPath);
  if (dir.startsWith(join(tmpdir(), UPLOAD_DIR_PREFIX))) await rm(dir, { recursive: true, force: true });
  else await rm(uploadPath, { force: true });
}

export function createImportJobs(deps: ImportJobsDeps): ImportJobs {
  const { db, log } = deps;
  const running = new Set<Promise<void>>();

  async function run(job: ImportJobRow, uploadPath: string, by: ImportUploader): Promise<void> {
    const finishedAt = () => deps.now().toISOString();
    try {
      const outcome = await importSpreadsheet({
        db,
        protector: deps.protector,
        kind: job.kind,
        file: uploadPath,
        by,
        today: deps.today(),
        onProgress: (done, total) => updateImportJobProgress(db, job.id, done, total ?? null),
      });
      if (outcome.status !== "done") {
        finishImportJob(db, job.id, { status: "failed", finishedAt: finishedAt(), message: outcome.message });
        return;
      }
      finishImportJob(db, job.id, {
        status: "done",
        finishedAt: finishedAt(),
        created: outcome.created,
        updated: outcome.updated,
        unchanged: outcome.unchanged,
        headers: outcome.headers,
        unknownColumns: outcome.unknownColumns,
        rejected: outcome.rejected,
      });
      deps.pokeSearch?.();
    } catch (error) {
      // A bug or a broken database, not a bad row: the batches before it stay; the page says so.
      log.error("web import failed", { kind: job.kind, job: job.publicId, ...errorFields(error) });
      try {
        finishImportJob(db, job.id, { status: "failed", finishedAt: finishedAt(), message: null });
      } catch (again) {
        log.error("recording a failed web import failed", errorFields(again));
      }
    } finally {
      await removeUpload(uploadPath);
    }
  }

  return {
    async start(props) {
      const now = deps.now();
      deleteExpiredImportJobs(db, now.toISOString());
      const dir = await mkdtemp(join(tmpdir(), UPLOAD_DIR_PREFIX));
      const uploadPath = join(dir, `upload.${props.type}`);
      await writeFile(uploadPath, props.bytes);
      const job = insertImportJob(db, {
        publicId: randomBytes(16).toString("base64url"),
        userId: props.by.userId,
        kind: props.kind,
        fileName: props.fileName,
        uploadPath,
        startedAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + REPORT_TTL_MS).toISOString(),
      });
      // The import runs on after the answer; the officer's page follows it (htmx polling or a refresh).
      const task = run(job, uploadPath, props.by).finally(() => running.delete(task));
      running.add(task);
      return job.publicId;
    },

    find(publicId, userId) {
      const job = importJobOfUser(db, publicId, userId);
      if (!job || job.expiresAt < deps.now().toISOString()) return undefined;
      switch (job.status) {
        case "running":
          return { status: "running", fileName: job.fileName, done: job.rowsDone, total: job.rowsTotal ?? undefined };
        case "interrupted":
          return { status: "interrupted", fileName: job.fileName };
        case "failed":
          return { status: "failed", fileName: job.fileName, message: job.message };
        case "done":
          return {
            status: "done",
            fileName: job.fileName,
            kind: job.kind,
            created: job.created,
            updated: job.updated,
            unchanged: job.unchanged,
            rejectedCount: job.rejected,
            rejected: job.rejected > 0 ? importJobRejectedRows(db, job.id, REJECTED_ROWS_SHOWN) : [],
            unknownColumns: job.unknownColumns ?? [],
          };
      }
    },

    async report(publicId, userId) {
      const job = importJobOfUser(db, publicId, userId);
      if (!job || job.status !== "done" || job.rejected === 0 || job.expiresAt < deps.now().toISOString()) return undefined;
      const headers = job.headers ?? [];
      const { row, column, reason } = messages.imports.reportHeaders;
      const dir = await mkdtemp(join(tmpdir(), "jybf-report-"));
      try {
        const file = join(dir, "rejected.csv");
        const writer = await createSpreadsheetWriter(file, [row, column, reason, ...headers], headers);
        try {
          for (let afterId = 0; ; ) {
            const page = importJobRejectedRowsPage(db, job.id, afterId, REPORT_PAGE_ROWS);
            for (const r of page) await writer.write([r.rowNumber, r.column, r.reason, ...r.cells]);
            if (page.length < REPORT_PAGE_ROWS) break;
            afterId = page.at(-1)!.id;
          }
        } finally {
          await writer.close();
        }
        return { name: `${job.fileName}.rejected`, bytes: new Uint8Array(await readFile(file)) };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },

    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
