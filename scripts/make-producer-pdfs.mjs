#!/usr/bin/env node
// Prints plans' HTML renderings to PDF with headless Chromium (Skia/PDF) into
// fixtures/producers/<id>.chrome.pdf: the same plans as the LibreOffice-made
// fixture PDFs, from another producer (per-cell borders, rows split across page
// breaks without a closing rule, <thead> repeated on each page, bullets drawn as
// shapes). tests/extract/pdf/producers.test.ts checks that `piao extract` of each
// equals the HTML's expected export (pages aside). The PDFs are committed, so
// tests do not need Chromium. Usage: node scripts/make-producer-pdfs.mjs [ID…]
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "fixtures/producers");

/** id → the HTML printed (its expected export is `<html>.expected.json`). */
export const SOURCES = {
  "luzzara-2024": path.resolve(ROOT, "../shared/samples/luzzara-2024.html"),
  "borgoverde-2024": path.join(ROOT, "fixtures/borgoverde-2024/borgoverde-2024.html"),
  "ateneo-2025": path.join(ROOT, "fixtures/ateneo-2025/ateneo-2025.html"),
};

function chromium() {
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    try {
      return execFileSync("which", [name], { encoding: "utf8" }).trim();
    } catch {
      // try the next name
    }
  }
  throw new Error("no chromium on the PATH (Debian: apt-get install chromium)");
}

function main() {
  const only = process.argv.slice(2);
  const bin = chromium();
  fs.mkdirSync(OUT, { recursive: true });
  for (const [id, html] of Object.entries(SOURCES)) {
    if (only.length && !only.includes(id)) continue;
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), "piao-chrome-"));
    const out = path.join(OUT, `${id}.chrome.pdf`);
    try {
      execFileSync(
        bin,
        [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          `--user-data-dir=${profile}`,
          "--no-pdf-header-footer",
          `--print-to-pdf=${out}`,
          pathToFileURL(html).href,
        ],
        { stdio: ["ignore", "ignore", "pipe"], timeout: 120_000 },
      );
    } finally {
      fs.rmSync(profile, { recursive: true, force: true });
    }
    console.log(`${path.relative(ROOT, out)} (${fs.statSync(out).size} bytes) from ${path.relative(ROOT, html)}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
