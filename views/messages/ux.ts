/**
 * Texts added while going through each audience's pages (issue 10): chart labels, search
 * notices, the registry search's explanations, and the bureau's and manager's small helps.
 */
export const uxMessages = {
  /** Words printed on the statistics charts. */
  charts: {
    notFromZero: (min: number) => `纵轴从 ${min} 开始，不从 0 开始`,
    employedPeople: "已就业（人）",
    monthAxis: (from: string, to: string) => `月份（${from} 至 ${to}）`,
    monthTick: (month: string) => `${Number(month.slice(5, 7))}月`,
  },
} as const;
