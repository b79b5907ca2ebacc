/**
 * Opens (creating if needed) a piao SQLite database: WAL journal so readers never
 * block the one writer and a killed import leaves the last committed state, foreign
 * keys ON, schema migrated to the latest file. Another application's SQLite file
 * is refused before anything is written to it. A read-only open changes nothing:
 * no journal switch, no migration, and it works on a file or in a folder the
 * user may only read.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { migrateToLatest, readMigrations } from "./migrate.js";
import { StoreError } from "./store-errors.js";

export type Db = Database.Database;

export interface OpenOptions {
  /** Open without creating or migrating (for readers such as `piao check --db`). */
  readonly readonly?: boolean;
  /** Migrations folder (tests use their own). */
  readonly migrationsDir?: string;
  /** Add piao's tables to a SQLite file that holds other tables and no piao migrations (`--force-db`). */
  readonly allowForeign?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  // A named pipe or a device would block or never end SQLite's reads (and the copy below).
  const st = statSync(file, { throwIfNoEntry: false });
  if (st && !st.isFile()) throw new StoreError(`${file}: cannot open database: not a regular file`);
  if (options.readonly) {
    try {
      return openOnce(file, options);
    } catch (e) {
      if (!(e instanceof StoreError && e.needsWrite && existsSync(file))) throw e;
      return openCopy(file, options);
    }
  }
  return openOnce(file, options);
}

/** SQLite codes of a read that needed to write beside the file (the WAL index) and may not. */
const READ_NEEDS_WRITE = /^SQLITE_(READONLY|CANTOPEN)/;

function readNeedsWrite(e: unknown, options: OpenOptions): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return options.readonly === true && typeof code === "string" && READ_NEEDS_WRITE.test(code);
}

function openOnce(file: string, options: OpenOptions): Db {
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (e) {
    throw new StoreError(`${file}: cannot open database: ${(e as Error).message}`, { needsWrite: readNeedsWrite(e, options) });
  }
  try {
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    return whenNotBusy(() => prepare(db, file, options));
  } catch (e) {
    db.close();
    if (e instanceof StoreError) throw e;
    throw new StoreError(`${file}: cannot open database: ${(e as Error).message}`, { needsWrite: readNeedsWrite(e, options) });
  }
}

/** Wait for a busy database this long at most, as busy_timeout does for statements. */
const OPEN_BUSY_MS = 5000;
const OPEN_RETRY_MS = 50;

/**
 * SQLite answers SQLITE_BUSY without calling the busy handler where waiting
 * could deadlock (a connection switching a new file to WAL, or recovering a
 * WAL another process is writing): the concurrency test of two imports at once
 * met it, rarely, as "database is locked" on open. The open steps are
 * idempotent, so they are tried again until the same time limit as busy_timeout.
 */
function whenNotBusy<T>(step: () => T): T {
  const deadline = Date.now() + OPEN_BUSY_MS;
  for (;;) {
    try {
      return step();
    } catch (e) {
      const code = (e as { code?: unknown } | null)?.code;
      if (typeof code !== "string" || !code.startsWith("SQLITE_BUSY") || Date.now() >= deadline) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, OPEN_RETRY_MS);
    }
  }
}

/** Schema check (read-only), or foreign-file refusal, WAL and migrations. */
function prepare(db: Db, file: string, options: OpenOptions): Db {
  if (options.readonly) {
    checkSchema(
      db,
      file,
      readMigrations(options.migrationsDir).map((m) => m.name),
    );
    return db;
  }
  if (!options.allowForeign) refuseForeign(db, file);
  db.pragma("journal_mode = WAL");
  const outcome = migrateToLatest(db, readMigrations(options.migrationsDir));
  if (outcome.error) throw new StoreError(`${file}: ${outcome.error}`);
  return db;
}

/**
 * A WAL database needs its index file (-shm) beside it even to be read; where the
 * user may not create it, the database (and its -wal, if any) is read from a
 * private copy, removed when the connection closes.
 */
function openCopy(file: string, options: OpenOptions): Db {
  const dir = mkdtempSync(path.join(tmpdir(), "piao-read-"));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const copy = path.join(dir, path.basename(file));
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    const db = openOnce(copy, options);
    const close = db.close.bind(db);
    db.close = () => {
      close();
      remove();
      return db;
    };
    process.once("exit", remove);
    return db;
  } catch (e) {
    remove();
    if (e instanceof StoreError) throw new StoreError(e.message.replace(path.join(dir, path.basename(file)), file));
    throw new StoreError(`${file}: cannot open database: ${(e as Error).message}`);
  }
}

/**
 * A SQLite file with tables of its own and no piao migrations belongs to another
 * application: adding piao's tables and switching it to WAL would change it
 * without a word. (An empty file, or one piao created, passes.)
 */
function refuseForeign(db: Db, file: string): void {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  if (tables.length === 0 || tables.includes("schema_migrations")) return;
  const shown = tables.slice(0, 3).join(", ") + (tables.length > 3 ? ", …" : "");
  throw new StoreError(`${file}: not a piao database (it holds other tables: ${shown}); give --force-db to add piao's tables to it`);
}

/** A read-only open cannot migrate: refuse a file that is not a piao database at the latest schema. */
function checkSchema(db: Db, file: string, names: string[]): void {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!hasTable) throw new StoreError(`${file}: not a piao database (no schema_migrations table)`);
  const applied = db.prepare("SELECT name FROM schema_migrations ORDER BY rowid").pluck().all() as string[];
  const prefix = applied.every((name, i) => names[i] === name);
  if (!prefix) throw new StoreError(`${file}: written by another version of piao (its migrations are not a prefix of ours)`);
  if (applied.length < names.length)
    throw new StoreError(
      `${file}: schema is older than this piao (${applied.length} of ${names.length} migrations); run \`piao import\` on it once to migrate`,
    );
}
