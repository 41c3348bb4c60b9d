/**
 * The ledger's second pass (issue 12): re-opening a rejected line, and the keyset pager of the
 * line, notice and batch lists.
 */
export const subsidyLedgerMessages = {
  subsidyLedger: {
    reopen: "重新打开",
    reopenIntro: "驳回的明细在重新计算时不会再次提出。如果驳回的理由已经不成立（例如就业记录已更正），可以重新打开：下次计算会按当时的就业记录和政策最新版本重新提出这一项，再走审核。",
    reopenReason: "重新打开的理由",
    reopened: "已重新打开：下次计算会重新提出这一项",
    reopenedAt: "重新打开",
    reopenedText: (at: string, by: string, reason: string) => `${at} ${by}：${reason}`,
    reopenProblems: {
      notRejected: "只有驳回的明细可以重新打开",
      reversal: "冲销明细不能重新打开",
      alreadyReopened: "这条明细已经重新打开过",
      reasonRequired: "请填写重新打开的理由（不超过 200 字）",
    } as Record<string, string>,
    newer: "← 较新",
    older: "较早 →",
    first: "回到第一页",
  },
} as const;
