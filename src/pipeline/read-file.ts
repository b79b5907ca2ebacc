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
import { ask, compiledWorkerFile, documentReason, spawnWorker, tooSlow, WorkerLimits } from "./bounded-worker.js";
import type { FileReply, FileRequest } from "./file-messages.js";
import { regularFileProblem } from "./regular-file.js";

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

export function readLayoutInWorker(
  file: string,
  options: ReadFileOptions = {},
): Promise<FileResult<{ layout: LayoutDocument; format: SourceFormat; sha256: string }>> {
  return runTask(file, options, (id, reader) => ({ id, task: "layout", file, reader }), (r) =>
    r.task === "layout" ? { layout: r.layout, format: r.format, sha256: r.sha256 } : null,
  );
}

export function extractPlanInWorker(
  file: string,
  options: ReadFileOptions & { readonly normalize?: Partial<NormalizeOptions> } = {},
): Promise<FileResult<{ plan: PlanExport; explain: ExplainStep[] }>> {
  return runTask(file, options, (id, reader) => ({ id, task: "plan", file, reader, normalize: options.normalize ?? {} }), (r) =>
    r.task === "plan" ? { plan: r.plan, explain: r.explain } : null,
  );
}

let nextId = 1;

async function runTask<T>(
  file: string,
  options: ReadFileOptions,
  request: (id: number, reader: Partial<ReaderSettings>) => FileRequest,
  pick: (reply: Extract<FileReply, { ok: true }>) => T | null,
): Promise<FileResult<T>> {
  const problem = regularFileProblem(file);
  if (problem) return { ok: false, failure: { file, ...problem } };
  const limits = WorkerLimits.parse(options.limits ?? {});
  // The reader's own deadline (between pages) usually answers first; the worker's is the backstop.
  const reader = { ...options.reader, timeoutMs: limits.timeoutMs };
  const worker = spawnWorker(compiledWorkerFile("file-worker.js"), limits);
  try {
    const answer = await ask<FileReply>(worker, request(nextId++, reader), limits);
    if (!answer.ok) return { ok: false, failure: { file, ...answer.failure } };
    const reply = answer.reply;
    if (!reply.ok) {
      const e = reply.error;
      const reason = e.kind === "timeout" ? tooSlow(limits.timeoutMs) : documentReason(e);
      // DocumentError reasons are written to follow the file name; anything else is prefixed.
      const shown = e.kind !== undefined || reason.startsWith("could not be read") ? reason : `cannot be read: ${reason}`;
      return { ok: false, failure: { file: e.file, kind: e.kind, reason: shown, ...(e.explain ? { explain: e.explain } : {}) } };
    }
    const value = pick(reply);
    if (value === null) throw new Error(`file worker answered a ${reply.task} request with another task`);
    return { ok: true, value };
  } finally {
    await worker.terminate();
  }
}

/** The one line a command prints for a failure. */
export function failureLine(f: FileFailure): string {
  return `piao: ${f.file}: ${f.reason}`;
}
