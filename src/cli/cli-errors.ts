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
