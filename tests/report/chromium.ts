/**
 * Headless Chromium for the HTML report tests, launched directly (no driver):
 * a fresh profile per run, a time limit, and the whole process group killed on
 * timeout. A missing browser is an error, never a skip: CI installs it.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

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

export interface ChromiumRun {
  stdout: string;
  stderr: string;
  code: number | null;
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

/** Runs Chromium with the base flags plus `args` on a fresh profile; kills it after `timeoutMs`. */
export function runChromium(args: string[], timeoutMs = 90_000): Promise<ChromiumRun> {
  const bin = findChromium();
  const profile = mkdtempSync(path.join(tmpdir(), "piao-chromium-"));
  return new Promise((resolve, reject) => {
    // detached: Chromium starts helper processes; on timeout the whole group goes.
    const child = spawn(bin, [...BASE_FLAGS, `--user-data-dir=${profile}`, ...args], { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
      reject(new Error(`Chromium did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      rmSync(profile, { recursive: true, force: true });
      resolve({ stdout, stderr, code });
    });
  });
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(buf: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!buf.subarray(0, 8).equals(signature)) throw new Error("not a PNG");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Prints a page to PDF as the browser's print dialog would (CSS @page size and margins, no header or footer of Chromium's own). */
export async function printToPdf(url: string, pdfFile: string): Promise<ChromiumRun> {
  return runChromium(["--no-pdf-header-footer", `--print-to-pdf=${pdfFile}`, url]);
}
