/**
 * Errors of the JSON API: a status and a Chinese message for people, sent as `{ "message": … }`
 * (docs/contract.md) by the app's error handler.
 */
import { HTTPException } from "hono/http-exception";
import type { z } from "zod";
import { messages } from "../../../views/messages.ts";

export class ApiError extends HTTPException {
  constructor(status: 400 | 401 | 403 | 404, message: string) {
    super(status, { message });
  }

  /** A 400 naming the first parameter that is wrong and what is wrong with it. */
  static badParameter(error: z.ZodError): ApiError {
    const issue = error.issues[0]!;
    const name = String(issue.path[0] ?? "query");
    return new ApiError(400, messages.api.badParameter(name, issue.message));
  }

  static notFound(message: string): ApiError {
    return new ApiError(404, message);
  }
}
