/**
 * Layout-preserving conversions (`pdftotext -layout`): style detection, pages
 * numbered by form feeds, tables rebuilt from space-aligned columns, and the
 * conversions of fixture PDFs made by scripts/make-layout-text.mjs, whose
 * summary tables must come out as the PDF reader reads them from the PDFs.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readText } from "../../../src/extract/text/read-text.js";
import { textStyle } from "../../../src/extract/text/text-style.js";
import { splitLayoutPages } from "../../../src/extract/text/layout-pages.js";
import { readOnce } from "../../read-once.js";
import { readerSettings } from "../../../src/extract/settings.js";
import { LayoutDocument, type Table, type TextLine } from "../../../src/extract/layout.js";
import { DocumentError } from "../../../src/shared/errors.js";
import { allTables, expectTablesGolden, repoRoot, samplesDir, textGrid } from "../common/golden.js";

const opts = readerSettings();
const read = (text: string) => readText(text, "test.txt", opts);

/** A line with each cell starting at its character position: [position, text]… */
const at = (...cells: [number, string][]): string => {
  let line = "";
  for (const [x, text] of cells) line = line.padEnd(x) + text;
  return line;
};

const lines = (doc: LayoutDocument, page: number) => doc.pages[page]!.blocks.filter((b): b is TextLine => b.kind === "line").map((l) => l.text);

describe("layout conversions: style and pages", () => {
  it("tells space-aligned conversions from tab-separated ones", () => {
    const aligned = [at([0, "N."], [6, "Fase"], [30, "Responsabile"]), at([0, "1"], [6, "Avvio"], [30, "Ufficio"])].join("\n");
    expect(textStyle(aligned, opts.text)).toBe("layout");
    expect(textStyle("N.\tFase\n1\tAvvio\n", opts.text)).toBe("tabs");
    expect(textStyle("| N. | Fase |\n|---|---|\n| 1 | Avvio  lavori |", opts.text)).toBe("tabs");
    // Form feeds and no tab-separated line: a layout conversion even without aligned columns.
    expect(textStyle("Testo\f", opts.text)).toBe("layout");
    expect(textStyle("Testo\t1\fAltro", opts.text)).toBe("tabs");
    expect(textStyle("Un paragrafo di testo semplice.\nSenza colonne.", opts.text)).toBe("tabs");
  });

  it("numbers pages by form feeds, blank pages included, and drops page numbers that run with the pages", () => {
    const pages = splitLayoutPages("Uno\n\n      1\fDue\n  - 2 -\f\fQuattro\n\n   4\n\f", opts.text);
    expect(pages.map((p) => p.filter((l) => l.trim() !== ""))).toEqual([["Uno"], ["Due"], [], ["Quattro"]]);
    // A lone number ending one page of several is content, not a page number.
    const once = splitLayoutPages("Totale\n100\fAltro\fFine", opts.text);
    expect(once[0]).toEqual(["Totale", "100"]);
  });

  it("refuses a conversion with nothing but page numbers and running headers as empty", () => {
    for (const text of ["\n   1\n\f\n   2\n\f", "ENTE DI PROVA\n\n1\fENTE DI PROVA\n\n2\f"]) {
      let kind = "";
      try {
        read(text);
      } catch (e) {
        kind = e instanceof DocumentError ? e.kind : "crash";
      }
      expect(kind).toBe("empty");
    }
  });
});

