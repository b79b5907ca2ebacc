/**
 * Messages between the main thread and the worker that reads documents
 * (read-worker.ts; structured-cloned), for every caller: the import's pool
 * (a plan per file, with the time and memory it took) and the single-file
 * commands (`piao tables`: the layout; `extract`, `check FILE`: the plan and
 * the recogniser's reasoning). Failures are values: the document's one-line
 * reason, its kind, and for a refused plan the recogniser's reasoning when asked.
 */
import type { ReaderSettings } from "../extract/settings.js";
import type { LayoutDocument, SourceFormat } from "../extract/layout.js";
import type { NormalizeOptions } from "../normalize/normalize-plan.js";
import type { PlanExport } from "../normalize/plan-schema.js";
import type { ExplainStep } from "../normalize/recognize-document.js";
import type { PageTrace } from "../extract/pdf/table-trace.js";

export type ReadRequest =
  | {
      readonly id: number;
      readonly task: "layout";
      readonly file: string;
      /** Reader settings: the deadline (`timeoutMs`) and any `--limit`. */
      readonly reader: Partial<ReaderSettings>;
      /** `piao tables --pages/--debug`: only these pages; the PDF table finder's steps sent back too. */
      readonly view?: LayoutView;
    }
  | {
      readonly id: number;
      readonly task: "plan";
      readonly file: string;
      readonly reader: Partial<ReaderSettings>;
      readonly normalize?: Partial<NormalizeOptions>;
      /** The path written into the export's source.path (the import's name for the file); defaults to `file`. */
      readonly displayPath?: string;
      /** Send the recogniser's reasoning back (`extract --explain`); the import does not need it. */
      readonly explain?: boolean;
    };

export interface LayoutView {
  readonly pages?: readonly number[];
  readonly trace?: boolean;
}

export interface ReaderError {
  readonly name: string;
  /** The error's first line. */
  readonly message: string;
  /** DocumentError's kind; undefined for anything else (a bug or an engine limit). */
  readonly kind: string | undefined;
  /** The file the error names (DocumentError's own), else the file asked for. */
  readonly file?: string;
  /** Set when the recogniser found no objective and the request asked for the reasoning. */
  readonly explain?: ExplainStep[];
}

export interface WorkerStats {
  /** Wall time of the request in the worker. */
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

export type ReadReply =
  | {
      readonly id: number;
      readonly ok: true;
      readonly task: "layout";
      readonly layout: LayoutDocument;
      readonly format: SourceFormat;
      readonly sha256: string;
      /** Each PDF page's table-finding steps, when the request asked for them. */
      readonly traces?: PageTrace[];
      readonly stats: WorkerStats;
    }
  | {
      readonly id: number;
      readonly ok: true;
      readonly task: "plan";
      readonly plan: PlanExport;
      /** When the request asked for it. */
      readonly explain?: ExplainStep[];
      readonly stats: WorkerStats;
    }
  | { readonly id: number; readonly ok: false; readonly error: ReaderError; readonly stats: WorkerStats };

/** What the worker is started with (workerData). */
export interface ReadWorkerData {
  /**
   * Load pdf.js (and its own worker module) at once, while the first request is
   * on its way, instead of when the first PDF arrives: a single-file command
   * given a PDF, and an import's worker whose first document is one.
   */
  readonly preloadPdf: boolean;
}
