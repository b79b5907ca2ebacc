#!/usr/bin/env node
// Regenerates the project's fixture documents from the specs in fixtures/specs:
// DOCX written by hand (OOXML), PDF and HTML made from it by LibreOffice,
// converted-text files written directly, the expected export of every file
// (derived from the spec, never from our parser), the bad inputs, and
// fixtures/manifest.json. Needs soffice, pdftotext, pdfinfo, pdftoppm (and qpdf
// only to remake the encrypted bad input). Usage: npm run fixtures [-- ID…]
process.env.TZ = "UTC";

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { renderDocx } from "./fixtures/plan-docx.mjs";
import { convert, stabilizePdf } from "./fixtures/soffice.mjs";
import { findPages } from "./fixtures/pdf-pages.mjs";
import { crossCheck, expectedExport } from "./fixtures/expected-plan.mjs";
import { convertedText } from "./fixtures/converted-text.mjs";
import { makeBadInputs } from "./fixtures/bad-inputs.mjs";
import { stabilizeHtml } from "./fixtures/html-output.mjs";
import { resolveSpec } from "./fixtures/spec-model.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const FIXTURES = path.join(ROOT, "fixtures");
const SPECS = path.join(FIXTURES, "specs");

const sha256 = (buf) => createHash("sha256").update(buf).digest("hex");
const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

