#!/usr/bin/env node
/**
 * Throughput benchmark (run with `npm run bench`, which builds dist/ first).
 *
 * 1. Side by side, in ONE process (so both see the same machine, JIT and load):
 *      pdfjs    pdf.js alone on each source PDF: getDocument (the reader's own
 *               parameters) + per page getOperatorList + getTextContent + cleanup
 *      extract  extractPlan on the same files (read, normalise, zod-checked export)
 *    interleaved file by file for --rounds rounds after a warm-up (the order
 *    flips at every file), reporting medians per round and the ratio
 *    extract pages/s ÷ pdf.js pages/s against the 0.8 target. pdf.js alone is
 *    loaded through dist/extract/pdf/pdfjs.js, as the reader loads it.
 * 2. pdf.js alone as stock pdfjs-dist loads it (core-js's slow Array push and
 *    JSON.stringify left in place; see src/extract/pdf/native-builtins.ts), for reference.
 * 3. On a corpus of copies of the sources (each made unique by a comment after
 *    %%EOF so its sha256 differs, about --pages pages in all):
 *      import-1  importFiles --jobs 1 (worker thread + SQLite writes)
 *      import-2  importFiles --jobs 2
 *      pdftotext `pdftotext -layout` (poppler-utils), as a reference; skipped when missing
 *    each import in its own child process, so peak RSS is its own; the V8 heap
 *    peak is per worker (sampled by the worker while it reads a file).
 * Writes bench/results.json and bench/results.md.
 *
 * Options: --pages N (import corpus size in pages, default 1500), --rounds N
 * (side-by-side rounds, default 15), --keep (keep the temp dir).
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

const { values } = parseArgs({
  options: { pages: { type: "string" }, rounds: { type: "string", default: "15" }, keep: { type: "boolean", default: false } },
});
const targetPages = Number(values.pages ?? process.env.BENCH_PAGES ?? 1500);
const sideRounds = Math.max(3, Number(values.rounds));
/** The target: extractPlan at 80% of pdf.js alone's throughput or better. */
const TARGET_RATIO = 0.8;
/** The target: under 300 MB per worker. */
const TARGET_WORKER_MB = 300;
if (!existsSync(path.join(ROOT, "dist/pipeline/import-files.js"))) {
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
  const sourceList = path.join(work, "sources.json");
  writeFileSync(sourceList, JSON.stringify(sources.map((src) => src.file)));
  log(`side by side: pdf.js alone and extractPlan, ${sideRounds} rounds over ${sources.length} source PDF(s), ${sourcePages} pages …`);
  const side = runChild("side", [sourceList, String(sideRounds)]);
  log(`  pdf.js ${side.pdfjs.pagesPerS} pages/s, extract ${side.extract.pagesPerS} pages/s, ratio ${side.ratio.median} (${side.ratio.min}–${side.ratio.max}), peak RSS ${side.rssPeakMb} MB`);
  log("pdf.js alone, stock import (core-js builtins in place) …");
  const stock = runChild("pdfjs-stock", [sourceList, "3"]);
  log(`  ${stock.pagesPerS} pages/s`);
  const runs = {};
  runs["import-1"] = measure("import", [corpusDir, path.join(work, "j1.sqlite"), "1"], "piao import --jobs 1");
  runs["import-2"] = measure("import", [corpusDir, path.join(work, "j2.sqlite"), "2"], "piao import --jobs 2");
  runs.pdftotext = pdftotext(files, pages);

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    // 1-minute load average before and after: other work on the machine skews every figure.
    loadAverage: { before: round(loadBefore), after: round(os.loadavg()[0]) },
    sources: sources.map((s) => ({ file: path.relative(ROOT, s.file), pages: s.pages })),
    sideBySide: { ...side, target: TARGET_RATIO, met: side.ratio.median >= TARGET_RATIO },
    pdfjsStock: stock,
    corpus: { files: files.length, pages, bytes },
    runs,
    memory: {
      target: TARGET_WORKER_MB,
      // Workers are threads of one process: RSS is per process, the V8 heap peak per worker.
      workerHeapPeakMb: Math.max(runs["import-1"].workerHeapPeakMb ?? 0, runs["import-2"].workerHeapPeakMb ?? 0),
      rssOneWorkerMb: runs["import-1"].rssPeakMb,
      rssSecondWorkerMb:
        runs["import-2"].rssPeakMb && runs["import-1"].rssPeakMb ? round(runs["import-2"].rssPeakMb - runs["import-1"].rssPeakMb) : null,
    },
  };
  // Per worker: its V8 heap peak, and what a second worker adds to the process's RSS
  // (the first worker's RSS cannot be told apart from the main thread's).
  results.memory.met = results.memory.workerHeapPeakMb < TARGET_WORKER_MB && (results.memory.rssSecondWorkerMb ?? 0) < TARGET_WORKER_MB;
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

