/**
 * The advisory checks (src/report/advisory-rules.ts), rule by rule on plans
 * built in code: each rule's positive and negative cases, the page it points
 * to, and that they stay out of the contract's findings and counts.
 */
import { describe, expect, it } from "vitest";
import { advisoryFindings } from "../../src/report/advisory-rules.js";
import { buildPlanReport, buildReport } from "../../src/report/build-report.js";
import { failLevelReached } from "../../src/report/fail-level.js";
import { reportSettings, type ReportSettings } from "../../src/report/report-settings.js";
import type { Objective, PlanExport } from "../../src/normalize/plan-schema.js";
import { everyCodePlan, ind, objective, phase, plan, unit } from "./constructed-plans.js";

const settings = reportSettings();

function run(p: PlanExport, s: ReportSettings = settings) {
  return advisoryFindings(
    p,
    s,
    p.units.map(() => 1),
  );
}

/** One unit "U" holding the given objectives, in a 2024 plan of a comune. */
function onePlan(objectives: Objective[], organization = "Comune di Prova"): PlanExport {
  return plan(organization, 2024, [unit("U", "Rossi Mario", objectives)], []);
}

const codes = (p: PlanExport, s?: ReportSettings) => run(p, s).map((f) => f.code);

describe("R4 indicator_qualitative", () => {
  const withIndicators = (indicators: string[], sheet: Parameters<typeof objective>[0]["sheet"] = { page: 7 }) =>
    onePlan([objective({ number: 3, title: "Obiettivo", weight: 100, page: 2, indicators, sheet })]);

  it.each([
    ["Rispetto della tempistica prevista per le singole fasi"],
    ["Relazione finale al Sindaco"],
    ["Partecipazione agli incontri del tavolo"],
    ["Informativa periodica alla Giunta comunale"],
  ])("flags an indicator with no measurable target: %s", (indicator) => {
    const [f, ...rest] = run(withIndicators([indicator]));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code: "indicator_qualitative", severity: "warning", unit: "U", objective: 3, page: 7 });
    expect(f!.message).toContain(`'${indicator}'`);
    expect(f!.message).toMatch(/^U, obiettivo 3: l'indicatore .* non ha un target misurabile/);
  });

  it.each([
    ["Almeno 2 incontri"],
    ["Dipendenti coinvolti ≥ 80%"],
    ["Approvazione entro il 30/06"],
    ["Approvazione del regolamento entro giugno"],
    ["Adozione del piano: sì/no"],
    ["Piano approvato"],
    ["Prova di ripristino eseguita"],
    ["Piano di protezione civile aggiornato"],
    ["Schede aggiornate per tutti gli immobili"],
    ["Nessun atto cartaceo dopo il subentro"],
    ["Pubblicazione con cadenza trimestrale"],
    ["Riduzione del tempo di attesa del dieci per cento"],
    ["Tempo medio di risposta: 30 giorni"],
  ])("accepts a measurable indicator: %s", (indicator) => {
    expect(codes(withIndicators([indicator]))).toEqual([]);
  });

  it("takes a short measurable item after an indicator as its target (the Target column, exported as one more item)", () => {
    expect(codes(withIndicators(["Ponti ispezionati sul totale", "100%"]))).toEqual([]);
    expect(codes(withIndicators(["Consumi termici ridotti", "Meno 15% sul 2025"]))).toEqual([]);
    // A longer item after it is an indicator of its own, not a target.
    const [f] = run(withIndicators(["Relazione finale", "Almeno 3 incontri di verifica con la Giunta comunale"]));
    expect(f!.message).toContain("'Relazione finale'");
    // The target follows the indicator it measures, not the other way round.
    expect(codes(withIndicators(["100%", "Ponti ispezionati sul totale"]))).toEqual(["indicator_qualitative"]);
  });

  it("lists only the qualitative indicators, summary and sheet once each", () => {
    const p = onePlan([
      {
        ...objective({ number: 1, title: "T", weight: 100, indicators: ["Relazione finale", "Almeno 3 incontri nell'anno con la Giunta comunale"] }),
      },
    ]);
    const [f] = run(p);
    expect(f!.message).toContain("'Relazione finale'");
    expect(f!.message).not.toContain("Almeno");
    expect(f!.message.match(/Relazione finale/g)).toHaveLength(1);
  });

  it("points to the summary page when there is no sheet; an objective without indicators is NO_INDICATORS' business", () => {
    expect(run(withIndicators(["Relazione"], false))[0]).toMatchObject({ page: 2 });
    expect(codes(withIndicators([]))).toEqual([]);
  });

  describe("indicators with their parts apart (export version 2)", () => {
    const withParts = (indicators: ReturnType<typeof ind>[]) =>
      onePlan([objective({ number: 3, title: "Obiettivo", weight: 100, page: 2, indicators, sheet: { page: 7 } })]);

    it("takes a measurable target column as the indicator's target", () => {
      expect(codes(withParts([ind("Ponti ispezionati sul totale", { target: "100%" })]))).toEqual([]);
      expect(codes(withParts([ind("Relazione alla Giunta", { target: "entro il 30/06/2026" })]))).toEqual([]);
      // A target with no wording is measurable on its own.
      expect(codes(withParts([ind("", { target: "180 presidi" })]))).toEqual([]);
    });

    it("names a qualitative target with its indicator; a baseline's numbers measure nothing", () => {
      const [f] = run(withParts([ind("Sito internet", { baseline: "2023: 12 pagine", target: "Rinnovato nella grafica" })]));
      expect(f!.message).toContain("'Sito internet — baseline: 2023: 12 pagine — target: Rinnovato nella grafica'");
      expect(codes(withParts([ind("Sito internet", { baseline: "2023: 12 pagine" })]))).toEqual(["indicator_qualitative"]);
      // A formula says how, not how much.
      expect(codes(withParts([ind("Tasso di copertura", { formula: "pratiche evase / pratiche ricevute × 100" })]))).toEqual(["indicator_qualitative"]);
    });

    it("does not take the next indicator as the target of one that has its own", () => {
      const [f] = run(withParts([ind("Relazione finale", { target: "Consegnata" }), ind("100%")]));
      expect(f!.message).toContain("'Relazione finale — target: Consegnata'");
    });
  });

  it("takes its word list from the settings", () => {
    const s = reportSettings({ measurablePatterns: [...settings.measurablePatterns, "\\brelazione\\b"] });
    expect(codes(withIndicators(["Relazione finale"]), s)).toEqual([]);
  });
});

