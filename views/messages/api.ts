/**
 * The JSON API (/api/v1) and the statistics parameters it shares with the bureau's pages.
 * Part of the message catalogue (views/messages.ts composes the parts; zh-CN).
 */

export const apiMessages = {
  api: {
    badParameter: (name: string, reason: string) => `参数 ${name} 不对：${reason}`,
    oneOf: (values: readonly string[]) => `应为 ${values.join("、")} 之一`,
    number: "应为数字",
    wholeNumber: "应为整数",
    between: (min: number, max: number) => `应在 ${min} 到 ${max} 之间`,
    tooLong: (max: number) => `最多 ${max} 个字`,
    latLngTogether: "lat 和 lng 要一起给",
    radiusNeedsPoint: "给 radius_km 时要同时给 lat 和 lng",
    distanceNeedsPoint: "按距离排序要给 lat 和 lng",
    jobNotFound: "没有这个岗位",
  },
  /** Statistics parameters (API and pages). */
  stats: {
    badDate: "日期格式不对，应为 YYYY-MM-DD",
    badBreakdown: "by 只能是 town、platform 或 category",
    baselineAfterDate: "基线日期不能晚于统计日期",
  },
} as const;
