/**
 * OpenAPI 3.1 path objects of the statistics endpoints (src/routes/api/stats-api.ts), to be folded
 * into the API's document at /api/v1/openapi.json. Paths are relative to the server `/api/v1`.
 */
const dateParameter = {
  name: "date",
  in: "query",
  required: false,
  description: "Reference date D, YYYY-MM-DD (default: today, Beijing time).",
  schema: { type: "string", format: "date" },
} as const;

const errorResponses = {
  "400": { description: "A bad parameter.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "401": { description: "No token, or an unknown or revoked one.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "403": { description: "The token's role may not read this.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
} as const;

export const statsOpenApiPaths = {
  "/stats/employment": {
    get: {
      summary: "帮扶对象 labour force employed, by town, platform or household category",
      description:
        "Rows of 帮扶对象 workers plus a row with key `total`. A town token sees its own town only. " +
        "`labour_force` is null in rows by platform (the total row carries it).",
      security: [{ bearer: [] }],
      parameters: [
        dateParameter,
        { name: "baseline", in: "query", required: false, description: "Baseline date B (default 2020-12-31), not after D.", schema: { type: "string", format: "date" } },
        { name: "by", in: "query", required: false, schema: { type: "string", enum: ["town", "platform", "category"], default: "town" } },
      ],
      responses: {
        "200": {
          description: "Rows, the `total` row last.",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["rows"],
                properties: {
                  rows: {
                    type: "array",
                    items: {
                      type: "object",
                      required: ["key", "labour_force", "employed", "employed_baseline"],
                      properties: {
                        key: { type: "string" },
                        labour_force: { type: ["integer", "null"] },
                        employed: { type: "integer" },
                        employed_baseline: { type: "integer" },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        ...errorResponses,
      },
    },
  },
  "/stats/zero-employment": {
    get: {
      summary: "Zero-employment 帮扶对象 households (零就业家庭) at D",
      description: "County and town tokens only; a town token sees its own town's households.",
      security: [{ bearer: [] }],
      parameters: [dateParameter],
      responses: {
        "200": {
          description: "Households by code.",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["households"],
                properties: {
                  households: {
                    type: "array",
                    items: {
                      type: "object",
                      required: ["code", "town", "village", "labour_force"],
                      properties: { code: { type: "string" }, town: { type: "string" }, village: { type: "string" }, labour_force: { type: "integer" } },
                    },
                  },
                },
              },
            },
          },
        },
        ...errorResponses,
      },
    },
  },
  "/stats/workshops": {
    get: {
      summary: "Workshop absorption (吸纳就业) of every 帮扶车间 and 卫星工厂 at D",
      description: "A town token sees the workshops located in its town.",
      security: [{ bearer: [] }],
      parameters: [dateParameter],
      responses: {
        "200": {
          description: "Workshops by code.",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["rows"],
                properties: {
                  rows: {
                    type: "array",
                    items: {
                      type: "object",
                      required: ["code", "name", "type", "employed", "employed_assisted"],
                      properties: {
                        code: { type: "string" },
                        name: { type: "string" },
                        type: { type: "string", enum: ["帮扶车间", "卫星工厂"] },
                        employed: { type: "integer" },
                        employed_assisted: { type: "integer" },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        ...errorResponses,
      },
    },
  },
} as const;
