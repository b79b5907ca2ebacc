/** Messages between the extraction pool and its worker threads (structured-cloned). */
import type { PlanExport } from "../normalize/plan-schema.js";
import type { ReaderLimits } from "../extract/settings.js";

export interface ExtractRequest {
  readonly id: number;
  readonly file: string;
  readonly displayPath: string;
  readonly timeoutMs: number;
  /** Reader limits set with `--limit`. */
  readonly limits?: Partial<ReaderLimits>;
}

export interface WorkerStats {
  /** Wall time of extractPlan in the worker. */
  readonly ms: number;
  /** Largest V8 heap use seen in this worker while the file was read (per worker: each has its own heap). */
  readonly heapPeakBytes: number;
  /** Peak resident set of the whole process so far (workers share one process). */
  readonly processMaxRssKb: number;
  /**
   * This worker thread's own CPU time so far (user + system, ms) and its kernel
   * thread id, where the system tells (Linux: /proc/thread-self); the bench
   * uses them to split a process's CPU into main thread, workers and the rest.
   */
  readonly thread?: { readonly tid: number; readonly cpuMs: number };
}

export type ExtractReply =
  | { readonly id: number; readonly ok: true; readonly plan: PlanExport; readonly stats: WorkerStats }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: { readonly name: string; readonly message: string; readonly kind: string | undefined };
      readonly stats: WorkerStats;
    };
