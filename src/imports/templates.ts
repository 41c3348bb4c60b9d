/**
 * The blank templates county staff download to fill in (/bureau/export/<kind>?template=1): in
 * .xlsx the first sheet has the headers, a drop-down (data validation) on every column with a
 * fixed list of values, and wide text columns for ID numbers, phones and codes (Excel would turn
 * an 18-digit ID number into 3.6E+17); a second sheet shows one filled-in example row. The example
 * is on its own sheet because the import reads the first sheet only: a template uploaded as it
 * came adds nothing. A .csv template has the headers only (it has no second sheet).
 */
import ExcelJS from "exceljs";
import {
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
} from "../core/enums.ts";
import { SPREADSHEET_FORMATS, type SpreadsheetKind } from "./formats.ts";

/** Rows of the data sheet that get the drop-downs and the text format. */
export const TEMPLATE_ROWS = 2_000;
export const TEMPLATE_DATA_SHEET = "填写";
export const TEMPLATE_EXAMPLE_SHEET = "示例";

const YES_NO = ["是", "否"] as const;
const SUBSIDY_KINDS = ["吸纳就业补贴", "公益性岗位补贴", "交通补贴"] as const;

/** The fixed lists of values, by kind and column (docs/contract.md). */
export const TEMPLATE_CHOICES: Record<SpreadsheetKind, Record<string, readonly string[]>> = {
  regions: {},
  employers: { 类型: EMPLOYER_TYPES, 认定状态: RECOGNITION_STATUSES },
  postings: { 计薪方式: PAY_UNITS, 工作时间: WORKING_TIMES, 体力要求: PHYSICAL_DEMANDS, 状态: POSTING_STATUSES },
  workers: { 户类型: HOUSEHOLD_CATEGORIES, 是否易地搬迁: YES_NO, 劳动能力: LABOUR_ABILITIES, 就业意愿: YES_NO, 期望工作地: PREFERRED_AREAS, 可工作时间: WORKING_TIMES },
  placements: { 就业形式: EMPLOYMENT_FORMS },
  policies: { 类型: SUBSIDY_KINDS, 每户限一人: YES_NO },
};

/** One example row per kind, as a county would fill it in (the ID number's check digit is right). */
export const TEMPLATE_EXAMPLES: Record<SpreadsheetKind, Record<string, string>> = {
  regions: { 乡镇: "岭背镇", 村: "铜坪村", 经度: "115.412", 纬度: "25.953" },
  employers: { 编号: "E0001", 名称: "铜坪服装帮扶车间", 类型: "帮扶车间", 乡镇: "岭背镇", 村: "铜坪村", 地址: "铜坪村委会旁", 联系人: "刘主任", 联系电话: "13800138000", 认定状态: "未认定" },
  postings: {
    编号: "P0001", 用工主体编号: "E0001", 岗位名称: "缝纫工", 岗位描述: "缝制服装，计件工资，可带孩子上下学", 招聘人数: "5", 薪资下限: "2000", 薪资上限: "3500",
    计薪方式: "月", 工作时间: "灵活", 年龄下限: "18", 年龄上限: "65", 体力要求: "轻", 技能要求: "缝纫", 福利: "包午餐、计件奖励", 状态: "招聘中", 截止日期: "2026-12-31",
  },
  workers: {
    户编号: "H000001", 户类型: "脱贫户", 是否易地搬迁: "否", 家庭人口数: "4", 姓名: "张秀英", 身份证号: "360731196803050178", 联系电话: "13800138000",
    乡镇: "岭背镇", 村: "铜坪村", 劳动能力: "有劳动能力", 就业意愿: "是", 技能: "缝纫、种植", 期望工作地: "本乡镇", 可工作时间: "半天",
  },
  placements: { 身份证号: "360731196803050178", 用工主体编号: "E0001", 岗位编号: "P0001", 开始日期: "2026-03-01", 月收入: "2200", 就业地省份: "江西省", 就业地县区: "于都县" },
  policies: { 编号: "ZC001", 名称: "帮扶车间吸纳就业补贴", 类型: "吸纳就业补贴", 金额: "2000", 最少月数: "6", 每户限一人: "否", 开始日期: "2026-01-01", 资金来源: "就业补助资金" },
};

/** Width (characters) of a column: ID numbers and phones wide enough to read whole. */
export function templateColumnWidth(header: string, textColumn: boolean): number {
  if (header.includes("身份证号")) return 22;
  if (textColumn) return 16;
  return Math.max(10, header.length * 3);
}

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let n = index;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * The worksheet's range validations: exceljs has them (one rule for a whole range, written as one
 * <dataValidation sqref="B2:B2001">) but its type declarations leave them out.
 */
function rangeValidations(sheet: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
}

/** Writes the .xlsx template of `kind` to `file`. */
export async function writeXlsxTemplate(file: string, kind: SpreadsheetKind): Promise<void> {
  const format = SPREADSHEET_FORMATS[kind];
  const choices = TEMPLATE_CHOICES[kind];
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet(TEMPLATE_DATA_SHEET);
  const example = workbook.addWorksheet(TEMPLATE_EXAMPLE_SHEET);
  for (const sheet of [data, example]) {
    sheet.columns = format.columns.map((header) => {
      const text = format.textColumns.includes(header);
      return { header, key: header, width: templateColumnWidth(header, text), ...(text ? { style: { numFmt: "@" } } : {}) };
    });
    sheet.getRow(1).font = { bold: true };
  }
  example.addRow(format.columns.map((header) => TEMPLATE_EXAMPLES[kind][header] ?? null));
  format.columns.forEach((header, i) => {
    const list = choices[header];
    const letter = columnLetter(i + 1);
    const range = `${letter}2:${letter}${TEMPLATE_ROWS + 1}`;
    if (list) {
      rangeValidations(data).add(range, {
        type: "list",
        allowBlank: !format.required.includes(header),
        // An inline list: Excel allows up to 255 characters, our longest is far under.
        formulae: [`"${list.join(",")}"`],
        showErrorMessage: true,
        errorTitle: header,
        error: `请从下拉列表中选择：${list.join("、")}`,
      });
    }
  });
  await workbook.xlsx.writeFile(file);
}
