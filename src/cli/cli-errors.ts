import { isDocumentError, reasonOf } from "../shared/errors.js";

/** Bad flags or arguments: printed as one line, exit code 2. */
export class CliUsageError extends Error {
  override readonly name = "CliUsageError";
}

/** The one line printed for a document that cannot be used: `piao: FILE: reason`. */
export function documentErrorLine(file: string, e: unknown): string {
  if (isDocumentError(e)) return `piao: ${e.file}: ${e.message}`;
  return `piao: ${file}: cannot be read: ${reasonOf(e)}`;
}

/** `--timeout SECONDS` → reader settings; refuses anything but a positive number. */
export function timeLimit(seconds: string | undefined): { timeoutMs?: number } {
  if (seconds === undefined) return {};
  const s = Number(seconds);
  if (!(s > 0)) throw new CliUsageError("--timeout must be a positive number of seconds");
  return { timeoutMs: Math.max(1, Math.round(s * 1000)) };
}