function pngSize(buf) {
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

async function loadSpecs(only) {
  const files = fs
    .readdirSync(SPECS)
    .filter((f) => f.endsWith(".mjs"))
    .sort();
  const specs = [];
  for (const f of files) {
    const spec = (await import(pathToFileURL(path.join(SPECS, f)).href)).default;
    if (spec.id !== path.basename(f, ".mjs")) throw new Error(`${f}: id '${spec.id}' differs from the file name`);
    if (only.length === 0 || only.includes(spec.id)) specs.push(spec);
  }
  return specs;
}

/** Scanned sheets: render each alone, let LibreOffice print it, rasterise the page as a grey PNG. */
async function makeScans(specs, tmp) {
  const jobs = [];
  for (const spec of specs) {
    for (const unit of resolveSpec(spec).units) {
      for (const sheet of unit.sheets) {
        if (!sheet.scanned) continue;
        const file = path.join(tmp, `scan-${spec.id}-${jobs.length + 1}.docx`);
        fs.writeFileSync(file, await renderDocx(spec, { only: { unit, sheet } }));
        jobs.push({ spec, sheet, file });
      }
    }
  }
  const pdfs = convert(
    jobs.map((j) => j.file),
    "pdf",
    path.join(tmp, "scan-pdf"),
    "pdf",
  );
  const scans = new Map(); // spec → Map(sheet → png)
  jobs.forEach((job, i) => {
    const prefix = path.join(tmp, `scan-png-${i + 1}`);
    execFileSync("pdftoppm", ["-png", "-gray", "-r", "90", "-f", "1", "-l", "1", "-singlefile", pdfs[i], prefix]);
    const data = fs.readFileSync(`${prefix}.png`);
    if (!scans.has(job.spec)) scans.set(job.spec, new Map());
    scans.get(job.spec).set(job.sheet, { data, ...pngSize(data) });
  });
  return scans;
}

function writeExpected(dir, file, spec, format, pages) {
  const bytes = fs.readFileSync(path.join(dir, file));
  const exp = expectedExport(spec, { file, sha256: sha256(bytes), format, pageCount: pages ? pages.pageCount : null, pages });
  crossCheck(spec, exp.anomalies);
  fs.writeFileSync(path.join(dir, `${file}.expected.json`), json(exp));
  return exp;
}

/** The external tools, with how to get them, checked before anything is written. */
function checkTools() {
  const tools = [
    ["soffice", "apt-get install -y libreoffice-writer-nogui"],
    ["pdftotext", "apt-get install -y poppler-utils"],
    ["pdfinfo", "apt-get install -y poppler-utils"],
    ["pdftoppm", "apt-get install -y poppler-utils"],
  ];
  const missing = tools.filter(([tool]) => {
    try {
      execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" });
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length) {
    console.error(`make-fixtures: missing ${missing.map(([t]) => t).join(", ")}; install with: ${[...new Set(missing.map(([, how]) => how))].join(" && ")}`);
    process.exit(2);
  }
}

async function main() {
  checkTools();
  const only = process.argv.slice(2);
  const specs = await loadSpecs(only);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "piao-fixtures-"));
  try {
    const scans = await makeScans(specs, tmp);
    const docx = [];
    for (const spec of specs) {
      const dir = path.join(FIXTURES, spec.id);
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${spec.id}.docx`);
      fs.writeFileSync(file, await renderDocx(spec, { scans: scans.get(spec) }));
      docx.push(file);
    }
    // One soffice start per output kind, for all plans at once.
    const pdfs = convert(docx, "pdf", path.join(tmp, "pdf"), "pdf");
    const htmlJobs = { html: [], xhtml: [] };
    specs.forEach((spec, i) => {
      if (spec.outputs?.html) htmlJobs[spec.outputs.html].push(i);
    });
    const htmls = new Map();
    for (const [kind, idx] of Object.entries(htmlJobs)) {
      const filter = kind === "xhtml" ? "html:XHTML Writer File:UTF8" : "html:HTML (StarWriter):UTF8";
      const outs = convert(
        idx.map((i) => docx[i]),
        filter,
        path.join(tmp, kind),
        "html",
      );
      idx.forEach((i, k) => htmls.set(i, outs[k]));
    }

    const entries = [];
    for (const [i, spec] of specs.entries()) {
      const dir = path.join(FIXTURES, spec.id);
      const base = spec.id;
      const pdfName = `${base}.pdf`;
      fs.copyFileSync(pdfs[i], path.join(dir, pdfName));
      stabilizePdf(path.join(dir, pdfName));
      const pages = findPages(spec, path.join(dir, pdfName));
      checkPromises(resolveSpec(spec), pages);
      const about = spec.about;
      const feats = spec.features ?? [];
      const add = (file, format, extra, pageCount) =>
        entries.push({
          id: `${spec.id}/${format}`,
          file: `${spec.id}/${file}`,
          format,
          pages: pageCount,
          features: [...feats, ...extra],
          about,
          expected: `${spec.id}/${file}.expected.json`,
        });

      writeExpected(dir, `${base}.docx`, spec, "docx", null);
      add(`${base}.docx`, "docx", ["hand-written-ooxml"], null);
      writeExpected(dir, pdfName, spec, "pdf", pages);
      add(pdfName, "pdf", ["libreoffice-pdf"], pages.pageCount);
      if (htmls.has(i)) {
        const htmlName = `${base}.html`;
        fs.writeFileSync(path.join(dir, htmlName), stabilizeHtml(fs.readFileSync(htmls.get(i), "utf8")));
        writeExpected(dir, htmlName, spec, "html", null);
        add(htmlName, "html", [spec.outputs.html === "xhtml" ? "libreoffice-xhtml" : "libreoffice-html"], null);
      }
      if (spec.outputs?.text) {
        const textName = `${base}.converted.txt`;
        fs.writeFileSync(path.join(dir, textName), convertedText(spec, pages));
        writeExpected(dir, textName, spec, "text", null);
        add(textName, "text", ["converted-text", "running-header-in-tables", "html-fragments-in-cells"], null);
      }
      console.log(`${spec.id}: ${pages.pageCount} pages`);
    }

    // The truncated and encrypted bad inputs are cut from this plan's PDF.
    const bad = only.length === 0 ? await makeBadInputs(FIXTURES, path.join(FIXTURES, "borgoverde-2024", "borgoverde-2024.pdf"), tmp) : [];
    writeManifest(entries, bad, only.length > 0);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** A spec's features that depend on where LibreOffice breaks pages are checked, not assumed. */
function checkPromises(spec, pages) {
  const sheets = spec.units.flatMap((u) => u.sheets).filter((s) => !s.scanned);
  if ((spec.features ?? []).includes("phases-cross-page-break")) {
    const crossing = sheets.some((s) => s.phases.some((ph) => pages.phase.get(ph) !== pages.sheet.get(s)));
    if (!crossing) throw new Error(`${spec.id}: promises a phases table crossing a page break, but none does`);
  }
  if ((spec.features ?? []).includes("summary-crosses-page")) {
    const crossing = spec.units.some(
      (u) => new Set(u.summary.map((r) => pages.row.get(r))).size > 1 || u.summary.some((r) => pages.rowEnd.get(r) !== pages.row.get(r)),
    );
    if (!crossing) throw new Error(`${spec.id}: promises a summary table crossing a page break, but none does`);
  }
  if ((spec.features ?? []).includes("table-crosses-pages")) {
    const rows = spec.table?.rows ?? [];
    if (new Set(rows.map((r) => pages.row.get(r))).size < 2)
      throw new Error(`${spec.id}: promises an objective table crossing a page break, but it fits one page`);
  }
  if ((spec.features ?? []).includes("summary-row-split-across-pages")) {
    const split = spec.units.some((u) => u.summary.some((r) => pages.rowEnd.get(r) !== pages.row.get(r)));
    if (!split) throw new Error(`${spec.id}: promises a summary row split across pages, but none is`);
  }
}

/** fixtures/manifest.json: every file with its sha256. A partial run (IDs given) updates only its own entries. */
function writeManifest(entries, bad, partial) {
  const file = path.join(FIXTURES, "manifest.json");
  let all = [...entries, ...bad];
  if (partial && fs.existsSync(file)) {
    const old = JSON.parse(fs.readFileSync(file, "utf8")).files;
    const ids = new Set(entries.map((e) => e.id));
    const specsTouched = new Set(entries.map((e) => e.id.split("/")[0]));
    all = [...old.filter((e) => !ids.has(e.id) && !specsTouched.has(e.id.split("/")[0])), ...entries];
  }
  const files = all
    .map((e) => ({ ...e, sha256: sha256(fs.readFileSync(path.join(FIXTURES, e.file))) }))
    .map(({ id, file, format, sha256: sum, pages, features, about, expected, expectedError }) => ({
      id,
      file,
      format,
      sha256: sum,
      pages,
      features,
      about,
      ...(expected ? { expected } : {}),
      ...(expectedError ? { expectedError } : {}),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  fs.writeFileSync(
    file,
    json({
      about:
        "Fixture documents made by scripts/make-fixtures.mjs from fixtures/specs (see docs/fixtures.md). Plans carry an expected export; bad inputs the DocumentError kind they must raise.",
      files,
    }),
  );
}

await main();
