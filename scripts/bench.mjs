#!/usr/bin/env node
/**
 * Benchmark (run with `npm run bench`, which builds dist/ first). Every figure
 * is measured next to its reference in the same run, so both see the same
 * machine and load:
 *
 * 1. Cold start, each command in a fresh process, interleaved, median of
 *    --starts runs: `node -e 0` (Node itself: the floor), `piao --help`,
 *    `piao tables` and `piao extract` of a one-page plan, pdf.js alone on the
 *    same page in a fresh process (stock pdfjs-dist: getDocument, getOperatorList
 *    + getTextContent), and `pdftotext -layout` when poppler-utils is installed;
 *    beside each wall time the process's CPU time (all threads; Linux).
 * 2. Side by side, in ONE process: pdf.js alone (getDocument + per page
 *    getOperatorList + getTextContent: the two parses the reader used to need)
 *    and extractPlan (read, normalise, zod-checked export), interleaved file by
 *    file for --rounds rounds after a warm-up; the ratio extract pages/s ÷ pdf.js
 *    pages/s against the 1.0 target.
 * 3. pdf.js alone as stock pdfjs-dist loads it (core-js's slow Array push and
 *    JSON.stringify left in place; see src/extract/pdf/native-builtins.ts).
 * 4. `piao import --jobs 1` and `--jobs 2` of a corpus of copies of the sources
 *    (each made unique by a comment after %%EOF, about --pages pages in all),
 *    each in its own child process: pages/s, the ratio (target ≥ 1.7), and the
 *    process's CPU time by kind of thread (Linux: per-thread times from
 *    /proc/self/task: main thread, workers, V8's helper threads — optimising
 *    compiler and garbage collector —, libuv's pool), the cores it kept busy,
 *    its CPU per page, and what that allows --jobs 2 on this machine's cores.
 * 5. Long plans: the sources joined with qpdf into one PDF of 50, 100 and 200
 *    pages, each read by one read worker (dist/pipeline/read-worker.js)
 *    after a warm-up read of the 50-page one: ms per page (cost linear in pages), the worker's V8
 *    heap peak and the RSS it adds to the process (target ≤ 300 MB).
 * 6. DOCX and HTML (no pages: documents/s and MB/s): extractPlan on the DOCX
 *    and HTML fixtures, next to mammoth alone (convertToHtml) on the same DOCX
 *    files and cheerio alone (load + text) on the same HTML files, interleaved.
 * Writes bench/results.json and bench/results.md.
 *
 * Options: --pages N (import corpus size in pages, default 1500), --rounds N
 * (side-by-side rounds, default 15), --starts N (cold-start runs, default 7),
 * --import-runs N (runs of each import, interleaved, default 3; the median
 * stands), --keep (keep the temp dir).
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
  options: {
    pages: { type: "string" },
    rounds: { type: "string", default: "15" },
    starts: { type: "string", default: "7" },
    "import-runs": { type: "string", default: "3" },
    keep: { type: "boolean", default: false },
  },
});
const targetPages = Number(values.pages ?? process.env.BENCH_PAGES ?? 1500);
const sideRounds = Math.max(3, Number(values.rounds));
const starts = Math.max(3, Number(values.starts));
const importRuns = Math.max(1, Number(values["import-runs"]));
/** The target: extractPlan at least as fast as pdf.js alone doing both parses. */
const TARGET_RATIO = 1.0;
/** The target: at most 300 MB per worker. */
const TARGET_WORKER_MB = 300;
/** The target: --jobs 2 at 1.7 times --jobs 1 or better. */
const TARGET_JOBS_RATIO = 1.7;
/** Cold-start targets (seconds of wall time). */
const TARGET_HELP_S = 0.15;
const TARGET_ONE_PAGE_S = 0.45;
/** Long-plan sizes (pages). */
const LONG_SIZES = [50, 100, 200];
// The import moved from the store to the pipeline; either build works.
const importModule = ["pipeline/import-files.js", "store/import-files.js"].find((m) => existsSync(path.join(ROOT, "dist", m)));
if (!importModule || !existsSync(path.join(ROOT, "dist/pipeline/read-worker.js"))) {
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
  const loadBefore = os.loadavg()[0];
  const qpdf = !spawnSync("qpdf", ["--version"]).error;
  if (!qpdf) log("qpdf not found: the one-page plan is the smallest source PDF and the long plans are skipped");

  const coldStart = coldStarts(onePagePlan(sources, qpdf));

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

  const sourceList = path.join(work, "sources.json");
  writeFileSync(sourceList, JSON.stringify(sources.map((src) => src.file)));
  log(`side by side: pdf.js alone and extractPlan, ${sideRounds} rounds over ${sources.length} source PDF(s), ${sourcePages} pages …`);
  const side = runChild("side", [sourceList, String(sideRounds)]);
  log(
    `  pdf.js ${side.pdfjs.pagesPerS} pages/s, extract ${side.extract.pagesPerS} pages/s, ratio ${side.ratio.median} (${side.ratio.min}–${side.ratio.max}), peak RSS ${side.rssPeakMb} MB`,
  );
  log("pdf.js alone, stock import (core-js builtins in place) …");
  const stock = runChild("pdfjs-stock", [sourceList, "3"]);
  log(`  ${stock.pagesPerS} pages/s`);
  const runs = {};
  // --import-runs rounds, --jobs 1 and 2 taking turns (the order flips each round); the run of median time stands for each.
  const tries = { "import-1": [], "import-2": [] };
  for (let i = 0; i < importRuns; i++) {
    for (const j of i % 2 ? ["2", "1"] : ["1", "2"]) {
      tries[`import-${j}`].push(
        measure("import", [corpusDir, path.join(work, `j${j}-${i}.sqlite`), j], `piao import --jobs ${j} (run ${i + 1} of ${importRuns})`),
      );
    }
  }
  for (const [k, list] of Object.entries(tries)) {
    const sorted = [...list].sort((a, b) => a.ms - b.ms);
    runs[k] = { ...sorted[(sorted.length - 1) >> 1], label: `piao import --jobs ${k.slice(-1)}`, msAll: list.map((x) => x.ms) };
  }
  runs.pdftotext = pdftotext(files, pages);
  const jobsRatio = runs["import-1"].ms && runs["import-2"].ms ? round2(runs["import-1"].ms / runs["import-2"].ms) : null;
  log(`  --jobs 2 ÷ --jobs 1: ${jobsRatio}`);

  const long = qpdf ? longPlans(sources) : { skipped: "qpdf not found (it joins the sources into one long PDF)" };
  const office = officeDocuments();

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    // 1-minute load average before and after: other work on the machine skews every figure.
    loadAverage: { before: round(loadBefore), after: round(os.loadavg()[0]) },
    sources: sources.map((s) => ({ file: path.relative(ROOT, s.file), pages: s.pages })),
    coldStart,
    sideBySide: { ...side, target: TARGET_RATIO, met: side.ratio.median >= TARGET_RATIO },
    pdfjsStock: stock,
    corpus: { files: files.length, pages, bytes },
    runs,
    jobs: { ratio: jobsRatio, target: TARGET_JOBS_RATIO, met: jobsRatio !== null && jobsRatio >= TARGET_JOBS_RATIO },
    memory: {
      target: TARGET_WORKER_MB,
      // Workers are threads of one process: RSS is per process, the V8 heap peak per worker.
      workerHeapPeakMb: Math.max(runs["import-1"].workerHeapPeakMb ?? 0, runs["import-2"].workerHeapPeakMb ?? 0),
      rssOneWorkerMb: runs["import-1"].rssPeakMb,
      rssSecondWorkerMb: runs["import-2"].rssPeakMb && runs["import-1"].rssPeakMb ? round(runs["import-2"].rssPeakMb - runs["import-1"].rssPeakMb) : null,
    },
    long,
    office,
  };
  // Per worker: its V8 heap peak, and what a second worker adds to the process's RSS
  // (the first worker's RSS cannot be told apart from the main thread's).
  results.memory.met = results.memory.workerHeapPeakMb <= TARGET_WORKER_MB && (results.memory.rssSecondWorkerMb ?? 0) <= TARGET_WORKER_MB;
  mkdirSync(path.join(ROOT, "bench"), { recursive: true });
  writeFileSync(path.join(ROOT, "bench/results.json"), JSON.stringify(results, null, 2) + "\n");
  writeFileSync(path.join(ROOT, "bench/results.md"), markdown(results));
  process.stdout.write(markdown(results));
}

