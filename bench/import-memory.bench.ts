/**
 * Memory of a large CSV import: a 100,000-row workers file in GB18030 (as Excel on a Chinese
 * Windows saves it) is imported into an empty database in a child process of its own, which
 * reports its peak resident memory (VmHWM, the kernel's high-water mark) and the import's time.
 * The child measures its resident memory after setup (database open, villages imported) too, so
 * the table shows what the import itself added, and a 10,000-row file is imported the same way
 * as the reference: flat means the 100,000-row peak is close to the 10,000-row one. Budget
 * (issue 15): memory stays flat — it must not grow with the file (539 MB with the whole-file parser).
 *
 * Run as a child: `node --import tsx bench/import-memory.bench.ts --child <db> <regions.csv> <workers.csv>`.
 */
import { spawn } from "node:child_process";
import { createWriteStream, readFileSync, statSync } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import type { Bench, BenchRow } from "./types.ts";

const WORKERS = 100_000;
/** The small file the large one's peak is compared with. */
const REFERENCE_WORKERS = 10_000;
const TOWNS = 10;
const VILLAGES_PER_TOWN = 10;
const TODAY = "2026-11-23";
const HERE = fileURLToPath(import.meta.url);
const ROOT = new URL("..", import.meta.url).pathname;
const WORKER_HEADER = "户编号,户类型,是否易地搬迁,家庭人口数,姓名,身份证号,联系电话,乡镇,村,劳动能力,就业意愿,技能,期望工作地,可工作时间";
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
const GIVEN = ["秀英", "桂英", "建国", "志强", "丽娟", "国庆", "春梅", "海燕", "德明", "玉兰"];
const CATEGORIES = ["脱贫户", "脱贫不稳定户", "边缘易致贫户", "突发严重困难户", "一般户"];

