/**
 * Uploading a spreadsheet through the bureau's page as a signed-in web client, and following the
 * import's page until it has finished (the import runs on after the upload's answer).
 */
import type { Hono } from "hono";
import { TEST_ORIGIN, type WebClient } from "./web-client.ts";

export async function postUpload(app: Hono, web: WebClient, fields: { kind?: string; file?: { name: string; content: string | Uint8Array<ArrayBuffer> } }): Promise<Response> {
  await web.text(await web.get("/bureau/import"));
  const form = new FormData();
  form.set("_csrf", web.csrf!);
  if (fields.kind !== undefined) form.set("kind", fields.kind);
  if (fields.file) form.set("file", new File([fields.file.content], fields.file.name));
  const cookie = [...web.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  return app.request("/bureau/import", { method: "POST", body: form, headers: { Cookie: cookie, Origin: TEST_ORIGIN } });
}

/** Uploads, then reads the import's page until it no longer shows progress; returns that page. */
export async function uploadAndWait(app: Hono, web: WebClient, kind: string, file: { name: string; content: string | Uint8Array<ArrayBuffer> }): Promise<{ status: number; html: string; location: string }> {
  const res = await postUpload(app, web, { kind, file });
  if (res.status !== 303) return { status: res.status, html: await res.text(), location: "" };
  const location = res.headers.get("Location")!;
  for (;;) {
    const page = await web.get(location);
    const html = await page.text();
    if (!html.includes('hx-trigger="every 1s"')) return { status: page.status, html, location };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