/**
 * A one-page plan for the cold-start runs: the first page of a source that
 * `piao extract` reads as a plan on its own (qpdf cuts it out), else the
 * smallest source as it is.
 */
function onePagePlan(sources, qpdf) {
  const smallest = [...sources].sort((a, b) => a.pages - b.pages)[0];
  if (!qpdf) return { file: smallest.file, pages: smallest.pages };
  const out = path.join(work, "one-page.pdf");
  for (const s of [...sources].sort((a, b) => a.pages - b.pages)) {
    for (let p = 1; p <= Math.min(s.pages, 4); p++) {
      if (spawnSync("qpdf", ["--empty", "--pages", s.file, String(p), "--", out]).status !== 0) continue;
      if (spawnSync(process.execPath, [path.join(ROOT, "bin/piao"), "extract", out], { stdio: "ignore" }).status === 0) {
        return { file: out, pages: 1, from: `${path.relative(ROOT, s.file)} page ${p}` };
      }
    }
  }
  return { file: smallest.file, pages: smallest.pages };
}

/**
 * Wall time of each command in a fresh process, interleaved run by run; medians.
 * Beside it the process's CPU time (all its threads, user + system): less moved
 * than wall time by other work on the machine, and it shows what a command
 * spends on its two threads when wall time hides it (the read worker starts
 * while the main thread loads the command).
 */
