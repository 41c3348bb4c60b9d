import { readFileSync } from "node:fs";
import { Pool } from "undici";
const pid = Number(process.argv[2]); const paths = process.argv.slice(3);
const cpu = () => { const f = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" "); return { u: Number(f[11]) * 10, s: Number(f[12]) * 10 }; };
const pool = new Pool("http://127.0.0.1:3917", { connections: 2 });
for (const path of paths) {
  const run = async (n: number) => { for (let i = 0; i < n; i++) { const r = await pool.request({ path, method: "GET", headers: { "accept-encoding": "br" } }); await r.body.arrayBuffer(); if (r.statusCode !== 200) throw new Error(path + r.statusCode); } };
  await run(200);
  const a = cpu(); const t = performance.now(); const N = 1500; await run(N); const b = cpu();
  console.log(path.padEnd(40), "user", ((b.u - a.u) / N).toFixed(2), "sys", ((b.s - a.s) / N).toFixed(2), "ms/req; wall", ((performance.now() - t) / N).toFixed(2));
}
await pool.close();
