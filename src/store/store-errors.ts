/**
 * Errors of the store that are not about one document: a database that cannot be
 * opened or migrated. The CLI prints them as one line.
 */
export class StoreError extends Error {
  override readonly name = "StoreError";
}