function coldStarts(one) {
  log(`cold start: ${starts} runs of each command (one-page plan: ${one.from ?? path.relative(ROOT, one.file)}) …`);
  const piao = path.join(ROOT, "bin/piao");
  // pdf.js alone, as stock pdfjs-dist loads it, on the same page: what a pdf.js-based reader cannot avoid.
  const pdfjsOne = `
    const { getDocument } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, "node_modules/pdfjs-dist/legacy/build/pdf.mjs")).href)});
    const { readFileSync } = await import("node:fs");
    const doc = await getDocument({ data: new Uint8Array(readFileSync(process.argv[1])), verbosity: 0, isEvalSupported: false }).promise;
    for (let n = 1; n <= doc.numPages; n++) { const p = await doc.getPage(n); await p.getOperatorList(); await p.getTextContent(); }
    await doc.destroy();`;
  const commands = {
    node: { label: "node -e 0 (Node's own start)", argv: ["-e", "0"] },
    help: { label: "piao --help", argv: [piao, "--help"], target: TARGET_HELP_S },
    tables: { label: "piao tables, one-page plan", argv: [piao, "tables", one.file], target: TARGET_ONE_PAGE_S },
    extract: { label: "piao extract, one-page plan", argv: [piao, "extract", one.file], target: TARGET_ONE_PAGE_S },
    pdfjs: { label: "pdf.js alone, fresh process, same page", argv: ["--input-type=module", "-e", pdfjsOne, one.file] },
  };
  const hasPdftotext = !spawnSync("pdftotext", ["-v"]).error;
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  const cpu = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  if (hasPdftotext) {
    times.pdftotext = [];
    cpu.pdftotext = [];
  }
  const status = {};
  const run = (file, argv, options) => {
    const c0 = childrenCpuMs();
    const t0 = performance.now();
    const res = spawnSync(file, argv, options);
    const ms = performance.now() - t0;
    const c1 = childrenCpuMs();
    return { res, ms, cpuMs: c0 === null || c1 === null ? null : c1 - c0 };
  };
  for (let r = 0; r <= starts; r++) {
    for (const [k, c] of Object.entries(commands)) {
      const { res, ms, cpuMs } = run(process.execPath, c.argv, { stdio: ["ignore", "ignore", "pipe"] });
      status[k] = res.status;
      if (r > 0) times[k].push(ms); // run 0 warms the file cache
      if (r > 0 && cpuMs !== null) cpu[k].push(cpuMs);
    }
    if (hasPdftotext) {
      const { ms, cpuMs } = run("pdftotext", ["-layout", one.file, os.devNull]);
      if (r > 0) times.pdftotext.push(ms);
      if (r > 0 && cpuMs !== null) cpu.pdftotext.push(cpuMs);
    }
  }
  const rows = {};
  for (const [k, list] of Object.entries(times)) {
    const c = commands[k] ?? { label: "pdftotext -layout, same page" };
    const s = round2(median(list) / 1000);
    rows[k] = {
      label: c.label,
      seconds: s,
      min: round2(Math.min(...list) / 1000),
      cpuSeconds: cpu[k]?.length ? round2(median(cpu[k]) / 1000) : null,
      ...(c.target ? { target: c.target, met: s <= c.target } : {}),
      ...(status[k] ? { exitStatus: status[k] } : {}),
    };
    log(`  ${c.label}: ${s} s (min ${rows[k].min}; CPU ${rows[k].cpuSeconds ?? "?"} s)`);
  }
  return { onePage: one.from ?? path.relative(ROOT, one.file), runs: starts, rows };
}

