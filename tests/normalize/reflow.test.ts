import { describe, expect, it } from "vitest";
import { reflowCell, reflowLines } from "../../src/normalize/reflow.js";
import { normalizeSettings } from "../../src/normalize/settings.js";
import type { Cell } from "../../src/extract/layout.js";

const settings = normalizeSettings({});
const cell = (text: string, width: number | null): Cell => ({
  row: 0,
  col: 0,
  rowSpan: 1,
  colSpan: 1,
  text,
  shaded: false,
  fill: null,
  marked: false,
  page: 1,
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

describe("reflow on the real geometry of PDF cell lines", () => {
  type L = [text: string, x1: number, firstX1: number, endSpace: boolean | null];
  /** A cell from x=0 to `width` with 1.5 pt padding, its lines starting at 1.5. */
  const geoCell = (width: number, lines: L[]): Cell => ({
    ...cell(lines.map((l) => l[0]).join("\n"), width),
    lines: lines.map(([text, x1, firstX1, endSpace]) => ({ text, x0: 1.5, x1, firstX1, endSpace })),
  });

  it("where the producer draws a space at wraps: no space with room to spare ends a paragraph, a space is a wrap", () => {
    const c = geoCell(119.1, [
      ["Raccolta e verifica dati del", 106.57, 31.52, true],
      ["quadro conoscitivo", 76.51, 26.51, false],
      ["Controllo della delimitazione", 114.09, 36.44, true],
      ["di massima del Perimetro del", 117.56, 9.79, true],
      ["Territorio Urbanizzato", 87.98, 40.81, false],
      // "Predisposizione," would not have fitted either way: only the missing space tells.
      ["Predisposizione, insieme agli", 117.59, 65.55, true],
      ["Mappatura procedimenti", 98.6, 41.22, true],
      // Capitals measured as average letters look narrow enough to fit: the drawn space says wrap.
      ["URP e front-office dei Servizi", 116.94, 13.04, false],
      ["piano", 23.51, 23.51, null],
    ]);
    expect(reflowCell(c, settings, true)).toBe(
      "Raccolta e verifica dati del quadro conoscitivo\nControllo della delimitazione di massima del Perimetro del Territorio Urbanizzato\n" +
        "Predisposizione, insieme agli Mappatura procedimenti URP e front-office dei Servizi piano",
    );
  });

  it("a word broken at a full line (no room for a space) is rejoined, not taken for a paragraph end", () => {
    const c = geoCell(60, [
      ["SAL INTERMEDI", 55, 14, true],
      ["E/OCERTIFICA", 55, 55, false],
      ["TI DI REGOLARE", 55, 7, null],
    ]);
    expect(reflowCell(c, settings, true)).toBe("SAL INTERMEDI E/OCERTIFICATI DI REGOLARE");
  });

  it("where the producer draws no spaces, a line ended on purpose is one the next word would have fitted on", () => {
    const c = geoCell(200, [
      ["Le attività sono iniziate lo scorso giugno.", 150, 10, false],
      ["Obiettivi per il 2024 saranno il completamento della", 196, 40, false],
      ["Digitalizzazione delle pratiche.", 120, 70, false],
    ]);
    expect(reflowCell(c, settings, false)).toBe(
      "Le attività sono iniziate lo scorso giugno.\nObiettivi per il 2024 saranno il completamento della Digitalizzazione delle pratiche.",
    );
  });

  it("falls back to estimated widths when the lines do not match the text", () => {
    const c = {
      ...geoCell(300, [
        ["a", 5, 5, true],
        ["b", 5, 5, true],
      ]),
      text: "Garantire la completezza dei dati pubblicati nella sezione\nAmministrazione trasparente.",
    };
    expect(reflowCell(c, settings, true)).toBe("Garantire la completezza dei dati pubblicati nella sezione Amministrazione trasparente.");
  });
});

describe("reflow geometry and alignment", () => {
  it("leaves centred lines to the estimate (their room is not at the right edge)", () => {
    const c: Cell = {
      ...cell("Comune di Borgoverde\nArea Tecnica", 200),
      lines: [
        { text: "Comune di Borgoverde", x0: 60, x1: 140, firstX1: 95, endSpace: false },
        { text: "Area Tecnica", x0: 76, x1: 124, firstX1: 92, endSpace: null },
      ],
    };
    // By the estimate: a two-line cell well short of its box was broken on purpose.
    expect(reflowCell(c, settings, true)).toBe("Comune di Borgoverde\nArea Tecnica");
  });
});
