import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach } from "vitest";
import { PlanExport } from "../../src/normalize/plan-schema.js";

export const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/samples");
export const SAMPLE_EXPORTS = ["luzzara-2024.pdf", "luzzara-2024.docx", "luzzara-2024.html"] as const;

export function loadSample(name: (typeof SAMPLE_EXPORTS)[number]): PlanExport {
  return loadExpected(path.join(SAMPLES, name));
}

/** The expected export written beside a document (`FILE.expected.json`), checked against the contract. */
export function loadExpected(document: string): PlanExport {
  return PlanExport.parse(JSON.parse(readFileSync(`${document}.expected.json`, "utf8")));
}

/** A fresh temp dir; returns it and a cleanup function. */
export function tempDir(prefix = "piao-store-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh temp dir for each test of the calling file, made before the test and removed after it; `dir` is read inside a test. */
export function tempDirEachTest(prefix: string): { readonly dir: string } {
  let current: { dir: string; cleanup: () => void } | undefined;
  beforeEach(() => {
    current = tempDir(prefix);
  });
  afterEach(() => {
    current?.cleanup();
    current = undefined;
  });
  return {
    get dir() {
      if (!current) throw new Error("tempDirEachTest: the dir exists only while a test runs");
      return current.dir;
    },
  };
}

/** A deep copy with another sha256 (as if from another file). */
export function withSha(plan: PlanExport, sha256: string, changes: Partial<PlanExport> = {}): PlanExport {
  return { ...structuredClone(plan), ...changes, source: { ...plan.source, sha256 } };
}

export const sha = (n: number) => n.toString(16).padStart(64, "0");

export function count(db: { prepare(sql: string): { get(): unknown } }, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

export const TABLES = ["documents", "plans", "units", "objectives", "phases", "phase_months", "indicators", "anomalies"] as const;

export function counts(db: Parameters<typeof count>[0]): Record<string, number> {
  return Object.fromEntries(TABLES.map((t) => [t, count(db, t)]));
}

/** Row counts an export should give. */
export function expectedCounts(plans: PlanExport[]): Record<string, number> {
  const c = Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<string, number>;
  for (const p of plans) {
    c.documents! += 1;
    c.plans! += 1;
    c.anomalies! += p.anomalies.length;
    for (const u of p.units) {
      c.units! += 1;
      for (const o of u.objectives) {
        c.objectives! += 1;
        c.indicators! += (o.summary?.indicators.length ?? 0) + (o.detail?.indicators.length ?? 0);
        for (const ph of o.detail?.phases ?? []) {
          c.phases! += 1;
          c.phase_months! += ph.months.length;
        }
      }
    }
  }
  return c;
}
