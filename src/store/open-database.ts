/**
 * Opens (creating if needed) a piao SQLite database: WAL journal so readers never
 * block the one writer and a killed import leaves the last committed state, foreign
 * keys ON, schema migrated to the latest file.
 */
import Database from "better-sqlite3";
import { migrateToLatest, readMigrations } from "./migrate.js";
import { StoreError } from "./store-errors.js";

export type Db = Database.Database;

export interface OpenOptions {
  /** Open without creating or migrating (for readers such as `piao check --db`). */
  readonly readonly?: boolean;
  /** Migrations folder (tests use their own). */
  readonly migrationsDir?: string;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (e) {
    throw new StoreError(`${file}: cannot open database: ${(e as Error).message}`);
  }
  try {
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    if (options.readonly) {
      checkSchema(db, file, readMigrations(options.migrationsDir).map((m) => m.name));
      return db;
    }
    db.pragma("journal_mode = WAL");
    const outcome = migrateToLatest(db, readMigrations(options.migrationsDir));
    if (outcome.error) throw new StoreError(`${file}: ${outcome.error}`);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof StoreError) throw e;
    throw new StoreError(`${file}: cannot open database: ${(e as Error).message}`);
  }
}

/** A read-only open cannot migrate: refuse a file that is not a piao database at the latest schema. */
function checkSchema(db: Db, file: string, names: string[]): void {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!hasTable) throw new StoreError(`${file}: not a piao database (no schema_migrations table)`);
  const applied = db.prepare("SELECT name FROM schema_migrations ORDER BY rowid").pluck().all() as string[];
  const prefix = applied.every((name, i) => names[i] === name);
  if (!prefix) throw new StoreError(`${file}: written by another version of piao (its migrations are not a prefix of ours)`);
  if (applied.length < names.length)
    throw new StoreError(`${file}: schema is older than this piao (${applied.length} of ${names.length} migrations); run \`piao import\` on it once to migrate`);
}