/** Peak and current resident memory of this process, in MB, from /proc/self/status. */
function memoryMb(): { peak: number; now: number } {
  const status = readFileSync("/proc/self/status", "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { peak: kb("VmHWM") / 1024, now: kb("VmRSS") / 1024 };
}

async function writeGb18030(file: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  let chunk: string[] = [];
  const flush = async () => {
    if (!out.write(iconv.encode(chunk.join(""), "gb18030"))) await once(out, "drain");
    chunk = [];
  };
  for (const line of lines) {
    chunk.push(line + "\r\n");
    if (chunk.length >= 2_000) await flush();
  }
  await flush();
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

function* regionLines(): Generator<string> {
  yield "乡镇,村,经度,纬度";
  for (let t = 0; t < TOWNS; t++) for (let v = 0; v < VILLAGES_PER_TOWN; v++) yield `测试${t}镇,第${v}村,${(115 + t / 100).toFixed(3)},${(25 + v / 100).toFixed(3)}`;
}

/** The workers file: three workers a household, every ID number valid and distinct. */
function* workerRows(makeIdNumber: (area: string, birth: string, seq: number) => string, workers: number): Generator<string> {
  yield WORKER_HEADER;
  for (let i = 0; i < workers; i++) {
    const household = Math.floor(i / 3);
    const town = household % TOWNS;
    const village = Math.floor(household / TOWNS) % VILLAGES_PER_TOWN;
    const day = i % 3650;
    const birth = new Date(Date.UTC(1960, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const id = makeIdNumber("360731", birth, Math.floor(i / 3650));
    const name = SURNAMES[i % SURNAMES.length]! + GIVEN[i % GIVEN.length]!;
    const category = CATEGORIES[household % CATEGORIES.length]!;
    const phone = `138${String(i).padStart(8, "0")}`;
    yield `H${String(household).padStart(6, "0")},${category},否,3,${name},${id},${phone},测试${town}镇,第${village}村,有劳动能力,是,缝纫、采摘,本乡镇,全天`;
  }
}

/** The child: import the villages, note memory, import the workers, report. */
async function child(dbFile: string, regionsFile: string, workersFile: string): Promise<void> {
  const { openDatabase } = await import("../db/client.ts");
  const { createPersonalDataProtector } = await import("../src/security/personal-data.ts");
  const { CLI_IMPORT_AUTHOR, importSpreadsheet } = await import("../src/use-cases/import-spreadsheet.ts");
  const db = openDatabase({ file: dbFile });
  const protector = createPersonalDataProtector({ hashKey: Buffer.alloc(32, 7), encryptionKey: Buffer.alloc(32, 9) });
  const run = (kind: "regions" | "workers", file: string) => importSpreadsheet({ db, protector, kind, file, by: CLI_IMPORT_AUTHOR, today: TODAY });
  const regions = await run("regions", regionsFile);
  if (regions.status !== "done" || regions.rejected.length > 0) throw new Error(`regions: ${JSON.stringify(regions).slice(0, 300)}`);
  const before = memoryMb();
  const started = performance.now();
  const outcome = await run("workers", workersFile);
  const seconds = (performance.now() - started) / 1000;
  if (outcome.status !== "done") throw new Error(`workers: ${outcome.status}: ${outcome.message}`);
  const after = memoryMb();
  const usage = process.resourceUsage();
  db.$client.close();
  process.stdout.write(
    JSON.stringify({
      accepted: outcome.created + outcome.updated + outcome.unchanged,
      rejected: outcome.rejected.length,
      encoding: outcome.encoding,
      seconds,
      rssBeforeMb: before.now,
      peakBeforeMb: before.peak,
      peakMb: after.peak,
      maxRssMb: usage.maxRSS / 1024,
    }) + "\n",
  );
}

function runChild(args: string[]): Promise<Record<string, number | string>> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--import", "tsx", HERE, "--child", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    proc.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
    proc.on("error", reject);
    proc.on("close", (code) => {
      if (code !== 0) return reject(new Error(`import child exited ${code}`));
      resolve(JSON.parse(out.trim().split("\n").at(-1)!));
    });
  });
}

const bench: Bench = async (ctx) => {
  const { makeIdNumber } = await import("../src/core/id-number.ts");
  const regions = join(ctx.workDir, "regions.csv");
  await writeGb18030(regions, regionLines());
  const rows: BenchRow[] = [];
  for (const workers of [REFERENCE_WORKERS, WORKERS]) {
    const file = join(ctx.workDir, `workers-${workers}.csv`);
    ctx.progress(`import-memory: writing ${workers.toLocaleString("en")} GB18030 worker rows`);
    await writeGb18030(file, workerRows(makeIdNumber, workers));
    const mb = statSync(file).size / 2 ** 20;
    ctx.progress("import-memory: importing in a child process");
    const r = await runChild([join(ctx.workDir, `memory-${workers}.db`), regions, file]);
    if (r.accepted !== workers) throw new Error(`expected ${workers} rows accepted, got ${r.accepted} (${r.rejected} rejected)`);
    if (r.encoding !== "gb18030") throw new Error(`read as ${r.encoding}`);
    const n = workers.toLocaleString("en");
    const note = `${n} rows, ${mb.toFixed(1)} MB GB18030 file, own process`;
    if (workers === WORKERS) {
      rows.push(
        { name: `import ${n} GB18030 workers (.csv): peak RSS`, value: Math.round(Number(r.peakMb)), unit: "MB", budget: "flat (539 MB whole-file parser)", note },
        { name: "resident before the workers import (setup)", value: Math.round(Number(r.rssBeforeMb)), unit: "MB", note: "node + tsx + database, villages imported" },
        { name: `import ${n} GB18030 workers (.csv): time`, value: Math.round(Number(r.seconds) * 10) / 10, unit: "s", note },
      );
    } else {
      rows.push({ name: `import ${n} GB18030 workers (.csv): peak RSS (reference)`, value: Math.round(Number(r.peakMb)), unit: "MB", note });
    }
  }
  return rows;
};

export default bench;

if (process.argv[1] === HERE && process.argv[2] === "--child") {
  const [dbFile, regionsFile, workersFile] = process.argv.slice(3);
  await child(dbFile!, regionsFile!, workersFile!);
}
