/**
 * The words of plans (src/normalize/vocabulary.ts): column roles of objective
 * tables, what a document calls itself, and the years its title names. Every
 * expectation comes from docs/families.md; each variant is written the way
 * bodies print it (capitals, accents, units in brackets, years after labels).
 */
import { describe, expect, it } from "vitest";
import { findKind, findPeriod, findYear } from "../../src/normalize/document-meta.js";
import { normalizePlan } from "../../src/normalize/normalize-plan.js";
import { summaryRoleOf } from "../../src/normalize/recognize-summary.js";
import { normalizeSettings } from "../../src/normalize/settings.js";
import { doc, line, table } from "./layout-builder.js";

describe("column roles of an objective table", () => {
  it.each([
    // A responsible-structure column: one table for every unit (PEG, PIAO).
    ["Struttura responsabile", "unit"],
    ["STRUTTURA RESPONSABILE", "unit"],
    // Health authorities name their structures U.O.C. / U.O.S. / Distretto.
    ["UOC responsabile", "unit"],
    ["U.O.C.", "unit"],
    ["Unità operativa complessa", "unit"],
    ["Distretto", "unit"],
    // A value with a year beside the target column is the starting value.
    ["Valore 2024", "baseline"],
    ["Storico", "baseline"],
    ["Valore atteso 2025", "target"],
    ["Settore competente", "unit"],
    ["Ufficio", "unit"],
    ["Struttura", "unit"],
    ["Centro di responsabilità", "unit"],
    ["CENTRO DI RESPONSABILITA'", "unit"],
    // Who answers for it.
    ["Responsabile", "manager"],
    ["Dirigente", "manager"],
    ["Dirigente responsabile", "manager"],
    // The objective's own wording is the title; the strategic level goes to the strategy.
    ["Obiettivo operativo", "title"],
    ["OBIETTIVO OPERATIVO", "title"],
    ["Obiettivo", "title"],
    ["Descrizione obiettivo", "title"],
    ["Obiettivo strategico", "strategic"],
    ["OBIETTIVI STRATEGICI", "strategic"],
    ["Linea strategica", "strategic"],
    ["Indirizzo strategico", "strategic"],
    ["Missione", "mission"],
    ["MISSIONE", "mission"],
    ["Programma", "programme"],
    ["Missione/Programma", "missionProgramme"],
    ["Missione / Programma", "missionProgramme"],
    ["Valore pubblico", "publicValue"],
    ["VALORE PUBBLICO", "publicValue"],
    // Indicators and their parts.
    ["Indicatore di risultato", "indicators"],
    ["Indicatori di risultato", "indicators"],
    ["Indicatore", "indicators"],
    ["Target 2026", "target"],
    ["Target", "target"],
    ["Valore atteso", "target"],
    ["Valore atteso 2026", "target"],
    ["Risultato atteso", "target"],
    ["Risultati attesi", "target"],
    ["Valore obiettivo", "target"],
    ["Formula", "formula"],
    ["Formula di calcolo", "formula"],
    ["Algoritmo di calcolo", "formula"],
    ["Modalità di calcolo", "formula"],
    ["Baseline", "baseline"],
    ["Baseline (2023)", "baseline"],
    ["Valore di partenza", "baseline"],
    ["Valore storico", "baseline"],
    // The objective's weight, however it is called.
    ["Peso %", "weight"],
    ["Peso (%)", "weight"],
    ["Peso obiettivo", "weight"],
    ["Grado di priorità", "weight"],
    ["Priorità", "weight"],
    ["Pesatura", "weight"],
    ["Punteggio", "weight"],
    // An indicator's weight and its unit of measure are nothing the export carries per objective.
    ["Peso indicatore", "other"],
    ["Peso dell'indicatore", "other"],
    ["Unità di misura", "other"],
    ["UNITA' DI MISURA", "other"],
  ])("%s → %s", (label, role) => {
    expect(summaryRoleOf(label)).toBe(role);
  });

  it("reads a PIAO table's columns into title, strategy, indicator parts and unit", () => {
    const plan = normalizePlan(
      doc([
        line("PIAO 2026-2028"),
        line("Sottosezione Performance"),
        table([
          ["Missione/Programma", "Obiettivo strategico", "Obiettivo operativo", "Struttura responsabile", "Indicatore", "Baseline (2024)", "Target 2026"],
          ["01/03", "Ente digitale", "Pagamenti tramite PagoPA", "Servizi finanziari", "Quota di incassi PagoPA", "40%", "≥ 70%"],
          ["12/07", "Comunità inclusiva", "Sportello sociale unico", "Servizi sociali", "Utenti presi in carico", "120", "150"],
        ]),
      ]),
      { file: "test.html" },
    );
    expect(plan.units.map((u) => u.name)).toEqual(["Servizi finanziari", "Servizi sociali"]);
    const [a] = plan.units[0]!.objectives;
    expect(a!.title).toBe("Pagamenti tramite PagoPA");
    expect(a!.strategy).toEqual({ mission: "01", programme: "03", strategicObjective: "Ente digitale", publicValue: null });
    expect(a!.summary!.indicators).toEqual([{ text: "Quota di incassi PagoPA", formula: null, baseline: "40%", target: "≥ 70%" }]);
  });

  it("splits a Missione/Programma value '12 – 07' and numbers a unit whose structure value starts with a number", () => {
    const plan = normalizePlan(
      doc([
        line("PIAO 2026-2028"),
        table([
          ["Missione e programma", "Obiettivo operativo", "Settore competente", "Indicatore"],
          ["12 – 07", "Sportello sociale unico", "3 – Servizi sociali", "Utenti presi in carico"],
        ]),
      ]),
      { file: "test.html" },
    );
    expect(plan.units[0]!.number).toBe(3);
    expect(plan.units[0]!.objectives[0]!.strategy).toEqual({ mission: "12", programme: "07", strategicObjective: null, publicValue: null });
  });
});

