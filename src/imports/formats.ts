/**
 * The five spreadsheet formats of docs/contract.md ("Spreadsheet formats"): their columns, how a
 * row of cells becomes a typed record (or a rejection naming every column at fault and why), the key
 * rows are matched on, and how a record is written back as cells (export, so that export → import
 * changes nothing). Pure: references to other rows (villages, employers) are checked by the use-case.
 */
import {
  AVAILABLE_TIMES,
  EMPLOYER_TYPES,
  EMPLOYMENT_FORMS,
  HOUSEHOLD_CATEGORIES,
  LABOUR_ABILITIES,
  PAY_UNITS,
  PHYSICAL_DEMANDS,
  POSTING_STATUSES,
  PREFERRED_AREAS,
  RECOGNITION_STATUSES,
  WORKING_TIMES,
  type EmployerType,
  type EmploymentForm,
  type HouseholdCategory,
  type LabourAbility,
  type PreferredArea,
  type RecognitionStatus,
  type WorkingTime,
} from "../core/enums.ts";
import type { DateField } from "../core/date-fields.ts";
import { IMPORT_NUMBER_RANGES, NUMBER_RULES } from "../core/number-fields.ts";
import type { PhoneKind } from "../core/phone.ts";
import type { PostingFields } from "../core/posting-fields.ts";
import { reversedPostingRanges } from "../core/posting-rules.ts";
import { isProvinceName } from "../core/settings.ts";
import { checkText, type TextField } from "../core/text-fields.ts";
import { fenOfYuan } from "../core/subsidies/ledger.ts";
import { policyProblems, SUBSIDY_KINDS, type PolicyFields, type PolicyProblem } from "../core/subsidies/policy.ts";
import { messages } from "../../views/messages.ts";
import {
  cellText,
  formatList,
  isBlank,
  parseChoice,
  parseDateFor,
  parseIdNumber,
  parseList,
  parseNumber,
  parsePhone,
  parseWholeNumber,
  parseYesNo,
  type CellValue,
  type Parsed,
} from "./cells.ts";

const t = messages.imports.reasons;

export const SPREADSHEET_KINDS = ["regions", "employers", "postings", "workers", "placements", "policies"] as const;
export type SpreadsheetKind = (typeof SPREADSHEET_KINDS)[number];

export interface RegionRecord {
  town: string;
  village: string;
  lng: number;
  lat: number;
}

export interface EmployerRecord {
  code: string;
  name: string;
  type: EmployerType;
  coreFactoryCode: string | null;
  town: string;
  village: string | null;
  address: string | null;
  /** Null: the village centre. */
  lng: number | null;
  lat: number | null;
  contactName: string | null;
  contactPhone: string | null;
  recognition: RecognitionStatus;
}

export interface PostingRecord extends PostingFields {
  employerCode: string;
}

export interface WorkerRecord {
  householdCode: string;
  category: HouseholdCategory;
  relocated: boolean;
  householdSize: number | null;
  name: string;
  idNumber: string;
  birthDate: string;
  sex: "男" | "女";
  phone: string | null;
  town: string;
  village: string;
  labourAbility: LabourAbility;
  willingToWork: boolean;
  skills: string[];
  preferredArea: PreferredArea | null;
  availableTime: WorkingTime | null;
}

export interface PlacementRecord {
  idNumber: string;
  employerCode: string | null;
  postingCode: string | null;
  startDate: string;
  endDate: string | null;
  monthlyIncome: number | null;
  /** Null: the county's own province. */
  workProvince: string | null;
  workCounty: string | null;
  employmentForm: EmploymentForm | null;
}

export interface RecordOf {
  regions: RegionRecord;
  employers: EmployerRecord;
  postings: PostingRecord;
  workers: WorkerRecord;
  placements: PlacementRecord;
  /** 补贴政策 (issue 12): 金额 in fen. */
  policies: PolicyFields;
}

/** A row rejected whole: the column at fault (a header, or 整行) and why. */
export interface Rejection {
  column: string;
  reason: string;
}

/**
 * A row's parse: the record, or every problem found (one per column at most, in column order of
 * reading) and the rejection that sums them up (the problem itself when there is one).
 */
