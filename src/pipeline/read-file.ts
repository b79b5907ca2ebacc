/**
 * The single-file commands' way to read a document: checked to be a regular
 * file first, then read in a worker thread under the same limits as the import
 * (time: the worker is terminated; heap: the worker dies, not the process).
 * Failures come back as values with the one line to print.
 */
import type { LayoutDocument, SourceFormat } from "../extract/layout.js";
import type { ReaderSettings } from "../extract/settings.js";
import type { NormalizeOptions } from "../normalize/normalize-plan.js";
import type { PlanExport } from "../normalize/plan-schema.js";
import type { ExplainStep } from "../normalize/recognize-document.js";
import { ask, documentReason, tooSlow, WorkerLimits } from "./bounded-worker.js";
import { keepSpareWorker, readWorkerFile, spawnWorker, takeEarlyWorker, takeSpareWorker } from "./worker-start.js";
import type { LayoutView, ReadReply, ReadRequest } from "./read-messages.js";
import type { PageTrace } from "../extract/pdf/table-trace.js";
import type { Worker } from "node:worker_threads";
import { regularFileProblem } from "../extract/regular-file.js";
import { replaceControlChars } from "../extract/common/control-chars.js";

export interface FileFailure {
  /** The file the reason is about. */
  readonly file: string;
  readonly kind: string | undefined;
  /** One line, the document's problem (never the program's text). */
  readonly reason: string;
  /** The recogniser's reasoning when it found no objective. */
  readonly explain?: ExplainStep[];
}

export type FileResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: FileFailure };

export interface ReadFileOptions {
  readonly reader?: Partial<ReaderSettings>;
  readonly limits?: Partial<WorkerLimits>;
}

/** A layout read: `view` (piao tables --pages/--debug) narrows it to pages and asks for the PDF table finder's steps. */
export function readLayoutInWorker(
  file: string,
  options: ReadFileOptions & { readonly view?: LayoutView } = {},
): Promise<FileResult<{ layout: LayoutDocument; format: SourceFormat; sha256: string; traces?: PageTrace[] }>> {
  return once(options, (r) => r.layout(file, options));
}

export function extractPlanInWorker(file: string, options: PlanOptions = {}): Promise<FileResult<{ plan: PlanExport; explain: ExplainStep[] }>> {
  return once(options, (r) => r.plan(file, options));
}

type PlanOptions = ReadFileOptions & {
  readonly normalize?: Partial<NormalizeOptions>;
  /** Bring back the recogniser's reasoning (`extract --explain`); empty otherwise. */
  readonly explain?: boolean;
};

async function once<T>(options: ReadFileOptions, fn: (r: FileReader) => Promise<T>): Promise<T> {
  const reader = new FileReader(options.limits);
  try {
    return await fn(reader);
  } finally {
    await reader.close();
  }
}

/**
 * Reads documents one after another in one worker (started on first use, kept
 * between documents, replaced after one it had to be stopped for), so `piao
 * check a.pdf b.pdf …` pays the worker's start once.
 */
export class FileReader {
  readonly #limits: WorkerLimits;
  #worker: Worker | undefined;
  #nextId = 1;

  constructor(limits: Partial<WorkerLimits> = {}) {
    this.#limits = WorkerLimits.parse(limits);
  }

  layout(
    file: string,
    options: ReadFileOptions & { readonly view?: LayoutView } = {},
  ): Promise<FileResult<{ layout: LayoutDocument; format: SourceFormat; sha256: string; traces?: PageTrace[] }>> {
    const view = options.view;
    return this.#run(
      file,
      options,
      (id, reader) => ({ id, task: "layout", file, reader, ...(view ? { view } : {}) }),
      (r) => (r.task === "layout" ? { layout: r.layout, format: r.format, sha256: r.sha256, ...(r.traces ? { traces: r.traces } : {}) } : null),
    );
  }

  plan(file: string, options: PlanOptions = {}): Promise<FileResult<{ plan: PlanExport; explain: ExplainStep[] }>> {
    return this.#run(
      file,
      options,
      (id, reader) => ({ id, task: "plan", file, reader, normalize: options.normalize ?? {}, explain: options.explain === true }),
      (r) => (r.task === "plan" ? { plan: r.plan, explain: r.explain ?? [] } : null),
    );
  }

  /** Done reading: a worker still answering is kept for the process's next reader (worker-start.ts), not stopped. */
  async close(): Promise<void> {
    const w = this.#worker;
    this.#worker = undefined;
    if (w) await keepSpareWorker(w, this.#limits.maxOldGenerationSizeMb);
  }

  async #run<T>(
    file: string,
    options: ReadFileOptions,
    request: (id: number, reader: Partial<ReaderSettings>) => ReadRequest,
    pick: (reply: Extract<ReadReply, { ok: true }>) => T | null,
  ): Promise<FileResult<T>> {
    const problem = regularFileProblem(file);
    if (problem) return { ok: false, failure: { file, ...problem } };
    const limits = this.#limits;
    // The reader's own deadline (between pages) usually answers first; the worker's is the backstop.
    const reader = { ...options.reader, timeoutMs: limits.timeoutMs };
    // The worker main.ts started before this command's modules loaded, if it was started under these limits.
    const worker = (this.#worker ??=
      takeEarlyWorker(limits.maxOldGenerationSizeMb) ??
      takeSpareWorker(limits.maxOldGenerationSizeMb) ??
      spawnWorker(readWorkerFile(), limits.maxOldGenerationSizeMb, { preloadPdf: false }));
    const answer = await ask<ReadReply>(worker, request(this.#nextId++, reader), limits);
    if (!answer.ok) {
      // ask() terminated it: the next document gets a fresh one.
      this.#worker = undefined;
      return { ok: false, failure: { file, ...answer.failure } };
    }
    const reply = answer.reply;
    if (!reply.ok) {
      const e = reply.error;
      const reason = e.kind === "timeout" ? tooSlow(limits.timeoutMs) : documentReason(e);
      // DocumentError reasons are written to follow the file name; anything else is prefixed.
      const shown = e.kind !== undefined || reason.startsWith("could not be read") ? reason : `cannot be read: ${reason}`;
      return { ok: false, failure: { file: e.file ?? file, kind: e.kind, reason: shown, ...(e.explain ? { explain: e.explain } : {}) } };
    }
    const value = pick(reply);
    if (value === null) throw new Error(`read worker answered a ${reply.task} request with another task`);
    return { ok: true, value };
  }
}

/** The one line a command prints for a failure. */
export function failureLine(f: FileFailure): string {
  // A file name can hold escape codes too: the line goes to a terminal.
  return replaceControlChars(`piao: ${f.file}: ${f.reason}`).text.replace(/\n/g, " ");
}
