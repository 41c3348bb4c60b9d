/**
 * Spreadsheet import and export on the web for county staff (the same use-cases as `npm run
 * import` / `npm run export`): upload one file of a kind; the import runs on after the answer, in
 * src/jobs/import-jobs.ts, and its page shows the progress (htmx polls it; without JavaScript the
 * page refreshes itself), then accepted and rejected rows and the rejected-rows report — or that a
 * restart interrupted it; blank templates and exports per kind. The upload's size is limited
 * before anything reads the body (app.ts mounts `importBodyLimit()` ahead of the CSRF check).
 */
import { REGISTRY_IMPORT_ROLES } from "../../core/policy.ts";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { AppDeps } from "../../app-deps.ts";
import { currentUser, requireRole } from "../../http/guards.tsx";
import { htmlResponse } from "../../http/html-response.ts";
import { wantsFragment } from "../../http/htmx.ts";
import { DownloadFormatSchema } from "../../http/table-download.ts";
import { SPREADSHEET_KINDS } from "../../imports/formats.ts";
import { spreadsheetType } from "../../imports/spreadsheet.ts";
import { createImportJobs, type ImportJobView } from "../../jobs/import-jobs.ts";
import { exportSpreadsheet } from "../../use-cases/export-spreadsheet.ts";
import { ImportJobFragment, ImportJobPage, ImportPage } from "../../../views/pages/bureau/import.tsx";
import { messages } from "../../../views/messages.ts";

/** Largest upload accepted (a county's workers file of ~100,000 rows is about 10 MB as .xlsx). */
export const MAX_UPLOAD_MB = 20;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;

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
  return send(c, new Uint8Array(await readFile(file)), name, format);
}

function send(c: Context, bytes: Uint8Array<ArrayBuffer>, name: string, format: "xlsx" | "csv"): Response {
  return c.body(bytes, 200, {
    "Content-Type": CONTENT_TYPES[format],
    "Content-Disposition": `attachment; filename="${format === "csv" ? "table.csv" : "table.xlsx"}"; filename*=UTF-8''${encodeURIComponent(`${name}.${format}`)}`,
    "Cache-Control": "no-store",
  });
}

export function bureauImport(deps: AppDeps): Hono {
  const app = new Hono();
  const countyStaff = requireRole(...REGISTRY_IMPORT_ROLES);
  const jobs = createImportJobs({ db: deps.db, protector: deps.protector, log: deps.log, now: deps.now, today: deps.today, pokeSearch: deps.pokeSearch });

  app.get("/bureau/import", countyStaff, (c) => c.html(<ImportPage kinds={SPREADSHEET_KINDS} maxMb={MAX_UPLOAD_MB} />));

  app.post("/bureau/import", countyStaff, async (c) => {
    const body = await c.req.parseBody();
    const kind = KindSchema.safeParse(body.kind);
    const file = body.file;
    const type = file instanceof File ? spreadsheetType(file.name) : undefined;
    const page = (error: string) => c.html(<ImportPage kinds={SPREADSHEET_KINDS} maxMb={MAX_UPLOAD_MB} kind={kind.success ? kind.data : undefined} error={error} />, 400);
    if (!kind.success) return page(m.chooseKind);
    if (!(file instanceof File) || file.size === 0 || !type) return page(m.chooseFile);
    if (file.size > MAX_UPLOAD_BYTES) return page(m.tooLarge(MAX_UPLOAD_MB));
    const user = currentUser(c);
    const id = await jobs.start({ by: { userId: user.actor.userId, login: user.login }, kind: kind.data, fileName: file.name, type, bytes: new Uint8Array(await file.arrayBuffer()) });
    return c.redirect(`/bureau/import/jobs/${id}`, 303);
  });

  app.get("/bureau/import/jobs/:id", countyStaff, (c) => {
    const id = c.req.param("id");
    const job = jobs.find(id, currentUser(c).actor.userId);
    if (!job) return c.notFound();
    const props = jobProps(id, job);
    c.header("Cache-Control", "no-store");
    if (wantsFragment(c, "import-progress")) return c.html(<ImportJobFragment {...props} />);
    return c.html(<ImportJobPage {...props} />);
  });

  app.get("/bureau/import/reports/:id", countyStaff, async (c) => {
    const report = await jobs.report(c.req.param("id"), currentUser(c).actor.userId);
    if (!report) return c.html(<ImportPage kinds={SPREADSHEET_KINDS} maxMb={MAX_UPLOAD_MB} error={m.reportGone} />, 404);
    return send(c, report.bytes, report.name, "csv");
  });

  app.get("/bureau/export/:kind", countyStaff, async (c) => {
    const kind = KindSchema.safeParse(c.req.param("kind"));
    if (!kind.success) return c.notFound();
    const format = DownloadFormatSchema.parse(c.req.query("format")) ?? "xlsx";
    const template = c.req.query("template") === "1";
    const dir = await mkdtemp(join(tmpdir(), "jybf-export-"));
    try {
      const file = join(dir, `export.${format}`);
      await exportSpreadsheet({ db: deps.db, protector: deps.protector, kind: kind.data, file, template });
      const name = `${messages.imports.kinds[kind.data]}${template ? "-模板" : `-${deps.today()}`}`;
      return await download(c, file, name, format);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  return app;
}

/** What the job's page shows for a job. */
function jobProps(id: string, job: ImportJobView): Parameters<typeof ImportJobFragment>[0] {
  const href = `/bureau/import/jobs/${id}`;
  switch (job.status) {
    case "running":
      return { progress: { href, fileName: job.fileName, done: job.done, total: job.total } };
    case "interrupted":
      return { error: m.interrupted(job.fileName) };
    case "failed":
      return { error: job.message ?? m.failed };
    case "done":
      return {
        result: {
          kind: job.kind,
          created: job.created,
          updated: job.updated,
          unchanged: job.unchanged,
          rejectedCount: job.rejectedCount,
          rejected: job.rejected,
          unknownColumns: job.unknownColumns,
          reportHref: job.rejectedCount > 0 ? `/bureau/import/reports/${id}` : undefined,
        },
      };
  }
}
