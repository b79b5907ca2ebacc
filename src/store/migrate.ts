/**
 * Schema migrations: numbered plain `.sql` files in `src/store/migrations/`, applied
 * in name order, each in one transaction together with its row in
 * `schema_migrations`. Like Kysely's `Migrator.migrateToLatest()`, `migrateToLatest`
 * returns its outcome and never throws: the caller decides what a failure means.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "better-sqlite3";

/**
 * tsc does not copy `.sql` files to dist/, so the migrations are always read from
 * the source folder: `../../src/store/migrations` from both `src/store` (vitest)
 * and `dist/store` (the CLI). The package ships `src/store/migrations` for this.
 */
export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src/store/migrations");

const MIGRATION_FILE = /^\d{4}_[a-z0-9_-]+\.sql$/i;

export interface Migration {
  readonly name: string;
  readonly sql: string;
}

export interface MigrationResult {
  readonly name: string;
  /** NotExecuted: not run, after an error or because another connection applied it first. */
  readonly status: "Success" | "Error" | "NotExecuted";
}

export interface MigrationResultSet {
  /** Set when a migration failed or the database does not match the files. */
  readonly error?: string;
  /** One entry per migration that was pending when the run started. */
  readonly results: readonly MigrationResult[];
}

/** The migration files of `dir`, in name order. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => MIGRATION_FILE.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name), "utf8") }));
}

/** Names of the migrations already applied to `db`, in the order they were applied. */
export function appliedMigrations(db: Database): string[] {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
  return (db.prepare("SELECT name FROM schema_migrations ORDER BY rowid").all() as { name: string }[]).map((r) => r.name);
}

export function migrateToLatest(db: Database, migrations: readonly Migration[] = readMigrations()): MigrationResultSet {
  let applied: string[];
  try {
    applied = appliedMigrations(db);
  } catch (e) {
    return { error: `cannot read schema_migrations: ${(e as Error).message}`, results: [] };
  }
  // Refuse when the database was migrated by files we no longer have, or in another order:
  // applying the rest on top would give a schema nobody wrote.
  const names = migrations.map((m) => m.name);
  const mismatch = applied.findIndex((name, i) => names[i] !== name);
  if (mismatch >= 0) {
    return {
      error:
        `the database's applied migrations are not a prefix of ${MIGRATIONS_DIR}: ` +
        `applied #${mismatch + 1} is ${applied[mismatch]}, the files have ${names[mismatch] ?? "nothing"} there`,
      results: [],
    };
  }
  const pending = migrations.slice(applied.length);
  const results: MigrationResult[] = pending.map((m) => ({ name: m.name, status: "NotExecuted" }));
  const record = db.prepare("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)");
  const isApplied = db.prepare("SELECT 1 FROM schema_migrations WHERE name = ?").pluck();
  for (const [i, m] of pending.entries()) {
    try {
      // Two processes opening a new database at once (two `piao import`s started
      // together) both read "nothing applied" above; the second then failed with
      // "table documents already exists". So each migration runs under the write
      // lock (IMMEDIATE: taken before the check, waiting out busy_timeout) and is
      // skipped when another connection applied it in the meantime.
      const ran = db
        .transaction(() => {
          if (isApplied.get(m.name)) return false;
          db.exec(m.sql);
          record.run(m.name, new Date().toISOString());
          return true;
        })
        .immediate();
      results[i] = { name: m.name, status: ran ? "Success" : "NotExecuted" };
    } catch (e) {
      results[i] = { name: m.name, status: "Error" };
      return { error: `migration ${m.name} failed: ${(e as Error).message}`, results };
    }
  }
  return { results };
}
