import { describe, expect, it } from "vitest";
import { splitIndicators } from "../../src/normalize/indicators.js";

describe("splitIndicators", () => {
  it("splits dash runs inside one cell and drops the markers", () => {
    expect(splitIndicators("- N. 2 incontri con azienda - Report finale delle attività")).toEqual([
      "N. 2 incontri con azienda",
      "Report finale delle attività",
    ]);
    expect(splitIndicators("-2 incontri con l'azienda fornitrice -Report finale")).toEqual(["2 incontri con l'azienda fornitrice", "Report finale"]);
    expect(splitIndicators("- Indice ritardo pari a zero.- Sua pubblicazione trimestrale.- Certificazione entro il 28/02")).toEqual([
      "Indice ritardo pari a zero.",
      "Sua pubblicazione trimestrale.",
      "Certificazione entro il 28/02",
    ]);
  });
  it("splits '; -' runs whatever the case, keeps dashes used as punctuation", () => {
    expect(splitIndicators("- Revisione schede; - realizzazione di due procedure; - CIE DAY – giornate di apertura")).toEqual([
      "Revisione schede;",
      "realizzazione di due procedure;",
      "CIE DAY – giornate di apertura",
    ]);
  });
  it("keeps a hyphen followed by lower case inside the item", () => {
    expect(splitIndicators("- Gestione ricompense crowdfunding - idea Ginger (2023)")).toEqual(["Gestione ricompense crowdfunding - idea Ginger (2023)"]);
  });
  it("splits numbered items only where the numbering continues", () => {
    expect(splitIndicators("1. Formalizzazione del gruppo 2. Svolgimento di almeno 2 incontri")).toEqual([
      "Formalizzazione del gruppo",
      "Svolgimento di almeno 2 incontri",
    ]);
  });
  it("drops list numbers glued to the text when the lines count 1, 2, 3", () => {
    expect(splitIndicators("1.100% delle pratiche\n2.Tempo medio entro 60 giorni", { paragraphLines: true })).toEqual([
      "100% delle pratiche",
      "Tempo medio entro 60 giorni",
    ]);
    expect(splitIndicators("1.5 milioni di euro investiti", { paragraphLines: true })).toEqual(["1.5 milioni di euro investiti"]);
  });
  it("splits bullets and <li> lines", () => {
    expect(splitIndicators("• Primo indicatore\n• Secondo indicatore")).toEqual(["Primo indicatore", "Secondo indicatore"]);
    expect(splitIndicators("<ul><li>Uno</li><li>Due</li></ul>")).toEqual(["Uno", "Due"]);
    expect(splitIndicators("Primo • Secondo")).toEqual(["Primo", "Secondo"]);
  });
  it("joins wrapped visual lines but not paragraphs", () => {
    expect(splitIndicators("Rispetto della tempistica prevista per le\nsingole fasi\nAlmeno una verifica")).toEqual([
      "Rispetto della tempistica prevista per le singole fasi",
      "Almeno una verifica",
    ]);
    expect(splitIndicators("Revisione schede\nrealizzazione di due procedure", { paragraphLines: true })).toEqual([
      "Revisione schede",
      "realizzazione di due procedure",
    ]);
  });
  it("gives nothing for blanks and lone markers", () => {
    expect(splitIndicators("")).toEqual([]);
    expect(splitIndicators("-")).toEqual([]);
    expect(splitIndicators("•")).toEqual([]);
  });
});
