/**
 * `npm test`'s pretest step: the browser tests need Chromium. Finds it (`CHROMIUM_PATH`, else
 * /usr/bin/chromium); when absent and this process may install Debian packages (root, with
 * apt-get), installs `chromium`, as .ci/run used to; otherwise stops at once with the one line
 * that says what to run. Also installs `fonts-noto-cjk` when it may and it is missing, so
 * screenshots show Chinese (optional: the tests do not need it).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { messages } from "../views/messages.ts";
import { chromiumIsInstalled, chromiumPath } from "./lib/chromium.ts";

const m = messages.cli.testBrowser;

function mayInstallPackages(): boolean {
  return process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
}

function packageInstalled(name: string): boolean {
  const r = spawnSync("dpkg-query", ["-W", "-f=${Status}", name], { encoding: "utf8" });
  return r.status === 0 && r.stdout.includes("install ok installed");
}

function aptInstall(packages: string[]): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = spawnSync("apt-get", ["update", "-qq"], { stdio: ["ignore", "ignore", "inherit"], env });
  if (update.status !== 0) return false;
  const install = spawnSync("apt-get", ["install", "-y", "-qq", ...packages], { stdio: ["ignore", "ignore", "inherit"], env });
  return install.status === 0;
}

const wanted: string[] = [];
const customPath = Boolean(process.env.CHROMIUM_PATH);
if (!chromiumIsInstalled()) {
  if (customPath || !mayInstallPackages()) {
    process.stderr.write((customPath ? m.customPathMissing(chromiumPath()) : m.missing) + "\n");
    process.exit(1);
  }
  wanted.push("chromium");
}
if (mayInstallPackages() && !packageInstalled("fonts-noto-cjk")) wanted.push("fonts-noto-cjk");
if (wanted.length > 0) {
  process.stdout.write(m.installing(wanted.join(" ")) + "\n");
  const installed = aptInstall(wanted);
  if (!chromiumIsInstalled()) {
    process.stderr.write(m.installFailed + "\n");
    process.exit(1);
  }
  // Fonts are optional: a failed font install only costs Chinese glyphs in screenshots.
  if (!installed) process.stdout.write(m.fontsSkipped + "\n");
}
