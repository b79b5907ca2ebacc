/**
 * The worker thread that reads documents, for the import's pool and the
 * single-file commands alike (read-messages.ts): a request for a layout
 * (`piao tables`) or a plan (`extract`, `check FILE`, the import) gets the
 * answer, or the error as a value, with the time and memory it took. Run under
 * the time and heap limits of bounded-worker.ts; loaded from dist/ only.
 */
import { parentPort, workerData } from "node:worker_threads";
import { getHeapStatistics } from "node:v8";
import { readFileSync, readlinkSync } from "node:fs";
import { readDocument } from "../extract/read-document.js";
import type { ReadReply, ReadRequest, ReadWorkerData, WorkerStats } from "./read-messages.js";
import type { PageTrace } from "../extract/pdf/table-trace.js";

// Heap is sampled while a file is read (pdf.js awaits between pages, so the timer gets to run).
const HEAP_SAMPLE_MS = 25;

if (!parentPort) throw new Error("read-worker.js must run in a worker thread");
const port = parentPort;

// pdf.js and its own worker module (pdf.worker.mjs, a large module run in this
// thread) are loaded while the first request is still on its way, not after it
// arrives. A failure here is met again, and reported, by the request that needs pdf.js.
if ((workerData as ReadWorkerData | undefined)?.preloadPdf)
  void import("../extract/pdf/pdfjs.js").then((pdfjs) => pdfjs.loadPdfWorker()).catch(() => undefined);

port.on("message", (req: ReadRequest) => {
  void handle(req).then((reply) => port.postMessage(reply));
});

async function handle(req: ReadRequest): Promise<ReadReply> {
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
    if (req.task === "layout") {
      const traces: PageTrace[] | undefined = req.view?.trace ? [] : undefined;
      const read = await readDocument(req.file, req.reader, { ...(req.view?.pages ? { pages: req.view.pages } : {}), ...(traces ? { traces } : {}) });
      return {
        id: req.id,
        ok: true,
        task: "layout",
        layout: read.layout,
        format: read.format,
        sha256: read.sha256,
        ...(traces ? { traces } : {}),
        stats: stats(),
      };
    }
    // The normaliser is loaded by the first plan request: `piao tables` never needs it.
    const { extractPlan } = await import("./extract-plan.js");
    const { plan, explain } = await extractPlan(req.file, {
      reader: req.reader,
      ...(req.normalize ? { normalize: req.normalize } : {}),
      ...(req.displayPath !== undefined ? { displayPath: req.displayPath } : {}),
    });
    return { id: req.id, ok: true, task: "plan", plan, ...(req.explain ? { explain } : {}), stats: stats() };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const fields = err as Error & { kind?: unknown; file?: unknown; explain?: unknown };
    return {
      id: req.id,
      ok: false,
      error: {
        name: err.name,
        message: err.message.split("\n")[0] ?? err.name,
        kind: typeof fields.kind === "string" ? fields.kind : undefined,
        file: typeof fields.file === "string" ? fields.file : req.file,
        ...(req.task === "plan" && req.explain && Array.isArray(fields.explain) ? { explain: fields.explain } : {}),
      },
      stats: stats(),
    };
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
