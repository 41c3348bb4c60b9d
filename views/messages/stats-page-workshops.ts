/**
 * The statistics page's workshop section when the county has more workshops than the page lists
 * (docs/decisions/2026-12-02-stats-page-once-per-snapshot.md).
 */
export const statsPageWorkshopsMessages = {
  statsPageWorkshops: {
    topOf: (shown: number, total: number) => `共 ${total} 个帮扶车间、卫星工厂，图表和表格列出吸纳就业最多的 ${shown} 个。`,
    showAll: (total: number) => `列出全部 ${total} 个`,
    showTop: (shown: number) => `只列出吸纳就业最多的 ${shown} 个`,
  },
} as const;
