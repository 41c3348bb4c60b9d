/**
 * Shared by every audience: the site frame, health, error pages and refusals.
 * Part of the message catalogue (views/messages.ts composes the parts; zh-CN).
 */

export const commonMessages = {
  /** Authors that are not a person's account (ChangeAuthor labels), as staff read them; a login is shown as it is. */
  authors: {
    named: { demo: "示范数据", seed: "示范数据", system: "系统", import: "表格导入", environment: "环境变量" } as Readonly<Record<string, string>>,
    commandLine: (command: string) => `命令行（npm run ${command}）`,
  },
  site: {
    name: "就业帮扶",
    tagline: "家门口的好工作",
    description: "为脱贫群众和监测对象找家门口的工作：帮扶车间、卫星工厂、公益性岗位、本地企业。",
    skipToContent: "跳到正文",
    footer: "县人社局 就业帮扶平台",
    home: "首页",
    jobs: "找工作",
    mainNav: "主导航",
  },
  health: {
    ok: "正常",
    down: "不可用",
  },
  errors: {
    notFoundTitle: "页面不存在",
    notFound: "您要找的页面不存在，可能已经删除或地址有误。",
    serverTitle: "出错了",
    server: "系统出了点问题，请稍后再试。如果一直这样，请联系县人社局。",
    backHome: "回到首页",
    badFormTitle: "提交的内容无法读取",
    badForm: "表单内容不完整或格式不对，什么都没有保存。请回到上一页，重新填写后再提交。",
    notAFormTitle: "只接受网页表单",
    notAForm: "这个地址只接受网页上的表单提交，什么都没有保存。请在网页上填写后提交。",
  },
  /** Refusals: no right to the page, a form that failed the CSRF check. */
  forbidden: {
    title: "无权访问",
    body: "您的账户没有权限查看这个页面。如需帮助，请联系县人社局。",
    csrfTitle: "请重新提交",
    csrf: "页面已过期或来源不对，为了安全没有保存。请返回上一页，刷新后再提交一次。",
    login: "请先登录。",
    apiMissingToken: "缺少访问令牌：请在 Authorization 头中提供 Bearer 令牌。",
    apiBadToken: "访问令牌无效或已被吊销。",
    apiNoRight: "该访问令牌无权访问这个接口。",
  },
} as const;
