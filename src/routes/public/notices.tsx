/**
 * 补贴公示, public: /notices/<code> shows one notice of approved subsidy lines to anyone without
 * signing in (names masked, no ID number, no phone), with a QR code to its own address drawn on
 * the server (/notices/<code>/qr.svg, no outside service) and a print style for the village board.
 */
import { Hono } from "hono";
import QRCode from "qrcode";
import type { AppDeps } from "../../app-deps.ts";
import { CursorQuerySchema } from "../../http/cursor-links.ts";
import { currentSettings } from "../../use-cases/settings.ts";
import { NOTICE_PAGE_SIZE, publicNotice } from "../../use-cases/subsidy-workflow-view.ts";
import { SubsidyNoticePage } from "../../../views/pages/public/subsidy-notice.tsx";

/** A notice's code as issued (src/use-cases/subsidies-workflow.ts): 10 lowercase letters and digits. */
const CODE = "[0-9a-z]{10}";

export function publicNotices(deps: AppDeps): Hono {
  const app = new Hono();

  app.get(`/notices/:code{${CODE}}`, (c) => {
    // Pages of NOTICE_PAGE_SIZE rows in line order, by keyset (`after=<line id>`).
    const { after } = CursorQuerySchema.parse({ after: c.req.query("after") });
    const notice = publicNotice(deps, c.req.param("code"), { limit: NOTICE_PAGE_SIZE, after });
    if (!notice) return c.notFound();
    const path = `/notices/${notice.notice.code}`;
    const url = new URL(path, c.req.url).toString();
    const last = notice.rows.at(-1)?.id;
    return c.html(
      <SubsidyNoticePage
        notice={notice}
        ended={notice.notice.endsOn < deps.today()}
        qrSrc={`${path}/qr.svg`}
        url={url}
        nextHref={notice.hasMore && last !== undefined ? `${path}?after=${last}` : undefined}
        firstHref={notice.first ? undefined : path}
        countyName={currentSettings(deps.db).countyName}
      />,
    );
  });

  app.get(`/notices/:code{${CODE}}/qr.svg`, async (c) => {
    const notice = publicNotice(deps, c.req.param("code"), { limit: 0 });
    if (!notice) return c.notFound();
    const url = new URL(`/notices/${notice.notice.code}`, c.req.url).toString();
    const svg = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
    c.header("Content-Type", "image/svg+xml; charset=utf-8");
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(svg);
  });

  return app;
}
