/**
 * The JSON API at /api/v1 as docs/contract.md promises it: the jobs search and one job, 400 with
 * a Chinese message naming a bad parameter, 404 for an unknown code, and an OpenAPI document that
 * lists every route of the API (tests/openapi.test.ts holds the document to redocly and to the
 * schemas the handlers validate with).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, OPENAPI_PATH } from "../src/routes/api/index.ts";
import { API_MAX_LIMIT } from "../src/routes/api/jobs-api.ts";
import { loadJobFixture, OPEN_FIXTURE_CODES } from "./support/job-fixture.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ label: "api", demoData: false });
  await loadJobFixture(platform);
});
afterAll(() => platform?.close());

async function get(path: string) {
  const res = await platform.app.request(path);
  return { status: res.status, type: res.headers.get("Content-Type"), body: (await res.json()) as Record<string, unknown> };
}

describe("GET /api/v1/jobs", () => {
  it("answers the contract's shape: hits, total, degraded", async () => {
    const { status, body } = await get("/api/v1/jobs?limit=50");
    expect(status).toBe(200);
    expect(body.total).toBe(OPEN_FIXTURE_CODES.length);
    expect(body.degraded).toBe(false);
    const hit = (body.hits as Record<string, unknown>[]).find((h) => h.code === "F01");
    expect(hit).toEqual({
      code: "F01",
      title: "箱包缝纫工",
      employer: { code: "E1", name: "上坪箱包帮扶车间", type: "帮扶车间" },
      town: "岭背镇",
      village: "上坪村",
      pay_min: 2600,
      pay_max: 3500,
      pay_unit: "计件",
      time: "全天",
      benefits: ["包吃", "接送"],
      published_at: "2026-10-01",
      openings: 3,
    });
  });

  it("takes empty parameters as not given, as the contract's own example writes them", async () => {
    const { status, body } = await get("/api/v1/jobs?q=&type=&town=&lat=&lng=&radius_km=&time=&limit=&offset=");
    expect(status).toBe(200);
    expect(body.total).toBe(OPEN_FIXTURE_CODES.length);
  });

  it("filters by type, town and time, and gives distance_km from lat/lng within radius_km", async () => {
    const { body } = await get(`/api/v1/jobs?type=${encodeURIComponent("帮扶车间")}&town=${encodeURIComponent("岭背镇")}&time=${encodeURIComponent("全天")}`);
    expect((body.hits as { code: string }[]).map((h) => h.code)).toEqual(["F01"]);
    const near = await get("/api/v1/jobs?lat=25.95&lng=115.4&radius_km=5");
    const hits = near.body.hits as { distance_km: number }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.distance_km <= 5)).toBe(true);
  });

  it("pages with limit and offset", async () => {
    const first = await get("/api/v1/jobs?sort=newest&limit=5");
    const second = await get("/api/v1/jobs?sort=newest&limit=5&offset=5");
    const codes = [...(first.body.hits as { code: string }[]), ...(second.body.hits as { code: string }[])].map((h) => h.code);
    expect(new Set(codes).size).toBe(10);
    expect(first.body.total).toBe(second.body.total);
  });

  it.each([
    ["type=工厂", "type"],
    ["time=上午", "time"],
    ["limit=0", "limit"],
    [`limit=${API_MAX_LIMIT + 1}`, "limit"],
    ["limit=abc", "limit"],
    ["offset=-1", "offset"],
    ["lat=95&lng=115", "lat"],
    ["lat=25.9", "lng"],
    ["radius_km=5", "radius_km"],
    ["sort=distance", "sort"],
    ["sort=best", "sort"],
    [`q=${"缝".repeat(101)}`, "q"],
  ])("refuses %s with a 400 naming %s, in Chinese", async (qs, name) => {
    const { status, type, body } = await get(`/api/v1/jobs?${encodeURI(qs)}`);
    expect(status).toBe(400);
    expect(type).toContain("application/json");
    expect(body.message).toContain(`参数 ${name} 不对`);
    expect(body.message).toMatch(/\p{Script=Han}/u);
  });
});

describe("GET /api/v1/jobs/{code}", () => {
  it("gives one posting with its details", async () => {
    const { status, body } = await get("/api/v1/jobs/F01");
    expect(status).toBe(200);
    expect(body).toMatchObject({
      code: "F01",
      description: "用平车缝合箱包的面料和内衬，按样板走线。",
      employer: { code: "E1", contact_phone: "07975551234" },
      age_min: 18,
      age_max: 60,
      status: "招聘中",
      skills: ["缝纫"],
    });
  });

  it("gives a full posting too, saying so", async () => {
    expect((await get("/api/v1/jobs/F14")).body.status).toBe("已招满");
  });

  it("answers an unknown code with 404 and a message", async () => {
    const { status, body } = await get("/api/v1/jobs/NOPE");
    expect(status).toBe(404);
    expect(body).toEqual({ message: "没有这个岗位" });
  });

  it("answers an unknown API path with a JSON 404", async () => {
    const { status, body } = await get("/api/v1/nothing-here");
    expect(status).toBe(404);
    expect(typeof body.message).toBe("string");
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document", async () => {
    const { status, body } = await get("/api/v1/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
  });

  it("lists every route of the API but the document itself, and nothing else", async () => {
    const app = api({} as never);
    const routes = new Set(
      app.routes
        .filter((r) => r.method !== "ALL" && r.path !== OPENAPI_PATH)
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, "{$1}")}`),
    );
    const { body } = await get(`/api/v1${OPENAPI_PATH}`);
    const documented = new Set(
      Object.entries(body.paths as Record<string, object>).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`)),
    );
    expect(routes.size).toBeGreaterThan(0);
    expect(documented).toEqual(routes);
  });
});
