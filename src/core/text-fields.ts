/**
 * One rule for every text field, wherever it arrives (a form, a spreadsheet cell, an API query):
 * Unicode NFC, control and invisible characters stripped, ends trimmed, and a maximum length per
 * field from one table. Pure. docs/decisions/2026-12-01-text-fields.md says why strip, not refuse.
 * @example cleanText("城关镇\u0000 ") // "城关镇"
 * @example checkText("x".repeat(21), "personName") // { ok: false, problem: "tooLong", max: 20 }
 */
import { z } from "zod";

export interface TextFieldRule {
  /** The most characters (Unicode code points, after cleaning) the field holds. */
  max: number;
  /** Whether line breaks and tabs are kept (a description, a note); elsewhere they become spaces. */
  multiline?: boolean;
}

/**
 * Every kind of text the platform stores or searches, and its maximum. Names a person types are
 * short; notes and descriptions are paragraphs. Lengths are characters, as people count them.
 */
export const TEXT_FIELDS = {
  /** 姓名, 联系人, an applicant's or a gate hire's name. */
  personName: { max: 20 },
  /** 乡镇. */
  townName: { max: 20 },
  /** 村 (also the village an applicant types). */
  villageName: { max: 30 },
  /** 用工主体名称. */
  employerName: { max: 60 },
  /** 编号, 户编号, 用工主体编号, 岗位编号, 核心工厂编号. */
  code: { max: 30 },
  /** 岗位名称. */
  postingTitle: { max: 60 },
  /** 岗位描述 / 工作内容. */
  postingDescription: { max: 2000, multiline: true },
  /** 地址. */
  address: { max: 100 },
  /** One skill (技能) or benefit (福利) of a list. */
  listItem: { max: 20 },
  /** What an applicant writes to the employer. */
  applicationNote: { max: 200, multiline: true },
  /** A manager's note on an applicant. */
  managerNote: { max: 500, multiline: true },
  /** A follow-up note on an alert, or the closing note. */
  alertNote: { max: 500, multiline: true },
  /** Why a placement was corrected. */
  correctionNote: { max: 200 },
  /** Why a pending hire was refused by the bureau or withdrawn by its manager. */
  hireClosingReason: { max: 200 },
  /** The bureau's note on a recognition (认定). */
  recognitionNote: { max: 200 },
  /** 就业地省份, 就业地县区. */
  placeName: { max: 20 },
  /** 县名 in the settings. */
  countyName: { max: 20 },
  /** 政策名称. */
  policyName: { max: 60 },
  /** 资金来源. */
  fundSource: { max: 60 },
  /** A search box (jobs, workers). */
  searchQuery: { max: 100 },
  /** A sign-in name. */
  login: { max: 50 },
  /** A filter value in a query string (a town, a policy, a key). */
  filter: { max: 100 },
  /** A spreadsheet column this table does not name. */
  other: { max: 200 },
} as const satisfies Record<string, TextFieldRule>;

export type TextField = keyof typeof TEXT_FIELDS;

/** C0 and C1 control characters and DEL, except tab, line feed and carriage return. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/**
 * Invisible characters that make two names look alike: zero-width space, LRM/RLM, the bidi
 * embeddings, overrides and isolates, word joiner, BOM. Zero-width (non-)joiners stay: emoji and
 * some scripts need them.
 */