function runChild(kind, args, nodeFlags = []) {
  const r = spawnSync(process.execPath, [...nodeFlags, fileURLToPath(import.meta.url), "--child", kind, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`bench child ${kind} failed: ${r.stderr.trim().split("\n").slice(-3).join(" | ")}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

// ---- children --------------------------------------------------------------

async function child(kind, args) {
  const rss = () => round(process.resourceUsage().maxRSS / 1024);
  if (kind === "probe") {
    const { getDocument, loadPdfWorker } = await import(dist("extract/pdf/pdfjs.js"));
    const { documentParams } = await import(dist("extract/pdf/open-pdf.js"));
    await loadPdfWorker();
    const ok = [];
    for (const file of JSON.parse(readFileSync(args[0], "utf8"))) {
      const task = getDocument(documentParams(new Uint8Array(readFileSync(file))));
      try {
        ok.push([file, (await task.promise).numPages]);
      } catch {
        // left out
      } finally {
        await task.destroy();
      }
    }
    return { ok };
  }
  if (kind === "side") return sideBySide(JSON.parse(readFileSync(args[0], "utf8")), Number(args[1]), rss);
  if (kind === "pdfjs-stock") {
    // Imported as stock pdfjs-dist is, before anything of ours: core-js's builtins stay.
    const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const { documentParams } = await import(dist("extract/pdf/open-pdf.js"));
    const files = JSON.parse(readFileSync(args[0], "utf8"));
    const times = [];
    let pages = 0;
    for (let r = 0; r <= Number(args[1]); r++) {
      const t0 = performance.now();
      pages = 0;
      for (const file of files) pages += await pdfjsAlone(getDocument, documentParams, file);
      if (r > 0) times.push(performance.now() - t0); // round 0 warms up
    }
    const ms = median(times);
    return { label: "pdf.js alone, stock import", ms: round(ms), pages, pagesPerS: round((pages / ms) * 1000), rssPeakMb: rss() };
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
  if (kind === "import") {
    const [dir, dbFile, jobs] = args;
    const { openDatabase } = await import(dist("store/open-database.js"));
    const { importFiles } = await import(dist("pipeline/import-files.js"));
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

/** pdf.js alone on one file: what the reader asks of pdf.js, nothing else. Returns the page count. */
async function pdfjsAlone(getDocument, documentParams, file) {
  const task = getDocument(documentParams(new Uint8Array(readFileSync(file))));
  try {
    const doc = await task.promise;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      await page.getOperatorList();
      await page.getTextContent();
      page.cleanup();
    }
    return doc.numPages;
  } finally {
    await task.destroy();
  }
}

/** pdf.js alone and extractPlan interleaved in this process: medians per round and their ratio. */
async function sideBySide(files, rounds, rss) {
  const { getDocument, loadPdfWorker } = await import(dist("extract/pdf/pdfjs.js"));
  const { documentParams } = await import(dist("extract/pdf/open-pdf.js"));
  const { extractPlan } = await import(dist("pipeline/extract-plan.js"));
  await loadPdfWorker(); // as openPdf does: pdf.js's worker module loaded, the engine's builtins back
  const run = {
    pdfjs: (file) => pdfjsAlone(getDocument, documentParams, file),
    extract: async (file) => (await extractPlan(file)).plan.source.pageCount ?? 0,
  };
  // Interleaved file by file (the order flips each time), so both see the same
  // machine load and heap state; no forced GC (it shrinks the heap and slows
  // whichever runs next).
  const oneRound = async (r) => {
    const t = { pdfjs: 0, extract: 0 };
    const cpu = { pdfjs: 0, extract: 0 };
    let pages = 0;
    for (const [i, file] of files.entries()) {
      for (const k of (r + i) % 2 ? ["extract", "pdfjs"] : ["pdfjs", "extract"]) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const n = await run[k](file);
        t[k] += performance.now() - t0;
        const c = process.cpuUsage(c0);
        cpu[k] += (c.user + c.system) / 1000;
        if (k === "pdfjs") pages += n;
      }
    }
    return { ...t, cpu, pages };
  };
  await oneRound(0); // warm-up: JIT, fonts
  const ms = { pdfjs: [], extract: [] };
  const ratios = [];
  const cpuRatios = [];
  let pages = 0;
  for (let r = 0; r < rounds; r++) {
    const t = await oneRound(r);
    pages = t.pages;
    ms.pdfjs.push(t.pdfjs);
    ms.extract.push(t.extract);
    ratios.push(t.pdfjs / t.extract); // = extract pages/s ÷ pdf.js pages/s (same pages)
    cpuRatios.push(t.cpu.pdfjs / t.cpu.extract);
  }
  const summary = (a) => ({ msMedian: round(median(a)), pagesPerS: round((pages / median(a)) * 1000) });
  return {
    rounds,
    pages,
    pdfjs: summary(ms.pdfjs),
    extract: summary(ms.extract),
    ratio: { median: round2(median(ratios)), min: round2(Math.min(...ratios)), max: round2(Math.max(...ratios)) },
    // The same on CPU time (all threads of the process): less moved by other work on the machine.
    cpuRatio: { median: round2(median(cpuRatios)), min: round2(Math.min(...cpuRatios)), max: round2(Math.max(...cpuRatios)) },
    rssPeakMb: rss(),
  };
}

function median(a) {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// ---- output ----------------------------------------------------------------

function markdown(r) {
  const sb = r.sideBySide;
  const row = (k) => {
    const x = r.runs[k];
    if (x.skipped) return `| ${x.label} | skipped: ${x.skipped} | | | | |`;
    // Time over the same PDFs as a multiple of pdftotext -layout's (the issue asks for it as a ratio).
    const ref = r.runs.pdftotext;
    const times = ref && !ref.skipped && ref.ms > 0 ? round2(x.ms / ref.ms) : "";
    return `| ${x.label} | ${round(x.ms / 1000)} | ${x.pagesPerS ?? ""} | ${x.rssPeakMb ?? ""} | ${x.workerHeapPeakMb ?? ""} | ${times} |`;
  };
  const m = r.memory;
  return [
    "# Benchmark",
    "",
    `${r.date} · Node ${r.node} · ${r.cpus} CPU(s) (${r.cpuModel}) · load average ${r.loadAverage.before} → ${r.loadAverage.after}`,
    "",
    `## pdf.js alone and extractPlan, side by side (one process, ${sb.rounds} interleaved rounds over ${r.sources.length} source PDFs, ${sb.pages} pages)`,
    "",
    "| run | pages/s (median) | ms per round (median) |",
    "|---|---|---|",
    `| pdf.js alone (operator list + text per page) | ${sb.pdfjs.pagesPerS} | ${sb.pdfjs.msMedian} |`,
    `| extractPlan (read + normalise + checked export) | ${sb.extract.pagesPerS} | ${sb.extract.msMedian} |`,
    `| pdf.js alone, stock import (core-js builtins in place; own process) | ${r.pdfjsStock.pagesPerS} | ${r.pdfjsStock.ms} |`,
    "",
    `**extractPlan ÷ pdf.js alone: ${sb.ratio.median}** (median of per-round ratios of elapsed time; range ${sb.ratio.min}–${sb.ratio.max}); target ≥ ${sb.target}: ${sb.met ? "met" : "NOT met"}.`,
    `On CPU time (all threads of the process, less moved by other work on the machine): ${sb.cpuRatio.median} (${sb.cpuRatio.min}–${sb.cpuRatio.max}). Peak RSS of that process: ${sb.rssPeakMb} MB.`,
    "",
    `## Import and reference (corpus: ${r.corpus.files} PDFs, ${r.corpus.pages} pages, ${(r.corpus.bytes / 1e6).toFixed(1)} MB, copies of the sources)`,
    "",
    "| run | seconds | pages/s | peak RSS (MB, whole process) | worker V8 heap peak (MB) | time × pdftotext |",
    "|---|---|---|---|---|---|",
    ...["import-1", "import-2", "pdftotext"].map(row),
    "",
    `Memory per worker: V8 heap peak ${m.workerHeapPeakMb} MB; a second worker adds ${m.rssSecondWorkerMb ?? "n/a"} MB of RSS (import-2 − import-1 peak); target < ${m.target} MB per worker: ${m.met ? "met" : "NOT met"}. The whole process with one worker (main thread, SQLite and the worker): ${m.rssOneWorkerMb} MB RSS.`,
    "Workers are threads of one process, so RSS is measured per process; the V8 heap peak is per worker.",
    ...Object.entries(r.runs)
      .filter(([, x]) => x.failed)
      .map(([k, x]) => `- ${k}: ${x.failed} file(s) failed${x.failedReasons ? ` (${x.failedReasons.join("; ")})` : x.firstFailure ? ` (${x.firstFailure})` : ""}`),
    "",
  ].join("\n");
}

function round2(x) {
  return Math.round(x * 100) / 100;
}

function round(x) {
  return Math.round(x * 10) / 10;
}

function log(s) {
  process.stderr.write(s + "\n");
}
