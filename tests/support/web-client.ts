/**
 * A browser-like client over `app.request`: keeps cookies, sends the site's Origin on posts, and
 * fills in the CSRF token from the last page it read. Tests of forms use it instead of a port.
 * @example const web = webClient(platform.app); await web.login("admin", "pw"); const res = await web.get("/account");
 */
import type { Hono } from "hono";

export const TEST_ORIGIN = "http://localhost";

export interface WebClient {
  cookies: Map<string, string>;
  /** The CSRF token from the last page read (its `_csrf` field or csrf-token meta). */
  csrf: string | undefined;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** Posts a form; `_csrf` is added unless given (pass `_csrf: ""` to leave it out). */
  post(path: string, fields: Record<string, string>, headers?: Record<string, string>): Promise<Response>;
  /** GET /login, then posts the form; returns the POST's response. */
  login(login: string, password: string): Promise<Response>;
  /** Reads a response body as text (remembering its CSRF token). */
  text(res: Response): Promise<string>;
}

export function webClient(app: Hono): WebClient {
  const cookies = new Map<string, string>();
  const client: WebClient = {
    cookies,
    csrf: undefined,
    async get(path, headers = {}) {
      const res = await app.request(path, { headers: { ...cookieHeader(), ...headers } });
      keepCookies(res);
      return res;
    },
    async post(path, fields, headers = {}) {
      const body = new URLSearchParams({ ...(client.csrf !== undefined ? { _csrf: client.csrf } : {}), ...fields });
      if (fields._csrf === "") body.delete("_csrf");
      const res = await app.request(path, {
        method: "POST",
        body: body.toString(),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: TEST_ORIGIN, ...cookieHeader(), ...headers },
      });
      keepCookies(res);
      return res;
    },
    async login(login, password) {
      await client.text(await client.get("/login"));
      return client.post("/login", { login, password });
    },
    async text(res) {
      const html = await res.text();
      const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? /name="csrf-token" content="([^"]+)"/.exec(html)?.[1];
      if (token) client.csrf = token;
      return html;
    },
  };
  function cookieHeader(): Record<string, string> {
    return cookies.size === 0 ? {} : { Cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") };
  }
  function keepCookies(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
  }
  return client;
}
