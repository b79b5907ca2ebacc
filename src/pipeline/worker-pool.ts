/**
 * Worker threads running extractPlan for the import, so parsing uses every core
 * while the main thread keeps the one SQLite connection. The pool does not bound
 * concurrency: it starts one worker per call in flight and keeps finished ones
 * for the next call, so its caller's bound (importFiles' lanes) is the only one.
 * A file that runs past its time limit gets its worker terminated (and replaced)
 * and is reported "too slow"; a worker that dies (out of memory, crash) fails
 * only the file it was reading.
 */
import { z } from "../shared/zod.js";
import type { PlanExport } from "../normalize/plan-schema.js";
import { ask, documentReason, tooSlow, WorkerLimits } from "./bounded-worker.js";
import { keepSpareWorker, readWorkerFile, requireWorkerFile, spawnWorker, takeSpareWorker } from "./worker-start.js";
import type { ReadReply, ReadRequest, WorkerStats } from "./read-messages.js";
import { ReaderLimits } from "../extract/settings.js";
import type { Worker } from "node:worker_threads";
import { sniffsAsPdf } from "../extract/sniff-format.js";

export const PoolSettings = WorkerLimits.extend({
  /** Reader limits (`--limit`) every worker reads under. */
  readerLimits: ReaderLimits.partial().optional(),
  /** The compiled worker script (tests substitute their own). */
  workerFile: z.string().optional(),
});
export type PoolSettings = z.input<typeof PoolSettings>;

export type PoolOutcome =
  | { readonly ok: true; readonly plan: PlanExport; readonly stats: WorkerStats }
  | { readonly ok: false; readonly reason: string; readonly kind?: string | undefined; readonly stats?: WorkerStats };

export class WorkerPool {
  readonly #limits: WorkerLimits;
  readonly #workerFile: string;
  readonly #readerLimits: Partial<ReaderLimits> | undefined;
  readonly #idle: Worker[] = [];
  readonly #all = new Set<Worker>();
  /** The pool's exit listener on each of its workers, taken off a worker it hands on (the spare). */
  readonly #onExit = new Map<Worker, () => void>();
  #nextId = 1;
  #closed = false;

  constructor(settings: PoolSettings = {}) {
    const s = PoolSettings.parse(settings);
    this.#limits = { timeoutMs: s.timeoutMs, maxOldGenerationSizeMb: s.maxOldGenerationSizeMb };
    this.#workerFile = s.workerFile ?? readWorkerFile();
    this.#readerLimits = s.readerLimits;
    // Fail at once (not per file) when the compiled worker is missing.
    requireWorkerFile(this.#workerFile);
  }

  /** Parses one file in a worker; never rejects. */
  async run(file: string, displayPath: string = file): Promise<PoolOutcome> {
    if (this.#closed) return { ok: false, reason: "import was stopped" };
    const worker = this.#idle.pop() ?? this.#spawn(file);
    const request: ReadRequest = {
      id: this.#nextId++,
      task: "plan",
      file,
      displayPath,
      // The reader's own deadline (between pages) usually answers first; the pool's is the backstop.
      reader: { ...this.#readerLimits, timeoutMs: this.#limits.timeoutMs },
    };
    const answer = await ask<ReadReply>(worker, request, this.#limits);
    if (!answer.ok) {
      this.#all.delete(worker);
      return { ok: false, reason: answer.failure.reason, kind: answer.failure.kind };
    }
    if (this.#closed) void worker.terminate();
    else this.#idle.push(worker);
    const reply = answer.reply;
    if (reply.ok) {
      if (reply.task !== "plan") throw new Error(`read worker answered a plan request with a ${reply.task}`);
      return { ok: true, plan: reply.plan, stats: reply.stats };
    }
    // The reader's own deadline says the same as the pool's.
    const reason = reply.error.kind === "timeout" ? tooSlow(this.#limits.timeoutMs) : documentReason(reply.error);
    return { ok: false, reason, kind: reply.error.kind, stats: reply.stats };
  }

  async close(): Promise<void> {
    this.#closed = true;
    // One idle read worker outlives the pool, for the process's next reader (worker-start.ts).
    const kept = this.#sharesSpare() ? this.#idle.pop() : undefined;
    if (kept) {
      this.#all.delete(kept);
      // A kept worker passes through many pools and readers: none may leave a listener on it.
      const onExit = this.#onExit.get(kept);
      if (onExit) kept.off("exit", onExit);
    }
    this.#onExit.clear();
    await Promise.all([...this.#all].map((w) => w.terminate()));
    this.#all.clear();
    this.#idle.length = 0;
    if (kept) await keepSpareWorker(kept, this.#limits.maxOldGenerationSizeMb);
  }

  /** Only the standard read worker is shared with single-file readers (tests give the pool stub workers). */
  #sharesSpare(): boolean {
    return this.#workerFile === readWorkerFile();
  }

  /**
   * A worker for `file`, its first document: it preloads pdf.js only when that
   * document is a PDF. An HTML, DOCX or text batch never loads pdf.js (about a
   * quarter of a second of CPU per worker); a PDF later in the batch loads it
   * when it comes, as a kept worker would.
   */
  #spawn(file: string): Worker {
    const max = this.#limits.maxOldGenerationSizeMb;
    const w = (this.#sharesSpare() ? takeSpareWorker(max) : undefined) ?? spawnWorker(this.#workerFile, max, { preloadPdf: sniffsAsPdf(file) });
    this.#all.add(w);
    const onExit = () => {
      this.#all.delete(w);
      const i = this.#idle.indexOf(w);
      if (i >= 0) this.#idle.splice(i, 1);
    };
    w.on("exit", onExit);
    this.#onExit.set(w, onExit);
    return w;
  }
}
