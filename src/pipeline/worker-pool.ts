/**
 * A pool of worker threads running extractPlan, so parsing uses every core while
 * the main thread keeps the one SQLite connection. p-limit bounds how many files
 * are parsed at once; a file that runs past its time limit gets its worker
 * terminated (and replaced) and is reported "timed out"; a worker that dies (out
 * of memory, crash) fails only the file it was reading.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import pLimit, { type LimitFunction } from "p-limit";
import { z } from "zod";
import type { PlanExport } from "../normalize/plan-schema.js";
import type { ExtractReply, ExtractRequest, WorkerStats } from "./worker-messages.js";

export const PoolSettings = z.object({
  /** Files parsed at once (one worker each). */
  size: z.number().int().positive(),
  /** Hard limit per file, after which the worker is terminated. */
  timeoutMs: z.number().int().positive().default(120_000),
  /** V8 old-generation limit per worker; past it the worker dies and only its file fails. */
  maxOldGenerationSizeMb: z.number().int().positive().default(2048),
  /** The compiled worker script (tests substitute their own). */
  workerFile: z.string().optional(),
});
export type PoolSettings = z.input<typeof PoolSettings>;

export type PoolOutcome =
  | { readonly ok: true; readonly plan: PlanExport; readonly stats: WorkerStats }
  | { readonly ok: false; readonly reason: string; readonly kind?: string | undefined; readonly stats?: WorkerStats };

/**
 * Workers run compiled JS: from dist/ this module's sibling; under vitest (this file
 * is the .ts source) the same file in dist/, built by `npx tsc -p .`.
 */
export function defaultWorkerFile(): string {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith(".ts")
    ? path.resolve(path.dirname(here), "../../dist/pipeline/extract-worker.js")
    : path.join(path.dirname(here), "extract-worker.js");
}

export class WorkerPool {
  readonly #settings: z.output<typeof PoolSettings> & { workerFile: string };
  readonly #limit: LimitFunction;
  readonly #idle: Worker[] = [];
  readonly #all = new Set<Worker>();
  #nextId = 1;
  #closed = false;

  constructor(settings: PoolSettings) {
    const s = PoolSettings.parse(settings);
    const workerFile = s.workerFile ?? defaultWorkerFile();
    if (!existsSync(workerFile)) throw new Error(`worker script ${workerFile} is missing: build with \`npx tsc -p .\``);
    this.#settings = { ...s, workerFile };
    this.#limit = pLimit(s.size);
  }

  /** Parses one file in a worker; never rejects. */
  run(file: string, displayPath: string = file): Promise<PoolOutcome> {
    return this.#limit(() => this.#runOne(file, displayPath));
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#all].map((w) => w.terminate()));
    this.#all.clear();
    this.#idle.length = 0;
  }

  #spawn(): Worker {
    const w = new Worker(this.#settings.workerFile, {
      resourceLimits: { maxOldGenerationSizeMb: this.#settings.maxOldGenerationSizeMb },
    });
    this.#all.add(w);
    // An idle worker that dies must not take the main thread with it (an 'error'
    // event without a listener throws): forget it; a busy one is handled in #runOne.
    w.on("error", () => {});
    w.on("exit", () => {
      this.#all.delete(w);
      const i = this.#idle.indexOf(w);
      if (i >= 0) this.#idle.splice(i, 1);
    });
    return w;
  }

  #discard(w: Worker): void {
    this.#all.delete(w);
    void w.terminate();
  }

  #runOne(file: string, displayPath: string): Promise<PoolOutcome> {
    if (this.#closed) return Promise.resolve({ ok: false, reason: "import was stopped" });
    const worker = this.#idle.pop() ?? this.#spawn();
    const request: ExtractRequest = { id: this.#nextId++, file, displayPath, timeoutMs: this.#settings.timeoutMs };
    return new Promise<PoolOutcome>((resolve) => {
      const finish = (outcome: PoolOutcome, reusable: boolean) => {
        clearTimeout(timer);
        worker.off("message", onMessage).off("error", onError).off("exit", onExit);
        if (reusable && !this.#closed) this.#idle.push(worker);
        else this.#discard(worker);
        resolve(outcome);
      };
      const onMessage = (reply: ExtractReply) => {
        if (reply.id !== request.id) return;
        if (reply.ok) finish({ ok: true, plan: reply.plan, stats: reply.stats }, true);
        else finish({ ok: false, reason: reply.error.message, kind: reply.error.kind, stats: reply.stats }, true);
      };
      const onError = (e: Error) => {
        const oom = "code" in e && e.code === "ERR_WORKER_OUT_OF_MEMORY";
        finish(
          oom
            ? { ok: false, reason: `out of memory (worker limit ${this.#settings.maxOldGenerationSizeMb} MB)`, kind: "too-large" }
            : { ok: false, reason: `worker crashed: ${e.message.split("\n")[0]}` },
          false,
        );
      };
      const onExit = (code: number) => finish({ ok: false, reason: `worker exited with code ${code}` }, false);
      const timer = setTimeout(
        () => finish({ ok: false, reason: `timed out after ${this.#settings.timeoutMs / 1000} s`, kind: "timeout" }, false),
        this.#settings.timeoutMs,
      );
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
      worker.postMessage(request);
    });
  }
}
