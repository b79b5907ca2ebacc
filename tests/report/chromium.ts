/**
 * The system's headless Chromium for the browser tests (the HTML report, piao serve),
 * which drive it through playwright-core: where it is and the flags it runs with.
 * A missing browser is an error, never a skip: CI installs it.
 */
import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

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
        "The HTML report test needs it: install it with `apt-get install chromium`.",
    );
  return found;
}

export const BASE_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(buf: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!buf.subarray(0, 8).equals(signature)) throw new Error("not a PNG");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}
