/**
 * Layouts other than the comuni's "scheda obiettivo": key-value sheets (one
 * label | value row per field), "Obiettivi di gestione" summaries with a
 * Target column and "Totale 100%" in one cell, unit headings "SETTORE 2 –
 * NAME", "Resp. Servizio:" and ranks before names.
 */
import { describe, expect, it } from "vitest";
import { normalizePlan } from "../../src/normalize/normalize-plan.js";
import { cleanPersonName } from "../../src/normalize/person-name.js";
import { readUnitHeading } from "../../src/normalize/recognize-summary.js";
import { normalizeSettings } from "../../src/normalize/settings.js";
import { splitByLabels } from "../../src/normalize/sheet-labels.js";
import { cleanUnitName } from "../../src/normalize/unit-name.js";
import { doc, line, table } from "./layout-builder.js";

/** An indicator as schemaVersion 2 exports it. */
const ind = (text: string, target: string | null = null) => ({ text, formula: null, baseline: null, target });

const fields = (text: string) => splitByLabels(text).map((p) => [p.field, p.value.trim()]);

describe("labels of key-value sheets", () => {
  it.each([
    ["Obiettivo n.", "number"],
    ["Numero obiettivo", "number"],
    ["Titolo", "title"],
    ["Denominazione:", "title"],
    // schemaVersion 2: a target row is the target of the indicators, not one more indicator.
    ["Target", "target"],
    ["Valore atteso 2026", "target"],
    ["Dirigente responsabile", "manager"],
    ["Responsabile del servizio:", "manager"],
    ["Tipologia", "ignored"],
    ["Tipologia: strategico/operativo", "ignored"],
    // schemaVersion 2: Missione/Programma fills the objective's strategy (mission and programme).
    ["Missione/Programma", "mission"],
    ["Fasi e tempi", "ignored"],
  ])("%s → %s", (label, field) => {
    expect(fields(label)[0]?.[0]).toBe(field);
  });
  it("reads Resp. Servizio and Responsabile dell'Ufficio as the manager", () => {
    expect(fields("Resp. Servizio: Comandante Dott. Luigi Neri")).toEqual([["manager", "Comandante Dott. Luigi Neri"]]);
    expect(fields("Responsabile dell'Ufficio: Rag. Carlo Blu")).toEqual([["manager", "Rag. Carlo Blu"]]);
  });
  it("keeps a title word inside running text", () => {
    expect(fields("Titolo di studio richiesto")[0]?.[0]).toBeNull();
  });
});

describe("unit headings with a number, ranks before names", () => {
  it.each([
    ["SETTORE 2 – POLIZIA LOCALE", "Polizia locale"],
    ["Area III - Servizi demografici", "Servizi demografici"],
    ["Settore n. 4: Lavori pubblici", "Lavori pubblici"],
    ["Settore: 2 – Polizia locale", "Polizia locale"],
    ["2° SETTORE – AFFARI GENERALI", "Affari generali"],
    ["Settore: Servizi sociali", "Servizi sociali"],
    ["Servizi finanziari", "Servizi finanziari"],
    ["Area tecnica", "Area tecnica"],
  ])("%s → %s", (raw, want) => {
    expect(cleanUnitName(raw)).toBe(want);
  });
  it("drops a rank printed as a title", () => {
    expect(cleanPersonName("Comandante Dott. Luigi Neri")).toBe("Luigi Neri");
    expect(cleanPersonName("Vice Comandante Anna Sala")).toBe("Anna Sala");
  });
  it("reads the heading of an Obiettivi di gestione summary", () => {
    expect(
      readUnitHeading(
        ["Obiettivi di gestione", "SETTORE 2 – POLIZIA LOCALE", "Resp. Servizio: Comandante Dott. Luigi Neri", "Esercizio 2025"],
        normalizeSettings({}),
      ),
    ).toEqual({
      // schemaVersion 2: the unit's number as printed.
      number: 2,
      name: "Polizia locale",
      manager: "Luigi Neri",
    });
  });
});

