#!/usr/bin/env node
/**
 * PDF reader speed against pdf.js alone (not a test; needs dist/: `npx tsc -p .`).
 *
 *   node scripts/bench-pdf-reader.mjs [FILE.pdf ...] [--rounds N]
 *
 * For each file, alternates N rounds of
 *   pdfjs   getDocument + per page getOperatorList + getTextContent + cleanup
 *           (the two parses per page the reader used to wait for)
 *   reader  readPdf (one parse per page: the operator list, with the text items
 *           replayed from it, plus all geometry and table building)
 * in one process after a warm-up, and prints pages/s and the ratio pdfjs-time / reader-time
 * (the target is >= 1.0: the reader costs less than what it used to wait for).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// pdf.js through the reader's own entry (before anything else loads it): see src/extract/pdf/native-builtins.ts.
const { getDocument, loadPdfWorker } = await import(pathToFileURL(path.join(ROOT, "dist/extract/pdf/pdfjs.js")).href);
await loadPdfWorker();
const { readPdf } = await import(pathToFileURL(path.join(ROOT, "dist/extract/pdf/read-pdf.js")).href);
const { readerSettings } = await import(pathToFileURL(path.join(ROOT, "dist/extract/settings.js")).href);
const { documentParams } = await import(pathToFileURL(path.join(ROOT, "dist/extract/pdf/open-pdf.js")).href);

const { values, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: "string", default: "5" } } });
const files = positionals.length ? positionals : [path.resolve(ROOT, "../shared/samples/luzzara-2024.pdf")];
const rounds = Number(values.rounds);

async function pdfjsOnly(bytes) {
  const doc = await getDocument(documentParams(new Uint8Array(bytes))).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getOperatorList();
    await page.getTextContent();
    page.cleanup();
  }
  const pages = doc.numPages;
  await doc.destroy();
  return pages;
}

async function reader(bytes, file) {
  return (await readPdf(new Uint8Array(bytes), file, readerSettings())).pageCount;
}

for (const file of files) {
  const bytes = readFileSync(file);
  await pdfjsOnly(bytes);
  await reader(bytes, file);
  let tPdfjs = 0,
    tReader = 0,
    pages = 0;
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    pages = await pdfjsOnly(bytes);
    tPdfjs += performance.now() - t;
    t = performance.now();
    await reader(bytes, file);
    tReader += performance.now() - t;
  }
  const rate = (ms) => ((pages * rounds) / (ms / 1000)).toFixed(1);
  console.log(
    `${path.basename(file)}: ${pages} pages x ${rounds} rounds | pdf.js alone ${rate(tPdfjs)} pages/s | reader ${rate(tReader)} pages/s | ratio ${(tPdfjs / tReader).toFixed(2)}`,
  );
}
