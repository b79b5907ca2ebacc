import type { WorkerLimits } from "../pipeline/bounded-worker.js";

/** Bad flags or arguments: printed as one line naming the argument, exit code 2. */
export class CliUsageError extends Error {
  override readonly name = "CliUsageError";
}

/** The options every command that reads documents takes, for node:util parseArgs. */
export const LIMIT_OPTIONS = {
  timeout: { type: "string" },
  "max-memory": { type: "string" },
} as const;

/** `--limit NAME=VALUE`, repeatable (limit-options.ts reads it). */
export const LIMIT_OPTION = { limit: { type: "string", multiple: true } } as const;

/**
 * `--timeout SECONDS` and `--max-memory MB` → the limits a document is read
 * under; refuses anything but a positive number, naming the flag.
 */
export function workerLimits(values: { timeout?: string | undefined; "max-memory"?: string | undefined }): Partial<WorkerLimits> {
  const out: { timeoutMs?: number; maxOldGenerationSizeMb?: number } = {};
  if (values.timeout !== undefined) {
    const s = Number(values.timeout);
    if (!(s > 0) || !Number.isFinite(s)) throw new CliUsageError(`--timeout must be a positive number of seconds, not '${values.timeout}'`);
    out.timeoutMs = Math.max(1, Math.round(s * 1000));
  }
  const mb = values["max-memory"];
  if (mb !== undefined) {
    const n = Number(mb);
    if (!Number.isInteger(n) || n < 64) throw new CliUsageError(`--max-memory must be a whole number of megabytes, at least 64, not '${mb}'`);
    out.maxOldGenerationSizeMb = n;
  }
  return out;
}
