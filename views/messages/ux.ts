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
  /** Notices above the job board's results. */
  searchNotices: {
    queryShortened: (max: number) => `搜索的字太多，只按前 ${max} 个字搜索。`,
    radiusNeedsOrigin: "要按远近找，请先选您的村，或者点“用我现在的位置”。现在显示的是所有地方的工作。",
  },
  /** The registry search's explanations (bureau staff). */
  registrySearch: {
    hint: "姓名、村名、户编号，完整的 11 位手机号，或完整的 18 位身份证号",
    fewDigits: "只输入了几位数字，只能找到这个户编号。找人请输入姓名、完整的 11 位手机号或完整的 18 位身份证号；为保护个人信息，不支持按部分号码查找。",
    byPhone: (phone: string) => `按手机号 ${phone} 查找`,
  },
} as const;
