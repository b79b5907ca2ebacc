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
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  try {
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    if (options.readonly) return db;
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
