#!/usr/bin/env node
// Makes the layout-preserving text conversions the text reader's layout tests read
// (src/extract/text/read-layout-text.ts): `pdftotext -layout` of fixture PDFs, the
// conversion offices get when they run poppler on a published plan. Page breaks are
// form feeds, table columns are aligned with spaces.
//
//   fixtures/<id>/<id>.pdf                 -> fixtures/<id>/<id>.layout.txt
//   ../shared/samples/luzzara-2024.pdf     -> fixtures/layout/luzzara-2024.layout.txt
//
// Deterministic: pdftotext is run with a fixed encoding and line ending and nothing
// else varies, so the same PDFs and the same poppler give the same bytes (the
// committed files were made with poppler-utils 22.12.0; another version may place
// text a character apart — rerun and review the goldens in tests/golden/text then).
// The files are not in fixtures/manifest.json. Needs pdftotext (poppler-utils).
// Usage: node scripts/make-layout-text.mjs [ID…]   (IDs as listed below; default all)

import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** id → [source PDF, output text], relative to the repository root. */
const SOURCES = {
  "borgoverde-2024": ["fixtures/borgoverde-2024/borgoverde-2024.pdf", "fixtures/borgoverde-2024/borgoverde-2024.layout.txt"],
  "provincia-2026": ["fixtures/provincia-2026/provincia-2026.pdf", "fixtures/provincia-2026/provincia-2026.layout.txt"],
  "valle-2023": ["fixtures/valle-2023/valle-2023.pdf", "fixtures/valle-2023/valle-2023.layout.txt"],
  "luzzara-2024": ["../shared/samples/luzzara-2024.pdf", "fixtures/layout/luzzara-2024.layout.txt"],
};

function popplerVersion() {
  // pdftotext -v prints its version on stderr (exit 0, or 99 on old versions).
  const run = spawnSync("pdftotext", ["-v"], { encoding: "utf8" });
  if (run.error) throw new Error("pdftotext not found: install poppler-utils");
  return `${run.stdout}${run.stderr}`.match(/pdftotext version (\d+\.\d+\.\d+)/)?.[1] ?? "unknown";
}

const wanted = process.argv.slice(2);
for (const id of wanted) if (!(id in SOURCES)) throw new Error(`unknown id ${id}; known: ${Object.keys(SOURCES).join(", ")}`);
const version = popplerVersion();
for (const [id, [pdf, out]] of Object.entries(SOURCES)) {
  if (wanted.length > 0 && !wanted.includes(id)) continue;
  const src = path.resolve(ROOT, pdf);
  const dst = path.resolve(ROOT, out);
  fs.mkdirSync(path.dirname(dst), { recursive: true });
  execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", "-eol", "unix", src, dst], { stdio: "inherit" });
  const pages = fs.readFileSync(dst, "utf8").split("\f").length - 1;
  console.log(`${out}: ${pages} pages (pdftotext ${version})`);
}
