/**
 * GET /api/v1/workers/{id_number}/recommendations (docs/contract.md): the one matcher's best open
 * postings for a registry worker, with a score and plain-Chinese reasons each. County and town
 * tokens; a town token reaches its own town's workers only — another town's worker is answered as
 * not found, as the bureau's pages do, so a token cannot probe other towns' registry. Extensions:
 * each hit's employer, town, distance and nearness; and, for an empty answer, why (`blocked`)
 * and what would widen it (`widen`).
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../app-deps.ts";
import { checkIdNumber } from "../../core/id-number.ts";
import { can } from "../../core/policy.ts";
import { RECOMMEND_DEFAULT_LIMIT, RECOMMEND_MAX_LIMIT } from "../../core/recommend/recommend.ts";
import { recommendationsByIdNumber } from "../../use-cases/recommendations.ts";
import { messages } from "../../../views/messages.ts";
import { reasonText, wideningText } from "../../../views/matching-text.ts";
import { ApiError, errorResponse } from "./errors.ts";
import { TOKEN_ERROR_RESPONSES, tokenOnly } from "./openapi.ts";
import { queryInput } from "./query-input.ts";

const m = messages.api;

const asNumber = (value: unknown) => (typeof value === "string" ? Number(value) : value);

const RecommendationsPathSchema = z.object({
  id_number: z.string().openapi({ description: "The worker's whole 18-character ID number (身份证号); the last character may be X.", example: "36073219680305017X" }),
});

const RecommendationsQuerySchema = z.transform(queryInput({ emptyIsMissing: true })).pipe(
  z.object({
    limit: z
      .preprocess(asNumber, z.number({ message: m.number }).int(m.wholeNumber).min(1, m.between(1, RECOMMEND_MAX_LIMIT)).max(RECOMMEND_MAX_LIMIT, m.between(1, RECOMMEND_MAX_LIMIT)))
      .default(RECOMMEND_DEFAULT_LIMIT)
      .openapi({ description: "Hits at most." }),
  }),
);

const RecommendationSchema = z
  .object({
    code: z.string().openapi({ description: "The posting's code (编号)." }),
    title: z.string(),
    score: z.number().int().openapi({ description: "0–100, higher suits better." }),
    reasons: z.array(z.string()).openapi({ description: "Why it suits, in Chinese (distance the way people count it, hours, physical demand, age, skills, preferred area, pay)." }),
    employer: z.object({ code: z.string(), name: z.string() }).openapi({ description: "Extension." }),
    town: z.string().openapi({ description: "Extension: the employer's town." }),
    distance_km: z.number().openapi({ description: "Extension: from the worker's village centre, 0.1 km steps." }),
    nearness: z.enum(["本村", "本乡镇", "本县"]).openapi({ description: "Extension: 本村 / 本乡镇 / 本县." }),
  })
  .openapi("Recommendation");

const RecommendationsSchema = z
  .object({
    hits: z.array(RecommendationSchema).openapi({ description: "Best first. Postings a hard rule excludes (e.g. 年龄超过岗位上限) are never hits." }),
    blocked: z.string().nullable().openapi({ description: "Extension: why nothing is recommended to this worker at all (not willing to work, no labour ability), in Chinese; else null." }),
    widen: z.array(z.string()).openapi({ description: "Extension: what would widen the answer — open postings only one rule keeps out, in Chinese." }),
  })
  .openapi("Recommendations");

const route = (deps: AppDeps) =>
  createRoute({
    method: "get",
    path: "/workers/{id_number}/recommendations",
    operationId: "workerRecommendations",
    summary: "Open postings recommended for a registry worker, with reasons",
    ...tokenOnly(deps.db, ["county", "town"], "A town token reaches its own town's workers; another town's worker is not found."),
    request: { params: RecommendationsPathSchema, query: RecommendationsQuerySchema },
    responses: {
      200: { description: "The recommendations (hits may be empty: then `blocked` or `widen` say why).", content: { "application/json": { schema: RecommendationsSchema } } },
      400: errorResponse("The ID number is not a valid one, or `limit` is not a whole number from 1 to 50."),
      404: errorResponse("No registry worker has this ID number (or not in the town token's town)."),
      ...TOKEN_ERROR_RESPONSES,
    },
  });

export function recommendationsApi(deps: AppDeps): OpenAPIHono {
  const api = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) throw ApiError.badParameter(result.error);
    },
  });

  api.openapi(route(deps), (c) => {
    const id = checkIdNumber(c.req.valid("param").id_number);
    if (!id.ok) throw new ApiError(400, m.badParameter("id_number", messages.matching.api.badIdNumber));
    const { limit } = c.req.valid("query");
    const found = recommendationsByIdNumber(deps, { idNumber: id.idNumber, today: deps.today(), limit });
    if (!found || !can(c.get("apiActor"), "read", found.resource)) throw ApiError.notFound(messages.matching.api.workerNotFound);
    const { answer } = found;
    return c.json(
      {
        hits: answer.hits.map((h) => ({
          code: h.posting.code,
          title: h.posting.title,
          score: h.score,
          reasons: h.reasons.map(reasonText),
          employer: { code: h.posting.employerCode, name: h.posting.employerName },
          town: h.posting.town,
          distance_km: h.km,
          nearness: h.nearness,
        })),
        blocked: answer.blocked ? messages.matching.blocked[answer.blocked] : null,
        widen: answer.widen.map(wideningText),
      },
      200,
    );
  });

  return api;
}
