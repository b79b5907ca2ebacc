import { describe, expect, it } from "vitest";
import { cleanPersonName, samePerson } from "../../src/normalize/person-name.js";
import { cleanUnitName, sameUnit } from "../../src/normalize/unit-name.js";
import { findOrganization, findYear, parseOrganization } from "../../src/normalize/document-meta.js";

describe("person names", () => {
  it.each([
    ["Dott. Terzi Marco", "Terzi Marco"],
    ["DOTT. TERZI MARCO", "Terzi Marco"],
    ["TERZI DOTT. MARCO", "Terzi Marco"],
    ["Chiara arch. Lanzoni", "Chiara Lanzoni"],
    ["Dott.ssa Maria Rossi", "Maria Rossi"],
    ["Ing. Paolo Bianchi", "Paolo Bianchi"],
    ["Geom. Luca Verdi", "Luca Verdi"],
    ["Avv. Anna Neri", "Anna Neri"],
    ["Rag. Carlo Blu", "Carlo Blu"],
    ["Prof. Ugo D'ANGELO", "Ugo D'ANGELO"],
    ["MARIA D'ANGELO", "Maria D'Angelo"],
  ])("%s → %s", (raw, want) => {
    expect(cleanPersonName(raw)).toBe(want);
  });
  it("compares names across word order and initials", () => {
    expect(samePerson("Badari M.Cecilia", "Maria Cecilia Badari")).toBe(true);
    expect(samePerson("Marco Terzi", "Terzi Marco")).toBe(true);
    expect(samePerson("Terzi Marco", "Maria Cecilia Badari")).toBe(false);
  });
});

describe("unit names", () => {
  it("puts capitals in sentence case and drops the Risorse part", () => {
    expect(cleanUnitName("SERVIZI ALLE IMPRESE E PROMOZIONE DEL TERRITORIO")).toBe("Servizi alle imprese e promozione del territorio");
    expect(cleanUnitName("PROGRAMMAZIONE E CONTROLLO. SERVIZI AMMINISTRATIVI")).toBe("Programmazione e controllo. Servizi amministrativi");
    expect(cleanUnitName("Programmazione e controllo: Risorse: Programmazione e controllo.")).toBe("Programmazione e controllo");
    expect(cleanUnitName("SPORTELLO SUAP E URP")).toBe("Sportello SUAP e URP");
  });
  it("compares unit names whatever their case and a leading type word", () => {
    expect(sameUnit("Servizio Uso e Assetto del Territorio", "Uso e assetto del territorio")).toBe(true);
    expect(sameUnit("Servizi Al Cittadino", "Servizi al cittadino")).toBe(true);
    expect(sameUnit("Programmazione e controllo", "Servizi al cittadino")).toBe(false);
  });
});

describe("organisation and year", () => {
  it("reads the body from headers and lines", () => {
    expect(parseOrganization("COMUNE DI LUZZARA")).toBe("Comune di Luzzara");
    expect(parseOrganization("Comune di Luzzara (RE)")).toBe("Comune di Luzzara");
    expect(parseOrganization("Unione dei Comuni della Bassa Romagna")).toBe("Unione dei Comuni della Bassa Romagna");
    expect(parseOrganization("Il Comune di X adotta")).toBeNull();
    expect(findOrganization(["Provincia di Reggio Emilia", "AZIENDA USL DI MODENA"])).toBe("Azienda Usl di Modena");
    expect(findOrganization(["UNIVERSITÀ DEGLI STUDI DI PADOVA"])).toBe("Università degli Studi di Padova");
  });
  it("reads the plan year next to plan words", () => {
    expect(findYear(["Approvato il 15/04/2023", "PIANO DETTAGLIATO DEGLI OBIETTIVI 2024"], 1990, 2100)).toBe(2024);
    expect(findYear(["PIAO 2025-2027"], 1990, 2100)).toBe(2025);
    expect(findYear(["nulla"], 1990, 2100)).toBeNull();
  });
});
