/**
 * Year over year on the fixture pair (Comune di Borgoverde 2024 → 2025): the
 * changes the fixture specs put between the two plans are found, and nothing else.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareYears } from "../../src/report/compare-years.js";
import { reportSettings } from "../../src/report/report-settings.js";
import { fixturesDir, loadExport } from "./helpers.js";

const before = loadExport(path.join(fixturesDir, "borgoverde-2024/borgoverde-2024.pdf.expected.json"));
const after = loadExport(path.join(fixturesDir, "borgoverde-2025/borgoverde-2025.pdf.expected.json"));
const changes = compareYears(after, before, reportSettings());

const summary = (unit: string) =>
  changes.units
    .find((u) => u.unit === unit || u.previousUnit === unit)!
    .changes.map((c) => ({
      status: c.status,
      number: c.number ?? c.previousNumber,
      flags: [
        c.renumbered && "renumbered",
        c.retitled && "retitled",
        c.reweighted && "reweighted",
        (c.indicatorsAdded.length || c.indicatorsRemoved.length) && "indicators",
      ].filter(Boolean),
    }));

describe("fixture pair Borgoverde 2024 → 2025", () => {
  it("is the same body one year apart", () => {
    expect([before.organization, before.year, after.organization, after.year]).toEqual(["Comune di Borgoverde", 2024, "Comune di Borgoverde", 2025]);
  });

  it("finds the reweighted objectives and the replaced objective 3 of Servizi finanziari", () => {
    expect(summary("Servizi finanziari e tributi")).toEqual([
      { status: "changed", number: 1, flags: ["reweighted", "indicators"] },
      { status: "changed", number: 2, flags: ["reweighted", "indicators"] },
      // Same number, another objective: pagoPA replaces the regulation review.
      { status: "added", number: 3, flags: [] },
      { status: "changed", number: 4, flags: ["reweighted"] },
      { status: "dropped", number: 3, flags: [] },
    ]);
    const u = changes.units[0]!;
    expect(u.changes[0]).toMatchObject({ previousWeight: 20, weight: 25 });
    expect(u.changes[2]!.title).toMatch(/pagoPA/);
    expect(u.changes[4]!.previousTitle).toMatch(/Revisione del regolamento/);
  });

  it("finds retitled objectives and indicator changes in Lavori pubblici", () => {
    expect(summary("Lavori pubblici e patrimonio")).toEqual([
      { status: "changed", number: 1, flags: ["retitled", "indicators"] },
      { status: "changed", number: 2, flags: ["indicators"] },
      { status: "changed", number: 4, flags: ["retitled", "reweighted", "indicators"] },
    ]);
    const lp = changes.units[1]!;
    expect(lp.unchanged).toBe(1);
    expect(lp.changes[1]).toMatchObject({
      indicatorsAdded: ["Sostituzione di ulteriori 300 punti luce con tecnologia LED", "Telecontrollo attivo su tutti i quadri elettrici"],
      indicatorsRemoved: ["Sostituzione di almeno 400 punti luce con tecnologia LED"],
    });
  });

  it("lists the new unit's objectives as added", () => {
    const demo = changes.units.find((u) => u.unit === "Servizi demografici e sociali")!;
    expect(demo.status).toBe("added");
    expect(demo.changes.map((c) => c.status)).toEqual(["added", "added", "added", "added"]);
    expect(changes.counts).toMatchObject({ added: 5, dropped: 1 });
  });
});