const INVISIBLE_CHARACTERS = /[\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
const LINE_BREAKS = /\r\n?|[\u2028\u2029\u0085]/g;

/**
 * Text as it is stored: NFC, CR LF and Unicode line separators made `\n`, control and invisible
 * characters removed, tabs and line breaks made spaces unless `multiline`, ends trimmed.
 * @example cleanText("第一行\r\n第二行", { multiline: true }) // "第一行\n第二行"
 */
export function cleanText(value: string, rule: { multiline?: boolean } = {}): string {
  let text = value.normalize("NFC").replace(LINE_BREAKS, "\n").replace(CONTROL_CHARACTERS, "").replace(INVISIBLE_CHARACTERS, "");
  if (!rule.multiline) text = text.replace(/[\t\n]+/g, " ");
  return text.trim();
}

/**
 * The part of `cleanText` that holds for any field, whatever it is: NFC, control (except tab and
 * line breaks) and invisible characters removed; nothing trimmed. Every posted form goes through
 * it once (src/http/form-bodies.tsx), so a page shows again what it will store.
 * @example withoutControls("城关镇\u0000 ") // "城关镇 "
 */
export function withoutControls(value: string): string {
  return value.normalize("NFC").replace(CONTROL_CHARACTERS, "").replace(INVISIBLE_CHARACTERS, "");
}

/** Length in characters (code points): an emoji counts once, as a person counts it. */
export function textLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

export type TextCheck = { ok: true; value: string } | { ok: false; problem: "tooLong"; max: number };

/**
 * A field's value cleaned and measured. An empty result is fine here: whether a field is
 * required is the form's or the format's rule.
 * @example checkText("城关镇\u001b", "townName") // { ok: true, value: "城关镇" }
 */
export function checkText(value: string, field: TextField): TextCheck {
  const rule: TextFieldRule = TEXT_FIELDS[field];
  // Measure before cleaning too: a megabyte of text is refused without normalising it.
  if (value.length > roughBound(rule)) return { ok: false, problem: "tooLong", max: rule.max };
  const cleaned = cleanText(value, rule);
  return textLength(cleaned) <= rule.max ? { ok: true, value: cleaned } : { ok: false, problem: "tooLong", max: rule.max };
}

/**
 * Whether a value, cleaned, fits its field: for a schema that must stay a plain `z.string()`
 * (the API's documented parameters).
 * @example fitsText("城".repeat(21), "townName") // false
 */
export function fitsText(value: string, field: TextField): boolean {
  return checkText(value, field).ok;
}

/** The maximum of a field (for a form's `maxlength` and the messages). */
export function maxLength(field: TextField): number {
  return TEXT_FIELDS[field].max;
}

const clean = (field: TextField) => (v: unknown) => (typeof v === "string" ? cleanForSchema(v, field) : v);

/**
 * Cleaning inside a schema. A value far over the field's length (however many control characters
 * it holds) is cut to a bound still over it, not cleaned: the length check refuses it cheaply.
 */
function cleanForSchema(value: string, field: TextField): string {
  const rule: TextFieldRule = TEXT_FIELDS[field];
  const bound = roughBound(rule);
  return value.length > bound ? value.slice(0, bound) : cleanText(value, rule);
}

/** More UTF-16 units than any value within the field's length can have, with room for stray controls. */
function roughBound(rule: TextFieldRule): number {
  return rule.max * 4 + 1000;
}

const fits = (field: TextField) => (v: string) => textLength(v) <= TEXT_FIELDS[field].max;

/**
 * A zod schema for a text field: cleaned, then at most the field's length (`tooLong`), and not
 * empty when `required` is given. The messages are the caller's (codes in the core, words at
 * the edge).
 * @example textSchema("postingTitle", { required: "titleRequired", tooLong: "titleTooLong" })
 */
export function textSchema(field: TextField, problems: { tooLong: string; required?: string }) {
  const base = z.string({ error: problems.required ?? problems.tooLong });
  const checked = (problems.required === undefined ? base : base.min(1, problems.required)).refine(fits(field), { message: problems.tooLong });
  return z.preprocess(clean(field), checked);
}

/**
 * An optional text field: missing or blank (after cleaning) is null.
 * @example optionalTextSchema("address", "addressTooLong").parse(" ") // null
 */
export function optionalTextSchema(field: TextField, tooLong: string) {
  return z.preprocess(
    (v) => {
      if (v === undefined || v === null) return null;
      const cleaned = clean(field)(v);
      return cleaned === "" ? null : cleaned;
    },
    z.string({ error: tooLong }).refine(fits(field), { message: tooLong }).nullable(),
  );
}
