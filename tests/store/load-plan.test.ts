import { copyFileSync, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PlanExport } from "../../src/normalize/plan-schema.js";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/store/open-database.js";
import { storePlan } from "../../src/store/store-plan.js";
import { ExportRejectedError } from "../../src/store/store-errors.js";
import { loadPlan, PlanNotFoundError } from "../../src/store/load-plan.js";
import { loadSample, SAMPLE_EXPORTS, sha, tempDir, withSha } from "./helpers.js";
import { indicator, pegPlan, phaseV2, piaoPlan, strategy } from "./v2-plans.js";

// Each test stores into a new database at the latest schema: one migrated here, copied for each
// test (migrating costs more than the round trip it serves; tests/store/migrate.test.ts covers it).
let template: { dir: string; cleanup: () => void };
beforeAll(() => {
  template = tempDir();
  openDatabase(path.join(template.dir, "piao.sqlite")).close();
  // Closed, the database is whole in its file (the WAL checkpointed and removed): copying the file copies it.
  expect(existsSync(path.join(template.dir, "piao.sqlite-wal"))).toBe(false);
});
afterAll(() => template.cleanup());

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  copyFileSync(path.join(template.dir, "piao.sqlite"), path.join(t.dir, "piao.sqlite"));
  db = openDatabase(path.join(t.dir, "piao.sqlite"));
  expect(db.prepare("SELECT count(*) FROM documents").pluck().get()).toBe(0);
});
afterEach(() => {
  db.close();
  cleanup();
});

const planIdOf = (o: ReturnType<typeof storePlan>) => {
  if (o.status !== "imported") throw new Error(`expected imported, got ${o.status}`);
  return o.planId;
};

