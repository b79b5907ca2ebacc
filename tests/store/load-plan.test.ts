import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/store/open-database.js";
import { storePlan } from "../../src/store/store-plan.js";
import { loadPlan, PlanNotFoundError } from "../../src/store/load-plan.js";
import { loadSample, SAMPLE_EXPORTS, sha, tempDir, withSha } from "./helpers.js";

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openDatabase(path.join(t.dir, "piao.sqlite"));
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
    plan.units.push({ name: "Unità vuota", manager: null, declaredTotal: 100, objectives: [] });
    plan.anomalies.unshift({ code: "OWN_CODE", severity: "info", unit: null, objective: null, message: "ciao", page: null });
    expect(loadPlan(db, planIdOf(storePlan(db, plan, { bytes: 1 })))).toStrictEqual(plan);
  });

  it("throws PlanNotFoundError for an unknown id", () => {
    expect(() => loadPlan(db, 42)).toThrow(PlanNotFoundError);
  });
});
