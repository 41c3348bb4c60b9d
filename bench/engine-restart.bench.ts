/**
 * Seconds from killing the bundled engine (SIGKILL, as the out-of-memory killer does) under a
 * running platform with the demo county to the job search being answered by the engine again,
 * and to a posting closed (or opened again) right after the kill being so in the index. The target:
 * back on the engine within 10 s. Medians and the slowest of a few kills in a row (the restart
 * pause doubles after each quick death: 0.5 s, 1 s, 2 s …, see src/search/engine-supervisor.ts).
 */
import { changePostingStatus } from "../src/use-cases/save-posting.ts";
import { benchPlatform } from "./support.ts";
import { percentiles, type Bench } from "./types.ts";

const KILLS = 3;
const GIVE_UP_MS = 60_000;

const bench: Bench = async ({ workDir, progress }) => {
  progress("starting a platform with the demo county and its own engine");
  const platform = await benchPlatform(workDir);
  const search = async () => {
    const res = await platform.app.request("/api/v1/jobs?q=%E7%BC%9D%E7%BA%AB");
    return (await res.json()) as { degraded: boolean };
  };
  const posting = platform.db.$client
    .prepare("SELECT code FROM postings WHERE status = '招聘中' ORDER BY id LIMIT 1")
    .get() as { code: string } | undefined;
  if (!posting) throw new Error("no open posting in the demo county");
  /** Is the posting in the index (undefined while the engine does not answer)? */
  const inIndex = () => platform.index.get(posting.code).then((doc) => doc !== undefined, () => undefined);
  const backOnEngine: number[] = [];
  const changeIndexed: number[] = [];
  try {
    for (let kill = 1; kill <= KILLS; kill++) {
      const engine = platform.engine!.current!;
      // The change made right after the kill: the posting closes (odd kills) or opens again.
      const closing = kill % 2 === 1;
      const started = performance.now();
      process.kill(engine.enginePid, "SIGKILL");
      changePostingStatus({ db: platform.db }, { code: posting.code, status: closing ? "已关闭" : "招聘中", by: { label: "bench" }, now: platform.now() });
      platform.outbox.poke();
      let back: number | undefined;
      let indexed: number | undefined;
      while (performance.now() - started < GIVE_UP_MS && (back === undefined || indexed === undefined)) {
        if (back === undefined && !(await search()).degraded) back = (performance.now() - started) / 1000;
        if (indexed === undefined && (await inIndex()) === !closing) {
          indexed = (performance.now() - started) / 1000;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      if (back === undefined || indexed === undefined) throw new Error(`kill ${kill}: not back within ${GIVE_UP_MS / 1000} s`);
      progress(`kill ${kill}: back on the engine after ${back.toFixed(2)} s, change indexed after ${indexed.toFixed(2)} s`);
      backOnEngine.push(back);
      changeIndexed.push(indexed);
    }
  } finally {
    await platform.stop();
  }
  const note = `${KILLS} kills in a row, demo county; restarts ${platform.engine!.status().restarts}`;
  return [
    { name: "kill → search answered by the engine, p50", value: percentiles(backOnEngine).p50, unit: "s", budget: "≤ 10 s", note },
    { name: "kill → search answered by the engine, slowest", value: Math.max(...backOnEngine), unit: "s", budget: "≤ 10 s" },
    { name: "kill → change made after it in the index, p50", value: percentiles(changeIndexed).p50, unit: "s", budget: "≤ 10 s" },
    { name: "kill → change made after it in the index, slowest", value: Math.max(...changeIndexed), unit: "s", budget: "≤ 10 s" },
  ];
};

export default bench;
