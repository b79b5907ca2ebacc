/**
 * Errors of the store that are not about one document: a database that cannot be
 * opened or migrated. The CLI prints them as one line.
 */
export class StoreError extends Error {
  override readonly name = "StoreError";
  /** A read-only open failed because reading needed to write beside the file (a WAL index). */
  readonly needsWrite: boolean;
  constructor(message: string, options: { needsWrite?: boolean } = {}) {
    super(message);
    this.needsWrite = options.needsWrite ?? false;
  }
}

/**
 * An export that cannot be stored because it breaks the contract (zod refused it, or
 * a rule zod cannot say, such as months in order). Nothing of it was written; the
 * message is one line naming the first problem, `problems` lists them all.
 */
export class ExportRejectedError extends Error {
  override readonly name = "ExportRejectedError";
  constructor(
    message: string,
    readonly problems: readonly string[],
  ) {
    super(message);
  }
}
