/**
 * A database written by the schemaVersion-1 piao (tests/store/fixtures/v1-borgoverde.db,
 * made by make-v1-db.mjs from the two v1 exports beside it) migrates forward on open:
 * its plans load in the version-2 shape with null in every new field, its full-text
 * indexes are rebuilt with the new columns, and version-2 plans can be stored beside them.
 */
import { copyFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PlanExport } from "../../src/normalize/plan-schema.js";
import { openDatabase, type Db } from "../../src/store/open-database.js";
import { loadPlan } from "../../src/store/load-plan.js";
import { storePlan } from "../../src/store/store-plan.js";
import { upgradeExport } from "../../src/store/upgrade-export.js";
import { readMigrations } from "../../src/store/migrate.js";
import { tempDir } from "./helpers.js";
import { piaoPlan } from "./v2-plans.js";

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const v1Export = (year: number) => JSON.parse(readFileSync(path.join(FIXTURES, `v1-borgoverde-${year}.json`), "utf8")) as { schemaVersion: number };

let db: Db;
let file: string;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir("piao-v1-");
  cleanup = t.cleanup;
  file = path.join(t.dir, "old.sqlite");
  copyFileSync(path.join(FIXTURES, "v1-borgoverde.db"), file);
});
afterEach(() => {
  db?.close();
  cleanup();
});

describe("a version-1 database", () => {
  it("is refused read-only until migrated, then migrates on open", () => {
    expect(() => openDatabase(file, { readonly: true })).toThrow(/schema is older than this piao/);
    db = openDatabase(file);
    expect(db.prepare("SELECT name FROM schema_migrations ORDER BY rowid").pluck().all()).toEqual(readMigrations().map((m) => m.name));
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.pragma("foreign_key_check")).toEqual([]);
  });

  it("loads its plans in the version-2 shape, every new field null, as the upgraded v1 export", () => {
    db = openDatabase(file);
    for (const [planId, year] of [
      [1, 2024],
      [2, 2025],
    ] as const) {
      const original = v1Export(year);
      expect(original.schemaVersion).toBe(1);
      const upgraded = PlanExport.parse(upgradeExport(original));
      const loaded = loadPlan(db, planId);
      expect(loaded).toStrictEqual(upgraded);
      expect(PlanExport.parse(loaded)).toStrictEqual(loaded);
      expect(loaded.kind).toBeNull();
      expect(loaded.period).toBeNull();
      expect(loaded.units.every((u) => u.number === null && u.objectives.every((o) => o.strategy === null))).toBe(true);
    }
    // The plans keep the contract version they were read with.
    expect(db.prepare("SELECT DISTINCT schema_version FROM plans").pluck().all()).toEqual([1]);
  });

  it("rebuilds the full-text indexes over the old rows", () => {
    db = openDatabase(file);
    const objectives = db.prepare("SELECT count(*) FROM objectives").pluck().get() as number;
    expect(db.prepare("SELECT count(*) FROM objectives_fts").pluck().get()).toBe(objectives);
    const word = (db.prepare("SELECT title FROM objectives ORDER BY id LIMIT 1").pluck().get() as string).split(" ").find((w) => w.length > 5)!;
    expect(db.prepare("SELECT count(*) FROM objectives_fts WHERE objectives_fts MATCH ?").pluck().get(`"${word}"`)).toBeGreaterThan(0);
    const text = db.prepare("SELECT text FROM indicators ORDER BY id LIMIT 1").pluck().get() as string;
    const iword = text.split(/\s+/).find((w) => /^\p{L}{5,}$/u.test(w))!;
    expect(db.prepare("SELECT count(*) FROM indicators_fts WHERE indicators_fts MATCH ?").pluck().get(`"${iword}"`)).toBeGreaterThan(0);
    db.prepare("INSERT INTO objectives_fts(objectives_fts) VALUES ('integrity-check')").run();
    db.prepare("INSERT INTO indicators_fts(indicators_fts) VALUES ('integrity-check')").run();
  });

  it("answers the new views with NULL for what version 1 did not read", () => {
    db = openDatabase(file);
    const counts = db.prepare("SELECT DISTINCT with_target, with_baseline, with_formula FROM v_objective_indicators").all();
    expect(counts).toEqual([{ with_target: null, with_baseline: null, with_formula: null }]);
    const phases = db.prepare("SELECT count(*) AS n, count(ends_on) AS dated FROM v_phases WHERE months > 0").get() as { n: number; dated: number };
    expect(phases.n).toBeGreaterThan(0);
    expect(phases.dated).toBe(phases.n);
    expect(db.prepare("SELECT count(*) FROM v_current_plans WHERE kind IS NULL AND period_from IS NULL").pluck().get()).toBe(2);
  });

  it("takes version-2 plans beside the old ones", () => {
    db = openDatabase(file);
    const plan = piaoPlan();
    const out = storePlan(db, plan, { bytes: 1 });
    expect(out.status).toBe("imported");
    expect(loadPlan(db, (out as { planId: number }).planId)).toStrictEqual(plan);
    expect(db.prepare("SELECT schema_version FROM plans ORDER BY id").pluck().all()).toEqual([1, 1, 2]);
  });
});