describe("layout conversions: tables", () => {
  const header = at([2, "N."], [7, "Peso"], [14, "Descrizione obiettivo"], [44, "Indicatori"]);
  const text = [
    at([25, "COMUNE DI PROVA"]),
    "Responsabile: Mario Rossi",
    "",
    header,
    at([2, "1"], [7, "40%"], [14, "Primo obiettivo con un"], [44, "• Almeno 10 pratiche"]),
    at([14, "titolo lungo"], [44, "• Report finale"]),
    at([2, "2"], [7, "50%"], [14, "Secondo obiettivo"], [44, "• Tempo medio ridotto"]),
    at([46, "del 20%"]),
    "",
    at([35, "1"]),
    "\f" + at([25, "COMUNE DI PROVA"]),
    header,
    at([14, "seguito del titolo"], [44, "• Verifica annuale"]),
    at([2, "3"], [7, "10%"], [14, "Terzo obiettivo"], [44, "• Uno"]),
    at([0, "TOTALE"], [7, "100"]),
    "",
    "Testo finale della pagina.",
    at([35, "2"]),
    "\f\f",
  ].join("\n");
  const doc = read(text);

  it("numbers the pages as the PDF's and sets the running header apart", () => {
    expect(LayoutDocument.safeParse(doc).success).toBe(true);
    expect(doc.format).toBe("text");
    expect(doc.pageCount).toBe(3);
    expect(doc.pages.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(doc.pages.map((p) => p.header)).toEqual([["COMUNE DI PROVA"], ["COMUNE DI PROVA"], []]);
    expect(doc.pages[2]!.blocks).toEqual([]);
  });

  it("keeps a label and its value alone on a line, and prose, as text lines", () => {
    expect(lines(doc, 0)).toEqual(["Responsabile: Mario Rossi"]);
    expect(lines(doc, 1)).toEqual(["Testo finale della pagina."]);
    // Set apart by a wide gap, a lone label | value line is still no table.
    const lone = read(["Scheda obiettivo", at([0, "Responsabile:"], [20, "Mario Rossi"]), "Un paragrafo che segue."].join("\n"));
    expect(allTables(lone)).toEqual([]);
    expect(lines(lone, 0)).toEqual(["Scheda obiettivo", "Responsabile: Mario Rossi", "Un paragrafo che segue."]);
  });

  it("rebuilds the table: numbered rows, wrapped lines joined with \\n, continued across the page break", () => {
    const tables = allTables(doc);
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t).toMatchObject({ id: "p1-t1", method: "text", page: 1, pages: [1, 2], rows: 5, cols: 4, rowPages: [1, 1, 1, 2, 2] });
    expect(textGrid(t)).toEqual([
      ["N.", "Peso", "Descrizione obiettivo", "Indicatori"],
      ["1", "40%", "Primo obiettivo con un\ntitolo lungo", "• Almeno 10 pratiche\n• Report finale"],
      ["2", "50%", "Secondo obiettivo\nseguito del titolo", "• Tempo medio ridotto\ndel 20%\n• Verifica annuale"],
      ["3", "10%", "Terzo obiettivo", "• Uno"],
      ["TOTALE", "100", "", ""],
    ]);
    expect(doc.messages.map((m) => m.code)).toContain("REPEATED_HEADER_DROPPED");
  });

  it("splits cells the converter ran together with one space where the other rows start that column", () => {
    const t = allTables(
      read(
        [
          at([1, "N."], [6, "Descrizione fase"], [33, "Responsabile"], [51, "Prodotto"]),
          at([2, "1"], [6, "Estrazione delle posizioni"], [33, "Ufficio tributi"], [51, "Elenco"]),
          at([2, "2"], [6, "Emissione degli avvisi dei"]) + " Ufficio tributi   Avvisi",
          at([2, "3"], [6, "Gestione delle istanze"], [33, "Ufficio tributi"], [51, "Istanze"]),
        ].join("\n"),
      ),
    )[0]!;
    expect(textGrid(t).map((r) => r.slice(1, 3))).toEqual([
      ["Descrizione fase", "Responsabile"],
      ["Estrazione delle posizioni", "Ufficio tributi"],
      ["Emissione degli avvisi dei", "Ufficio tributi"],
      ["Gestione delle istanze", "Ufficio tributi"],
    ]);
  });

  it("reads rule lines (-, _, =, ─) as row separators, and a header over sub-columns as the PDF reader does", () => {
    const t = allTables(
      read(
        [
          at([0, "Fase"], [16, "Responsabile"], [34, "Stato di attuazione"]),
          at([34, "giu."], [43, "dic."]),
          "─".repeat(50),
          at([0, "Avvio"], [16, "Ufficio A"], [34, "X"]),
          at([16, "e Ufficio B"]),
          "-".repeat(50),
          at([16, "Ufficio C"], [43, "X"]),
        ].join("\n"),
      ),
    )[0]!;
    expect(textGrid(t)).toEqual([
      ["Fase", "Responsabile", "Stato di attuazione", ""],
      ["", "", "giu.", "dic."],
      ["Avvio", "Ufficio A\ne Ufficio B", "X", ""],
      ["", "Ufficio C", "", "X"],
    ]);
    // As the PDF reader reads such a header: the header cells with nothing under them span both rows.
    expect(t.cells.find((c) => c.text === "Stato di attuazione")).toMatchObject({ colSpan: 2, rowSpan: 1 });
    expect(t.cells.find((c) => c.text === "Fase")).toMatchObject({ colSpan: 1, rowSpan: 2 });
  });

  it("ends a table where prose runs across its columns", () => {
    const d = read(
      [
        at([1, "N."], [6, "Fase"], [30, "Responsabile"]),
        at([2, "1"], [6, "Avvio"], [30, "Ufficio A"]),
        at([2, "2"], [6, "Chiusura"], [30, "Ufficio B"]),
        "Indicatori di risultato: un testo che attraversa le colonne della tabella",
      ].join("\n"),
    );
    expect(allTables(d)[0]!.rows).toBe(3);
    expect(lines(d, 0)).toEqual(["Indicatori di risultato: un testo che attraversa le colonne della tabella"]);
  });
});