/** Joins the sources (repeated) into PDFs of LONG_SIZES pages; reads each in one read worker. */
function longPlans(sources) {
  const made = [];
  const all = [];
  while (all.length < Math.max(...LONG_SIZES)) for (const s of sources) for (let p = 1; p <= s.pages; p++) all.push([s.file, p]);
  for (const n of LONG_SIZES) {
    const out = path.join(work, `long-${n}.pdf`);
    // qpdf --pages takes FILE RANGE pairs; runs of one file become one range.
    const args = ["--empty", "--pages"];
    let i = 0;
    while (i < n) {
      const [file, first] = all[i];
      let j = i;
      while (j + 1 < n && all[j + 1][0] === file && all[j + 1][1] === all[j][1] + 1) j++;
      args.push(file, `${first}-${all[j][1]}`);
      i = j + 1;
    }
    args.push("--", out);
    const r = spawnSync("qpdf", args, { encoding: "utf8" });
    if (r.status !== 0 && r.status !== 3) return { skipped: `qpdf failed: ${r.stderr.trim().split("\n")[0]}` };
    made.push({ pages: n, file: out });
  }
  log(`long plans: ${LONG_SIZES.join(", ")} pages, one read worker …`);
  const listFile = path.join(work, "long.json");
  // Warmed up on the smallest long plan itself: the JIT keeps warming well past one short file.
  writeFileSync(listFile, JSON.stringify({ warmup: made[0].file, plans: made }));
  const res = runChild("long", [listFile]);
  for (const x of res.plans) log(`  ${x.pages} pages: ${x.msPerPage} ms/page, heap peak ${x.heapPeakMb} MB${x.refused ? ` (${x.refused})` : ""}`);
  log(`  RSS the worker added: ${res.workerRssMb} MB`);
  const perPage = res.plans.map((x) => x.msPerPage);
  return {
    ...res,
    target: TARGET_WORKER_MB,
    met: res.workerRssMb <= TARGET_WORKER_MB && Math.max(...res.plans.map((x) => x.heapPeakMb)) <= TARGET_WORKER_MB,
    // Linear cost: ms per page at the largest size over ms per page at the smallest.
    linearity: round2(perPage[perPage.length - 1] / perPage[0]),
  };
}

