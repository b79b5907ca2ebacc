/**
 * A `pdftotext -layout` conversion of a plan gives the same objectives as the
 * PDF it was made from: the same units (number, name, manager, TOTALE), the
 * same objectives (number, title, weights, pages of the summary row and the
 * sheet, phase counts), compared with the PDF's expected export (derived from
 * the fixture's spec, not from our reader). Cell wording may differ where the
 * converter ran columns together, and a grid marked only by shading has no
 * marks in text, so anomalies are compared only where the text carries them.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { PlanExport } from "../../src/normalize/plan-schema.js";
import { extractedPlan } from "../read-once.js";
import { fixturesDir, readJson, withoutReaderNotes } from "./helpers.js";

function objectivesOf(p: Pick<PlanExport, "organization" | "kind" | "year" | "period" | "units">) {
  return {
    organization: p.organization,
    kind: p.kind,
    year: p.year,
    period: p.period,
    units: p.units.map((u) => ({
      number: u.number,
      name: u.name,
      manager: u.manager,
      declaredTotal: u.declaredTotal,
      objectives: u.objectives.map((o) => ({
        number: o.number,
        title: o.title,
        summaryWeight: o.summary?.weight ?? null,
        summaryPage: o.summary?.page ?? null,
        detailNumber: o.detail?.number ?? null,
        detailWeight: o.detail?.weight ?? null,
        detailTitle: o.detail?.title ?? null,
        detailPage: o.detail?.page ?? null,
        phases: o.detail?.phases.length ?? null,
      })),
    })),
  };
}

const findings = (p: Pick<PlanExport, "anomalies">) => p.anomalies.map((a) => `${a.code}:${a.unit}:${a.objective}:${a.page}`);

const CASES: ReadonlyArray<{ id: string; sameFindings: boolean }> = [
  { id: "borgoverde-2024", sameFindings: true },
  { id: "provincia-2026", sameFindings: true },
  // Its Gantt is marked by cell shading only: the text has no marks, so every phase reports PHASE_NO_MONTHS.
  { id: "valle-2023", sameFindings: false },
];

describe("pdftotext -layout conversions", () => {
  for (const { id, sameFindings } of CASES) {
    it(`${id}.layout.txt gives the objectives of ${id}.pdf`, async () => {
      const plan = await extractedPlan(path.join(fixturesDir, id, `${id}.layout.txt`));
      const expected = readJson(path.join(fixturesDir, id, `${id}.pdf.expected.json`)) as PlanExport;
      expect(plan.source.format).toBe("text");
      expect(plan.source.pageCount).toBe(expected.source.pageCount);
      expect(objectivesOf(plan)).toEqual(objectivesOf(expected));
      if (sameFindings) expect(findings(withoutReaderNotes(plan))).toEqual(findings(expected));
      expect(plan.anomalies.filter((a) => a.code === "LAYOUT_CONVERSION").map((a) => a.severity)).toEqual(["info"]);
    });
  }
});
