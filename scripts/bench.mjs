#!/usr/bin/env node
/**
 * Throughput benchmark (run with `npm run bench`, which builds dist/ first).
 *
 * Builds a corpus of PDFs in a temp dir from the repository's fixtures (and the
 * shared samples when present), each copy made unique by a comment appended after
 * %%EOF ("\n%bench N\n") so its sha256 differs, then measures on the same files:
 *   pdfjs     pdf.js alone: getOperatorList + getTextContent per page
 *   extract   extractPlan, one file after another in one thread
 *   import-1  importFiles --jobs 1 (worker thread + SQLite writes)
 *   import-2  importFiles --jobs 2
 *   pdftotext `pdftotext -layout` (poppler-utils), as a reference; skipped when missing
 * Each measurement runs in its own child process so peak RSS is its own.
 * Writes bench/results.json and bench/results.md.
 *
 * Options: --pages N (corpus size in pages, default 3000), --keep (keep the temp dir).
 * Environment: BENCH_PAGES overrides the default --pages.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = (p) => pathToFileURL(path.join(ROOT, "dist", p)).href;

if (process.argv[2] === "--child") {
  const [kind, ...rest] = process.argv.slice(3);
  const result = await child(kind, rest);
  process.stdout.write(JSON.stringify(result) + "\n");
  process.exit(0);
}

const { values } = parseArgs({ options: { pages: { type: "string" }, keep: { type: "boolean", default: false } } });
const targetPages = Number(values.pages ?? process.env.BENCH_PAGES ?? 3000);
if (!existsSync(path.join(ROOT, "dist/store/import-files.js"))) {
  console.error("bench: dist/ is missing; run `npm run bench` (it builds first)");
  process.exit(2);
}

const work = mkdtempSync(path.join(os.tmpdir(), "piao-bench-"));
try {
  await main();
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else console.error(`bench: kept ${work}`);
}

async function main() {
  const sources = await usableSources();
  if (sources.length === 0) {
    console.error("bench: no readable PDF found in fixtures/ or ../shared/samples/ (run `npm run fixtures`?)");
    process.exit(2);
  }
  const corpusDir = path.join(work, "corpus");
  mkdirSync(corpusDir);
  const sourcePages = sources.reduce((n, s) => n + s.pages, 0);
  const rounds = Math.max(1, Math.ceil(targetPages / sourcePages));
  const files = [];
  for (let r = 0; r < rounds; r++)
    for (const [i, s] of sources.entries()) {
      const f = path.join(corpusDir, `${String(r).padStart(4, "0")}-${i}-${path.basename(s.file)}`);
      copyFileSync(s.file, f);
      appendFileSync(f, `\n%bench ${r}\n`);
      files.push(f);
    }
  const pages = rounds * sourcePages;
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  log(`corpus: ${files.length} PDFs, ${pages} pages, ${(bytes / 1e6).toFixed(1)} MB, from ${sources.length} source PDF(s) × ${rounds}`);
  const listFile = path.join(work, "files.json");
  writeFileSync(listFile, JSON.stringify(files));

  const loadBefore = os.loadavg()[0];
  const runs = {};
  runs.pdfjs = measure("pdfjs", [listFile], "pdf.js alone (operator list + text per page)");
  runs.extract = measure("extract", [listFile], "extractPlan, single thread");
  runs["import-1"] = measure("import", [corpusDir, path.join(work, "j1.sqlite"), "1"], "piao import --jobs 1");
  runs["import-2"] = measure("import", [corpusDir, path.join(work, "j2.sqlite"), "2"], "piao import --jobs 2");
  runs.pdftotext = pdftotext(files, pages);

  const ref = runs.pdftotext.ms;
  const ratio = (r) => (ref && r?.ms ? Number((r.ms / ref).toFixed(1)) : null);
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    // 1-minute load average before and after: other work on the machine skews every figure.
    loadAverage: { before: round(loadBefore), after: round(os.loadavg()[0]) },
    corpus: { files: files.length, pages, bytes, sources: sources.map((s) => ({ file: path.relative(ROOT, s.file), pages: s.pages })) },
    runs,
    timeVsPdftotext: Object.fromEntries(["pdfjs", "extract", "import-1", "import-2"].map((k) => [k, ratio(runs[k])])),
    workerMarginalRssMb:
      runs["import-2"].rssPeakMb && runs["import-1"].rssPeakMb ? round(runs["import-2"].rssPeakMb - runs["import-1"].rssPeakMb) : null,
  };
  mkdirSync(path.join(ROOT, "bench"), { recursive: true });
  writeFileSync(path.join(ROOT, "bench/results.json"), JSON.stringify(results, null, 2) + "\n");
  writeFileSync(path.join(ROOT, "bench/results.md"), markdown(results));
  process.stdout.write(markdown(results));
}

/** PDFs from fixtures/ (recursively) and ../shared/samples/, kept when pdf.js opens them. */
async function usableSources() {
  const found = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith(".")) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.toLowerCase().endsWith(".pdf")) found.push(full);
    }
  };
  walk(path.join(ROOT, "fixtures"));
  walk(path.resolve(ROOT, "../shared/samples"));
  const listFile = path.join(work, "candidates.json");
  writeFileSync(listFile, JSON.stringify(found));
  // Only PDFs that pdf.js opens and that hold a plan: the bench measures the path a
  // plan takes, and a refused file (fixtures/bad/) would make pages/s meaningless.
  const opened = runChild("probe", [listFile]).ok;
  writeFileSync(listFile, JSON.stringify(opened.map(([file]) => file)));
  const plans = new Set(runChild("probe-plan", [listFile]).ok);
  for (const [file] of opened) if (!plans.has(file)) log(`bench: leaving out ${path.relative(ROOT, file)} (not read as a plan)`);
  return opened.filter(([file]) => plans.has(file)).map(([file, pages]) => ({ file, pages }));
}