/** The conversions of scripts/make-layout-text.mjs and the PDFs they were made from. */
const CONVERSIONS = [
  { id: "borgoverde-2024", text: "fixtures/borgoverde-2024/borgoverde-2024.layout.txt", pdf: "fixtures/borgoverde-2024/borgoverde-2024.pdf" },
  { id: "provincia-2026", text: "fixtures/provincia-2026/provincia-2026.layout.txt", pdf: "fixtures/provincia-2026/provincia-2026.pdf" },
  { id: "valle-2023", text: "fixtures/valle-2023/valle-2023.layout.txt", pdf: "fixtures/valle-2023/valle-2023.pdf" },
  { id: "luzzara-2024", text: "fixtures/layout/luzzara-2024.layout.txt", pdf: path.relative(repoRoot, path.join(samplesDir, "luzzara-2024.pdf")) },
];

/** Summary tables (a "Peso" column in the first row): their column count and the numbers of their numbered rows. */
function summaries(layout: LayoutDocument): { page: number | null; cols: number; numbers: string[] }[] {
  return allTables(layout)
    .filter((t: Table) => t.cells.some((c) => c.row === 0 && /\bpeso\b/i.test(c.text)))
    .map((t) => ({
      page: t.page,
      cols: t.cols,
      numbers: t.cells.filter((c) => c.col === 0 && /^\d{1,3}$/.test(c.text.trim())).map((c) => c.text.trim()),
    }));
}

describe("layout conversions of the fixture PDFs", () => {
  for (const c of CONVERSIONS) {
    describe(c.id, () => {
      const file = path.resolve(repoRoot, c.text);
      const load = () => readOnce(file);

      it("is read as a text conversion with the PDF's pages", async () => {
        const { layout, format } = await load();
        expect(format).toBe("text");
        expect(LayoutDocument.safeParse(layout).success).toBe(true);
        const formFeeds = readFileSync(file, "utf8").split("\f").length - 1;
        expect(layout.pageCount).toBe(formFeeds);
        expect(layout.pages.map((p) => p.number)).toEqual(layout.pages.map((_, i) => i + 1));
        for (const t of allTables(layout)) {
          expect(t.method).toBe("text");
          expect(t.rowPages).toHaveLength(t.rows);
          expect(t.pages).toContain(t.page);
        }
      });

      it("matches its golden tables", async () => {
        expectTablesGolden((await load()).layout, `tests/golden/text/${c.id}.layout.tables.json`);
      });

      it("has the summary tables the PDF reader finds in the PDF: same pages, columns and numbered rows", async () => {
        const fromText = summaries((await load()).layout);
        const fromPdf = summaries((await readOnce(path.resolve(repoRoot, c.pdf))).layout);
        expect(fromText.length).toBeGreaterThan(0);
        expect(fromText).toEqual(fromPdf);
      });
    });
  }
});
