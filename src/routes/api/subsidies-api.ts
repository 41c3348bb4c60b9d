/**
 * GET /api/v1/subsidies — the subsidy ledger's lines for other departments' programs
 * (docs/contract.md): county and department tokens; a town token is refused (403). Filtered by
 * policy code, period, status and a whole ID number (matched by its keyed hash, never stored or
 * logged in clear); `total` and `amount_total` cover every matching line, not only the page.
 * ID numbers go out masked only. Money is yuan.
 * @example GET /api/v1/subsidies?policy=XN-2025&period=2025&status=已发放&limit=100
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../app-deps.ts";
import { checkIdNumber } from "../../core/id-number.ts";
import { SUBSIDY_LINE_STATUSES } from "../../core/subsidies/ledger.ts";
import { SUBSIDY_KINDS, payeeOf } from "../../core/subsidies/policy.ts";
import { subsidyLinesForApi } from "../../use-cases/subsidy-figures-view.ts";
import { messages } from "../../../views/messages.ts";
import { ApiError, errorResponse } from "./errors.ts";
import { TOKEN_ERROR_RESPONSES, tokenOnly } from "./openapi.ts";
import { queryInput } from "./query-input.ts";

const m = messages.api;

export const SUBSIDIES_DEFAULT_LIMIT = 100;
export const SUBSIDIES_MAX_LIMIT = 500;
export const SUBSIDIES_MAX_OFFSET = 10_000_000;
const MAX_CODE_LENGTH = 100;

const asNumber = (value: unknown) => (typeof value === "string" ? Number(value) : value);
const wholeNumber = (min: number, max: number) =>
  z.preprocess(asNumber, z.number({ message: m.number }).min(min, m.between(min, max)).max(max, m.between(min, max)).int(m.wholeNumber));

const SubsidiesQueryFieldsSchema = z.object({
  policy: z.string().trim().min(1).max(MAX_CODE_LENGTH, m.tooLong(MAX_CODE_LENGTH)).optional().openapi({ description: "The policy's code (编号), exactly." }),
  period: z
    .string()
    .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, messages.subsidyApi.badPeriod)
    .optional()
    .openapi({ description: "A year (`2025`: 吸纳就业补贴, 交通补贴) or a month (`2025-03`: 公益性岗位补贴).", example: "2025" }),
  status: z.enum(SUBSIDY_LINE_STATUSES, { message: m.oneOf(SUBSIDY_LINE_STATUSES) }).optional().openapi({ description: "The line's status." }),
  id_number: z
    .string()
    .regex(/^\d{17}[\dXx]$/, messages.subsidyApi.badIdNumber)
    .refine((v) => checkIdNumber(v).ok, messages.subsidyApi.badIdNumber)
    .optional()
    .openapi({
      description: "A whole 18-character ID number (身份证号, check digit verified): that worker's lines. A part of a number is refused.",
      example: "360731196805200117",
    }),
  limit: wholeNumber(1, SUBSIDIES_MAX_LIMIT).default(SUBSIDIES_DEFAULT_LIMIT).openapi({ description: "Lines per page." }),
  offset: wholeNumber(0, SUBSIDIES_MAX_OFFSET).default(0).openapi({ description: "Lines to skip (lines are in id order)." }),
});

export const SubsidiesApiQuerySchema = z.transform(queryInput({ emptyIsMissing: true })).pipe(SubsidiesQueryFieldsSchema);

const SubsidyLineSchema = z
  .object({
    id: z.number().int(),
    policy: z.string().openapi({ description: "The policy's code (编号)." }),
    period: z.string().openapi({ description: "YYYY or YYYY-MM." }),
    kind: z.enum(SUBSIDY_KINDS),
    payee: z
      .object({
        type: z.enum(["employer", "worker"]),
        code: z.string().optional().openapi({ description: "The employer's code, when the employer is paid." }),
        name: z.string(),
      })
      .openapi({ description: "Who is paid: the employer (吸纳就业补贴) or the worker." }),
    worker: z.object({
      name: z.string(),
      id_number_masked: z.string().openapi({ example: "3607**********1234" }),
      household: z.string().openapi({ description: "The household's code (户编号)." }),
      town: z.string(),
      village: z.string(),
    }),
    months: z.array(z.string()).openapi({ description: "The months (YYYY-MM) the line counted: each with at least 15 days of the placements it stands on." }),
    amount: z.number().openapi({ description: "yuan; negative for a reversal." }),
    status: z.enum(SUBSIDY_LINE_STATUSES),
    reverses: z.number().int().optional().openapi({ description: "For a reversing line: the id of the paid line it undoes." }),
  })
  .openapi("SubsidyLine");

const SubsidyLinesSchema = z
  .object({
    lines: z.array(SubsidyLineSchema),
    total: z.number().int().openapi({ description: "Every matching line, not only this page." }),
    amount_total: z.number().openapi({ description: "yuan: the sum of every matching line (reversals negative)." }),
  })
  .openapi("SubsidyLines");

export function subsidiesApi(deps: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) throw ApiError.badParameter(result.error);
    },
  });
  const route = createRoute({
    method: "get",
    path: "/subsidies",
    operationId: "subsidyLines",
    summary: "Subsidy lines (补贴明细) with their payee, worker, months and amount",
    ...tokenOnly(
      deps.db,
      ["county", "department"],
      "Lines of the ledger, in id order; `total` and `amount_total` cover every matching line. ID numbers are masked. An unknown policy code matches no line.",
    ),
    request: { query: SubsidiesApiQuerySchema },
    responses: {
      200: { description: "A page of lines and the totals of every match.", content: { "application/json": { schema: SubsidyLinesSchema } } },
      400: errorResponse("A parameter is not valid; the message names it (`参数 id_number 不对：…`)."),
      ...TOKEN_ERROR_RESPONSES,
    },
  });

  app.openapi(route, (c) => {
    const q = c.req.valid("query");
    const page = subsidyLinesForApi(deps, {
      filter: { policyCode: q.policy, period: q.period, status: q.status, idNumber: q.id_number },
      limit: q.limit,
      offset: q.offset,
    });
    return c.json(
      {
        lines: page.rows.map((r) => {
          const employerPaid = payeeOf(r.kind) === "employer" && r.employerCode !== null;
          return {
            id: r.id,
            policy: r.policyCode,
            period: r.period,
            kind: r.kind,
            payee: employerPaid ? { type: "employer" as const, code: r.employerCode!, name: r.employerName ?? "" } : { type: "worker" as const, name: r.workerName },
            worker: { name: r.workerName, id_number_masked: r.idNumberMasked, household: r.householdCode, town: r.town, village: r.village },
            months: r.countedMonths ? (JSON.parse(r.countedMonths) as string[]) : [],
            amount: r.amountFen / 100,
            status: r.status,
            ...(r.reversesLineId !== null ? { reverses: r.reversesLineId } : {}),
          };
        }),
        total: page.total,
        amount_total: page.amountFen / 100,
      },
      200,
    );
  });
  return app;
}
