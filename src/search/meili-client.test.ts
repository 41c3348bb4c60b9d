import { MeilisearchApiError, MeilisearchRequestError, MeilisearchTaskTimeOutError } from "meilisearch";
import { describe, expect, it } from "vitest";
import { MeiliError, toMeiliError } from "./meili-client.ts";

describe("the official client's errors as ours", () => {
  const refused = Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }) });
  it.each([
    ["an engine's refusal keeps its status and code", new MeilisearchApiError(new Response(null, { status: 404 }), { message: "Document `F99` not found.", code: "document_not_found", type: "invalid_request", link: "" }), { status: 404, code: "document_not_found", message: "Document `F99` not found." }],
    ["an engine that does not answer is unreachable, with the reason", new MeilisearchRequestError("http://127.0.0.1:9/health", refused), { status: undefined, code: undefined, message: "search engine unreachable: ECONNREFUSED" }],
    ["a task that takes too long says so", new MeilisearchTaskTimeOutError(7, 100), { status: undefined, code: undefined, message: "timeout of 100ms has exceeded on task 7 when waiting for it to be resolved." }],
    ["anything else is a failed request", new Error("boom"), { status: undefined, code: undefined, message: "search engine request failed: boom" }],
  ])("%s", (_name, error, expected) => {
    const ours = toMeiliError(error);
    expect(ours).toBeInstanceOf(MeiliError);
    expect({ status: ours.status, code: ours.code, message: ours.message }).toEqual(expected);
  });

  it("leaves one of ours as it is", () => {
    const ours = new MeiliError("x", 500, "internal");
    expect(toMeiliError(ours)).toBe(ours);
  });
});
