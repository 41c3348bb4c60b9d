/**
 * Errors of the JSON API: a status and a Chinese message for people, sent as `{ "message": … }`
 * (docs/contract.md) by the app's error handler — and the same body as the OpenAPI document
 * describes it, so the two cannot drift apart.
 */
import { z } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
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

/** Every error body of the API (a component of the document: `#/components/schemas/Error`). */
export const ErrorSchema = z
  .object({ message: z.string().openapi({ description: "What is wrong, in Chinese, for people." }) })
  .openapi("Error");

/** An error response of an operation, for `createRoute({ responses })`. */
export function errorResponse(description: string) {
  return { description, content: { "application/json": { schema: ErrorSchema } } };
}
