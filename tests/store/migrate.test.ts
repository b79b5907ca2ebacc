import { mkdirSync, writeFileSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { migrateToLatest, readMigrations, MIGRATIONS_DIR } from "../../src/store/migrate.js";
import { openDatabase } from "../../src/store/open-database.js";
import { StoreError } from "../../src/store/store-errors.js";
import { tempDir } from "./helpers.js";

let cleanup = () => {};
afterEach(() => cleanup());

function migrationsDir(files: Record<string, string>): string {
  const t = tempDir("piao-mig-");
  cleanup = t.cleanup;
  const dir = path.join(t.dir, "migrations");
  mkdirSync(dir);
  for (const [name, sql] of Object.entries(files)) writeFileSync(path.join(dir, name), sql);
  return dir;
}

describe("migrations", () => {
  it("reads the real migration files from the source folder in name order", () => {
    const names = readMigrations().map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(
      readdirSync(MIGRATIONS_DIR)
        .filter((f) => f.endsWith(".sql"))
        .sort(),
    );
  });

  it("applies files in name order and records each one", () => {
    const dir = migrationsDir({
      "0002_b.sql": "INSERT INTO t (v) VALUES ('second');",
      "0001_a.sql": "CREATE TABLE t (v TEXT); INSERT INTO t (v) VALUES ('first');",
      "notes.txt": "not a migration",
    });
    const db = new Database(":memory:");
    const out = migrateToLatest(db, readMigrations(dir));
    expect(out.error).toBeUndefined();
    expect(out.results).toEqual([
      { name: "0001_a.sql", status: "Success" },
      { name: "0002_b.sql", status: "Success" },
    ]);
    expect(db.prepare("SELECT v FROM t ORDER BY rowid").pluck().all()).toEqual(["first", "second"]);
    expect(db.prepare("SELECT name FROM schema_migrations ORDER BY rowid").pluck().all()).toEqual(["0001_a.sql", "0002_b.sql"]);
  });

  it("is safe to re-run: nothing pending, nothing executed", () => {
    const dir = migrationsDir({ "0001_a.sql": "CREATE TABLE t (v TEXT);" });
    const db = new Database(":memory:");
    migrateToLatest(db, readMigrations(dir));
    const again = migrateToLatest(db, readMigrations(dir));
    expect(again).toEqual({ results: [] });
  });

  it("applies only the new files on a later run", () => {
    const dir = migrationsDir({ "0001_a.sql": "CREATE TABLE t (v TEXT);" });
    const db = new Database(":memory:");
    migrateToLatest(db, readMigrations(dir));
    writeFileSync(path.join(dir, "0002_b.sql"), "ALTER TABLE t ADD COLUMN w TEXT;");
    expect(migrateToLatest(db, readMigrations(dir)).results).toEqual([{ name: "0002_b.sql", status: "Success" }]);
  });

  it("refuses when the applied migrations are not a prefix of the files", () => {
    const dir = migrationsDir({ "0001_a.sql": "CREATE TABLE t (v TEXT);", "0002_b.sql": "CREATE TABLE u (v TEXT);" });
    const db = new Database(":memory:");
    db.exec("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
    db.prepare("INSERT INTO schema_migrations VALUES ('0001_other.sql', 'x')").run();
    const out = migrateToLatest(db, readMigrations(dir));
    expect(out.error).toMatch(/not a prefix/);
    expect(out.results).toEqual([]);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('t', 'u')").pluck().get()).toBe(0);
  });

  it("rolls a failing migration back with its record and stops there", () => {
    const dir = migrationsDir({
      "0001_a.sql": "CREATE TABLE t (v TEXT);",
      "0002_bad.sql": "CREATE TABLE half (v TEXT); INSERT INTO nowhere VALUES (1);",
      "0003_c.sql": "CREATE TABLE c (v TEXT);",
    });
    const db = new Database(":memory:");
    const out = migrateToLatest(db, readMigrations(dir));
    expect(out.error).toMatch(/0002_bad\.sql failed: no such table: nowhere/);
    expect(out.results.map((r) => r.status)).toEqual(["Success", "Error", "NotExecuted"]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('t', 'half', 'c')").pluck().all()).toEqual(["t"]);
    expect(db.prepare("SELECT name FROM schema_migrations").pluck().all()).toEqual(["0001_a.sql"]);
  });

  it("openDatabase migrates a new file, uses WAL and foreign keys, and refuses a foreign history", () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, "p.sqlite");
    const db = openDatabase(file);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM schema_migrations").pluck().all()).toEqual(readMigrations().map((m) => m.name));
    db.prepare("INSERT INTO schema_migrations VALUES ('0000_stranger.sql', 'x')").run();
    db.prepare("DELETE FROM schema_migrations WHERE name <> '0000_stranger.sql'").run();
    db.close();
    expect(() => openDatabase(file)).toThrow(StoreError);
    expect(() => openDatabase(file)).toThrow(/not a prefix/);
  });
});

describe("openDatabase readonly", () => {
  it("opens a migrated database without writing, and refuses files that are not piao databases", () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, "p.sqlite");
    openDatabase(file).close();
    const ro = openDatabase(file, { readonly: true });
    expect(() => ro.prepare("INSERT INTO schema_migrations VALUES ('x', 'y')").run()).toThrow(/readonly/);
    ro.close();
    const other = path.join(t.dir, "other.sqlite");
    new Database(other).exec("CREATE TABLE t (v)");
    expect(() => openDatabase(other, { readonly: true })).toThrow(/not a piao database/);
    expect(() => openDatabase(path.join(t.dir, "missing.sqlite"), { readonly: true })).toThrow(StoreError);
  });
});
