import { describe, expect, it } from "vitest";
import { normalizePlan } from "../../src/normalize/normalize-plan.js";
import { parseWeight, parseWeightDetailed } from "../../src/normalize/parse-weight.js";
import { doc, line, table } from "./layout-builder.js";

const s = { fractionMax: 1 };

describe("parseWeight", () => {
  it.each([
    ["15", 15],
    ["15%", 15],
    ["15 %", 15],
    ["15/100", 15],
    ["15 / 100", 15],
    ["100/100", 100],
    ["12,5", 12.5],
    ["12.5%", 12.5],
    ["0,15", 15],
    ["punti 20", 20],
    ["20 punti", 20],
    ["Peso obiettivo: 30", 30],
    ["1,2", 1.2],
    ["5.", 5],
  ])("%s → %s", (raw, want) => {
    expect(parseWeight(raw, s)).toBe(want);
  });

  it.each([[""], ["   "], ["-"], [null], [undefined]])("blank %s → null, never 0", (raw) => {
    expect(parseWeight(raw, s)).toBeNull();
  });

  it("tells fractions and unreadable text apart", () => {
    expect(parseWeightDetailed("0,15", s).form).toBe("fraction");
    expect(parseWeightDetailed("alto", s)).toEqual({ value: null, form: "unreadable" });
    expect(parseWeightDetailed("0,5%", s)).toEqual({ value: 0.5, form: "percent" });
  });
});

// docs/families.md: weights out of 1000 are normalised to 0-100 ("150/1000", "200‰" → 15, 20); a
// "Grado di priorità" / "Priorità" / "Pesatura" / "Punteggio" value is the weight.
describe("parseWeight per mille and weight labels", () => {
  it.each([
    ["150/1000", 15],
    ["150 / 1000", 15],
    ["150/1.000", 15],
    ["150 su 1000", 15],
    ["200‰", 20],
    ["200 ‰", 20],
    ["125‰", 12.5],
    ["Grado di priorità 200/1000", 20],
    ["Grado di priorità: 200/1000", 20],
    ["punti 150/1000", 15],
    ["punti 15", 15],
    ["Punti: 15", 15],
    ["Pesatura 25", 25],
    ["Priorità: 30", 30],
    ["0,25", 25],
  ])("%s → %s", (raw, want) => {
    expect(parseWeight(raw, s)).toBe(want);
  });

  it("says a per-mille weight is one", () => {
    expect(parseWeightDetailed("150/1000", s)).toEqual({ value: 15, form: "perMille" });
    expect(parseWeightDetailed("200‰", s)).toEqual({ value: 20, form: "perMille" });
  });

  it("exports the weight normalised and the weight as written", () => {
    const plan = normalizePlan(
      doc([
        line("PEG 2026"),
        line("SINTESI OBIETTIVI"),
        line("SETTORE 1 – AFFARI GENERALI"),
        line("Dirigente: Dott. Ugo Neri"),
        table([
          ["N.", "Obiettivo", "Grado di priorità", "Indicatore"],
          ["1", "Protocollo digitale", "  400 /  1000 ", "Documenti protocollati"],
          ["2", "Revisione regolamenti", "600‰", "Regolamenti approvati"],
        ]),
      ]),
      { file: "test.html" },
    );
    expect(plan.units[0]!.objectives.map((o) => [o.summary!.weight, o.summary!.weightText])).toEqual([
      [40, "400 / 1000"],
      [60, "600‰"],
    ]);
    expect(plan.anomalies.map((a) => a.code)).not.toContain("WEIGHT_TOTAL");
  });
});
