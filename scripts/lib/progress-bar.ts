/**
 * A progress bar on stderr for the command-line tools: redrawn in place on a terminal, one line
 * per tenth when stderr is a file or a pipe (CI logs stay readable).
 */
const WIDTH = 30;

export interface ProgressBar {
  update(done: number, total: number): void;
  /** Ends the line. */
  finish(): void;
}

/** @example const bar = progressBar("重建索引"); bar.update(500, 1000); bar.finish(); */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  let lastTenth = -1;
  let drawn = false;
  return {
    update(done, total) {
      const ratio = total > 0 ? Math.min(1, done / total) : 1;
      const text = `${label} [${"#".repeat(Math.round(ratio * WIDTH)).padEnd(WIDTH, ".")}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${done}/${total}`;
      if (stream.isTTY) {
        stream.write(`\r${text}`);
        drawn = true;
        return;
      }
      const tenth = Math.floor(ratio * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        stream.write(text + "\n");
      }
    },
    finish() {
      if (drawn) stream.write("\n");
      drawn = false;
    },
  };
}