/** The DOCX and HTML fixtures (not fixtures/bad/) and samples. */
function officeDocuments() {
  const found = { docx: [], html: [] };
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith(".") || e.name === "bad") continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.docx$/i.test(e.name)) found.docx.push(full);
      else if (/\.html?$/i.test(e.name)) found.html.push(full);
    }
  };
  walk(path.join(ROOT, "fixtures"));
  walk(path.resolve(ROOT, "../shared/samples"));
  if (!found.docx.length && !found.html.length) return { skipped: "no DOCX or HTML fixture" };
  log(`DOCX and HTML: ${found.docx.length} DOCX, ${found.html.length} HTML files …`);
  const listFile = path.join(work, "office.json");
  writeFileSync(listFile, JSON.stringify(found));
  const res = runChild("office", [listFile, "5"]);
  for (const r of Object.values(res.rows)) log(`  ${r.label}: ${r.docsPerS} docs/s, ${r.mbPerS} MB/s`);
  return res;
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
    const mod = ["pipeline/import-files.js", "store/import-files.js"].find((m) => existsSync(path.join(ROOT, "dist", m)));
    const { importFiles } = await import(dist(mod));
    const db = openDatabase(dbFile);
    const threads = await threadSampler();
    const main0 = mainThreadCpuMs();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = await importFiles([dir], { db, jobs: Number(jobs) });
    const ms = performance.now() - t0;
    // getrusage (process.cpuUsage) counts every thread of the process, the workers that have exited too.
    const cpu = process.cpuUsage(cpu0);
    const processCpuMs = (cpu.user + cpu.system) / 1000;
    const mainCpuMs = main0 === null ? null : mainThreadCpuMs() - main0;
    db.close();
    const imported = result.outcomes.filter((o) => o.status === "imported");
    // Each worker's CPU: the last figure it reported (its thread's total so far).
    const perWorker = new Map();
    for (const o of imported) if (o.stats?.thread) perWorker.set(o.stats.thread.tid, Math.max(perWorker.get(o.stats.thread.tid) ?? 0, o.stats.thread.cpuMs));
    const workersCpuMs = perWorker.size ? [...perWorker.values()].reduce((a, b) => a + b, 0) : null;
    const byKind = threads?.stop(perWorker, processCpuMs) ?? null;
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
      processCpuS: round2(processCpuMs / 1000),
      mainCpuS: mainCpuMs === null ? null : round2(mainCpuMs / 1000),
      mainCpuShare: mainCpuMs === null ? null : round2(mainCpuMs / processCpuMs),
      // The workers' own threads; the rest of the process's CPU is V8's helper threads
      // (garbage collection, optimising compiler) and libuv's pool (zlib, file reads).
      workersCpuS: workersCpuMs === null ? null : round2(workersCpuMs / 1000),
      otherCpuS: workersCpuMs === null || mainCpuMs === null ? null : round2((processCpuMs - mainCpuMs - workersCpuMs) / 1000),
      workers: perWorker.size,
      // CPU seconds by kind of thread (Linux: sampled from /proc/self/task; see threadSampler).
      ...(byKind ? { threadCpuS: byKind } : {}),
    };
  }
  if (kind === "long") {
    const { warmup, plans } = JSON.parse(readFileSync(args[0], "utf8"));
    const { Worker } = await import("node:worker_threads");
    const rssBefore = process.memoryUsage().rss;
    const worker = new Worker(path.join(ROOT, "dist/pipeline/read-worker.js"), { workerData: { preloadPdf: true } });
    let id = 0;
    const ask = (file) =>
      new Promise((resolve, reject) => {
        const req = { id: ++id, task: "plan", file, displayPath: file, reader: { timeoutMs: 600_000 } };
        const onMessage = (reply) => {
          if (reply.id !== req.id) return;
          worker.off("message", onMessage);
          resolve(reply);
        };
        worker.on("message", onMessage).once("error", reject);
        worker.postMessage(req);
      });
    await ask(warmup); // start-up and JIT warm-up are not per page
    const out = [];
    for (const p of plans) {
      const t0 = performance.now();
      const reply = await ask(p.file);
      const ms = performance.now() - t0;
      out.push({
        pages: p.pages,
        ms: round(ms),
        msPerPage: round2(ms / p.pages),
        heapPeakMb: round(reply.stats.heapPeakBytes / 1024 / 1024),
        ...(reply.ok ? {} : { refused: reply.error.message }),
      });
    }
    const maxRss = process.resourceUsage().maxRSS * 1024;
    await worker.terminate();
    return { plans: out, workerRssMb: round((maxRss - rssBefore) / 1024 / 1024), processRssPeakMb: rss() };
  }
  if (kind === "office") {
    const found = JSON.parse(readFileSync(args[0], "utf8"));
    const rounds = Number(args[1]);
    const { extractPlan } = await import(dist("pipeline/extract-plan.js"));
    const { default: mammoth } = await import("mammoth");
    const cheerio = await import("cheerio");
    const size = (list) => list.reduce((n, f) => n + statSync(f).size, 0);
    const runs = {
      "docx-extract": { label: "extractPlan, DOCX", files: found.docx, run: (f) => extractPlan(f).catch(() => null) },
      "docx-mammoth": { label: "mammoth alone (convertToHtml), same DOCX", files: found.docx, run: (f) => mammoth.convertToHtml({ buffer: readFileSync(f) }) },
      "html-extract": { label: "extractPlan, HTML", files: found.html, run: (f) => extractPlan(f).catch(() => null) },
      "html-cheerio": {
        label: "cheerio alone (load + text), same HTML",
        files: found.html,
        run: async (f) => cheerio.load(readFileSync(f, "utf8")).root().text(),
      },
    };
    const times = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
    const refused = {};
    for (let r = 0; r <= rounds; r++) {
      // Interleaved: each reader and its reference take turns, round by round.
      for (const [k, x] of Object.entries(runs)) {
        if (!x.files.length) continue;
        const t0 = performance.now();
        let failed = 0;
        for (const f of x.files) if ((await x.run(f)) === null) failed++;
        if (r > 0) times[k].push(performance.now() - t0); // round 0 warms up
        refused[k] = failed;
      }
    }
    const rows = {};
    for (const [k, x] of Object.entries(runs)) {
      if (!x.files.length) continue;
      const ms = median(times[k]);
      rows[k] = {
        label: x.label,
        files: x.files.length,
        mb: round2(size(x.files) / 1e6),
        docsPerS: round((x.files.length / ms) * 1000),
        mbPerS: round2(size(x.files) / 1e6 / (ms / 1000)),
        ...(refused[k] ? { refused: refused[k] } : {}),
      };
    }
    const ratio = (a, b) => (rows[a] && rows[b] ? round2(rows[a].docsPerS / rows[b].docsPerS) : null);
    return { rounds, rows, docxVsMammoth: ratio("docx-extract", "docx-mammoth"), htmlVsCheerio: ratio("html-extract", "html-cheerio") };
  }
  throw new Error(`unknown child ${kind}`);
}