describe("R6 phase_out_of_year", () => {
  const sheetPlan = (sheet: Parameters<typeof objective>[0]["sheet"], year: number | null = 2024) =>
    plan("Comune di Prova", year, [unit("U", "M", [objective({ number: 2, title: "T", weight: 100, page: 3, indicators: ["Almeno 2 incontri"], sheet })])], []);

  it("flags an annual objective's phases outside the plan year, naming phase and months", () => {
    const fs = run(sheetPlan({ page: 5, phases: [phase(1, "A", ["2024-11", "2024-12"]), phase(2, "B", ["2024-12", "2025-01", "2025-02"])] }));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ code: "phase_out_of_year", severity: "warning", unit: "U", objective: 2, page: 5 });
    expect(fs[0]!.message).toContain("fuori dal 2024 (fase 2: 2025-01, 2025-02)");
  });

  it("counts a blank duration and a blank conclusion year as annual", () => {
    expect(codes(sheetPlan({ duration: null, endYear: null, phases: [phase(null, "A", ["2023-12", "2024-01"])] }))).toEqual(["phase_out_of_year"]);
  });

  it("leaves pluriennial objectives, objectives ending later, and phases inside the year alone", () => {
    expect(codes(sheetPlan({ duration: "pluriennale", endYear: 2025, phases: [phase(1, "A", ["2025-03"])] }))).toEqual([]);
    expect(codes(sheetPlan({ duration: "annuale", endYear: 2025, phases: [phase(1, "A", ["2025-03"])] }))).toEqual([]);
    expect(codes(sheetPlan({ phases: [phase(1, "A", ["2024-01", "2024-12"])] }))).toEqual([]);
    expect(codes(sheetPlan({ phases: [phase(1, "A", ["2025-01"])] }, null))).toEqual([]);
    expect(codes(sheetPlan(false))).toEqual([]);
  });

  it("flags a conclusion year before the plan year where the export has no period to check it against", () => {
    const v1 = { ...sheetPlan({ duration: "pluriennale", endYear: 2023, phases: [] }), period: null };
    const fs = run(v1);
    expect(fs.map((f) => f.code)).toEqual(["phase_out_of_year"]);
    expect(fs[0]!.message).toContain("l'anno di prevista conclusione (2023) precede l'anno del piano (2024)");
    // With a period, the export reports it (DEADLINE_OUT_OF_PERIOD): not twice.
    expect(codes(sheetPlan({ duration: "pluriennale", endYear: 2023, phases: [] }))).toEqual([]);
  });

  describe("with dates and a multi-year period (export version 2)", () => {
    const piao = (sheet: Parameters<typeof objective>[0]["sheet"]) => ({
      ...sheetPlan({ page: 7, ...(sheet || {}) }, 2026),
      period: { from: 2026, to: 2028 },
    });

    it("flags an annual objective's deadline in another year of the period, as an Italian date", () => {
      const fs = run(
        piao({
          duration: "annuale",
          endYear: 2026,
          phases: [phase(1, "A", [], null, { deadline: "2026-06-30" }), phase(2, "B", [], null, { deadline: "2027-03-31" })],
        }),
      );
      expect(fs).toHaveLength(1);
      expect(fs[0]!.message).toContain("fuori dal 2026 (fase 2: scadenza 31/03/2027)");
    });

    it("leaves a deadline outside the period to the export, and an undeclared duration alone in a plan of several years", () => {
      expect(codes(piao({ duration: "annuale", endYear: 2026, phases: [phase(1, "A", [], null, { deadline: "2029-01-31" })] }))).toEqual([]);
      expect(codes(piao({ duration: null, endYear: null, phases: [phase(1, "A", ["2027-02"], null, { deadline: "2027-03-31" })] }))).toEqual([]);
      expect(codes(piao({ duration: "triennale", endYear: 2028, phases: [phase(1, "A", [], null, { deadline: "2027-03-31" })] }))).toEqual([]);
    });
  });
});

