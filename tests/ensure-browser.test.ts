/** `npm test`'s pretest step as a real process: quiet when Chromium is there, one line when it cannot be. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { chromiumPath } from "../scripts/lib/chromium.ts";

const ROOT = new URL("..", import.meta.url).pathname;

function ensureBrowser(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/ensure-browser.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
    encoding: "utf8",
  });
}

describe("the pretest browser check", () => {
  it("finds the Chromium the browser tests launch and says nothing", () => {
    const r = ensureBrowser({ CHROMIUM_PATH: chromiumPath() });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("stops at once with one line naming the variable when CHROMIUM_PATH points at nothing", () => {
    const r = ensureBrowser({ CHROMIUM_PATH: "/nonexistent/chromium" });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("CHROMIUM_PATH");
    expect(r.stderr).toContain("/nonexistent/chromium");
  });
});