/**
 * CPU time by kind of thread over a run, from /proc/self/task/TID/stat
 * (Linux; null elsewhere). Node 20 leaves every thread named "node", so the
 * kinds are told apart by what they do:
 * - main: this thread (its tid is the pid);
 * - worker: the threads the extract workers report as theirs;
 * - libuv: the thread pool (zlib and fs calls made asynchronously, crypto),
 *   found by giving it work (pbkdf2) before the run and seeing which threads
 *   took it;
 * - v8: every other thread alive before the run: V8's platform workers, which
 *   run the optimising compiler (TurboFan compiles concurrently) and the
 *   concurrent/parallel garbage collector, and Node's delayed-task runner;
 * - other: threads that appeared during the run and are not workers.
 * Threads are sampled every 100 ms and at the end (a worker that exits loses
 * at most its last interval; its own last report covers it). `unaccounted` is
 * what getrusage counts and the samples do not (threads that ended unseen).
 */
async function threadSampler() {
  const tids = () => readdirSync("/proc/self/task").map(Number);
  const cpuMs = (tid) => {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return (Number(f[11]) + Number(f[12])) * 10;
    } catch {
      return null;
    }
  };
  try {
    tids();
  } catch {
    return null;
  }
  const { pbkdf2 } = await import("node:crypto");
  const before = new Map(tids().map((t) => [t, cpuMs(t)]));
  await Promise.all(Array.from({ length: 8 }, () => new Promise((resolve) => pbkdf2("bench", "salt", 100_000, 32, "sha256", resolve))));
  const libuv = new Set(tids().filter((t) => t !== process.pid && before.has(t) && cpuMs(t) - before.get(t) >= 20));
  const atStart = new Set(tids());
  const start = new Map([...atStart].map((t) => [t, cpuMs(t)]));
  const last = new Map();
  const sample = () => {
    for (const t of tids()) {
      const c = cpuMs(t);
      if (c !== null) last.set(t, c);
    }
  };
  const timer = setInterval(sample, 100);
  return {
    stop(workerCpuMs, processCpuMs) {
      clearInterval(timer);
      sample();
      for (const [t, c] of workerCpuMs) last.set(t, Math.max(last.get(t) ?? 0, c));
      const kinds = { main: 0, worker: 0, v8: 0, libuv: 0, other: 0 };
      for (const [t, c] of last) {
        const kind = t === process.pid ? "main" : workerCpuMs.has(t) ? "worker" : libuv.has(t) ? "libuv" : atStart.has(t) ? "v8" : "other";
        kinds[kind] += c - (start.get(t) ?? 0);
      }
      const seen = Object.values(kinds).reduce((a, b) => a + b, 0);
      const out = Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, round2(v / 1000)]));
      return { ...out, unaccounted: round2(Math.max(0, processCpuMs - seen) / 1000), libuvThreads: libuv.size, v8Threads: atStart.size - 1 - libuv.size };
    },
  };
}

/**
 * CPU time of this process's main thread in ms (Linux: /proc/self/task/PID/stat,
 * utime + stime in clock ticks of 1/100 s), or null where that is not available.
 */
function mainThreadCpuMs() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * CPU time (user + system, ms) of this process's waited-for children so far
 * (Linux: /proc/self/stat cutime + cstime, ticks of 1/100 s), or null elsewhere.
 */
function childrenCpuMs() {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[13]) + Number(f[14])) * 10;
  } catch {
    return null;
  }
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

/**
 * The import runs' CPU by kind of thread, and what it means for --jobs 2: a
 * process that keeps C cores busy at --jobs 1 can go at most cores ÷ C times
 * as fast on this machine's cores, less by how much more CPU per page --jobs 2
 * spends (each worker warms up its own compiled code).
 */