describe("loadPlan", () => {
  it.each(SAMPLE_EXPORTS)("round-trips %s: import then load equals the export", (name) => {
    const plan = loadSample(name);
    expect(loadPlan(db, planIdOf(storePlan(db, plan, { bytes: 1 })))).toStrictEqual(plan);
  });

  it("round-trips the edge cases: no summary, no detail, provenance fields, empty lists, null weights", () => {
    const plan = withSha(loadSample("luzzara-2024.pdf"), sha(7));
    const [u0, u1] = plan.units;
    u0!.page = 2;
    u1!.page = null;
    const o0 = u0!.objectives[0]!;
    o0.summary!.table = "p2-t1";
    o0.summary!.weight = null;
    o0.detail!.table = "p4-t1";
    o0.detail!.phases[0]!.page = 5;
    o0.detail!.phases[1]!.page = null;
    o0.detail!.phases[1]!.months = [];
    o0.detail!.intersectoral = true;
    o0.detail!.indicators = [];
    u0!.objectives[1]!.summary = null;
    u0!.objectives[2]!.detail = null;
    u0!.objectives[3]!.number = u0!.objectives[2]!.number; // DUPLICATE_NUMBER must survive
    plan.units.push({ number: 9, name: "Unità vuota", manager: null, declaredTotal: 100, objectives: [] });
    plan.anomalies.unshift({ code: "OWN_CODE", severity: "info", unit: null, objective: null, message: "ciao", page: null });
    expect(loadPlan(db, planIdOf(storePlan(db, plan, { bytes: 1 })))).toStrictEqual(plan);
  });

  it.each([
    ["a PIAO: kind, period, unit numbers, strategy, indicator parts, deadlines, weighted activities", piaoPlan],
    ["a PEG weighted out of 1000 with no sheet", pegPlan],
  ])("round-trips %s", (_name, make) => {
    const plan = make();
    expect(loadPlan(db, planIdOf(storePlan(db, plan, { bytes: 1 })))).toStrictEqual(plan);
  });

  it("round-trips the version-2 edge cases: a strategy of nulls is not no strategy, empty texts, null plan facts", () => {
    const plan = piaoPlan(99);
    plan.kind = null;
    plan.period = null;
    plan.year = null;
    const [fin, pl] = plan.units;
    fin!.objectives[0]!.strategy = strategy({});
    fin!.objectives[1]!.strategy = null;
    fin!.objectives[0]!.summary!.weightText = "";
    fin!.objectives[0]!.summary!.indicators.push(indicator("", { formula: "", baseline: "", target: "" }));
    pl!.objectives[0]!.detail!.weight = 15;
    pl!.objectives[0]!.detail!.weightText = "150/1000";
    pl!.objectives[0]!.detail!.phases.push(phaseV2("Con mesi e scadenza", { months: ["2026-05", "2026-06"], deadline: "2026-06-15", weight: 10 }));
    const loaded = loadPlan(db, planIdOf(storePlan(db, plan, { bytes: 1 })));
    expect(loaded).toStrictEqual(plan);
    expect(loaded.units[0]!.objectives[0]!.strategy).toEqual(strategy({}));
  });

  it("stores the version-2 facts in their columns, with the provenance of their rows", () => {
    const plan = piaoPlan();
    storePlan(db, plan, { bytes: 1 });
    expect(db.prepare("SELECT kind, period_from, period_to, schema_version FROM plans").get()).toEqual({
      kind: "piao",
      period_from: 2026,
      period_to: 2028,
      schema_version: 2,
    });
    expect(db.prepare("SELECT number FROM units ORDER BY position").pluck().all()).toEqual([1, 3]);
    // A unit with no summary row takes its first sheet's page.
    expect(db.prepare("SELECT page, page_given FROM units ORDER BY position").all()).toEqual([
      { page: 14, page_given: 1 },
      { page: 22, page_given: 0 },
    ]);
    expect(db.prepare("SELECT mission, programme, summary_page, summary_table FROM objectives WHERE has_strategy = 1 ORDER BY id").all()).toEqual([
      {
        mission: "01 Servizi istituzionali, generali e di gestione",
        programme: "03 Gestione economica, finanziaria, programmazione e provveditorato",
        summary_page: 14,
        summary_table: "p14-t1",
      },
      { mission: "01", programme: "02", summary_page: 14, summary_table: "p14-t1" },
    ]);
    expect(db.prepare("SELECT text, target, page FROM indicators WHERE target IS NOT NULL AND source = 'detail' ORDER BY id").all()).toEqual([
      { text: "Tempo medio di pagamento", target: "≤ 30 giorni", page: 20 },
      { text: "", target: "180 presidi nell'anno scolastico", page: 22 },
      { text: "", target: "180 presidi nell'anno scolastico", page: 23 },
    ]);
    expect(db.prepare("SELECT count(*) FROM phases WHERE page IS NULL").pluck().get()).toBe(0);
    expect(db.prepare("SELECT weight, start, deadline, deadline_text, page FROM phases WHERE weight IS NOT NULL ORDER BY id LIMIT 1").get()).toEqual({
      weight: 60,
      start: "2026-01-07",
      deadline: "2026-02-28",
      deadline_text: "28/02/2026",
      page: 22,
    });
  });

  it("refuses a phase date that is not an ISO date before writing anything", () => {
    const plan = piaoPlan();
    plan.units[0]!.objectives[0]!.detail!.phases[0]!.deadline = "30.06.2026";
    expect(() => storePlan(db, plan, { bytes: 1 })).toThrow(ExportRejectedError);
    expect(() => storePlan(db, plan, { bytes: 1 })).toThrow(/contract/);
    expect(db.prepare("SELECT count(*) FROM documents").pluck().get()).toBe(0);
  });

  // What the normaliser is expected to export for every fixture document (all formats):
  // real version-2 shapes (S1-S5 of docs/families.md), each stored and read back whole.
  const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures");
  const fixtureExports = readdirSync(FIXTURES)
    .filter((d) => statSync(path.join(FIXTURES, d)).isDirectory())
    .flatMap((d) =>
      readdirSync(path.join(FIXTURES, d))
        .filter((f) => f.endsWith(".expected.json"))
        .map((f) => path.join(d, f)),
    )
    // Plan exports only: fixtures/tables/ holds expected tables, not plans.
    .filter((f) => "schemaVersion" in (JSON.parse(readFileSync(path.join(FIXTURES, f), "utf8")) as object))
    .sort();
  it.each(fixtureExports)("round-trips the fixture export %s", (file) => {
    const plan = PlanExport.parse(JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")));
    expect(loadPlan(db, planIdOf(storePlan(db, plan, { bytes: 1 })))).toStrictEqual(plan);
  });

  it("throws PlanNotFoundError for an unknown id", () => {
    expect(() => loadPlan(db, 42)).toThrow(PlanNotFoundError);
  });
});
