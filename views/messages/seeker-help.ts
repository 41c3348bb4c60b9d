/**
 * The seeker's helps added for issue 10: filters as one-tap chips, the radius that needs a
 * place, the pre-filled application form, and checking or withdrawing an application with its
 * receipt code (查询报名) without an account.
 * Part of the message catalogue (views/messages.ts composes the parts; zh-CN).
 */
export const seekerHelpMessages = {
  /** The results page's one-tap choices. */
  chips: {
    /** The small button beside the village list, shown only when the browser runs no scripts. */
    chooseVillage: "选好了",
    /** The radius notice's way to the place list. */
    choosePlace: "去选村",
    /** Above the results: what is chosen, each with a tap that takes it away. */
    chosenTitle: "已选：",
    remove: (label: string) => `去掉“${label}”`,
    age: (age: number) => `${age} 岁能做`,
  },
  /** The application form, filled from the account or the search. */
  applyPrefill: {
    fromAccount: "已按您的账户填好，可以改。",
    fromSearch: (village: string) => `村名按您搜索时选的“${village}”填好，可以改。`,
  },
  /** 查询报名: the receipt code and the page to check or withdraw an application without an account. */
  receipt: {
    link: "查询或撤回报名",
    title: "查询报名",
    intro: "报名后页面上有一个 8 位数的报名回执号。填上报名时的手机号和回执号，就能看报名进展，也可以撤回。",
    phone: "报名时的手机号",
    code: "报名回执号（8 位数字）",
    codeHint: "报名成功的页面上写着，例如 4827-1953",
    submit: "查询",
    codeLabel: "您的报名回执号",
    codeKeep: "请把这个号记下来或拍照。不用注册账户，凭手机号和回执号就能查询或撤回报名。",
    codeLater: "回执号在第一次报名时已经给出。记不得了可以直接打电话问单位。",
    errors: {
      phoneRequired: "请填写手机号",
      phoneInvalid: "手机号要是 11 位数字，以 1 开头",
      codeInvalid: "回执号是 8 位数字",
      /** The one answer for an unknown phone, an unknown code and a wrong pair: nothing is revealed. */
      notFound: "没有找到这条报名。请核对手机号和回执号；如果是代报名的，请问村干部。",
      tooMany: (seconds: number) => `查询次数太多了，请 ${seconds} 秒后再试。`,
    },
    found: "您的报名",
    posting: "岗位",
    employer: "单位",
    status: "现在的进展",
    appliedAt: "报名日期",
    applicant: "报名人",
    phoneShown: "手机号",
    statusHelp: {
      报名: "单位还没联系您，请保持手机畅通。",
      已联系: "单位已经联系过您。",
      已录用: "单位已经录用您。",
      未录用: "这次单位没有录用，可以看看别的岗位。",
      已撤回: "这条报名已经撤回。",
    } as Record<string, string>,
    withdraw: "撤回这条报名",
    withdrawHint: "撤回后单位就不会再联系您。撤回了还想去，可以打电话问单位。",
    withdrawn: "已经撤回了这条报名。",
    cannotWithdraw: "这条报名单位已经有结果，不能撤回。有问题请打电话问单位。",
    again: "再查一条",
  },
} as const;
