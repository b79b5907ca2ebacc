import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/store/open-database.js";
import { storePlan } from "../../src/store/store-plan.js";
import { loadPlan } from "../../src/store/load-plan.js";
import { listPlans, findPreviousPlan } from "../../src/store/list-plans.js";
import { counts, expectedCounts, loadSample, SAMPLE_EXPORTS, sha, tempDir, withSha } from "./helpers.js";

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

describe("storePlan", () => {
  it("stores every row of the sample exports", () => {
    const plans = SAMPLE_EXPORTS.map(loadSample);
    const outcomes = plans.map((p) => storePlan(db, p, { bytes: 1000 }));
    expect(outcomes.map((o) => o.status)).toEqual(["imported", "imported", "imported"]);
    expect(counts(db)).toEqual(expectedCounts(plans));
    expect(counts(db).objectives).toBe(93);
    expect(db.pragma("foreign_key_check")).toEqual([]);
  });

  it("keeps pages on rows: indicators inherit their sheet's page, phases their sheet's", () => {
    const plan = loadSample("luzzara-2024.pdf");
    storePlan(db, plan, { bytes: 1 });
    const first = plan.units[0]!.objectives[0]!;
    const row = db.prepare("SELECT summary_page, detail_page FROM objectives WHERE title = ?").get(first.title);
    expect(row).toEqual({ summary_page: first.summary!.page, detail_page: first.detail!.page });
    expect(db.prepare("SELECT count(*) FROM indicators WHERE page IS NULL").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM phases WHERE page IS NULL").pluck().get()).toBe(0);
    expect(db.prepare("SELECT DISTINCT page FROM phases p JOIN objectives o ON o.id = p.objective_id WHERE p.page <> o.detail_page").all()).toEqual([]);
  });

  it("leaves a document with a known sha256 unchanged", () => {
    const plan = loadSample("luzzara-2024.pdf");
    const first = storePlan(db, plan, { bytes: 1 });
    const before = counts(db);
    const again = storePlan(db, plan, { bytes: 1 });
    expect(again).toEqual({ status: "unchanged", documentId: first.documentId, planId: (first as { planId: number }).planId });
    expect(counts(db)).toEqual(before);
  });

  it("makes a new file for the same organization and year the current plan, keeping the old one", () => {
    const v1 = loadSample("luzzara-2024.pdf");
    const v2 = withSha(v1, sha(2));
    v2.units[0]!.objectives[0]!.summary!.weight = 20;
    const a = storePlan(db, v1, { bytes: 1, importedAt: "2026-01-01T00:00:00.000Z" });
    const b = storePlan(db, v2, { bytes: 1, importedAt: "2026-02-01T00:00:00.000Z" });
    expect(a.status === "imported" && b.status === "imported").toBe(true);
    const plans = listPlans(db, { organization: "Comune di Luzzara", year: 2024 });
    expect(plans.map((p) => [p.version, p.isCurrent, p.supersededBy])).toEqual([
      [1, false, (b as { planId: number }).planId],
      [2, true, null],
    ]);
    expect(listPlans(db, { currentOnly: true }).map((p) => p.sha256)).toEqual([sha(2)]);
    expect(db.prepare("SELECT count(*) FROM v_current_plans").pluck().get()).toBe(1);
    // The old version is still fully queryable.
    expect(loadPlan(db, (a as { planId: number }).planId)).toStrictEqual(v1);
    expect(loadPlan(db, (b as { planId: number }).planId).units[0]!.objectives[0]!.summary!.weight).toBe(20);
  });

  it("keeps plans without organization or year apart: each is current", () => {
    const base = loadSample("luzzara-2024.pdf");
    storePlan(db, withSha(base, sha(1), { organization: null }), { bytes: 1 });
    storePlan(db, withSha(base, sha(2), { organization: null }), { bytes: 1 });
    expect(listPlans(db, { currentOnly: true }).length).toBe(2);
  });

  it("finds the previous year's current plan of the same organization", () => {
    const base = loadSample("luzzara-2024.pdf");
    const y23a = storePlan(db, withSha(base, sha(1), { year: 2023 }), { bytes: 1 });
    const y23b = storePlan(db, withSha(base, sha(2), { year: 2023 }), { bytes: 1 });
    storePlan(db, withSha(base, sha(3), { year: 2023, organization: "Comune di Guastalla" }), { bytes: 1 });
    const y24 = storePlan(db, base, { bytes: 1 });
    expect(y23a.status).toBe("imported");
    const prev = findPreviousPlan(db, (y24 as { planId: number }).planId);
    expect(prev?.planId).toBe((y23b as { planId: number }).planId);
    expect(prev?.organization).toBe("Comune di Luzzara");
    expect(findPreviousPlan(db, (y23b as { planId: number }).planId)).toBeUndefined();
  });

  it("writes all or nothing: a failure mid-document leaves no row behind", () => {
    const keep = storePlan(db, loadSample("luzzara-2024.docx"), { bytes: 1 });
    const before = counts(db);
    const fts = db.prepare("SELECT count(*) FROM objectives_fts WHERE objectives_fts MATCH 'software'").pluck().get();
    expect(() =>
      storePlan(db, loadSample("luzzara-2024.pdf"), {
        bytes: 1,
        beforeCommit: () => {
          throw new Error("disk on fire");
        },
      }),
    ).toThrow("disk on fire");
    expect(counts(db)).toEqual(before);
    expect(db.prepare("SELECT count(*) FROM objectives_fts WHERE objectives_fts MATCH 'software'").pluck().get()).toBe(fts);
    expect(listPlans(db).map((p) => p.planId)).toEqual([(keep as { planId: number }).planId]);
    // The failed plan did not switch the current one either.
    expect(listPlans(db)[0]!.isCurrent).toBe(true);
  });

  it("rejects an export with months out of order instead of reordering them", () => {
    const bad = loadSample("luzzara-2024.pdf");
    bad.units[0]!.objectives[0]!.detail!.phases[0]!.months = ["2024-05", "2024-04"];
    expect(() => storePlan(db, bad, { bytes: 1 })).toThrow(/months are not ascending/);
    expect(counts(db).documents).toBe(0);
  });

  it("keeps full-text search in step with the rows", () => {
    storePlan(db, loadSample("luzzara-2024.pdf"), { bytes: 1 });
    const hits = db
      .prepare("SELECT o.title FROM objectives_fts JOIN objectives o ON o.id = objectives_fts.rowid WHERE objectives_fts MATCH 'software'")
      .pluck()
      .all();
    expect(hits.length).toBeGreaterThan(0);
    const ind = db.prepare("SELECT count(*) FROM indicators_fts WHERE indicators_fts MATCH 'incontri'").pluck().get();
    expect(ind).toBeGreaterThan(0);
    db.prepare("DELETE FROM documents").run();
    expect(db.prepare("SELECT count(*) FROM objectives_fts WHERE objectives_fts MATCH 'software'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM indicators_fts WHERE indicators_fts MATCH 'incontri'").pluck().get()).toBe(0);
    // FTS5's integrity-check with rank 1 compares the index with the rows (external content) and throws where they disagree.
    const ftsCheck = () => db.prepare("INSERT INTO objectives_fts(objectives_fts, rank) VALUES ('integrity-check', 1)").run();
    expect(ftsCheck).not.toThrow();
    // The check can fail: rows changed behind the triggers' back are caught.
    storePlan(db, loadSample("luzzara-2024.pdf"), { bytes: 1 });
    db.exec("DROP TRIGGER objectives_fts_update; UPDATE objectives SET title = 'zzz ' || title");
    expect(ftsCheck).toThrow(/malformed/i);
  });
});
