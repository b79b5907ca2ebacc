/**
 * Typed errors for input a document reader cannot use. Only the CLI turns them
 * into one line (`piao: FILE: reason`) and an exit code; the library throws them.
 */
export type DocumentErrorKind = "empty" | "not-found" | "corrupt" | "encrypted" | "unsupported" | "not-a-plan" | "too-large" | "timeout";

export class DocumentError extends Error {
  override readonly name = "DocumentError";
  constructor(
    readonly kind: DocumentErrorKind,
    readonly file: string,
    reason: string,
  ) {
    super(reason);
  }
}

export function isDocumentError(e: unknown): e is DocumentError {
  return e instanceof Error && e.name === "DocumentError" && "kind" in e;
}

/** A one-line reason for any error, without a stack trace. */
export function reasonOf(e: unknown): string {
  if (e instanceof Error) return e.message.split("\n")[0] ?? e.name;
  return String(e).split("\n")[0] ?? "unknown error";
}