describe("a plan with key-value sheets", () => {
  it("reads the summary's Target column and one-cell total, and each key-value sheet with its phases", () => {
    const kv = (rows: Array<[string, string]>) => table(rows);
    const plan = normalizePlan(
      doc([
        line("CITTÀ DI MONTEALTO"),
        line("PEG 2025"),
        line("Obiettivi di gestione"),
        line("Area III - Servizi demografici"),
        line("Dirigente: Dott.ssa Carla Bruni"),
        table([
          ["Obiettivo n.", "Titolo", "Peso %", "Indicatore", "Target"],
          ["1", "Anagrafe digitale", "0,6", "Certificati online", "Almeno 80%"],
          ["2", "Elettorale", "0,4", "Tessere consegnate", "100%"],
          [{ text: "Totale 100%", colSpan: 5 }],
        ]),
        line("Scheda obiettivo 2025"),
        kv([
          ["Area", "Servizi demografici"],
          ["Dirigente", "Dott.ssa Carla Bruni"],
          ["Obiettivo n.", "1"],
          ["Titolo", "Anagrafe digitale"],
          ["Peso (%)", "60"],
          ["Tipologia", "strategico"],
          ["Descrizione", "Certificati dal portale."],
          ["Indicatori", "Certificati online"],
          ["Valore atteso", "Almeno 80%"],
        ]),
        line("Fasi e tempi"),
        table([
          ["N.", "Fase", "Responsabile", "I trim.", "II trim.", "III trim.", "IV trim."],
          ["1", "Attivazione del portale", "Ufficio anagrafe", "", "X", "", ""],
        ]),
        line("Scheda obiettivo 2025"),
        kv([
          ["Area", "Servizi demografici"],
          ["Dirigente", "Dott.ssa Carla Bruni"],
          ["Obiettivo n.", "2"],
          ["Titolo", "Elettorale"],
          ["Peso (%)", "40"],
          ["Descrizione", "Tessere."],
          ["Indicatori", "Tessere consegnate"],
          ["Target", "100%"],
        ]),
        line("Fasi e tempi"),
        table([
          ["N.", "Fase", "Responsabile", ...Array.from({ length: 12 }, (_, i) => String(i + 1))],
          ["1", "Consegna", "Ufficio elettorale", "", "", "entro 31/03", "", "", "", "", "", "", "", "", ""],
        ]),
      ]),
      { file: "test.html" },
    );
    expect(plan.units).toHaveLength(1);
    const u = plan.units[0]!;
    expect(u).toMatchObject({ name: "Servizi demografici", manager: "Carla Bruni", declaredTotal: 100 });
    expect(
      u.objectives.map((o) => [o.number, o.summary?.weight, o.detail?.weight, o.detail?.title, o.detail?.indicators, o.detail?.phases.map((p) => p.months)]),
    ).toEqual([
      [1, 60, 60, "Anagrafe digitale", [ind("Certificati online", "Almeno 80%")], [["2025-04", "2025-05", "2025-06"]]],
      [2, 40, 40, "Elettorale", [ind("Tessere consegnate", "100%")], [["2025-03"]]],
    ]);
    expect(u.objectives[0]!.summary!.indicators).toEqual([ind("Certificati online", "Almeno 80%")]);
    expect(plan.anomalies).toEqual([]);
  });
});

describe("a key-value sheet of two pairs per row", () => {
  it("reads each label's value from the cell beside it", () => {
    const plan = normalizePlan(
      doc([
        line("COMUNE DI RIVALTA"),
        line("Scheda obiettivo 2025"),
        table([
          ["Settore", "Servizi sociali", "Dirigente responsabile", "Dott. Ugo Sala"],
          ["Obiettivo n.", "3", "Peso (%)", "20"],
          ["Titolo", { text: "Sportello unico per l'assistenza", colSpan: 3 }],
          ["Indicatori", { text: "Domande istruite entro 30 giorni", colSpan: 3 }],
        ]),
        line("Fasi e tempi"),
        table([
          ["N.", "Fase", "Responsabile", "I sem.", "II sem."],
          ["1", "Apertura dello sportello", "Ufficio servizi sociali", "", "X"],
        ]),
      ]),
      { file: "test.html" },
    );
    const d = plan.units[0]?.objectives[0]?.detail;
    expect(d).toMatchObject({
      number: 3,
      weight: 20,
      title: "Sportello unico per l'assistenza",
      unitName: "Servizi sociali",
      manager: "Ugo Sala",
      indicators: [ind("Domande istruite entro 30 giorni")],
    });
    expect(d?.phases.map((p) => p.months)).toEqual([["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"]]);
  });
});
