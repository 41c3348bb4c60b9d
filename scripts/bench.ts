/**
 * `npm run bench` — runs every benchmark in bench/*.bench.ts (or those named on the command
 * line: `npm run bench -- page-weight search`), prints one table, and writes it with the
 * machine's description to bench/results/latest.md, and each benchmark's own rows to
 * bench/results/<name>.md (so running one benchmark keeps the others' last figures). Progress goes to stderr. Each benchmark gets
 * a scratch folder, deleted afterwards. Exit 1 when a benchmark failed.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { budgetLimit, verdictOf, type Bench, type BenchRow } from "../bench/types.ts";

const BENCH_DIR = new URL("../bench/", import.meta.url).pathname;
const RESULTS_FILE = join(BENCH_DIR, "results", "latest.md");

interface Result {
  bench: string;
  rows: BenchRow[];
  error?: string;
  seconds: number;
}

function benchNames(): string[] {
  const all = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith(".bench.ts"))
    .map((f) => basename(f, ".bench.ts"))
    .sort();
  const asked = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const unknown = asked.filter((name) => !all.includes(name));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark: ${unknown.join(", ")} (have: ${all.join(", ")})\n`);
    process.exit(2);
  }
  return asked.length > 0 ? asked : all;
}

async function run(name: string): Promise<Result> {
  const workDir = mkdtempSync(join(tmpdir(), `jybf-bench-${name}-`));
  const started = performance.now();
  const progress = (message: string) => process.stderr.write(`[${name}] ${message}\n`);
  try {
    const bench = (await import(pathToFileURL(join(BENCH_DIR, `${name}.bench.ts`)).href)).default as Bench;
    const rows = await bench({ workDir, progress });
    return { bench: name, rows, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    progress(`failed: ${(error as Error).stack ?? error}`);
    return { bench: name, rows: [], error: (error as Error).message, seconds: (performance.now() - started) / 1000 };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** A figure with sensible digits: 3 significant below 100, whole numbers above. */
function figure(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return String(Math.round(value));
  return String(Number(value.toPrecision(3)));
}

/** pass / FAIL where the budget can be read, blank otherwise. */
function verdict(row: BenchRow): string {
  const ok = verdictOf(row);
  return ok === undefined ? "" : ok ? "pass" : "**FAIL**";
}

/** value ÷ baseline when the row has one; otherwise value ÷ the budget's limit (how much of it is used). */
function ratio(row: BenchRow): string {
  if (row.baseline !== undefined && row.baseline !== 0) return `${figure(row.value / row.baseline)}× of ${figure(row.baseline)} ${row.unit}${row.baselineNote ? ` (${row.baselineNote})` : ""}`;
  const limit = budgetLimit(row);
  return limit !== undefined && limit !== 0 ? `${figure(row.value / limit)} of budget` : "";
}

function table(results: Result[]): string {
  const lines = ["| benchmark | measure | value | budget | verdict | ratio (baseline) | note |", "| --- | --- | ---: | --- | --- | --- | --- |"];
  for (const r of results) {
    if (r.error) lines.push(`| ${r.bench} | **failed** | | | | | ${r.error.replace(/\|/g, "\\|").slice(0, 200)} |`);
    for (const row of r.rows) {
      lines.push(`| ${r.bench} | ${row.name} | ${figure(row.value)} ${row.unit} | ${row.budget ?? ""} | ${verdict(row)} | ${ratio(row)} | ${row.note ?? ""} |`);
    }
  }
  const budgeted = results.flatMap((r) => r.rows).filter((row) => verdictOf(row) !== undefined);
  const failed = budgeted.filter((row) => verdictOf(row) === false).length;
  lines.push("", `Budgets: ${budgeted.length - failed} of ${budgeted.length} kept${failed > 0 ? `, ${failed} not` : ""}.`);
  return lines.join("\n");
}

const results: Result[] = [];
for (const name of benchNames()) {
  process.stderr.write(`[${name}] running\n`);
  const result = await run(name);
  process.stderr.write(`[${name}] ${result.error ? "failed" : "done"} in ${result.seconds.toFixed(1)} s\n`);
  results.push(result);
}

const text = table(results);
const cpu = cpus()[0]?.model ?? "unknown CPU";
const machine = `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}-${process.arch}, load average ${loadavg().map((l) => l.toFixed(1)).join("/")} at the end`;
process.stdout.write(`${text}\n\nHardware: ${machine}\n`);
const report = (of: Result[]) =>
  `# Benchmark results\n\nRun ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine}.\n` +
  `Benchmarks: ${of.map((r) => `${r.bench} (${r.seconds.toFixed(0)} s)`).join(", ")}. ` +
  `Produced by \`npm run bench\`; figures are medians (p50) and 95th percentiles of repeated runs.\n\n${table(of)}\n`;
writeFileSync(RESULTS_FILE, report(results));
for (const result of results) writeFileSync(join(BENCH_DIR, "results", `${result.bench}.md`), report([result]));
process.stderr.write(`written to ${RESULTS_FILE}\n`);
process.exitCode = results.some((r) => r.error) ? 1 : 0;