export type RowResult<T> = { ok: true; record: T } | { ok: false; rejection: Rejection; problems: readonly Rejection[] };

/** One rejection for several problems: their columns, and each reason after its column. */
export function combineProblems(problems: readonly Rejection[]): Rejection {
  if (problems.length === 1) return problems[0]!;
  return { column: problems.map((p) => p.column).join("、"), reason: problems.map((p) => `${p.column}：${p.reason}`).join("；") };
}

/** A row's cells by header. */
export type RowCells = ReadonlyMap<string, CellValue>;

export interface SpreadsheetFormat<K extends SpreadsheetKind> {
  kind: K;
  /** Every column, in the order export writes them. */
  columns: readonly string[];
  required: readonly string[];
  /** Columns export writes as text cells (ID numbers, phones, codes), never as numbers. */
  textColumns: readonly string[];
  /** A row's record; `today` (YYYY-MM-DD, Beijing) is what the date fields' ranges count from. */
  parse(cells: RowCells, today: string): RowResult<RecordOf[K]>;
  /** The key a row is matched on, as one string. */
  key(record: RecordOf[K]): string;
  /** Cells to write for a record, in `columns` order. */
  format(record: RecordOf[K]): (string | number | null)[];
}

// ---------------------------------------------------------------------------------------------
// A tiny reader over one row: each getter records a column's (first) problem and returns a
// placeholder, so that every problem of the row is reported at once.

/**
 * The text rule (src/core/text-fields.ts) of each text column: a cell is cleaned (NFC, no control
 * characters) and refused over the field's length, "超过 N 字". A column not named here is `other`.
 */
export const COLUMN_TEXT_FIELDS: Readonly<Record<string, TextField>> = {
  乡镇: "townName",
  村: "villageName",
  编号: "code",
  核心工厂编号: "code",
  用工主体编号: "code",
  岗位编号: "code",
  户编号: "code",
  名称: "employerName",
  地址: "address",
  联系人: "personName",
  姓名: "personName",
  岗位名称: "postingTitle",
  岗位描述: "postingDescription",
  就业地省份: "placeName",
  就业地县区: "placeName",
  资金来源: "fundSource",
};
/** The most items of a 、-separated list (技能, 技能要求, 福利), as the posting form allows. */
export const MAX_LIST_ITEMS = 20;

class RowReader {
  private readonly problems: Rejection[] = [];
  private readonly failed = new Set<string>();
  constructor(
    private readonly cells: RowCells,
    private readonly today: string,
  ) {}