describe("R8 payment_times_missing and R9 payment_times_indicator", () => {
  const payment = (indicators: string[], number = 1) =>
    objective({ number, title: "Tempi di pagamento delle fatture commerciali", weight: 30, page: 4, indicators, sheet: { page: 6 } });
  const other = (number = 1) => objective({ number, title: "Manutenzione strade", weight: 100, page: 8, indicators: ["km asfaltati ≥ 5"] });

  it("R8: an info for each unit with objectives but no payment-times objective, when some unit has one", () => {
    const p = plan(
      "Comune di Prova",
      2024,
      [unit("Ragioneria", "A", [payment(["Indicatore di ritardo annuale ≤ 0"]), other(2)]), unit("Tecnico", "B", [other()]), unit("Vuota", null, [])],
      [],
    );
    const fs = advisoryFindings(p, settings, [2, 8, null]);
    expect(fs).toEqual([expect.objectContaining({ code: "payment_times_missing", severity: "info", unit: "Tecnico", objective: null, page: 8 })]);
    expect(fs[0]!.message).toContain("che invece ha l'unità 'Ragioneria'");
  });

  it("R8: nothing when no unit has a payment-times objective, or every unit has one", () => {
    expect(codes(plan("X", 2024, [unit("A", null, [other()]), unit("B", null, [other()])], []))).toEqual([]);
    const ok = ["Tempo medio di pagamento ≤ 30 giorni"];
    expect(codes(plan("X", 2024, [unit("A", null, [payment(ok)]), unit("B", null, [payment(ok)])], []))).toEqual([]);
  });

  it.each([
    ["Indicatore di ritardo annuale ≤ 0"],
    ["Indice ritardo pagamenti inferiore o uguale a zero"],
    ["Indicatore di tempestività dei pagamenti ≤ 0"],
    ["Tempo medio di pagamento ≤ 30 giorni"],
    ["Pagamento delle fatture entro 30 gg dal ricevimento"],
  ])("R9: accepts %s", (indicator) => {
    expect(codes(onePlan([payment([indicator])]))).toEqual([]);
  });

  it("R9: flags indicators naming neither the delay index nor the average time", () => {
    const fs = run(onePlan([payment(["Pubblicazione trimestrale dei dati sui pagamenti"])]));
    expect(fs).toEqual([expect.objectContaining({ code: "payment_times_indicator", severity: "warning", unit: "U", objective: 1, page: 6 })]);
    expect(fs[0]!.message).toContain("≤ 30 giorni");
  });

  it("R9: flags an average time over 30 days, over 60 for an SSN body", () => {
    expect(codes(onePlan([payment(["Tempo medio di pagamento ≤ 45 giorni"])]))).toEqual(["payment_times_indicator"]);
    expect(codes(onePlan([payment(["Tempo medio di pagamento ≤ 45 giorni"])], "ASL di Prova"))).toEqual([]);
    expect(codes(onePlan([payment(["Tempo medio di pagamento ≤ 75 giorni"])], "Azienda sanitaria locale di Prova"))).toEqual(["payment_times_indicator"]);
    expect(run(onePlan([payment(["Tempo medio di pagamento ≤ 75 giorni"])], "ASL di Prova"))[0]!.message).toContain("60 giorni");
  });

  it("R9: reads the target column, not the baseline's days", () => {
    const split = (i: ReturnType<typeof ind>) =>
      onePlan([objective({ number: 1, title: "Tempi di pagamento delle fatture commerciali", weight: 30, page: 4, indicators: [i], sheet: { page: 6 } })]);
    expect(codes(split(ind("Tempo medio di pagamento", { baseline: "2023: 45 giorni", target: "≤ 30 giorni" })))).toEqual([]);
    expect(codes(split(ind("Tempo medio di pagamento", { target: "≤ 45 giorni" })))).toEqual(["payment_times_indicator"]);
    expect(codes(split(ind("Pagamenti puntuali", { target: "Indicatore di ritardo ≤ 0" })))).toEqual([]);
  });

  it("R9: no indicators at all is NO_INDICATORS, not this; objectives on other subjects are not checked", () => {
    expect(codes(onePlan([payment([])]))).toEqual([]);
    expect(codes(onePlan([objective({ number: 1, title: "Sportello", weight: 100, indicators: ["Tempo medio di risposta 90 giorni"] })]))).toEqual([]);
  });
});

