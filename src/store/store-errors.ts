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