function measure(kind, args, label) {
  log(`${label} …`);
  const r = runChild(kind, args);
  const out = { label, ...r, pagesPerS: r.ms ? round((r.pages / r.ms) * 1000) : null };
  log(`  ${round(r.ms / 1000)} s, ${out.pagesPerS} pages/s, peak RSS ${r.rssPeakMb} MB${r.failed ? `, ${r.failed} failed` : ""}`);
  return out;
}

function pdftotext(files, pages) {
  const probe = spawnSync("pdftotext", ["-v"], { encoding: "utf8" });
  if (probe.error) {
    log("pdftotext not found (install poppler-utils): skipping that column");
    return { label: "pdftotext -layout", skipped: "pdftotext not found (poppler-utils is not installed)" };
  }
  log("pdftotext -layout …");
  const t0 = performance.now();
  let failed = 0;
  for (const f of files) if (spawnSync("pdftotext", ["-layout", f, os.devNull]).status !== 0) failed++;
  const ms = performance.now() - t0;
  log(`  ${round(ms / 1000)} s`);
  return { label: "pdftotext -layout", ms: round(ms), pages, failed, pagesPerS: round((pages / ms) * 1000) };
}

function runChild(kind, args) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", kind, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`bench child ${kind} failed: ${r.stderr.trim().split("\n").slice(-3).join(" | ")}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

// ---- children --------------------------------------------------------------