  private fail(column: string, reason: string): void {
    if (this.failed.has(column)) return;
    this.failed.add(column);
    this.problems.push({ column, reason });
  }
  private cell(column: string): CellValue {
    return this.cells.get(column) ?? null;
  }
  private take<T>(column: string, parsed: Parsed<T>, fallback: T): T {
    if (parsed.ok) return parsed.value;
    this.fail(column, parsed.reason);
    return fallback;
  }
  blank(column: string): boolean {
    return isBlank(this.cell(column));
  }
  text(column: string): string {
    const value = this.checkedText(column);
    if (value === "") this.fail(column, t.required);
    return value;
  }
  optionalText(column: string): string | null {
    const value = this.checkedText(column);
    return value === "" ? null : value;
  }
  /** The cell's text cleaned by its column's rule; over the length: a problem and "". */
  private checkedText(column: string): string {
    const checked = checkText(cellText(this.cell(column)), COLUMN_TEXT_FIELDS[column] ?? "other");
    if (checked.ok) return checked.value;
    this.fail(column, messages.textFields.tooLong(checked.max));
    return "";
  }
  /** A province-level name, full (江西省) or short (江西), kept as written: the rules read either (provinceFullName). */
  optionalProvince(column: string): string | null {
    const value = this.optionalText(column);
    if (value !== null && !isProvinceName(value)) this.fail(column, t.unknownProvince(value));
    return value;
  }
  number(column: string, check?: (n: number) => string | undefined): number {
    if (this.blank(column)) return this.fail(column, t.required), 0;
    return this.optionalNumber(column, check) ?? 0;
  }
  optionalNumber(column: string, check?: (n: number) => string | undefined): number | null {
    if (this.blank(column)) return null;
    const n = this.take(column, parseNumber(this.cell(column)), 0);
    const problem = check?.(n);
    if (problem) this.fail(column, problem);
    return n;
  }
  whole(column: string, min: number, max: number): number {
    if (this.blank(column)) return this.fail(column, t.required), 0;
    return this.take(column, parseWholeNumber(this.cell(column), min, max), 0);
  }
  optionalWhole(column: string, min: number, max: number): number | null {
    return this.blank(column) ? null : this.take(column, parseWholeNumber(this.cell(column), min, max), 0);
  }
  choice<const T extends readonly [string, ...string[]]>(column: string, choices: T): T[number] {
    if (this.blank(column)) return this.fail(column, t.required), choices[0];
    return this.take(column, parseChoice(this.cell(column), choices), choices[0]);
  }
  optionalChoice<const T extends readonly [string, ...string[]]>(column: string, choices: T): T[number] | null {
    return this.blank(column) ? null : this.take(column, parseChoice(this.cell(column), choices), choices[0]);
  }
  choiceOr<const T extends readonly [string, ...string[]]>(column: string, choices: T, fallback: T[number]): T[number] {
    return this.optionalChoice(column, choices) ?? fallback;
  }
  yesNo(column: string, fallback: boolean): boolean {
    return this.blank(column) ? fallback : this.take(column, parseYesNo(this.cell(column)), fallback);
  }
  /** A date of the column's field, by the field's rule (src/core/date-fields.ts). */
  date(column: string, field: DateField): string {
    if (this.blank(column)) return this.fail(column, t.required), "";
    return this.take(column, parseDateFor(this.cell(column), field, this.today), "");
  }
  optionalDate(column: string, field: DateField): string | null {
    return this.blank(column) ? null : this.take(column, parseDateFor(this.cell(column), field, this.today), "");
  }
  phone(column: string, kind: PhoneKind): string | null {
    return this.blank(column) ? null : this.take(column, parsePhone(this.cell(column), kind), "");
  }
  list(column: string): string[] {
    const items: string[] = [];
    for (const item of parseList(this.cell(column))) {
      const checked = checkText(item, "listItem");
      if (!checked.ok) return this.fail(column, messages.textFields.listItemTooLong(checked.max)), [];
      if (checked.value !== "" && !items.includes(checked.value)) items.push(checked.value);
      if (items.length > MAX_LIST_ITEMS) return this.fail(column, messages.textFields.listTooLong(MAX_LIST_ITEMS)), [];
    }
    return items;
  }
  idNumber(column: string): { idNumber: string; birthDate: string; sex: "男" | "女" } {
    if (this.blank(column)) return this.fail(column, t.required), { idNumber: "", birthDate: "", sex: "男" };
    return this.take(column, parseIdNumber(this.cell(column), this.today), { idNumber: "", birthDate: "", sex: "男" });
  }
  /**
   * Flags a rule between columns — unless one of the columns it reads (`inputs`) already failed:
   * its placeholder would make the rule fail for nothing.
   */
  check(column: string, holds: boolean, reason: string, inputs: readonly string[] = []): void {
    if (inputs.some((c) => this.failed.has(c))) return;
    if (!holds) this.fail(column, reason);
  }
  result<T>(record: T): RowResult<T> {
    if (this.problems.length === 0) return { ok: true, record };
    return { ok: false, rejection: combineProblems(this.problems), problems: [...this.problems] };
  }
}

const latitude = (n: number) => (n < -90 || n > 90 ? t.latitude : undefined);
const longitude = (n: number) => (n < -180 || n > 180 ? t.longitude : undefined);
const { monthlyIncome, headcount, pay, age } = NUMBER_RULES;
const incomeInRange = (n: number) => (n < monthlyIncome.min || n > monthlyIncome.max ? t.outOfRange(monthlyIncome.min, monthlyIncome.max) : undefined);
const keyOf = (...parts: (string | null)[]) => parts.map((p) => p ?? "").join("\u0000");

// ---------------------------------------------------------------------------------------------

