/**
 * Text fields (src/core/text-fields.ts): the words for a value over its field's length, and the
 * .xlsx reader's limits. Part of the message catalogue (views/messages.ts composes the parts; zh-CN).
 */

export const textFieldsMessages = {
  textFields: {
    /** A spreadsheet cell or a filter over its field's length. */
    tooLong: (max: number) => `超过 ${max} 字`,
    /** One item of a 、-separated list cell over its length. */
    listItemTooLong: (max: number) => `每一项不能超过 ${max} 字`,
    /** A 、-separated list cell with too many items. */
    listTooLong: (max: number) => `最多 ${max} 项`,
    /** A filter value on a page (audit log, subsidy lines) over its length. */
    filterTooLong: (max: number) => `筛选条件不能超过 ${max} 个字。`,
    /** The .xlsx reader: one cell's text is bigger than any real cell. */
    xlsxStringTooLong: (max: number) => `表格中有一个单元格的文字超过 ${max} 字，不像正常的表格，已拒绝读取。`,
    /** The .xlsx reader: unzipped, the workbook is bigger than any county's registry. */
    xlsxTooLarge: (mb: number) => `表格解压后超过 ${mb} MB，不像正常的表格，已拒绝读取。请检查文件，或分成几个文件导入。`,
  },
} as const;
