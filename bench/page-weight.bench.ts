/**
 * What a slow phone downloads: pages as sent (brotli), our JavaScript, fonts and images, against
 * the budgets — a results page of 20 jobs at most 14 KB; JavaScript (htmx + app.js) at most 16 KB;
 * no web fonts; images none or tiny.
 */
import { readFileSync } from "node:fs";
import { assetSize } from "../src/http/static-assets.ts";
import { benchPlatform, sentBytes } from "./support.ts";
import type { Bench } from "./types.ts";

const KB = 1024;

const bench: Bench = async ({ workDir, progress }) => {
  progress("starting a platform with the demo county");
  const platform = await benchPlatform(workDir);
  try {
    const app = platform.app;
    const village = (platform.db.$client.prepare("SELECT id FROM villages ORDER BY id LIMIT 1 OFFSET 3").get() as { id: number }).id;
    const openCode = (platform.db.$client.prepare("SELECT code FROM postings WHERE status = '招聘中' ORDER BY id LIMIT 1").get() as { code: string }).code;
    const cards = async (path: string) => ((await (await app.request(path)).text()).match(/class="job-card"/g) ?? []).length;

    const results = `/jobs`;
    const resultsNear = `/jobs?village=${village}&sort=distance`;
    const resultsFiltered = `/jobs?q=${encodeURIComponent("工")}&type=${encodeURIComponent("帮扶车间")}&benefit=${encodeURIComponent("包吃")}&village=${village}`;
    for (const path of [results, resultsNear]) if ((await cards(path)) !== 20) throw new Error(`${path} does not list 20 jobs`);

    const css = readFileSync(new URL("../static/app.css", import.meta.url), "utf8");
    const js = assetSize("htmx.js", "br") + assetSize("app.js", "br");
    const resultsBytes = await sentBytes(app, results);
    const nearBytes = await sentBytes(app, resultsNear);
    const first = nearBytes + assetSize("app.css", "br") + js + assetSize("favicon.svg", "br");
    return [
      { name: "results page, 20 jobs", value: resultsBytes / KB, unit: "KB", budget: "≤ 14 KB", note: `brotli as sent, /jobs; ${((await sentBytes(app, results, { "Accept-Encoding": "identity" })) / KB).toFixed(1)} KB uncompressed` },
      { name: "results page, 20 jobs with distances", value: nearBytes / KB, unit: "KB", budget: "≤ 14 KB", note: "from a village: distance on every card" },
      { name: "results page, words + filters", value: (await sentBytes(app, resultsFiltered)) / KB, unit: "KB", budget: "≤ 14 KB", note: `${await cards(resultsFiltered)} jobs` },
      { name: "results list fragment (htmx)", value: (await sentBytes(app, resultsNear, { "HX-Request": "true", "HX-Target": "job-list" })) / KB, unit: "KB", note: "what typing fetches, counts included" },
      { name: "home page", value: (await sentBytes(app, "/")) / KB, unit: "KB" },
      { name: "job page", value: (await sentBytes(app, `/jobs/${openCode}`)) / KB, unit: "KB", note: "with the application form" },
      { name: "JavaScript: htmx + app.js", value: js / KB, unit: "KB", budget: "≤ 16 KB", note: `htmx ${(assetSize("htmx.js", "br") / KB).toFixed(1)} KB, app.js ${(assetSize("app.js", "br") / KB).toFixed(1)} KB; cached a year` },
      { name: "CSS", value: assetSize("app.css", "br") / KB, unit: "KB", note: "cached a year" },
      { name: "web fonts", value: (css.match(/@font-face/g) ?? []).length, unit: "files", budget: "none" },
      { name: "images: icon", value: assetSize("favicon.svg", "br") / KB, unit: "KB", budget: "none or tiny" },
      { name: "images: QR code of a job", value: (await sentBytes(app, `/jobs/${openCode}/qr.svg`)) / KB, unit: "KB", budget: "none or tiny", note: "job page only, loaded lazily" },
      { name: "first visit to results, everything", value: first / KB, unit: "KB", note: "page + CSS + JS + icon, cold cache" },
    ];
  } finally {
    await platform.stop();
  }
};

export default bench;
