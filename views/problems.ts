/**
 * The words for the core's problem codes: the core says what is wrong (`FormProblem`,
 * `StatsQueryProblem`), the catalogue says it in Chinese. Handlers word a result at the edge,
 * just before they render it or send it.
 * @example fieldMessages({ title: "titleRequired" }) // { title: "请填写岗位名称。" }
 */
import type { z } from "zod";
import type { FieldErrors, FormProblem } from "../src/core/posting-rules.ts";
import type { StatsQueryProblem } from "../src/core/stats/query.ts";
import { messages } from "./messages.ts";

/** Every form problem has its words (the compiler checks the catalogue covers the codes). */
const FORM_PROBLEM_TEXT: Readonly<Record<FormProblem, string>> = { ...messages.workshop.errors, ...messages.fields.problems };
const STATS_QUERY_PROBLEM_TEXT: Readonly<Record<StatsQueryProblem, string>> = { ...messages.stats, ...messages.fields.stats };

/** The words of a form problem; a code the catalogue does not know is returned as given. */
export function formProblemText(code: string): string {
  return (FORM_PROBLEM_TEXT as Record<string, string>)[code] ?? code;
}

/** Field → words, from the core's field → problem. */
export function fieldMessages(errors: Partial<FieldErrors>): Record<string, string> {
  const worded: Record<string, string> = {};
  for (const [field, code] of Object.entries(errors)) if (code !== undefined) worded[field] = formProblemText(code);
  return worded;
}

/** The words of the first problem of a statistics query, or of a bad date when there is none. */
export function statsQueryMessage(error: z.ZodError): string {
  const code = error.issues[0]?.message ?? "badDate";
  return (STATS_QUERY_PROBLEM_TEXT as Record<string, string>)[code] ?? code;
}
