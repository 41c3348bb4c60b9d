/**
 * Where the browser tests' Chromium is: `CHROMIUM_PATH` when set, else Debian's
 * `/usr/bin/chromium`. One lookup for `npm test`'s pretest step (scripts/ensure-browser.ts) and
 * the browser tests (tests/support/browser.ts).
 */
import { accessSync, constants } from "node:fs";

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/** The path the browser tests launch: `CHROMIUM_PATH` if set, else Debian's. */
export function chromiumPath(env: Record<string, string | undefined> = process.env): string {
  return env.CHROMIUM_PATH && env.CHROMIUM_PATH !== "" ? env.CHROMIUM_PATH : DEBIAN_CHROMIUM;
}

/** Is there an executable at `chromiumPath(env)`? */
export function chromiumIsInstalled(env: Record<string, string | undefined> = process.env): boolean {
  try {
    accessSync(chromiumPath(env), constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
