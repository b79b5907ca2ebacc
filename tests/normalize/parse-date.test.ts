/**
 * Phase deadlines and start dates as plans write them (docs/families.md,
 * "Phases"): an ISO date where the text names one, a month alone is its last
 * day, a missing year is the plan's, a period ("II semestre") is no date; a
 * range gives its first date as the start and its last as the deadline.
 */
import { describe, expect, it } from "vitest";
import { normalizePlan } from "../../src/normalize/normalize-plan.js";
import { datesIn, parseDeadline, parseStart } from "../../src/normalize/parse-date.js";
import { doc, line, table } from "./layout-builder.js";

describe("parseDeadline", () => {
  it.each([
    ["31.12.2026", "2026-12-31"],
    ["31/12/2026", "2026-12-31"],
    ["31-12-2026", "2026-12-31"],
    ["31/12/26", "2026-12-31"],
    ["30 giugno 2026", "2026-06-30"],
    ["30 GIUGNO 2026", "2026-06-30"],
    ["31 dic. 2026", "2026-12-31"],
    ["entro il 30 settembre 2026", "2026-09-30"],
    ["giugno 2026", "2026-06-30"],
    ["Febbraio 2028", "2028-02-29"],
    ["Tutto l'anno fino al 31.12.2026", "2026-12-31"],
    ["dal 01/03/2025 al 30/06/2025", "2025-06-30"],
  ])("%s → %s", (text, iso) => {
    expect(parseDeadline(text, 2026)).toBe(iso);
  });

  it.each([
    ["entro giugno", "2026-06-30"],
    ["Entro il mese di marzo", "2026-03-31"],
    ["entro il 31 dicembre", "2026-12-31"],
    ["31/12", "2026-12-31"],
    ["entro il 30.09", "2026-09-30"],
  ])("%s in a 2026 plan → %s (the plan's year)", (text, iso) => {
    expect(parseDeadline(text, 2026)).toBe(iso);
  });

  it.each(["II semestre", "I trimestre", "IV trimestre 2026", "Tutto l'anno", "in corso d'anno", "15/100", "peso 40%", ""])("%j names no date", (text) => {
    expect(parseDeadline(text, 2026)).toBeNull();
  });

  it("gives no date for a month or day with no year when the plan has none", () => {
    expect(parseDeadline("entro giugno", null)).toBeNull();
    expect(parseDeadline("31/12", null)).toBeNull();
    expect(parseDeadline(null, 2026)).toBeNull();
  });

  it("gives no date for a day the calendar has not", () => {
    expect(parseDeadline("30/02/2026", 2026)).toBeNull();
    expect(parseDeadline("31 aprile 2026", 2026)).toBeNull();
  });
});

describe("parseStart", () => {
  it("takes the first date of a range, the deadline its last", () => {
    expect(parseStart("dal 01/03/2025 al 30/06/2025", 2025)).toBe("2025-03-01");
    expect(parseDeadline("dal 01/03/2025 al 30/06/2025", 2025)).toBe("2025-06-30");
    expect(parseStart("1° marzo 2026", 2026)).toBe("2026-03-01");
    expect(parseStart("II semestre", 2026)).toBeNull();
  });

  it("lists every date in order", () => {
    expect(datesIn("dal 1/3 al 30 giugno, poi entro il 31.12.2026", 2026)).toEqual(["2026-03-01", "2026-06-30", "2026-12-31"]);
  });
});

describe("phase timing in the export", () => {
  it("reads a deadline column as written and dated, a period as undated", () => {
    const plan = normalizePlan(
      doc([
        line("PIAO 2026-2028"),
        line("Area: Servizi tecnici"),
        line("Responsabile: Ing. Paolo Rossi"),
        line("Obiettivo operativo 1: Manutenzione delle scuole"),
        line("Indicatore: Interventi eseguiti"),
        table([
          ["Fase", "Scadenza"],
          ["Progettazione", "entro giugno"],
          ["Gara", "Tutto l'anno fino al 31.12.2026"],
          ["Lavori", "II semestre"],
        ]),
      ]),
      { file: "test.html" },
    );
    const d = plan.units[0]!.objectives[0]!.detail!;
    expect(d.phases.map((p) => [p.description, p.deadlineText, p.deadline, p.start, p.months])).toEqual([
      ["Progettazione", "entro giugno", "2026-06-30", null, []],
      ["Gara", "Tutto l'anno fino al 31.12.2026", "2026-12-31", null, []],
      ["Lavori", "II semestre", null, null, []],
    ]);
  });
});
