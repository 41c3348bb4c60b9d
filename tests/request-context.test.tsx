/**
 * The request a page's views see (src/http/request-context.ts): its own while `c.html` renders
 * it, whatever other requests are in flight; none before or after that call, none in a view
 * rendered outside a request, none after an `await` inside a view — never another request's.
 */
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { htmlResponse } from "../src/http/html-response.ts";
import { renderingRequest, requestContext } from "../src/http/request-context.ts";

function WhoAmI() {
  return <p>{renderingRequest()?.req.query("who") ?? "nobody"}</p>;
}

async function AfterAwait() {
  await new Promise((resolve) => setTimeout(resolve, 5));
  return <p>{renderingRequest()?.req.query("who") ?? "nobody"}</p>;
}

function app(): Hono {
  const a = new Hono();
  a.use(requestContext());
  a.get("/page", async (c) => {
    // Requests interleave: each waits a while before it renders.
    await new Promise((resolve) => setTimeout(resolve, Number(c.req.query("wait") ?? 0)));
    const before = renderingRequest();
    const res = await c.html(<WhoAmI />);
    const after = renderingRequest();
    res.headers.set("X-Seen-Outside", String(before !== undefined || after !== undefined));
    return res;
  });
  a.get("/thrown", (c) => htmlResponse(c, <WhoAmI />, 403));
  a.get("/async", (c) => c.html(<AfterAwait />));
  return a;
}

describe("the request a page's views see", () => {
  it("is the page's own request while it renders, with others in flight, and none outside the render", async () => {
    const a = app();
    const pages = await Promise.all(
      Array.from({ length: 20 }, (_, i) => a.request(`/page?who=visitor${i}&wait=${(i * 7) % 11}`)),
    );
    for (const [i, res] of pages.entries()) {
      expect(await res.text()).toBe(`<p>visitor${i}</p>`);
      expect(res.headers.get("X-Seen-Outside")).toBe("false");
    }
    expect(renderingRequest()).toBeUndefined();
  });

  it("is the request in a page made for a thrown HTTP error", async () => {
    expect(await (await app().request("/thrown?who=guest")).text()).toBe("<p>guest</p>");
  });

  it("is no request in a view rendered on its own, or after an await inside a view", async () => {
    expect(String(<WhoAmI />)).toBe("<p>nobody</p>");
    const a = app();
    const [slow] = await Promise.all([a.request("/async?who=first"), a.request("/page?who=second&wait=2")]);
    expect(await slow.text()).toBe("<p>nobody</p>");
  });

  it("is no request without the middleware (a shared request's views, src/http/kept-responses.ts)", async () => {
    const bare = new Hono();
    bare.get("/page", (c) => c.html(<WhoAmI />));
    expect(await (await bare.request("/page?who=anyone")).text()).toBe("<p>nobody</p>");
  });
});