async function child(kind, args) {
  const rss = () => round(process.resourceUsage().maxRSS / 1024);
  if (kind === "probe" || kind === "pdfjs") {
    const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const fonts = path.join(path.dirname(fileURLToPath(import.meta.resolve("pdfjs-dist/package.json"))), "standard_fonts") + path.sep;
    const files = JSON.parse(readFileSync(args[0], "utf8"));
    const ok = [];
    let pages = 0;
    let failed = 0;
    const t0 = performance.now();
    for (const file of files) {
      const task = getDocument({ data: new Uint8Array(readFileSync(file)), standardFontDataUrl: fonts, isEvalSupported: false, useSystemFonts: false, verbosity: 0 });
      try {
        const doc = await task.promise;
        if (kind === "probe") {
          ok.push([file, doc.numPages]);
        } else {
          for (let n = 1; n <= doc.numPages; n++) {
            const page = await doc.getPage(n);
            await page.getOperatorList();
            await page.getTextContent();
            page.cleanup();
          }
          pages += doc.numPages;
        }
      } catch {
        failed++;
      } finally {
        await task.destroy();
      }
    }
    return kind === "probe" ? { ok } : { ms: round(performance.now() - t0), pages, failed, rssPeakMb: rss() };
  }
  if (kind === "probe-plan") {
    const { extractPlan } = await import(dist("pipeline/extract-plan.js"));
    const ok = [];
    for (const file of JSON.parse(readFileSync(args[0], "utf8"))) {
      try {
        await extractPlan(file);
        ok.push(file);
      } catch {
        // left out of the corpus, reported by the parent
      }
    }
    return { ok };
  }
  if (kind === "extract") {
    const { extractPlan } = await import(dist("pipeline/extract-plan.js"));
    const files = JSON.parse(readFileSync(args[0], "utf8"));
    let pages = 0;
    let failed = 0;
    let reason;
    const t0 = performance.now();
    for (const file of files) {
      try {
        const { plan } = await extractPlan(file);
        pages += plan.source.pageCount ?? 0;
      } catch (e) {
        failed++;
        reason ??= String(e?.message ?? e).split("\n")[0];
      }
    }
    return { ms: round(performance.now() - t0), pages, failed, ...(reason ? { firstFailure: reason } : {}), rssPeakMb: rss() };
  }
  if (kind === "import") {
    const [dir, dbFile, jobs] = args;
    const { openDatabase } = await import(dist("store/open-database.js"));
    const { importFiles } = await import(dist("store/import-files.js"));
    const db = openDatabase(dbFile);
    const t0 = performance.now();
    const result = await importFiles([dir], { db, jobs: Number(jobs) });
    const ms = performance.now() - t0;
    db.close();
    const imported = result.outcomes.filter((o) => o.status === "imported");
    const heapPeak = Math.max(0, ...imported.map((o) => o.stats?.heapPeakBytes ?? 0));
    const failedReasons = [...new Set(result.outcomes.filter((o) => o.status === "failed").map((o) => o.reason))].slice(0, 3);
    return {
      ms: round(ms),
      pages: imported.reduce((n, o) => n + (o.pages ?? 0), 0),
      imported: result.imported,
      failed: result.failed,
      ...(failedReasons.length ? { failedReasons } : {}),
      rssPeakMb: rss(),
      workerHeapPeakMb: round(heapPeak / 1024 / 1024),
    };
  }
  throw new Error(`unknown child ${kind}`);
}

// ---- output ----------------------------------------------------------------

function markdown(r) {
  const row = (k) => {
    const x = r.runs[k];
    if (x.skipped) return `| ${x.label} | skipped: ${x.skipped} | | | | |`;
    const pps = x.pagesPerS ?? "";
    return `| ${x.label} | ${round(x.ms / 1000)} | ${pps} | ${x.rssPeakMb ?? ""} | ${x.workerHeapPeakMb ?? ""} | ${r.timeVsPdftotext[k] ?? (k === "pdftotext" ? 1 : "")} |`;
  };
  return [
    "# Benchmark",
    "",
    `${r.date} · Node ${r.node} · ${r.cpus} CPU(s) (${r.cpuModel}) · load average ${r.loadAverage.before} → ${r.loadAverage.after} · corpus: ${r.corpus.files} PDFs, ${r.corpus.pages} pages, ${(r.corpus.bytes / 1e6).toFixed(1)} MB`,
    "",
    "| run | seconds | pages/s | peak RSS (MB, whole process) | worker V8 heap peak (MB) | time × pdftotext |",
    "|---|---|---|---|---|---|",
    ...["pdfjs", "extract", "import-1", "import-2", "pdftotext"].map(row),
    "",
    `Marginal RSS of the second worker (import-2 − import-1 peak): ${r.workerMarginalRssMb ?? "n/a"} MB.`,
    "Workers are threads of one process, so RSS is measured per process; the V8 heap peak is per worker.",
    ...Object.entries(r.runs)
      .filter(([, x]) => x.failed)
      .map(([k, x]) => `- ${k}: ${x.failed} file(s) failed${x.failedReasons ? ` (${x.failedReasons.join("; ")})` : x.firstFailure ? ` (${x.firstFailure})` : ""}`),
    "",
  ].join("\n");
}

function round(x) {
  return Math.round(x * 10) / 10;
}

function log(s) {
  process.stderr.write(s + "\n");
}
