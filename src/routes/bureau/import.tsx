/**
 * Spreadsheet import and export on the web for county staff (the same use-cases as `npm run
 * import` / `npm run export`): upload one file of a kind; the import runs on after the answer and
 * its page shows the progress (htmx polls it; without JavaScript the page refreshes itself), then
 * accepted and rejected rows and the rejected-rows report; blank templates and exports per kind. The upload's size is
 * limited before anything reads the body (app.ts mounts `importBodyLimit()` ahead of the CSRF check).
 */
import { REGISTRY_IMPORT_ROLES } from "../../core/policy.ts";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { AppDeps } from "../../app-deps.ts";
import { chinaDate } from "../../core/china-time.ts";
import { currentUser, requireRole } from "../../http/guards.tsx";
import { htmlResponse } from "../../http/html-response.ts";
import { wantsFragment } from "../../http/htmx.ts";
import { errorFields } from "../../log.ts";
import { DownloadFormatSchema } from "../../http/table-download.ts";
import { SPREADSHEET_KINDS } from "../../imports/formats.ts";
import { createSpreadsheetWriter, spreadsheetType } from "../../imports/spreadsheet.ts";
import { exportSpreadsheet } from "../../use-cases/export-spreadsheet.ts";
import { importSpreadsheet } from "../../use-cases/import-spreadsheet.ts";
import { ImportJobFragment, ImportJobPage, ImportPage, type ImportResultView } from "../../../views/pages/bureau/import.tsx";
import { messages } from "../../../views/messages.ts";

/** Largest upload accepted (a county's workers file of ~100,000 rows is about 10 MB as .xlsx). */
export const MAX_UPLOAD_MB = 20;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;
/** Rejected rows shown on the page; the report holds them all. */
export const REJECTED_ROWS_SHOWN = 200;
/** How long a rejected-rows report stays downloadable. */
export const REPORT_TTL_MS = 60 * 60 * 1000;