export const regionsFormat: SpreadsheetFormat<"regions"> = {
  kind: "regions",
  columns: ["乡镇", "村", "经度", "纬度"],
  required: ["乡镇", "村", "经度", "纬度"],
  textColumns: ["乡镇", "村"],
  parse(cells, today) {
    const r = new RowReader(cells, today);
    return r.result({ town: r.text("乡镇"), village: r.text("村"), lng: r.number("经度", longitude), lat: r.number("纬度", latitude) });
  },
  key: (rec) => keyOf(rec.town, rec.village),
  format: (rec) => [rec.town, rec.village, rec.lng, rec.lat],
};

export const employersFormat: SpreadsheetFormat<"employers"> = {
  kind: "employers",
  columns: ["编号", "名称", "类型", "核心工厂编号", "乡镇", "村", "地址", "经度", "纬度", "联系人", "联系电话", "认定状态"],
  required: ["编号", "名称", "类型", "乡镇"],
  textColumns: ["编号", "核心工厂编号", "联系电话"],
  parse(cells, today) {
    const r = new RowReader(cells, today);
    const record: EmployerRecord = {
      code: r.text("编号"),
      name: r.text("名称"),
      type: r.choice("类型", EMPLOYER_TYPES),
      coreFactoryCode: r.optionalText("核心工厂编号"),
      town: r.text("乡镇"),
      village: r.optionalText("村"),
      address: r.optionalText("地址"),
      lng: r.optionalNumber("经度", longitude),
      lat: r.optionalNumber("纬度", latitude),
      contactName: r.optionalText("联系人"),
      contactPhone: r.phone("联系电话", "contact"),
      recognition: r.choiceOr("认定状态", RECOGNITION_STATUSES, "未认定"),
    };
    r.check("核心工厂编号", record.coreFactoryCode === null || record.type === "卫星工厂", t.coreFactoryOnlySatellite, ["类型"]);
    r.check("核心工厂编号", record.coreFactoryCode !== record.code, t.coreFactorySelf, ["编号"]);
    return r.result(record);
  },
  key: (rec) => rec.code,
  format: (rec) => [
    rec.code, rec.name, rec.type, rec.coreFactoryCode, rec.town, rec.village, rec.address, rec.lng, rec.lat, rec.contactName, rec.contactPhone,
    rec.recognition,
  ],
};

export const postingsFormat: SpreadsheetFormat<"postings"> = {
  kind: "postings",
  columns: [
    "编号", "用工主体编号", "岗位名称", "岗位描述", "招聘人数", "薪资下限", "薪资上限", "计薪方式", "工作时间", "年龄下限", "年龄上限",
    "体力要求", "技能要求", "福利", "状态", "截止日期",
  ],
  required: ["编号", "用工主体编号", "岗位名称", "招聘人数"],
  textColumns: ["编号", "用工主体编号"],
  parse(cells, today) {
    const r = new RowReader(cells, today);
    const record: PostingRecord = {
      code: r.text("编号"),
      employerCode: r.text("用工主体编号"),
      title: r.text("岗位名称"),
      description: r.optionalText("岗位描述") ?? "",
      headcount: r.whole("招聘人数", headcount.min, headcount.max),
      payMin: r.optionalWhole("薪资下限", pay.min, pay.max),
      payMax: r.optionalWhole("薪资上限", pay.min, pay.max),
      payUnit: r.choiceOr("计薪方式", PAY_UNITS, "月"),
      workingTime: r.choiceOr("工作时间", WORKING_TIMES, "全天"),
      ageMin: r.optionalWhole("年龄下限", age.min, age.max),
      ageMax: r.optionalWhole("年龄上限", age.min, age.max),
      physicalDemand: r.optionalChoice("体力要求", PHYSICAL_DEMANDS),
      skills: r.list("技能要求"),
      benefits: r.list("福利"),
      status: r.choiceOr("状态", POSTING_STATUSES, "招聘中"),
      closingDate: r.optionalDate("截止日期", "closing"),
    };
    const reversed = reversedPostingRanges(record);
    r.check("薪资上限", !reversed.includes("pay"), t.payRange, ["薪资下限"]);
    r.check("年龄上限", !reversed.includes("age"), t.ageRange, ["年龄下限"]);
    return r.result(record);
  },
  key: (rec) => rec.code,
  format: (rec) => [
    rec.code, rec.employerCode, rec.title, rec.description, rec.headcount, rec.payMin, rec.payMax, rec.payUnit, rec.workingTime, rec.ageMin,
    rec.ageMax, rec.physicalDemand, formatList(rec.skills), formatList(rec.benefits), rec.status, rec.closingDate,
  ],
};

