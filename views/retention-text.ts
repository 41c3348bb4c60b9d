/**
 * The words of the retention query's problem codes (src/core/stats/retention-query.ts), beside
 * the statistics' own (views/problems.ts): the first problem of a parse, in Chinese.
 */
import type { z } from "zod";
import type { RETENTION_QUERY_PROBLEMS } from "../src/core/stats/retention-query.ts";
import { messages } from "./messages.ts";
import { statsQueryMessage } from "./problems.ts";

const TEXT: Readonly<Record<(typeof RETENTION_QUERY_PROBLEMS)[number], string>> = messages.retention.problems;

/** @example retentionQueryMessage(error) // "开始月份不能晚于结束月份。" */
export function retentionQueryMessage(error: z.ZodError): string {
  const code = error.issues[0]?.message ?? "badDate";
  return (TEXT as Record<string, string>)[code] ?? statsQueryMessage(error);
}
