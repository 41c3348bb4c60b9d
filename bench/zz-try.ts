import { benchPlatform } from "./support.ts";
import { mkdtempSync } from "node:fs";
async function main() {
const p = await benchPlatform(mkdtempSync("/tmp/dump-"));
for (const q of process.argv.slice(2)) {
  const r = await p.index.search({ q, filter: [], sort: [], limit: 5, offset: 0 });
  console.log(q, r.estimatedTotalHits ?? (r as any).totalHits, r.hits.map((h: any) => h.title).join(","));
}
await p.stop();
}
main();
