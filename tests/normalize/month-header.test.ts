import { describe, expect, it } from "vitest";
import { parseMonthToken, parsePeriodToken, parseYearToken, readMonthSequence, resolveLetterRun } from "../../src/normalize/month-header.js";

const month = (t: string) => {
  const r = parseMonthToken(t);
  return r.kind === "month" ? r.month : null;
};

describe("parseMonthToken", () => {
  it.each([
    ["Gen", 1],
    ["Genn.", 1],
    ["Gennaio", 1],
    ["GENNAIO", 1],
    ["Ge n", 1],
    ["Ge\nn", 1],
    ["Feb", 2],
    ["Febb.", 2],
    ["Fe b", 2],
    ["Mar", 3],
    ["M ar", 3],
    ["Marz.", 3],
    ["Apr", 4],
    ["Ap r", 4],
    ["Mag", 5],
    ["Magg.", 5],
    ["Mai", 5],
    ["M ag", 5],
    ["Giu", 6],
    ["Giun", 6],
    ["Giug.", 6],
    ["Gi u", 6],
    ["Giugno", 6],
    ["Lug", 7],
    ["Lugl.", 7],
    ["Lu g", 7],
    ["Ago", 8],
    ["Agosto", 8],
    ["Ag o", 8],
    ["Set", 9],
    ["Sett.", 9],
    ["Se t", 9],
    ["Ott", 10],
    ["Ot t", 10],
    ["Nov", 11],
    ["No v", 11],
    ["Dic", 12],
    ["DIC", 12],
    ["Dicembre", 12],
    ["1", 1],
    ["12", 12],
  ])("%j → %i", (t, m) => {
    expect(month(t)).toBe(m);
  });

  it("does not read words or out-of-range numbers as months", () => {
    expect(month("Generale")).toBeNull();
    expect(month("13")).toBeNull();
    expect(month("Descrizione")).toBeNull();
    expect(parseMonthToken("G")).toEqual({ kind: "letter", letter: "G" });
  });
});

describe("readMonthSequence", () => {
  it("reads single letters as the G F M A M G L A S O N D sequence", () => {
    expect(readMonthSequence("G F M A M G L A S O N D".split(" "))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
  it("resolves an ambiguous letter run from the month before it", () => {
    expect(readMonthSequence(["Mag", "G", "L", "A"])).toEqual([5, 6, 7, 8]);
    expect(resolveLetterRun(["G", "L"], null)).toBe(6);
    expect(resolveLetterRun(["M", "A"], null)).toBe(3);
  });
  it("mixes names, abbreviations and blanks", () => {
    expect(readMonthSequence(["", "Genn.", "Febb.", "MAR", "Apr", "Mai", "Giun"])).toEqual([null, 1, 2, 3, 4, 5, 6]);
    expect(readMonthSequence(["N.", "Descrizione fase", "Gen", "Feb", "Mar"]).slice(1)).toEqual([null, 1, 2, 3]);
    expect(readMonthSequence(["Descrizione fase", "Responsabile"])).toEqual([null, null]);
  });
  it("reads year headers", () => {
    expect(parseYearToken("2025")).toBe(2025);
    expect(parseYearToken("Anno 2024")).toBe(2024);
    expect(parseYearToken("Gen")).toBeNull();
  });
});

describe("quarters and semesters", () => {
  it("reads the months a period covers", () => {
    expect(parsePeriodToken("I trim.")).toEqual([1, 2, 3]);
    expect(parsePeriodToken("2° trimestre")).toEqual([4, 5, 6]);
    expect(parsePeriodToken("IV trim")).toEqual([10, 11, 12]);
    expect(parsePeriodToken("II sem")).toEqual([7, 8, 9, 10, 11, 12]);
    expect(parsePeriodToken("primo semestre")).toEqual([1, 2, 3, 4, 5, 6]);
    expect(parsePeriodToken("III sem")).toBeNull();
    expect(parsePeriodToken("Gen")).toBeNull();
  });
});
