/**
 * Sign-in, my account and passwords.
 * Part of the message catalogue (views/messages.ts composes the parts; zh-CN).
 */

export const accountsMessages = {
  /** Accounts: sign-in, my account, passwords (issue 4). */
  accounts: {
    login: "登录",
    logout: "退出登录",
    account: "我的账户",
    loginTitle: "登录",
    loginIntro: "工作人员、用工单位负责人和已注册的求职者在这里登录。",
    loginLabel: "账号（手机号或用户名）",
    passwordLabel: "密码",
    submitLogin: "登录",
    invalidCredentials: "账号或密码不对，请再试一次。",
    tooManyAttempts: (seconds: number) => `密码错误次数太多，为了安全，请 ${Math.max(1, Math.ceil(seconds / 60))} 分钟后再试（约 ${seconds} 秒）。`,
    loggedOut: "您已退出登录。",
    whoAmI: "账户信息",
    loginName: "账号",
    role: "身份",
    roles: { seeker: "求职者", manager: "用工单位负责人", town: "乡镇干部", county: "县人社局工作人员", admin: "系统管理员" } as Record<string, string>,
    employer: "所属单位",
    town: "所属乡镇",
    mustChangePassword: "这是系统生成的一次性密码，请先设置您自己的新密码，再使用其他功能。",
    changePassword: "修改密码",
    currentPassword: "当前密码",
    newPassword: "新密码（至少 8 位）",
    confirmPassword: "再输入一次新密码",
    submitPassword: "保存新密码",
    passwordChanged: "密码已修改。其他设备上的登录已退出。",
    wrongCurrentPassword: "当前密码不对。",
    passwordTooShort: "新密码至少要 8 位。",
    passwordTooLong: "新密码不能超过 128 位。",
    passwordsDiffer: "两次输入的新密码不一样。",
    passwordSameAsLogin: "新密码不能和账号相同。",
    passwordUnchanged: "新密码不能和当前密码相同。",
    required: "请填写这一项。",
    links: "常用功能",
    myApplications: "我的报名",
    myPostings: "本单位岗位",
    roster: "在岗名单",
    workers: "劳动力名单",
    audit: "操作记录",
    settings: "平台设置",
  },
} as const;
