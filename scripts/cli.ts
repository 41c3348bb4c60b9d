/**
 * Small helpers the command-line scripts share: the data folder from DATA_DIR, a progress line on
 * stderr that rewrites itself, and exit codes.
 */
import { resolve } from "node:path";

/** DATA_DIR as the server reads it (default ./data), for scripts that do not start the server. */
export function dataDirFromEnv(): string {
  const value = process.env.DATA_DIR;
  return resolve(value && value !== "" ? value : "./data");
}

/** A progress line on stderr: rewritten in place on a terminal, one line at most every second otherwise. */
export function createProgress(): { update(text: string): void; done(): void } {
  const tty = process.stderr.isTTY;
  let last = 0;
  let pending = "";
  let printed = "";
  return {
    update(text: string) {
      pending = text;
      const now = Date.now();
      if (tty) process.stderr.write(`\r${text}\x1b[K`);
      else if (now - last >= 1_000) {
        process.stderr.write(text + "\n");
        printed = text;
        last = now;
      }
    },
    done() {
      // The last state is always shown: on a terminal end its line, elsewhere print it if skipped.
      if (tty && pending) process.stderr.write("\n");
      else if (!tty && pending && pending !== printed) process.stderr.write(pending + "\n");
      pending = "";
    },
  };
}

/** A bar of `width` cells for a fraction in [0, 1]. */
export function bar(fraction: number, width = 24): string {
  const filled = Math.max(0, Math.min(width, Math.round(fraction * width)));
  return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "]";
}