describe("R17 indicator_weight_total", () => {
  const weighted = (indicators: string[]) => onePlan([objective({ number: 4, title: "T", weight: 100, page: 2, indicators, sheet: { page: 9 } })]);

  it("accepts weighted indicators adding up to 100, and indicators without weights", () => {
    expect(codes(weighted(["Almeno 2 incontri (peso 40%)", "Regolamento approvato (peso 60%)"]))).toEqual([]);
    expect(codes(weighted(["Almeno 2 incontri (peso: 12,5)", "Regolamento approvato (peso 87,5 %)"]))).toEqual([]);
    expect(codes(weighted(["Almeno 2 incontri", "Regolamento approvato"]))).toEqual([]);
  });

  it("flags weights adding up to another total", () => {
    const fs = run(weighted(["Almeno 2 incontri (peso 40%)", "Regolamento approvato (peso 50%)"]));
    expect(fs).toEqual([expect.objectContaining({ code: "indicator_weight_total", severity: "warning", unit: "U", objective: 4, page: 9 })]);
    expect(fs[0]!.message).toContain("sommano a 90 anziché a 100");
  });

  it("flags weighted indicators beside unweighted ones", () => {
    const fs = run(weighted(["Almeno 2 incontri (peso 40%)", "Regolamento approvato"]));
    expect(fs.map((f) => f.code)).toEqual(["indicator_weight_total"]);
    expect(fs[0]!.message).toContain("(1 indicatore è senza peso)");
  });
});

describe("advisory findings in the report", () => {
  const source = everyCodePlan();

  it("stay apart from the contract's findings and counts", () => {
    const r = buildPlanReport({ plan: source }, settings);
    expect(r.advisory.map((f) => f.code)).toEqual([
      "phase_out_of_year",
      "payment_times_missing",
      "payment_times_missing",
      "indicator_qualitative",
      "payment_times_missing",
    ]);
    expect(r.counts.findings).toEqual({ error: 6, warning: 10, info: 3 });
    expect(r.counts.advisory).toEqual({ error: 0, warning: 2, info: 3 });
    const placed = [...r.findings, ...r.units.flatMap((u) => [...u.findings, ...u.objectives.flatMap((o) => o.findings)])];
    expect(placed.map((f) => f.code)).not.toContain("phase_out_of_year");
  });

  it("are left out with settings.advisory false", () => {
    const r = buildReport([{ plan: source }], reportSettings({ advisory: false }));
    expect(r.settings.advisory).toBe(false);
    expect(r.plans[0]!.advisory).toEqual([]);
    expect(r.totals.advisory).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it("count for --fail-on only with --fail-on-advisory", () => {
    const clean = onePlan([objective({ number: 1, title: "T", weight: 100, indicators: ["Relazione"] })]);
    const r = buildReport([{ plan: clean }], settings);
    expect(r.totals.findings).toEqual({ error: 0, warning: 0, info: 0 });
    expect(r.totals.advisory.warning).toBe(1);
    expect(failLevelReached(r, "warning")).toBe(false);
    expect(failLevelReached(r, "warning", { advisory: true })).toBe(true);
    expect(failLevelReached(r, "error", { advisory: true })).toBe(false);
  });
});
