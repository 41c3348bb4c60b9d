/**
 * 补贴公示, public: /notices/<code> shows one notice of approved subsidy lines to anyone without
 * signing in (names masked, no ID number, no phone), with a QR code to its own address drawn on
 * the server (/notices/<code>/qr.svg, no outside service) and a print style for the village board.
 */
import { Hono } from "hono";
import QRCode from "qrcode";
import type { AppDeps } from "../../app-deps.ts";
import { publicNotice } from "../../use-cases/subsidy-workflow-view.ts";
import { SubsidyNoticePage } from "../../../views/pages/public/subsidy-notice.tsx";

/** A notice's code as issued (src/use-cases/subsidies-workflow.ts): 10 lowercase letters and digits. */
const CODE = "[0-9a-z]{10}";

export function publicNotices(deps: AppDeps): Hono {
  const app = new Hono();

  app.get(`/notices/:code{${CODE}}`, (c) => {
    const notice = publicNotice(deps, c.req.param("code"));
    if (!notice) return c.notFound();
    const url = new URL(`/notices/${notice.notice.code}`, c.req.url).toString();
    return c.html(<SubsidyNoticePage notice={notice} ended={notice.notice.endsOn < deps.today()} qrSrc={`/notices/${notice.notice.code}/qr.svg`} url={url} />);
  });

  app.get(`/notices/:code{${CODE}}/qr.svg`, async (c) => {
    const notice = publicNotice(deps, c.req.param("code"));
    if (!notice) return c.notFound();
    const url = new URL(`/notices/${notice.notice.code}`, c.req.url).toString();
    const svg = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
    c.header("Content-Type", "image/svg+xml; charset=utf-8");
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(svg);
  });

  return app;
}
