/**
 * Refusals for input over one of the reader limits (ReaderLimits in
 * settings.ts). Deep code throws LimitError without knowing the file;
 * readDocument turns it into the one-line DocumentError the CLI prints,
 * naming the limit and the flag that raises it.
 */
import { DocumentError } from "../../shared/errors.js";
import type { ReaderLimits } from "../settings.js";

export type LimitName = keyof ReaderLimits;

export class LimitError extends Error {
  override readonly name = "LimitError";
  /**
   * `found`: what the document has, as a phrase ("a table of 12000 columns");
   * the message adds the limit, its value and how to raise it.
   */
  constructor(
    readonly limit: LimitName,
    readonly value: number,
    readonly found: string,
  ) {
    super(`${found}: over the limit ${limit} = ${value} (raise it with --limit ${limit}=N)`);
  }
}

/** Throws LimitError when `amount` is over `limits[name]`. */
export function checkLimit<N extends LimitName>(limits: Pick<ReaderLimits, N>, name: N, amount: number, found: () => string): void {
  const value = limits[name];
  if (amount > value) throw new LimitError(name, value, found());
}

/** The DocumentError for `file` (any other error passes through unchanged). */
export function asDocumentError(e: unknown, file: string): unknown {
  if (e instanceof LimitError) return new DocumentError("too-large", file, `is refused: ${e.message}`);
  // A safety net: recursion the limits did not bound must still end in a reason about the document.
  if (e instanceof RangeError && /call stack/i.test(e.message))
    return new DocumentError("unsupported", file, "is refused: its structure is nested too deeply to read");
  return e;
}
