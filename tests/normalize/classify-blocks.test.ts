/**
 * Step 1 of recognition (src/normalize/classify-blocks.ts): the small named
 * rules that tell a unit heading, a responsible line, a summary heading, sheet
 * text and an objective table apart. Expectations follow docs/families.md
 * ("Units"): a numbered heading gives its number and the name after it, in
 * sentence case; an all-caps caption over a responsible line is a unit with no
 * number; the manager is the person without titles.
 */
import { describe, expect, it } from "vitest";
import { captionBeforeResponsible, classifyBlocks } from "../../src/normalize/classify-blocks.js";
import { numberedUnitHeading, responsiblePerson } from "../../src/normalize/unit-heading.js";
import { normalizePlan } from "../../src/normalize/normalize-plan.js";
import { normalizeSettings } from "../../src/normalize/settings.js";
import { doc, line, table } from "./layout-builder.js";

const MAX = 90;

describe("numberedUnitHeading", () => {
  it.each([
    ["1 - SERVIZI FINANZIARI", 1, "Servizi finanziari"],
    ["1 – SERVIZI FINANZIARI", 1, "Servizi finanziari"],
    ["3. SETTORE TECNICO", 3, "Settore tecnico"],
    ["SETTORE 2 – POLIZIA LOCALE", 2, "Polizia locale"],
    ["Settore 2 - Polizia locale", 2, "Polizia locale"],
    ["AREA III - Servizi tecnici", 3, "Servizi tecnici"],
    ["Area IV – SERVIZI DEMOGRAFICI", 4, "Servizi demografici"],
    ["Settore n. 4: Lavori pubblici", 4, "Lavori pubblici"],
    ["2° Settore – Lavori pubblici", 2, "Lavori pubblici"],
    ["2° SETTORE – AFFARI GENERALI", 2, "Affari generali"],
  ])("%s → %i %s", (text, number, name) => {
    expect(numberedUnitHeading(text, MAX)).toEqual({ number, name });
  });

  it.each([
    // Sections of a PIAO or a report, numbered like units.
    "2. SEZIONE VALORE PUBBLICO",
    "2. SEZIONE VALORE PUBBLICO, PERFORMANCE E ANTICORRUZIONE",
    "1. Premessa",
    "1. PREMESSA",
    "3. ANALISI DEL CONTESTO ESTERNO",
    "4. OBIETTIVI DI PERFORMANCE",
    // Numbered phases or items of a list, in lower case and with no unit word.
    "3 - predisposizione degli atti",
    "1 - Predisposizione del bando di gara",
    // A sentence, and a line too long for a heading.
    "2 - SI APPROVA IL REGOLAMENTO.",
    `1 - ${"SERVIZI FINANZIARI E TRIBUTI ".repeat(4)}`,
  ])("%s is no unit heading", (text) => {
    expect(numberedUnitHeading(text, MAX)).toBeNull();
  });
});

describe("responsiblePerson", () => {
  it.each([
    ["RESPONSABILE Dott. Mario Rossi", "Mario Rossi"],
    ["RESPONSABILE ARCH. CHIARA LANZONI", "Chiara Lanzoni"],
    ["Responsabile: Dott.ssa Anna Verdi", "Anna Verdi"],
    ["Dirigente: Ing. Paolo Bianchi", "Paolo Bianchi"],
    ["Resp. Servizio: Rag. Carlo Blu", "Carlo Blu"],
    ["Responsabile del settore – Arch. Chiara Lanzoni", "Chiara Lanzoni"],
    ["DIRETTORE Dott. Franco Moretti", "Franco Moretti"],
    ["Titolare di P.O.: Geom. Luca Gialli", "Luca Gialli"],
  ])("%s → %s", (text, person) => {
    expect(responsiblePerson(text)).toBe(person);
  });

  it.each([
    "Responsabile:",
    "Responsabile del procedimento amministrativo ai sensi della legge 241 del 1990 e successive modifiche",
    "Il responsabile dell'area ha descritto i risultati attesi",
    "Manutenzione delle strade comunali",
  ])("%s names no person", (text) => {
    expect(responsiblePerson(text)).toBeNull();
  });
});

