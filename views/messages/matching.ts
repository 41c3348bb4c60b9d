/**
 * Matching (issue 13): the reasons and exclusions of a recommendation, the widening hints of an
 * empty answer, candidates for a posting, applying on a worker's behalf (代办).
 * Part of the message catalogue (views/messages.ts composes the parts; zh-CN).
 */
import type { LabourAbility, PhysicalDemand, PreferredArea, WorkingTime } from "../../src/core/enums.ts";
import type { Nearness } from "../../src/core/recommend/recommend.ts";

const km = (n: number) => `${n} 公里`;

export const matchingMessages = {
  matching: {
    /** Reason texts by code; `pay` is worded by views/matching-text.ts with the pay formatter. */
    reason: {
      near: (nearness: Nearness, distance: number) =>
        nearness === "本村" ? "就在本村" : nearness === "本乡镇" ? `在本乡镇，离家约 ${km(distance)}` : `在本县，离家约 ${km(distance)}`,
      timeFits: (time: WorkingTime, available: WorkingTime | null) =>
        available === null ? `工作时间：${time}` : `工作时间${time}，合得上可工作时间（${available}）`,
      physicalFits: (demand: PhysicalDemand | null) => (demand === null ? "岗位未写体力要求" : `体力要求${demand}，干得了`),
      physicalDemanding: (demand: PhysicalDemand) => `体力要求${demand}，对弱劳动力偏累`,
      ageFits: (age: number, min: number | null, max: number | null) =>
        `年龄 ${age} 岁，在岗位要求内（${min ?? "不限"}–${max ?? "不限"} 岁）`,
      skillsHeld: (skills: string[]) => `会岗位要的技能：${skills.join("、")}`,
      skillsToLearn: (skills: string[]) => `还不会：${skills.join("、")}（可以学）`,
      noSkillsNeeded: "不要求技能，新手能做",
      inPreferredArea: (area: PreferredArea) => `在期望工作地（${area}）之内`,
      pay: (text: string) => `工资 ${text}`,
      payUnknown: "工资面议",
    },
    /** Hard exclusions, stated as such. */
    exclusion: {
      ageAboveMax: (age: number, max: number) => `年龄超过岗位上限（${age} 岁，上限 ${max} 岁）`,
      ageBelowMin: (age: number, min: number) => `年龄未到岗位下限（${age} 岁，下限 ${min} 岁）`,
      timeClash: (time: WorkingTime, available: WorkingTime) => `岗位要${time}，只能做${available}`,
      tooHeavy: (demand: PhysicalDemand, ability: LabourAbility) => `体力要求${demand}，${ability}干不了`,
      outsidePreferredArea: (area: PreferredArea, nearness: Nearness) => `超出期望工作地（只想在${area}，岗位在${nearness}）`,
      tooFar: (distance: number) => `离家 ${km(distance)}，太远`,
      placeUnknown: "岗位地点不明",
      closed: "岗位已过截止日期",
    },
    /** What would widen an empty answer: postings only this one rule keeps out. */
    widen: {
      ageAboveMax: (n: number) => `${n} 个岗位只因年龄超过岗位上限不合适：可找不限年龄的公益性岗位或帮扶车间`,
      ageBelowMin: (n: number) => `${n} 个岗位只因年龄未到岗位下限不合适`,
      timeClash: (n: number) => `若能做全天，还有 ${n} 个岗位`,
      tooHeavy: (n: number) => `${n} 个岗位只因体力要求重不合适`,
      outsidePreferredArea: (n: number) => `若愿意到更远的地方（本乡镇或本县）工作，还有 ${n} 个岗位`,
      tooFar: (n: number) => `若能到 30 公里以外工作（有接送的岗位），还有 ${n} 个岗位`,
      placeUnknown: (n: number) => `${n} 个岗位地点不明`,
      closed: (n: number) => `${n} 个岗位已过截止日期`,
    },
    blocked: {
      notWilling: "登记为暂无就业意愿：上门问清意愿后，在名册中改为有意愿，才会推荐岗位。",
      notLabourForce: "登记为丧失劳动能力或无劳动能力，不推荐岗位；如情况有变，请先更正名册。",
    },
    title: "推荐岗位",
    intro: "按离家远近、工作时间、体力、年龄、技能、期望工作地和工资排序；不合适的岗位不列出。",
    none: "现在没有合适的在招岗位。",
    noneWiden: "放宽以下条件可以多出岗位：",
    noneNothing: "附近没有在招岗位可以放宽条件去找；可以请用工单位发布岗位，或联系县人社局。",
    score: (n: number) => `匹配度 ${n}`,
    forWhom: (name: string) => `为 ${name} 推荐`,
    considered: (n: number) => `共看了 ${n} 个在招岗位`,
    noMembers: "这一户没有要找工作的人。",
    api: {
      badIdNumber: "应为完整的 18 位身份证号",
      workerNotFound: "名册中没有这个人",
    },
    applyOnBehalf: "代办报名",
  },
  /** 代办: applying on a registry worker's behalf. */
  onBehalf: {
    title: (name: string) => `为 ${name} 代办报名`,
    badge: "代办",
    consentLine: (method: string, date: string) => `本人已同意（${method}，${date}）`,
    consentIntro: "代办前请先征得本人同意，并记下是怎么同意的、哪天同意的。",
    consentMethod: "本人怎么同意的",
    consentDate: "同意日期",
    phone: "回电号码（用工单位打这个号码联系）",
    note: "备注（可不填）",
    choose: "请选择",
    submit: "确认代办报名",
    back: "返回推荐岗位",
    notRecommended: "注意：按登记情况，这个岗位不太合适：",
    badMethod: "请选本人是当面、电话还是书面同意的。",
    badDate: "请填同意的日期（年-月-日）。",
    futureDate: "同意日期不能晚于今天。",
    badPhone: "请填 11 位手机号码。",
    applied: "已代办报名，用工单位会看到“代办”标记。",
    alreadyApplied: (date: string) => `这个号码 ${date} 已经报过这个岗位，不用重复报名。`,
    notOpen: "这个岗位现在不收报名了。",
    applicationsTitle: "报名记录",
    applicationsNone: "还没有报名记录。",
    withdraw: "本人要求撤回",
    withdrawn: "已撤回。",
    cannotWithdraw: "这份报名已有结果，不能撤回。",
  },
  /** Candidates for a posting; a manager's referral request. */
  candidates: {
    title: (title: string) => `适合「${title}」的人`,
    intro: "名册中有就业意愿、现在没有就业、条件合适、住得近的人：零就业家庭排最前，其次是帮扶对象。",
    introTown: "本乡镇名册中有就业意愿、现在没有就业、条件合适、住得近的人：零就业家庭排最前，其次是帮扶对象。",
    none: "名册中附近暂时没有合适的人。",
    zeroEmployment: "零就业家庭",
    link: "看名册中适合的人",
    referralTitle: (title: string) => `为「${title}」找人`,
    nearbyCount: (n: number, km: number) => `名册中离岗位 ${km} 公里以内、现在没有工作、条件合适的有 ${n} 人。`,
    managerPrivacy: "名册中的个人信息只有乡镇干部和县人社局能看。可以请乡镇干部把合适的人介绍过来。",
    referralNote: "想对乡镇干部说的话（可不填）",
    requestSubmit: (town: string) => `请${town}干部推荐人选`,
    requested: (town: string) => `已请${town}干部推荐人选，他们会在走访时转告。`,
    back: "返回岗位",
    worklistReferral: (employer: string, title: string) => `${employer} 请求推荐：${title}`,
  },
  /** A cadre's worklist (走访清单). */
  worklist: {
    title: (town: string) => `${town}走访清单`,
    intro: (date: string) => `${date} · 零就业家庭、有未办结预警的家庭，以及用工单位请求推荐的岗位。可以直接打印带去村里。`,
    town: "乡镇",
    show: "查看",
    referrals: "用工单位请求推荐",
    referralsNone: "没有待办的推荐请求。",
    households: (n: number) => `要走访的家庭（${n} 户）`,
    householdsNone: "本乡镇现在没有零就业家庭，也没有未办结的预警。",
    alert: (id: number) => `预警 #${id}`,
    more: "家庭较多，只列出前 60 户；其余请在零就业家庭和预警页面查看。",
    nav: "走访清单",
  },
};