const m = messages.importPage;
const KindSchema = z.enum(SPREADSHEET_KINDS, { message: m.chooseKind });
const CONTENT_TYPES = { xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", csv: "text/csv; charset=utf-8" } as const;

/** Refuses an upload larger than MAX_UPLOAD_BYTES with the page and 413, before the body is read. */
export function importBodyLimit(): MiddlewareHandler {
  return bodyLimit({
    maxSize: MAX_UPLOAD_BYTES,
    onError: (c) => htmlResponse(c, <ImportPage kinds={SPREADSHEET_KINDS} maxMb={MAX_UPLOAD_MB} error={m.tooLarge(MAX_UPLOAD_MB)} />, 413),
  });
}

async function download(c: Context, file: string, name: string, format: "xlsx" | "csv"): Promise<Response> {
  const bytes = await readFile(file);
  return c.body(bytes, 200, {
    "Content-Type": CONTENT_TYPES[format],
    "Content-Disposition": `attachment; filename="${format === "csv" ? "table.csv" : "table.xlsx"}"; filename*=UTF-8''${encodeURIComponent(`${name}.${format}`)}`,
    "Cache-Control": "no-store",
  });
}

interface ImportJob {
  userId: number;
  fileName: string;
  dir: string;
  done: number;
  total: number | undefined;
  expires: number;
  result?: ImportResultView;
  error?: string;
}

export function bureauImport(deps: AppDeps): Hono {
  const app = new Hono();
  const countyStaff = requireRole(...REGISTRY_IMPORT_ROLES);
  /** Rejected-rows reports, by a random id, for the user who imported (kept an hour, in a temp dir). */
  const reports = new Map<string, { file: string; dir: string; userId: number; expires: number; name: string }>();
  const sweep = async () => {
    const now = Date.now();
    for (const [id, job] of jobs) if (job.expires < now && (job.result || job.error)) jobs.delete(id);
    for (const [id, r] of reports) {
      if (r.expires < now) {
        reports.delete(id);
        await rm(r.dir, { recursive: true, force: true });
      }
    }
  };

  app.get("/import", countyStaff, (c) => c.html(<ImportPage kinds={SPREADSHEET_KINDS} maxMb={MAX_UPLOAD_MB} />));

  /** Imports under way or finished, by a random id, for the officer who started them (kept an hour). */
  const jobs = new Map<string, ImportJob>();

  app.post("/import", countyStaff, async (c) => {
    const body = await c.req.parseBody();
    const kind = KindSchema.safeParse(body.kind);
    const file = body.file;
    const type = file instanceof File ? spreadsheetType(file.name) : undefined;
    const page = (error: string) => c.html(<ImportPage kinds={SPREADSHEET_KINDS} maxMb={MAX_UPLOAD_MB} kind={kind.success ? kind.data : undefined} error={error} />, 400);
    if (!kind.success) return page(m.chooseKind);
    if (!(file instanceof File) || file.size === 0 || !type) return page(m.chooseFile);
    if (file.size > MAX_UPLOAD_BYTES) return page(m.tooLarge(MAX_UPLOAD_MB));

    const dir = await mkdtemp(join(tmpdir(), "jybf-upload-"));
    const path = join(dir, `upload.${type}`);
    await writeFile(path, new Uint8Array(await file.arrayBuffer()));
    await sweep();
    const id = randomBytes(16).toString("base64url");
    const job: ImportJob = { userId: currentUser(c).actor.userId, fileName: file.name, dir, done: 0, total: undefined, expires: Date.now() + REPORT_TTL_MS };
    jobs.set(id, job);
    // The import runs on after the answer; the officer's page follows it (htmx polling or a refresh).
    void runImport(job, kind.data, path);
    return c.redirect(`/bureau/import/jobs/${id}`, 303);
  });

  async function runImport(job: ImportJob, kind: (typeof SPREADSHEET_KINDS)[number], path: string): Promise<void> {
    try {
      const outcome = await importSpreadsheet({
        db: deps.db,
        protector: deps.protector,
        kind,
        file: path,
        today: chinaDate(new Date()),
        onProgress: (done, total) => {
          job.done = done;
          job.total = total;
        },
      });
      if (outcome.status !== "done") {
        job.error = outcome.message;
        return;
      }
      deps.pokeSearch?.();
      let reportHref: string | undefined;
      if (outcome.rejected.length > 0) {
        const { row, column, reason } = messages.imports.reportHeaders;
        const reportFile = join(job.dir, "rejected.csv");
        const writer = await createSpreadsheetWriter(reportFile, [row, column, reason, ...outcome.headers], outcome.headers);
        for (const r of outcome.rejected) await writer.write([r.rowNumber, r.column, r.reason, ...r.cells]);
        await writer.close();
        const reportId = randomBytes(16).toString("base64url");
        reports.set(reportId, { file: reportFile, dir: job.dir, userId: job.userId, expires: job.expires, name: `${job.fileName}.rejected` });
        reportHref = `/bureau/import/reports/${reportId}`;
      }
      job.result = {
        kind,
        created: outcome.created,
        updated: outcome.updated,
        unchanged: outcome.unchanged,
        rejectedCount: outcome.rejected.length,
        rejected: outcome.rejected.slice(0, REJECTED_ROWS_SHOWN),
        unknownColumns: outcome.unknownColumns,
        reportHref,
      };
    } catch (error) {
      deps.log.error("web import failed", { kind, ...errorFields(error) });
      job.error = m.failed;
    } finally {
      await rm(path, { force: true });
      if (!job.result?.reportHref) await rm(job.dir, { recursive: true, force: true });
    }
  }

  app.get("/import/jobs/:id", countyStaff, (c) => {
    const id = c.req.param("id");
    const job = jobs.get(id);
    if (!job || job.userId !== currentUser(c).actor.userId) return c.notFound();
    const running = job.result === undefined && job.error === undefined;
    const props = {
      progress: running ? { href: `/bureau/import/jobs/${id}`, fileName: job.fileName, done: job.done, total: job.total } : undefined,
      result: job.result,
      error: job.error,
    };
    c.header("Cache-Control", "no-store");
    if (wantsFragment(c, "import-progress")) return c.html(<ImportJobFragment {...props} />);
    return c.html(<ImportJobPage {...props} />);
  });

  app.get("/import/reports/:id", countyStaff, async (c) => {
    const report = reports.get(c.req.param("id"));
    if (!report || report.userId !== currentUser(c).actor.userId || report.expires < Date.now()) {
      return c.html(<ImportPage kinds={SPREADSHEET_KINDS} maxMb={MAX_UPLOAD_MB} error={m.reportGone} />, 404);
    }
    return download(c, report.file, report.name, "csv");
  });

  app.get("/export/:kind", countyStaff, async (c) => {
    const kind = KindSchema.safeParse(c.req.param("kind"));
    if (!kind.success) return c.notFound();
    const format = DownloadFormatSchema.parse(c.req.query("format")) ?? "xlsx";
    const template = c.req.query("template") === "1";
    const dir = await mkdtemp(join(tmpdir(), "jybf-export-"));
    try {
      const file = join(dir, `export.${format}`);
      await exportSpreadsheet({ db: deps.db, protector: deps.protector, kind: kind.data, file, template });
      const name = `${messages.imports.kinds[kind.data]}${template ? "-模板" : `-${chinaDate(new Date())}`}`;
      return await download(c, file, name, format);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  return app;
}
