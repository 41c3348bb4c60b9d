/**
 * The shape every benchmark shares. A benchmark is a file `bench/<name>.bench.ts` whose default
 * export runs it and returns rows; `npm run bench` runs them all, prints one table and writes it
 * to bench/results/latest.md. Figures are medians (and p95) of repeated runs, with a baseline
 * measured in the same run where a ratio means something.
 */
export interface BenchRow {
  /** What was measured, e.g. "search p50, 100k postings". */
  name: string;
  /** The figure. */
  value: number;
  /** Its unit: "ms", "KB", "s", "rows/s", "×" … */
  unit: string;
  /** The budget the issue names, when there is one, e.g. "≤ 14 KB". */
  budget?: string;
  /** Anything a reader needs to interpret the figure (baseline, sample size). */
  note?: string;
}

export interface BenchContext {
  /** A scratch folder for databases and engine data, deleted afterwards. */
  workDir: string;
  /** Log a progress line (stderr). */
  progress(message: string): void;
}

export type Bench = (ctx: BenchContext) => Promise<BenchRow[]>;

/** Median and p95 of a list of samples. */
export function percentiles(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95) };
}
