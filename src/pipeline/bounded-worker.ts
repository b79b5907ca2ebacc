/**
 * One worker thread, one request, hard limits: the primitive under the import's
 * pool and the single-file commands. A request that runs past its time gets the
 * worker terminated; a worker whose heap passes its limit dies alone (V8 kills
 * the thread, not the process). Either way the caller gets a value, never an
 * exception, and the worker is not reused.
 */
import type { Worker } from "node:worker_threads";
import { z } from "../shared/zod.js";
import { DEFAULT_MAX_OLD_GENERATION_MB, DEFAULT_TIMEOUT_MS } from "./worker-start.js";

/** Limits every document is parsed under (docs/cli.md, "Limits"). */
export const WorkerLimits = z.object({
  /** Wall time per document, after which its worker is terminated (`--timeout`). */
  timeoutMs: z.number().int().positive().default(DEFAULT_TIMEOUT_MS),
  /** V8 old-generation heap per worker; past it the worker dies and only its document fails (`--max-memory`). */
  maxOldGenerationSizeMb: z.number().int().positive().default(DEFAULT_MAX_OLD_GENERATION_MB),
});
export type WorkerLimits = z.output<typeof WorkerLimits>;

/** Why a request got no answer from its worker. */
export interface WorkerFailure {
  readonly reason: string;
  readonly kind: "timeout" | "too-large" | undefined;
}

export type Asked<R> = { readonly ok: true; readonly reply: R } | { readonly ok: false; readonly failure: WorkerFailure };

export function tooSlow(timeoutMs: number): string {
  return `too slow: over ${timeoutMs / 1000} s`;
}

/**
 * Posts `request` and waits for the reply with the same id. On a timeout, a
 * crash or an out-of-memory death the worker is terminated and a failure returned.
 */
export function ask<R extends { readonly id: number }>(worker: Worker, request: { readonly id: number }, limits: WorkerLimits): Promise<Asked<R>> {
  return new Promise((resolve) => {
    const finish = (outcome: Asked<R>) => {
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      if (!outcome.ok) void worker.terminate();
      resolve(outcome);
    };
    const fail = (reason: string, kind: WorkerFailure["kind"]) => finish({ ok: false, failure: { reason, kind } });
    const onMessage = (reply: R) => {
      if (reply.id === request.id) finish({ ok: true, reply });
    };
    const onError = (e: Error) => {
      if ("code" in e && e.code === "ERR_WORKER_OUT_OF_MEMORY")
        fail(`too large: out of memory (worker limit ${limits.maxOldGenerationSizeMb} MB)`, "too-large");
      else fail(`could not be read: the reader stopped (${internalReason(e.name, e.message)})`, undefined);
    };
    const onExit = (code: number) => fail(`could not be read: the reader stopped (exit code ${code})`, undefined);
    const timer = setTimeout(() => fail(tooSlow(limits.timeoutMs), "timeout"), limits.timeoutMs);
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    worker.postMessage(request);
  });
}

/**
 * The program's own failures are not the document's problem: a JavaScript
 * engine limit (stack depth, string or array size) or a programming error in a
 * reader is shown as what it means for the user, never as V8's text.
 */
export function internalReason(name: string, message: string): string {
  const first = message.split("\n")[0] ?? name;
  if (name === "RangeError" || /call stack|invalid (array|string|typed array) length|allocation failed|out of memory/i.test(first))
    return "internal limit reached";
  if (name === "TypeError" || name === "ReferenceError") return "internal error in the reader; please report it";
  return first;
}

/** An error a worker reports, as the one reason shown for its document. */
export function documentReason(error: { readonly name: string; readonly message: string; readonly kind: string | undefined }): string {
  if (error.kind !== undefined) return error.message.split("\n")[0] ?? error.name;
  const reason = internalReason(error.name, error.message);
  return reason === error.message.split("\n")[0] ? reason : `could not be read: ${reason}`;
}