export const workersFormat: SpreadsheetFormat<"workers"> = {
  kind: "workers",
  columns: ["户编号", "户类型", "是否易地搬迁", "家庭人口数", "姓名", "身份证号", "联系电话", "乡镇", "村", "劳动能力", "就业意愿", "技能", "期望工作地", "可工作时间"],
  required: ["户编号", "户类型", "姓名", "身份证号", "乡镇", "村", "劳动能力"],
  textColumns: ["户编号", "身份证号", "联系电话"],
  parse(cells, today) {
    const r = new RowReader(cells, today);
    const id = r.idNumber("身份证号");
    return r.result({
      householdCode: r.text("户编号"),
      category: r.choice("户类型", HOUSEHOLD_CATEGORIES),
      relocated: r.yesNo("是否易地搬迁", false),
      householdSize: r.optionalWhole("家庭人口数", IMPORT_NUMBER_RANGES.householdSize.min, IMPORT_NUMBER_RANGES.householdSize.max),
      name: r.text("姓名"),
      idNumber: id.idNumber,
      birthDate: id.birthDate,
      sex: id.sex,
      phone: r.phone("联系电话", "mobile"),
      town: r.text("乡镇"),
      village: r.text("村"),
      labourAbility: r.choice("劳动能力", LABOUR_ABILITIES),
      willingToWork: r.yesNo("就业意愿", true),
      skills: r.list("技能"),
      preferredArea: r.optionalChoice("期望工作地", PREFERRED_AREAS),
      availableTime: r.optionalChoice("可工作时间", AVAILABLE_TIMES),
    });
  },
  key: (rec) => rec.idNumber,
  format: (rec) => [
    rec.householdCode, rec.category, rec.relocated ? "是" : "否", rec.householdSize, rec.name, rec.idNumber, rec.phone, rec.town, rec.village,
    rec.labourAbility, rec.willingToWork ? "是" : "否", formatList(rec.skills), rec.preferredArea, rec.availableTime,
  ],
};

export const placementsFormat: SpreadsheetFormat<"placements"> = {
  kind: "placements",
  columns: ["身份证号", "用工主体编号", "岗位编号", "开始日期", "结束日期", "月收入", "就业地省份", "就业地县区", "就业形式"],
  required: ["身份证号", "开始日期"],
  textColumns: ["身份证号", "用工主体编号", "岗位编号"],
  parse(cells, today) {
    const r = new RowReader(cells, today);
    const id = r.idNumber("身份证号");
    const record: PlacementRecord = {
      idNumber: id.idNumber,
      employerCode: r.optionalText("用工主体编号"),
      postingCode: r.optionalText("岗位编号"),
      startDate: r.date("开始日期", "placementStart"),
      endDate: r.optionalDate("结束日期", "placementEnd"),
      monthlyIncome: r.optionalNumber("月收入", incomeInRange),
      workProvince: r.optionalProvince("就业地省份"),
      workCounty: r.optionalText("就业地县区"),
      employmentForm: r.optionalChoice("就业形式", EMPLOYMENT_FORMS),
    };
    if (record.monthlyIncome !== null) record.monthlyIncome = Math.round(record.monthlyIncome);
    r.check("结束日期", record.endDate === null || record.endDate >= record.startDate, t.endBeforeStart, ["开始日期"]);
    r.check("就业形式", record.employerCode === null || record.employmentForm === null, t.formNeedsNoEmployer);
    r.check("就业形式", record.employerCode !== null || record.employmentForm !== null, t.formRequired);
    return r.result(record);
  },
  key: (rec) => keyOf(rec.idNumber, rec.employerCode, rec.startDate),
  format: (rec) => [
    rec.idNumber, rec.employerCode, rec.postingCode, rec.startDate, rec.endDate, rec.monthlyIncome, rec.workProvince, rec.workCounty,
    rec.employmentForm,
  ],
};

