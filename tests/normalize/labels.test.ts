import { describe, expect, it } from "vitest";
import { splitByLabels } from "../../src/normalize/sheet-labels.js";
import { readUnitHeading, summaryRoleOf } from "../../src/normalize/recognize-summary.js";
import { normalizeSettings } from "../../src/normalize/settings.js";

const fields = (text: string) => splitByLabels(text).map((p) => [p.field, p.value.trim()]);

describe("sheet labels", () => {
  it("splits inline labels of an objective line, the intersectoral tag apart", () => {
    expect(
      fields("Nome obiettivo: PIAO 2024-2026: verifica OBIETTIVO INTERSETTORIALE Annuale/Plurienn.: annuale ; Anno di prev. 2024 conclusione: 2024"),
    ).toEqual([
      ["title", "PIAO 2024-2026: verifica"],
      ["intersectoral", ""],
      ["duration", "annuale ;"],
      ["endYear", "2024"],
    ]);
  });
  it("counts line labels only at a line start", () => {
    expect(fields("Il responsabile dell'area ha descritto i risultati attesi")).toEqual([[null, "Il responsabile dell'area ha descritto i risultati attesi"]]);
    expect(fields("Criticità:\n-")).toEqual([["criticalities", "-"]]);
    expect(fields("Indicatore annuale di ritardo dei pagamenti")).toEqual([[null, "Indicatore annuale di ritardo dei pagamenti"]]);
  });
  it("reads run-together header fields and split end-year labels", () => {
    expect(fields("del Territorio Responsabile: Arch.")).toEqual([
      [null, "del Territorio"],
      ["manager", "Arch."],
    ]);
    expect(fields("conclusione: 2025")).toEqual([["endYear", "2025"]]);
  });
});

describe("summary headings and columns", () => {
  it("reads unit and manager whatever the heading words", () => {
    expect(
      readUnitHeading(
        ["SCHEDA DI BUDGET – OBIETTIVI ASSEGNATI", "U.O.C. Bilancio e contabilità", "DIRETTORE Dott. Franco Moretti", "ANNO 2024"],
        normalizeSettings({}),
      ),
    ).toEqual({
      number: null,
      name: "U.O.C. Bilancio e contabilità",
      manager: "Franco Moretti",
    });
    expect(
      readUnitHeading(["SCHEMA OBIETTIVI 2024", "SERVIZIO USO E ASSETTO DEL", "TERRITORIO", "RESPONSABILE ARCH. CHIARA LANZONI"], normalizeSettings({})),
    ).toEqual({
      number: null,
      name: "Servizio uso e assetto del territorio",
      manager: "Chiara Lanzoni",
    });
  });
  it("names column roles from header labels", () => {
    expect(
      [
        "N. obiett.",
        "Peso obiettivo (opz.)",
        "Descrizione sintetica obiettivo",
        "30 giugno",
        "Indicatori di risultato",
        "Note",
        "Peso indicatore",
        "Obietti vo n.",
      ].map(summaryRoleOf),
    ).toEqual(["number", "weight", "title", "status", "indicators", "notes", "other", "number"]);
  });
});