function threadLines(r) {
  const [one, two] = [r.runs["import-1"], r.runs["import-2"]];
  if (!one?.threadCpuS || !two?.threadCpuS) return [];
  const row = (x) => {
    const t = x.threadCpuS;
    const busy = round2(x.processCpuS / (x.ms / 1000));
    const perPage = round2((x.processCpuS * 1000) / x.pages);
    const pct = (v) => `${v} (${Math.round((v / x.processCpuS) * 100)}%)`;
    return `| ${x.label} | ${busy} | ${perPage} | ${pct(t.main)} | ${pct(t.worker)} | ${pct(t.v8)} | ${pct(t.libuv)} | ${t.other + t.unaccounted} |`;
  };
  const busy1 = one.processCpuS / (one.ms / 1000);
  const cpuGrowth = two.processCpuS / two.pages / (one.processCpuS / one.pages);
  const ceiling = round2(Math.min(r.cpus, 2) / busy1 / cpuGrowth);
  return [
    "",
    'CPU seconds by kind of thread (Linux, /proc/self/task; "V8 helpers" are V8\'s platform threads: the optimising compiler, which compiles concurrently, and the concurrent and parallel garbage collector; "libuv" is the thread pool: asynchronous zlib and fs calls):',
    "",
    "| run | cores busy (CPU ÷ wall) | CPU ms per page | main thread | workers | V8 helpers | libuv pool | other, unaccounted |",
    "|---|---|---|---|---|---|---|---|",
    row(one),
    row(two),
    "",
    `At --jobs 1 the process already keeps ${round2(busy1)} cores busy, and --jobs 2 spends ${round2(cpuGrowth)} × its CPU per page: on ${Math.min(r.cpus, 2)} cores --jobs 2 can be at most ${round2(Math.min(r.cpus, 2) / busy1)} ÷ ${round2(cpuGrowth)} = **${ceiling}×** --jobs 1 (measured: ${r.jobs.ratio}). That bound holds on an otherwise idle machine only: where other work takes the cores (see the load average above), the process gets fewer than it could use and the CPU shares are what to read.`,
  ];
}