describe("what a document calls itself (PLAN_KINDS, findKind)", () => {
  it.each([
    [["PIAO 2026-2028"], "piao"],
    [["P.I.A.O. 2025-2027"], "piao"],
    [["Piano integrato di attività e organizzazione 2026-2028"], "piao"],
    [["PIANO INTEGRATO DI ATTIVITÀ E ORGANIZZAZIONE (PIAO) 2026 – 2028"], "piao"],
    [["PEG 2025"], "peg"],
    [["Piano esecutivo di gestione 2024-2026"], "peg"],
    [["PIANO ESECUTIVO DI GESTIONE – PARTE OBIETTIVI"], "peg"],
    [["PDO 2024"], "pdo"],
    [["Piano dettagliato degli obiettivi 2024"], "pdo"],
    [["Piano della performance 2024"], "piano-performance"],
    [["PIANO TRIENNALE DELLA PERFORMANCE 2024-2026"], "piano-performance"],
    [["PRO 2025"], "other"],
    [["Piano delle risorse e degli obiettivi 2025"], "other"],
    [["Obiettivi di gestione 2025"], "other"],
  ])("%j → %s", (lines, kind) => {
    expect(findKind(lines)).toBe(kind);
  });

  it("is null when no kind is named", () => {
    expect(findKind(["Comune di Borgo Felice", "Relazione annuale"])).toBeNull();
  });

  it("reads acronyms in capitals only: 'pro' in running text is a word, not the PRO", () => {
    // vocabulary.ts: "Acronyms are matched in capitals only ("pro" and "peg" are words too)".
    expect(findKind(["Il Sindaco pro tempore", "Contributi pro capite alle famiglie"])).toBeNull();
    expect(findKind(["Il Sindaco pro tempore", "PIAO 2026-2028"])).toBe("piao");
  });

  it("takes the first kind named: a PIAO's Performance section stays a PIAO", () => {
    expect(
      findKind(["COMUNE DI MONTEALTO", "PIANO INTEGRATO DI ATTIVITÀ E ORGANIZZAZIONE 2026-2028", "Sottosezione 2.2 – Performance", "Piano della performance"]),
    ).toBe("piao");
    expect(findKind(["Piano della performance 2024", "allegato al PEG 2024"])).toBe("piano-performance");
  });
});

describe("the years a title names (findPeriod)", () => {
  const { minYear, maxYear } = normalizeSettings({});
  const period = (lines: string[]) => findPeriod(lines, findYear(lines, minYear, maxYear), minYear, maxYear);

  it.each([
    [["PIAO 2026-2028"], { from: 2026, to: 2028 }],
    [["PIAO 2026/28"], { from: 2026, to: 2028 }],
    [["PIAO 2026 – 2028"], { from: 2026, to: 2028 }],
    [["Piano integrato di attività e organizzazione 2025-2027"], { from: 2025, to: 2027 }],
    [["Piano triennale della performance 2024-2026"], { from: 2024, to: 2026 }],
    [["Piano della performance 2024"], { from: 2024, to: 2024 }],
    [["PEG 2025"], { from: 2025, to: 2025 }],
  ])("%j → %j", (lines, want) => {
    expect(period(lines)).toEqual(want);
  });

  it("reads a title whose years stand on a line of their own", () => {
    expect(period(["PIANO INTEGRATO DI ATTIVITÀ E ORGANIZZAZIONE", "2025-2027"])).toEqual({ from: 2025, to: 2027 });
  });

  it("is null with no year", () => {
    expect(period(["Piano della performance"])).toBeNull();
  });

  it("gives the plan's kind, year and period in the export", () => {
    const plan = normalizePlan(
      doc([
        line("COMUNE DI VALDISOLE"),
        line("PIAO 2026-2028"),
        table([
          ["N.", "Obiettivo operativo", "Peso %", "Indicatore"],
          ["1", "Sportello digitale", "100", "Pratiche online"],
        ]),
      ]),
      { file: "test.html" },
    );
    expect([plan.kind, plan.year, plan.period]).toEqual(["piao", 2026, { from: 2026, to: 2028 }]);
  });
});
