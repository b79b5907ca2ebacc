/**
 * Worker-thread side of the extraction pool: receives file names, runs
 * extractPlan, posts back the plan (never the layout, which can be large) or a
 * one-line error, with the time and memory the file took. Loaded from dist/ only.
 */
import { parentPort } from "node:worker_threads";
import { getHeapStatistics } from "node:v8";
import { readFileSync, readlinkSync } from "node:fs";
import { extractPlan } from "./extract-plan.js";
import { loadPdfWorker } from "../extract/pdf/pdfjs.js";
import type { ExtractRequest, ExtractReply, WorkerStats } from "./worker-messages.js";

// Heap is sampled while a file is read (pdf.js awaits between pages, so the timer gets to run).
const HEAP_SAMPLE_MS = 25;

if (!parentPort) throw new Error("extract-worker.js must run in a worker thread");
const port = parentPort;

// pdf.js's own worker module (pdf.worker.mjs, a large module run in this thread)
// is loaded while the first request is still on its way, not after it arrives.
void loadPdfWorker().catch(() => undefined);

port.on("message", (req: ExtractRequest) => {
  void handle(req).then((reply) => port.postMessage(reply));
});

async function handle(req: ExtractRequest): Promise<ExtractReply> {
  const started = performance.now();
  let heapPeak = getHeapStatistics().used_heap_size;
  const sampler = setInterval(() => {
    heapPeak = Math.max(heapPeak, getHeapStatistics().used_heap_size);
  }, HEAP_SAMPLE_MS);
  const stats = (): WorkerStats => {
    heapPeak = Math.max(heapPeak, getHeapStatistics().used_heap_size);
    const thread = threadCpu();
    return { ms: performance.now() - started, heapPeakBytes: heapPeak, processMaxRssKb: process.resourceUsage().maxRSS, ...(thread ? { thread } : {}) };
  };
  try {
    const { plan } = await extractPlan(req.file, { displayPath: req.displayPath, reader: { timeoutMs: req.timeoutMs, ...req.limits } });
    return { id: req.id, ok: true, plan, stats: stats() };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const kind = "kind" in err && typeof err.kind === "string" ? err.kind : undefined;
    return { id: req.id, ok: false, error: { name: err.name, message: err.message.split("\n")[0] ?? err.name, kind }, stats: stats() };
  } finally {
    clearInterval(sampler);
  }
}

/** This thread's kernel id and CPU time (Linux: /proc/thread-self; utime + stime in ticks of 1/100 s); undefined elsewhere. */
function threadCpu(): { tid: number; cpuMs: number } | undefined {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    const stat = readFileSync("/proc/thread-self/stat", "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { tid, cpuMs: (Number(f[11]) + Number(f[12])) * 10 };
  } catch {
    return undefined;
  }
}