function median(a) {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// ---- output ----------------------------------------------------------------

function markdown(r) {
  const sb = r.sideBySide;
  const met = (x) => (x ? "met" : "NOT met");
  const row = (k) => {
    const x = r.runs[k];
    if (x.skipped) return `| ${x.label} | skipped: ${x.skipped} | | | | | |`;
    // Time over the same PDFs as a multiple of pdftotext -layout's.
    const ref = r.runs.pdftotext;
    const times = ref && !ref.skipped && ref.ms > 0 ? round2(x.ms / ref.ms) : "";
    const main =
      x.mainCpuShare != null
        ? `${Math.round(x.mainCpuShare * 100)}% (${x.mainCpuS} of ${x.processCpuS} s${x.workersCpuS != null ? `; workers ${x.workersCpuS} s, V8 helpers and libuv ${x.otherCpuS} s` : ""})`
        : "";
    return `| ${x.label} | ${round(x.ms / 1000)} | ${x.pagesPerS ?? ""} | ${main} | ${x.rssPeakMb ?? ""} | ${x.workerHeapPeakMb ?? ""} | ${times} |`;
  };
  const m = r.memory;
  const cs = r.coldStart;
  const lines = [
    "# Benchmark",
    "",
    `${r.date} · Node ${r.node} · ${r.cpus} CPU(s) (${r.cpuModel}) · load average ${r.loadAverage.before} → ${r.loadAverage.after}`,
    "",
    `## Cold start (wall time, median of ${cs.runs} runs in fresh processes, interleaved; one-page plan: ${cs.onePage})`,
    "",
    "| command | seconds (median) | fastest | CPU seconds, all threads (median) | target |",
    "|---|---|---|---|---|",
    ...Object.values(cs.rows).map(
      (x) =>
        `| ${x.label} | ${x.seconds} | ${x.min} | ${x.cpuSeconds ?? ""} | ${x.target ? `≤ ${x.target}: ${met(x.met)}` : "reference"}${x.exitStatus ? ` (exit ${x.exitStatus})` : ""} |`,
    ),
    "",
    `## pdf.js alone and extractPlan, side by side (one process, ${sb.rounds} interleaved rounds over ${r.sources.length} source PDFs, ${sb.pages} pages)`,
    "",
    "| run | pages/s (median) | ms per round (median) |",
    "|---|---|---|",
    `| pdf.js alone (operator list + text content per page: two parses) | ${sb.pdfjs.pagesPerS} | ${sb.pdfjs.msMedian} |`,
    `| extractPlan (read + normalise + checked export) | ${sb.extract.pagesPerS} | ${sb.extract.msMedian} |`,
    `| pdf.js alone, stock import (core-js builtins in place; own process) | ${r.pdfjsStock.pagesPerS} | ${r.pdfjsStock.ms} |`,
    "",
    `**extractPlan ÷ pdf.js alone: ${sb.ratio.median}** (median of per-round ratios of elapsed time; range ${sb.ratio.min}–${sb.ratio.max}); target ≥ ${sb.target}: ${met(sb.met)}.`,
    `On CPU time (all threads of the process, less moved by other work on the machine): ${sb.cpuRatio.median} (${sb.cpuRatio.min}–${sb.cpuRatio.max}). Peak RSS of that process: ${sb.rssPeakMb} MB.`,
    "",
    `## Import and reference (corpus: ${r.corpus.files} PDFs, ${r.corpus.pages} pages, ${(r.corpus.bytes / 1e6).toFixed(1)} MB, copies of the sources)`,
    "",
    "| run | seconds | pages/s | main thread's share of the process's CPU time | peak RSS (MB, whole process) | worker V8 heap peak (MB) | time × pdftotext |",
    "|---|---|---|---|---|---|---|",
    ...["import-1", "import-2", "pdftotext"].map(row),
    "",
    `**--jobs 2 ÷ --jobs 1: ${r.jobs.ratio}**; target ≥ ${r.jobs.target}: ${met(r.jobs.met)}.${r.runs["import-1"].msAll?.length > 1 ? ` Median of ${r.runs["import-1"].msAll.length} interleaved runs each (seconds, --jobs 1: ${r.runs["import-1"].msAll.map((x) => round(x / 1000)).join(", ")}; --jobs 2: ${r.runs["import-2"].msAll.map((x) => round(x / 1000)).join(", ")}).` : ""}`,
    ...threadLines(r),
    `Memory per worker: V8 heap peak ${m.workerHeapPeakMb} MB; a second worker adds ${m.rssSecondWorkerMb ?? "n/a"} MB of RSS (import-2 − import-1 peak); target ≤ ${m.target} MB per worker: ${met(m.met)}. The whole process with one worker (main thread, SQLite and the worker): ${m.rssOneWorkerMb} MB RSS.`,
    "Workers are threads of one process, so RSS is measured per process; the V8 heap peak is per worker.",
    ...Object.entries(r.runs)
      .filter(([, x]) => x.failed)
      .map(
        ([k, x]) => `- ${k}: ${x.failed} file(s) failed${x.failedReasons ? ` (${x.failedReasons.join("; ")})` : x.firstFailure ? ` (${x.firstFailure})` : ""}`,
      ),
    "",
    "## Long plans (the sources joined into one PDF; one read worker, warmed up on the smallest)",
    "",
  ];
  if (r.long.skipped) lines.push(`Skipped: ${r.long.skipped}.`, "");
  else {
    lines.push(
      "| pages | seconds | ms per page | worker V8 heap peak (MB) |",
      "|---|---|---|---|",
      ...r.long.plans.map((x) => `| ${x.pages} | ${round(x.ms / 1000)} | ${x.msPerPage} | ${x.heapPeakMb}${x.refused ? ` (refused: ${x.refused})` : ""} |`),
      "",
      `RSS the worker added to its process: ${r.long.workerRssMb} MB; target ≤ ${r.long.target} MB: ${met(r.long.met)}. Cost per page at ${r.long.plans.at(-1).pages} pages ÷ at ${r.long.plans[0].pages}: ${r.long.linearity} (1 = linear).`,
      "",
    );
  }
  lines.push("## DOCX and HTML (documents have no pages: documents/s and MB/s)", "");
  if (r.office.skipped) lines.push(`Skipped: ${r.office.skipped}.`, "");
  else {
    lines.push(
      `Median of ${r.office.rounds} interleaved rounds after a warm-up.`,
      "",
      "| run | files | MB | documents/s | MB/s |",
      "|---|---|---|---|---|",
      ...Object.values(r.office.rows).map(
        (x) => `| ${x.label} | ${x.files} | ${x.mb} | ${x.docsPerS} | ${x.mbPerS} |${x.refused ? ` ${x.refused} refused` : ""}`,
      ),
      "",
      `extractPlan ÷ mammoth alone on the same DOCX files: ${r.office.docxVsMammoth}; extractPlan ÷ cheerio alone on the same HTML files: ${r.office.htmlVsCheerio}.`,
      "",
    );
  }
  return lines.join("\n");
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
