/**
 * The application form (报名) as the browser posts it: checked field by field, each problem in
 * Chinese for the field it belongs to, with what was typed kept for the page to show again.
 */
import { z } from "zod";
import { APPLICANT_NAME_MAX, APPLICANT_VILLAGE_MAX, APPLICATION_NOTE_MAX } from "../../core/application.ts";
import { parsePhone } from "../../core/phone.ts";
import { messages } from "../../../views/messages.ts";

const m = messages.apply.errors;

export const ApplicationFormSchema = z.object({
  name: z.string().trim().min(1, m.nameRequired).max(APPLICANT_NAME_MAX, m.nameTooLong(APPLICANT_NAME_MAX)),
  // An applicant's phone is a mobile (src/core/phone.ts), stored as its 11 digits.
  phone: z
    .string()
    .trim()
    .min(1, m.phoneRequired)
    .transform((typed, ctx) => {
      const phone = parsePhone(typed, "mobile");
      if (phone === undefined) ctx.addIssue({ code: "custom", message: m.phoneInvalid });
      return phone ?? "";
    }),
  village: z.string().trim().max(APPLICANT_VILLAGE_MAX, m.villageTooLong(APPLICANT_VILLAGE_MAX)),
  note: z.string().trim().max(APPLICATION_NOTE_MAX, m.noteTooLong(APPLICATION_NOTE_MAX)),
});
export type ApplicationFormData = z.infer<typeof ApplicationFormSchema>;

export const APPLICATION_FIELDS = ["name", "phone", "village", "note"] as const;
export type ApplicationField = (typeof APPLICATION_FIELDS)[number];

/** What the form shows: the values as typed and a message per field that needs fixing. */
export interface ApplicationFormState {
  values: Partial<Record<ApplicationField, string>>;
  errors: Partial<Record<ApplicationField, string>>;
}

export type ParsedApplicationForm = { ok: true; data: ApplicationFormData } | { ok: false; form: ApplicationFormState };

/** @param body the posted fields (anything not a string counts as empty). */
export function parseApplicationForm(body: Record<string, unknown>): ParsedApplicationForm {
  const values = Object.fromEntries(
    APPLICATION_FIELDS.map((field) => [field, typeof body[field] === "string" ? (body[field] as string) : ""]),
  ) as Record<ApplicationField, string>;
  const result = ApplicationFormSchema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: ApplicationFormState["errors"] = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as ApplicationField;
    errors[field] ??= issue.message;
  }
  return { ok: false, form: { values, errors } };
}
