/**
 * The system's headless Chromium for the browser tests (the HTML report, piao serve),
 * which drive it through playwright-core: where it is, the flags it runs with, the launch.
 * A missing browser is an error, never a skip: CI installs it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/**
 * Chromium's headless shell first (Debian's chromium-headless-shell; Playwright's own default for
 * headless runs): the same Blink and V8 as the browser, built for automation without the browser's
 * UI and services. The two browser test files cost about half the CPU in it (7.6 s of Chromium
 * processes instead of 14.6 s, measured with Chromium 156) and run 4-5 s sooner. The full browser is
 * the fallback, and CHROMIUM_BIN picks one (`CHROMIUM_BIN=/usr/bin/chromium npm test`).
 */
const CANDIDATES = [
  "/usr/bin/chromium-headless-shell",
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

export function findChromium(): string {
  const fromEnv = process.env["CHROMIUM_BIN"];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_BIN=${fromEnv} does not exist`);
    return fromEnv;
  }
  const found = CANDIDATES.find((c) => existsSync(c));
  if (!found)
    throw new Error(
      `Chromium not found (looked for ${CANDIDATES.join(", ")}; or set CHROMIUM_BIN). ` +
        "The browser tests need it: install it with `apt-get install chromium-headless-shell fonts-dejavu-core fonts-liberation` (or `chromium`).",
    );
  return found;
}

/**
 * Features Chromium runs without here. Playwright already passes a --disable-features of its own
 * (PLAYWRIGHT_DISABLED below, its list as of playwright-core 1.65.1) and Chromium keeps only the
 * last --disable-features of its command line, so ours repeats Playwright's and adds:
 * - WebUIOmniboxPopup, WebUIOmniboxAimPopup: the full browser, headless, (Chromium 156) still builds the address bar's
 *   suggestion popups (chrome://omnibox-popup.top-chrome, two WebUI pages never shown), and their
 *   renderer keeps about 0.4 of a core busy while the browser is otherwise idle: a quarter of the
 *   CPU the two browser test files cost (whole process tree). No test page uses the address bar.
 * The launch reads the command line Chromium got back (`launchChromium`): a Playwright upgrade that
 * disables a feature this list lacks fails the browser tests with the name to add, instead of
 * silently turning the feature back on.
 */
const PLAYWRIGHT_DISABLED = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "msForceBrowserSignIn",
  "msEdgeUpdateLaunchServicesPreferredVersion",
];
const DISABLED_FEATURES = [...PLAYWRIGHT_DISABLED, "WebUIOmniboxPopup", "WebUIOmniboxAimPopup"];

/** The switches the browser tests launch Chromium with (on top of Playwright's own). */
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  `--disable-features=${DISABLED_FEATURES.join(",")}`,
];

/**
 * The features some --disable-features of a command line names but the last one (the one
 * Chromium applies) leaves out.
 */
function missingDisabledFeatures(argv: string[]): string[] {
  const lists = argv.filter((a) => a.startsWith("--disable-features=")).map((a) => a.slice("--disable-features=".length).split(","));
  const applied = new Set(lists.at(-1) ?? []);
  return [...new Set(lists.flat())].filter((f) => f !== "" && !applied.has(f));
}

/**
 * The command lines of the browsers this process has launched: its child processes that Playwright
 * drives over a pipe (Linux /proc; the Debian wrapper script execs Chromium in its own process).
 */
function launchedBrowserArgv(): string[][] {
  if (!existsSync("/proc/self/stat")) return [];
  const out: string[][] = [];
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const ppid = stat.slice(stat.lastIndexOf(") ") + 2).split(" ")[1];
      if (ppid !== String(process.pid)) continue;
      const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (argv.includes("--remote-debugging-pipe")) out.push(argv);
    } catch {
      // The process ended while being read: not a browser still running.
    }
  }
  return out;
}

/** Headless Chromium with the flags above, checked to have run with every feature Playwright disables still disabled. */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_FLAGS });
  const missing = [...new Set(launchedBrowserArgv().flatMap(missingDisabledFeatures))];
  if (missing.length) {
    await browser.close();
    throw new Error(
      `Chromium ran with ${missing.join(", ")} enabled again (Playwright disables them): add them to PLAYWRIGHT_DISABLED in tests/report/chromium.ts`,
    );
  }
  return browser;
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(buf: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!buf.subarray(0, 8).equals(signature)) throw new Error("not a PNG");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}