/** The column of a policy field, for rejections. */
const POLICY_COLUMNS: Record<PolicyProblem["field"], string> = {
  amountFen: "金额",
  minMonths: "最少月数",
  maxMonthsPerPerson: "每人最多月数",
  ageLimit: "年龄上限",
  onePerHousehold: "每户限一人",
  endDate: "结束日期",
};

/** Yuan with at most two decimals, more than zero. */
const yuanAmount = (n: number) => (n <= 0 || fenOfYuan(String(n)) === null ? messages.subsidies.reasons.badAmount : undefined);

export const policiesFormat: SpreadsheetFormat<"policies"> = {
  kind: "policies",
  columns: ["编号", "名称", "类型", "金额", "最少月数", "每人最多月数", "年龄上限", "每户限一人", "开始日期", "结束日期", "资金来源"],
  required: ["编号", "名称", "类型", "金额", "开始日期"],
  textColumns: ["编号"],
  parse(cells, today) {
    const r = new RowReader(cells, today);
    const record: PolicyFields = {
      code: r.text("编号"),
      name: r.text("名称"),
      kind: r.choice("类型", SUBSIDY_KINDS),
      amountFen: Math.round(r.number("金额", yuanAmount) * 100),
      minMonths: r.optionalWhole("最少月数", IMPORT_NUMBER_RANGES.minMonths.min, IMPORT_NUMBER_RANGES.minMonths.max),
      maxMonthsPerPerson: r.optionalWhole("每人最多月数", IMPORT_NUMBER_RANGES.maxMonthsPerPerson.min, IMPORT_NUMBER_RANGES.maxMonthsPerPerson.max),
      ageLimit: r.optionalWhole("年龄上限", IMPORT_NUMBER_RANGES.policyAgeLimit.min, IMPORT_NUMBER_RANGES.policyAgeLimit.max),
      onePerHousehold: r.yesNo("每户限一人", false),
      startDate: r.date("开始日期", "policy"),
      endDate: r.optionalDate("结束日期", "policy"),
      fundSource: r.optionalText("资金来源"),
    };
    for (const p of policyProblems(record)) {
      const reasons = messages.subsidies.reasons;
      r.check(POLICY_COLUMNS[p.field], false, p.problem === "notForKind" ? reasons.notForKind(record.kind) : p.problem === "beforeStart" ? t.endBeforeStart : reasons.badAmount);
    }
    return r.result(record);
  },
  key: (rec) => rec.code,
  format: (rec) => [
    rec.code, rec.name, rec.kind, rec.amountFen / 100, rec.minMonths, rec.maxMonthsPerPerson, rec.ageLimit, rec.onePerHousehold ? "是" : "否",
    rec.startDate, rec.endDate, rec.fundSource,
  ],
};

export const SPREADSHEET_FORMATS: { [K in SpreadsheetKind]: SpreadsheetFormat<K> } = {
  regions: regionsFormat,
  employers: employersFormat,
  postings: postingsFormat,
  workers: workersFormat,
  placements: placementsFormat,
  policies: policiesFormat,
};

export function isSpreadsheetKind(value: string): value is SpreadsheetKind {
  return (SPREADSHEET_KINDS as readonly string[]).includes(value);
}

/**
 * Matches a header row to a format: where each known column is, which required ones are
 * missing, which headers are unknown (ignored with a warning) or repeated (known or not: the file
 * is refused).
 */
export function matchHeaders(format: SpreadsheetFormat<SpreadsheetKind>, headers: readonly CellValue[]) {
  const positions = new Map<string, number>();
  const unknown: string[] = [];
  const duplicated: string[] = [];
  // A repeated header rejects the file whether or not the column is known (the contract):
  // which of two 备注 columns holds the note cannot be guessed.
  const seen = new Set<string>();
  headers.forEach((cell, index) => {
    const name = cellText(cell).replace(/\s+/g, "").replace(/\*$/, "");
    if (name === "") return;
    if (seen.has(name)) {
      if (!duplicated.includes(name)) duplicated.push(name);
      return;
    }
    seen.add(name);
    if (!format.columns.includes(name)) unknown.push(name);
    else positions.set(name, index);
  });
  const missing = format.required.filter((c) => !positions.has(c));
  return { positions, missing, unknown, duplicated };
}
