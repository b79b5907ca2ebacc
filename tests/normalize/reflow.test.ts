import { describe, expect, it } from "vitest";
import { reflowCell, reflowLines } from "../../src/normalize/reflow.js";
import { normalizeSettings } from "../../src/normalize/settings.js";
import type { Cell } from "../../src/extract/layout.js";

const settings = normalizeSettings({});
const cell = (text: string, width: number | null): Cell => ({
  row: 0, col: 0, rowSpan: 1, colSpan: 1, text, shaded: false, fill: null, marked: false, page: 1,
  bbox: width === null ? null : { x0: 0, x1: width, y0: 0, y1: 10 },
});

describe("reflow of PDF cell lines", () => {
  it("joins wrapped lines and keeps a line ended on purpose", () => {
    const lines = [
      "Come chiarito da ANAC il termine per l'approvazione del piano è fissato nel trentesimo",
      "giorno successivo al termine per l'approvazione del bilancio di previsione comunale.",
      "La corretta alimentazione della sezione del sito rappresenta un adempimento ormai",
      "imprescindibile per gli enti locali.",
    ];
    expect(reflowLines(lines, 90, settings)).toBe(
      "Come chiarito da ANAC il termine per l'approvazione del piano è fissato nel trentesimo giorno successivo al termine per l'approvazione del bilancio di previsione comunale.\nLa corretta alimentazione della sezione del sito rappresenta un adempimento ormai imprescindibile per gli enti locali.",
    );
  });
  it("breaks at bullets only in bulleted cells", () => {
    expect(reflowLines(["• Revisione schede", "del Sito Internet", "• Nuove procedure per il", "Sito del Comune"], 20, settings)).toBe(
      "• Revisione schede del Sito Internet\n• Nuove procedure per il Sito del Comune",
    );
  });
  it("rejoins words too wide for a narrow column, keeps compounds' hyphens", () => {
    expect(reflowLines(["Provveditorat", "o"], 12, settings)).toBe("Provveditorato");
    expect(reflowLines(["Reti e", "telecomunica", "zioni"], 11, settings)).toBe("Reti e telecomunicazioni");
    expect(reflowLines(["REDAZIONE DOCUMENTAZI", "ONE"], 22, settings)).toBe("REDAZIONE DOCUMENTAZIONE");
    expect(reflowLines(["Confronto con i Vice-", "segretari"], 20, settings)).toBe("Confronto con i Vice-segretari");
    expect(reflowLines(["Biennale 2024-", "2025"], 14, settings)).toBe("Biennale 2024-2025");
    expect(reflowLines(["REGIONALE A BENEFICIO", "DEL COMANDO"], 22, settings)).toBe("REGIONALE A BENEFICIO DEL COMANDO");
  });
  it("uses the cell's box for short cells broken on purpose, not for full ones", () => {
    expect(reflowCell(cell("C.L.\nC.L.", 57), settings)).toBe("C.L.\nC.L.");
    expect(reflowCell(cell("Garantire la completezza dei dati pubblicati nella sezione\nAmministrazione trasparente.", 300), settings)).toBe(
      "Garantire la completezza dei dati pubblicati nella sezione Amministrazione trasparente.",
    );
  });
});
