/**
 * Browser tests: Debian's Chromium driven by playwright-core at a phone's viewport, against the
 * real app served on 127.0.0.1. No browser is downloaded: `npm test`'s pretest step
 * (scripts/ensure-browser.ts) finds or installs Debian's `chromium`, with the same lookup.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { chromiumPath } from "../../scripts/lib/chromium.ts";
import { startTestPlatform, type TestPlatform } from "./test-platform.ts";

export const CHROMIUM_PATH = chromiumPath();

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** A cheap Android phone, as a chat app's built-in browser presents it. */
export const PHONE = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: "zh-CN",
  timezoneId: "Asia/Shanghai",
  userAgent:
    "Mozilla/5.0 (Linux; Android 10; V2031A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 MicroMessenger/8.0.40",
} as const;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export async function phoneContext(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({ ...PHONE, javaScriptEnabled: options.javaScriptEnabled ?? true });
}

export interface ServedApp {
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves a Hono app on a free 127.0.0.1 port. */
export async function serveApp(app: Hono): Promise<ServedApp> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      resolve({
        baseUrl: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/** What one browser test file runs against; filled in by `browserStage`'s beforeAll. */
export interface BrowserStage {
  platform: TestPlatform;
  served: ServedApp;
  browser: Browser;
}

/**
 * Registers the beforeAll and afterAll of a browser test file: start the test platform, let
 * `prepare` add what the file needs (accounts, fixtures), serve the app on a free port and launch
 * Chromium; afterwards close all three, newest first. Read the stage's fields inside tests only.
 * @example const stage = browserStage({ label: "browser-home" }); it("…", async () => { const page = await (await phoneContext(stage.browser)).newPage(); await page.goto(stage.served.baseUrl + "/"); });
 */
export function browserStage(options: Parameters<typeof startTestPlatform>[0], prepare?: (platform: TestPlatform) => unknown): BrowserStage {
  const stage: Partial<BrowserStage> = {};
  beforeAll(async () => {
    stage.platform = await startTestPlatform(options);
    await prepare?.(stage.platform);
    stage.served = await serveApp(stage.platform.app);
    stage.browser = await launchBrowser();
  });
  afterAll(async () => {
    await stage.browser?.close();
    await stage.served?.close();
    await stage.platform?.close();
  });
  return stage as BrowserStage;
}
