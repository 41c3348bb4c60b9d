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
  /**
   * The budget the issue names, when there is one, e.g. "≤ 14 KB". `npm run bench` reads a
   * budget of the form "≤ N", "≥ N" (N in the row's unit) or "none" (the value must be 0) and
   * prints whether the value keeps it; other budgets are printed as written.
   */
  budget?: string;
  /** The verdict, when the benchmark decides it itself (overrides reading `budget`). */
  ok?: boolean;
  /** The same figure measured in the same run the old way or by the engine alone (same unit): the table prints value ÷ baseline. */
  baseline?: number;
  /** What the baseline is, e.g. "full reload". */
  baselineNote?: string;
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

/** Whether `row` keeps its budget: true or false when the budget says, undefined when it cannot be read. */
export function verdictOf(row: BenchRow): boolean | undefined {
  if (row.ok !== undefined) return row.ok;
  if (!row.budget || !Number.isFinite(row.value)) return undefined;
  const budget = row.budget.trim();
  if (/^none$/i.test(budget)) return row.value === 0;
  const m = /^(≤|<=|<|≥|>=|>)\s*([\d.,]+)/.exec(budget);
  if (!m) return undefined;
  const limit = Number(m[2]!.replace(/,/g, ""));
  switch (m[1]) {
    case "≤":
    case "<=":
      return row.value <= limit;
    case "<":
      return row.value < limit;
    case "≥":
    case ">=":
      return row.value >= limit;
    default:
      return row.value > limit;
  }
}

/** The budget's limit as a number, when it has one ("≤ 14 KB" → 14). */
export function budgetLimit(row: BenchRow): number | undefined {
  const m = /^(?:≤|<=|<|≥|>=|>)\s*([\d.,]+)/.exec(row.budget?.trim() ?? "");
  return m ? Number(m[1]!.replace(/,/g, "")) : undefined;
}
