import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.ts";

describe("parseEnv", () => {
  it("gives the embedded defaults for an empty environment", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ port: 3000, host: "127.0.0.1", demoData: true, logLevel: "info" });
    expect(env.meili).toBeUndefined();
    expect(env.dataDir).toMatch(/data$/);
  });

  it.each([
    [{ PORT: "abc" }, /PORT must be a port number/],
    [{ PORT: "70000" }, /PORT must be between 0 and 65535/],
    [{ DEMO_DATA: "yes" }, /DEMO_DATA must be 0 or 1 \(got "yes"\)/],
    [{ LOG_LEVEL: "loud" }, /LOG_LEVEL must be one of/],
    [{ MEILI_URL: "not a url" }, /MEILI_URL must be a URL/],
    [{ MEILI_URL: "http://127.0.0.1:7700" }, /MEILI_MASTER_KEY must be set when MEILI_URL is set/],
  ])("rejects %o naming the variable", (source, message) => {
    expect(() => parseEnv(source)).toThrow(message);
  });

  it("never echoes the master key in its message", () => {
    expect(() => parseEnv({ MEILI_URL: "http://x:1", MEILI_MASTER_KEY: "short" })).toThrow(/^(?!.*short")/s);
  });

  it("takes an external search engine", () => {
    const env = parseEnv({ MEILI_URL: "http://127.0.0.1:7700/", MEILI_MASTER_KEY: "0123456789abcdef" });
    expect(env.meili).toEqual({ url: "http://127.0.0.1:7700", masterKey: "0123456789abcdef" });
  });
});
