import { describe, expect, it } from "vitest";
import { parseWeight, parseWeightDetailed } from "../../src/normalize/parse-weight.js";

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