describe("captionBeforeResponsible", () => {
  it("takes a caption in capitals over a responsible line without colon", () => {
    expect(captionBeforeResponsible("SERVIZI DEMOGRAFICI", line("RESPONSABILE Dott. Mario Rossi"), MAX)).toEqual({ number: null, name: "Servizi demografici" });
    expect(captionBeforeResponsible("POLIZIA LOCALE", line("RESPONSABILE Dott.ssa Rita Bo"), MAX)).toEqual({ number: null, name: "Polizia locale" });
  });

  it("takes a caption that starts with a unit word over 'Dirigente: …'", () => {
    expect(captionBeforeResponsible("Servizi sociali", line("Dirigente: Dott.ssa Anna Verdi"), MAX)).toEqual({ number: null, name: "Servizi sociali" });
  });

  it("needs a responsible line with a person next", () => {
    expect(captionBeforeResponsible("SERVIZI DEMOGRAFICI", line("Obiettivi dell'anno"), MAX)).toBeNull();
    expect(captionBeforeResponsible("SERVIZI DEMOGRAFICI", line("Responsabile:"), MAX)).toBeNull();
    expect(captionBeforeResponsible("SERVIZI DEMOGRAFICI", table([["a", "b"]]), MAX)).toBeNull();
    expect(captionBeforeResponsible("SERVIZI DEMOGRAFICI", undefined, MAX)).toBeNull();
  });

  it("is no caption when the line is running text, a summary title or a signature", () => {
    const next = line("RESPONSABILE Dott. Mario Rossi");
    expect(captionBeforeResponsible("Si riportano di seguito gli obiettivi assegnati", next, MAX)).toBeNull();
    expect(captionBeforeResponsible("SCHEDA SINTETICA OBIETTIVI", next, MAX)).toBeNull();
    expect(captionBeforeResponsible("IL SEGRETARIO COMUNALE", next, MAX)).toBeNull();
    expect(captionBeforeResponsible("SERVIZI DEMOGRAFICI, STATO CIVILE,", next, MAX)).toBeNull();
  });
});

describe("classifyBlocks", () => {
  it("gives each block its class, with the unit heading's number and name and the manager", () => {
    const layout = doc([
      line("COMUNE DI BORGO FELICE"),
      line("PIANO DELLA PERFORMANCE 2025"),
      line("1 - SERVIZI FINANZIARI"),
      line("RESPONSABILE Dott. Mario Rossi"),
      line("SCHEDA SINTETICA OBIETTIVI"),
      table([
        ["N.", "Peso", "Descrizione obiettivo", "Indicatori di risultato"],
        ["1", "100", "Riscossione dei tributi", "Incassi"],
      ]),
      line("POLIZIA LOCALE"),
      line("Dirigente: Dott.ssa Rita Bo"),
      line("Peso dell'obiettivo: 40%"),
      table([
        ["Fase", "Scadenza"],
        ["Gara", "31.12.2025"],
      ]),
      line("Il Sindaco"),
    ]);
    const out = classifyBlocks(layout, normalizeSettings({}));
    expect(out.map((c) => c.cls)).toEqual([
      "text",
      "text",
      "unit-heading",
      "responsible",
      "summary-heading",
      "objective-table",
      "unit-heading",
      "responsible",
      "sheet-text",
      "table",
      "text",
    ]);
    expect(out[2]!.unitHeading).toEqual({ number: 1, name: "Servizi finanziari" });
    expect(out[3]!.manager).toBe("Mario Rossi");
    expect(out[6]!.unitHeading).toEqual({ number: null, name: "Polizia locale" });
    expect(out[7]!.manager).toBe("Rita Bo");
    // Every class but plain text says why.
    for (const c of out) if (c.cls !== "text") expect(c.evidence.length).toBeGreaterThan(0);
  });

  it("reads a section heading of a PIAO as text, not a unit", () => {
    const out = classifyBlocks(doc([line("2. SEZIONE VALORE PUBBLICO"), line("1. Premessa"), line("3 - predisposizione degli atti")]), normalizeSettings({}));
    expect(out.map((c) => c.cls)).toEqual(["text", "text", "text"]);
  });
});

describe("numbered unit headings over an objective table, in the export", () => {
  it.each([
    ["1 - SERVIZI FINANZIARI", 1, "Servizi finanziari"],
    ["3. SETTORE TECNICO", 3, "Settore tecnico"],
    ["SETTORE 2 – POLIZIA LOCALE", 2, "Polizia locale"],
    ["AREA III - Servizi tecnici", 3, "Servizi tecnici"],
    ["2° Settore – Lavori pubblici", 2, "Lavori pubblici"],
  ])("%s → unit %i '%s'", (heading, number, name) => {
    const plan = normalizePlan(
      doc([
        line(heading),
        line("RESPONSABILE Dott. Mario Rossi"),
        table([
          ["N.", "Peso", "Descrizione obiettivo", "Indicatori"],
          ["1", "100", "Riscossione dei tributi", "Incassi"],
        ]),
      ]),
      { file: "test.html" },
    );
    expect(plan.units.map((u) => [u.number, u.name, u.manager])).toEqual([[number, name, "Mario Rossi"]]);
  });
});
