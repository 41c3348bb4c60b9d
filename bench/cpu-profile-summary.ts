/**
 * Where a V8 CPU profile's time went (`node --cpu-prof`, e.g. BENCH_CPU_PROF=<dir> npm run bench
 * -- throughput): the functions with the most self time, and time by place (our modules,
 * each package, node's own, the engine's GC and idle), inclusive of callees for the places we
 * name. `npx tsx bench/cpu-profile-summary.ts <file.cpuprofile> [top]`
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write("usage: tsx bench/cpu-profile-summary.ts <file.cpuprofile> [top]\n");
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const top = Number(topArg ?? 40);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const selfTime = new Map<number, number>();
profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfTime.values()].reduce((a, b) => a + b, 0);

const place = (url: string, name: string): string => {
  if (!url) return `(${name || "native"})`;
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1]!;
  if (url.startsWith("node:")) return url;
  const ours = url.match(/wt-[^/]+\/(.+)$/) ?? url.match(/\/(src\/.+|db\/.+|views\/.+)$/);
  return ours ? ours[1]! : url;
};

const selfBy = new Map<string, number>();
for (const [id, t] of selfTime) {
  const n = byId.get(id)!;
  const key = `${n.callFrame.functionName || "(anonymous)"}  ${place(n.callFrame.url, n.callFrame.functionName)}:${n.callFrame.lineNumber + 1}`;
  selfBy.set(key, (selfBy.get(key) ?? 0) + t);
}
const pct = (t: number) => `${((100 * t) / total).toFixed(1).padStart(5)} %`;
process.stdout.write(`total sampled ${(total / 1000).toFixed(0)} ms\n\nself time, top ${top}:\n`);
for (const [key, t] of [...selfBy].sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`${pct(t)}  ${key}\n`);

// Inclusive time by place: a sample counts once for every distinct place on its stack.
const inclusive = new Map<string, number>();
profile.samples.forEach((id, i) => {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const n = byId.get(at)!;
    seen.add(place(n.callFrame.url, n.callFrame.functionName));
  }
  for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
process.stdout.write(`\ninclusive time by place, top ${top}:\n`);
for (const [key, t] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`${pct(t)}  ${key}\n`);
