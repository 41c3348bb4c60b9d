/**
 * Texts of the staff work of issue 10: refusing or withdrawing a pending hire, the one-person
 * registry form, and the audit log's Chinese for reasons stored in English by earlier versions.
 */
export const staffExtraMessages = {
  pendingClosing: {
    rejectTitle: "不予录用",
    rejectIntro: "核实后这条录用不成立（查无此人、重复登记、未实际上岗等）：写明原因，车间负责人会在在岗名单上看到。",
    rejectReason: "不予录用的原因",
    reject: "不予录用",
    reasonRequired: "请写明不予录用的原因",
    reasonTooLong: "原因不能超过 200 个字",
    rejected: "已不予录用，车间负责人会看到原因。",
    withdrawTitle: "撤销这条录用",
    withdrawIntro: "录错了人或对方没有来上岗：撤销后这条录用不再等待人社局核实，也不占岗位名额。",
    withdrawReason: "撤销原因（可不填）",
    withdraw: "撤销录用",
    withdrawn: "已撤销这条录用。",
    refusedTitle: "人社局未通过核实的录用",
    refusedBadge: "未通过核实",
    refusedLine: (on: string, reason: string) => `${on} 人社局未通过核实：${reason}`,
    // Stored in the audit log (Chinese, as every reason).
    auditRejected: (reason: string) => `人社局不予录用：${reason}`,
    auditWithdrawn: (reason: string) => (reason ? `车间负责人撤销录用：${reason}` : "车间负责人撤销录用"),
    auditApplicationBack: "录用未成立，报名退回「已联系」",
  },
} as const;
