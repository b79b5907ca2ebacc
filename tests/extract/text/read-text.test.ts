import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readText } from "../../../src/extract/text/read-text.js";
import { separateRunningLines, splitPages } from "../../../src/extract/text/text-pages.js";
import { fieldLines } from "../../../src/extract/text/cell-text.js";
import { readerSettings } from "../../../src/extract/settings.js";
import { LayoutDocument, type TextLine } from "../../../src/extract/layout.js";
import { DocumentError } from "../../../src/shared/errors.js";
import { allTables, expectTablesGolden, samplesDir, textGrid } from "../common/golden.js";

const opts = readerSettings();
const read = (text: string) => readText(text, "test.txt", opts);
const BREAK = "\n\n\n\n";
const HEADER = "AZIENDA SANITARIA DI PROVA\n\nDipartimento amministrativo\n\n";
const page = (body: string) => HEADER + body;

describe("text pages and running header", () => {
  it("splits pages at runs of blank lines, not at single blank lines", () => {
    const pages = splitPages("\n\nuno\n\ndue\n\n\ntre\nquattro\n\n\n\n\ncinque\n", opts.text);
    expect(pages).toEqual([["uno", "", "due"], ["tre", "quattro"], ["cinque"]]);
  });

  it("splits at form feeds when the converter writes them (and then ignores blank runs)", () => {
    const pages = splitPages("uno\n\n\n\ndue\fTre\n\fquattro", opts.text);
    expect(pages).toEqual([["uno", "", "", "", "due"], ["Tre"], ["quattro"]]);
  });

  it("finds a repeated opening block, whatever its words, and tolerates page numbers", () => {
    const raw = ["ENTE X\n\nPagina 1\n\nTitolo\n\ntesto", "ENTE X\n\nPagina 2\n\naltro", "ENTE X\n\nPagina 3\n\nTitolo\n\nancora"].join(BREAK);
    const pages = separateRunningLines(splitPages(raw, opts.text), opts.text);
    expect(pages.map((p) => p.header)).toEqual([
      ["ENTE X", "Pagina 1"],
      ["ENTE X", "Pagina 2"],
      ["ENTE X", "Pagina 3"],
    ]);
    expect(pages.map((p) => p.lines.filter((l) => l !== ""))).toEqual([["Titolo", "testo"], ["altro"], ["Titolo", "ancora"]]);
    expect(pages.map((p) => p.number)).toEqual([1, 2, 3]);
  });

  it("does not swallow content that opens many but not all of the header's pages", () => {
    const raw = ["H\n\nScheda\n\nuno", "H\n\nScheda\n\ndue", "H\n\nseguito"].join(BREAK);
    const pages = separateRunningLines(splitPages(raw, opts.text), opts.text);
    expect(pages.map((p) => p.header)).toEqual([["H"], ["H"], ["H"]]);
  });

  it("finds no header when nothing repeats, and a running footer when the pages end alike", () => {
    const raw = ["a\n\nfine 1 di 3", "b\n\nfine 2 di 3", "c\n\nfine 3 di 3"].join(BREAK);
    const pages = separateRunningLines(splitPages(raw, opts.text), opts.text);
    expect(pages.map((p) => p.header)).toEqual([[], [], []]);
    expect(pages.map((p) => p.footer)).toEqual([["fine 1 di 3"], ["fine 2 di 3"], ["fine 3 di 3"]]);
    // The footer goes; the body above it stays.
    expect(pages.map((p) => p.lines)).toEqual([["a"], ["b"], ["c"]]);
  });

  it("keeps the body of pages that end with a bare page number", () => {
    const doc = read("Primo testo\n\n1\fSecondo testo\n\n2\f");
    expect(doc.pageCount).toBe(2);
    expect(doc.pages.map((p) => p.blocks.map((b) => (b as TextLine).text))).toEqual([["Primo testo"], ["Secondo testo"]]);
  });
});

describe("text cells", () => {
  it("turns HTML fragments into lines and decodes entities; leaves plain fields alone", () => {
    expect(fieldLines(`<ul style="list-style-type: none"><li>uno &amp; due</li><li><i>tre</i></li></ul>`)).toEqual(["uno & due", "tre"]);
    expect(fieldLines(`<p>Indicatori:</p> <p>primo</p>a<br>b`)).toEqual(["Indicatori:", "primo", "a", "b"]);
    expect(fieldLines(`- uno - due`)).toEqual(["- uno - due"]);
    expect(fieldLines(`Ge n`)).toEqual(["Ge n"]);
    expect(fieldLines(`  `)).toEqual([]);
    expect(fieldLines(`valore < 5 e > 2`)).toEqual(["valore < 5 e > 2"]);
  });
});

describe("readText", () => {
  it("makes tables of tab lines, text lines of the rest, with pages numbered by breaks", () => {
    const doc = read(page("Titolo\n\nN.\tFase\tGen\tFeb\n1\tAvvio\tX\t\n2\tFine\t\tx\n\nNote finali") + BREAK + page("Altro testo"));
    expect(LayoutDocument.safeParse(doc).success).toBe(true);
    expect(doc.format).toBe("text");
    expect(doc.pageCount).toBe(2);
    expect(doc.pages.map((p) => p.header)).toEqual([
      ["AZIENDA SANITARIA DI PROVA", "Dipartimento amministrativo"],
      ["AZIENDA SANITARIA DI PROVA", "Dipartimento amministrativo"],
    ]);
    expect(doc.pages[0]!.blocks.map((b) => b.kind)).toEqual(["line", "table", "line"]);
    const t = allTables(doc)[0]!;
    expect(t).toMatchObject({ id: "p1-t1", method: "text", page: 1, pages: [1], rows: 3, cols: 4, rowPages: [1, 1, 1] });
    expect(textGrid(t)).toEqual([
      ["N.", "Fase", "Gen", "Feb"],
      ["1", "Avvio", "X", ""],
      ["2", "Fine", "", "x"],
    ]);
    expect(doc.pages[1]!.blocks[0] as TextLine).toMatchObject({ text: "Altro testo", page: 2 });
  });

  it("pads ragged rows and makes a line between rows one cell across the table", () => {
    const doc = read("a\tb\tc\nDescrizione senza tabulazioni\nd\n1\t2");
    const t = allTables(doc)[0]!;
    // "d" has no tab either: a line between rows, so a full-width row too.
    expect(textGrid(t)).toEqual([
      ["a", "b", "c"],
      ["Descrizione senza tabulazioni", "", ""],
      ["d", "", ""],
      ["1", "2", ""],
    ]);
    expect(t.cells.find((c) => c.text === "d")).toMatchObject({ colSpan: 3 });
  });

  it("reads markdown-style bold: split into pieces, flagged, asterisks removed (also across lines and in cells)", () => {
    const doc = read("Ente **Provincia** **SCHEDA SINTETICA**\n**Livello:\nfinale**\n\na**b\n\nx\t**X**");
    const lines = doc.pages[0]!.blocks.filter((b): b is TextLine => b.kind === "line").map((l) => [l.text, l.bold]);
    expect(lines).toEqual([
      ["Ente", false],
      ["Provincia", true],
      ["SCHEDA SINTETICA", true],
      ["Livello:", true],
      ["finale", true],
      ["a**b", false],
    ]);
    expect(textGrid(allTables(doc)[0]!)).toEqual([["x", "X"]]);
  });

  it("reads Markdown pipe tables like tab-separated ones", () => {
    const doc = read("Titolo\n\n| N. | Fase | Gen |\n|---|:---|:-:|\n| 1 | Avvio \\| verifica | X |\n|  | vuota | |");
    expect(textGrid(allTables(doc)[0]!)).toEqual([
      ["N.", "Fase", "Gen"],
      ["1", "Avvio | verifica", "X"],
      ["", "vuota", ""],
    ]);
  });

  it("drops rule lines drawn with dashes but keeps a lone '-'", () => {
    const doc = read("a\tb\n---\t------\n-\tc");
    expect(textGrid(allTables(doc)[0]!)).toEqual([
      ["a", "b"],
      ["-", "c"],
    ]);
  });

  it("stitches a table across a page break and drops a repeated header row", () => {
    const doc = read(
      page("Sintesi\n\nN.\tPeso\tTitolo\n1\t10\tPrimo") + BREAK + page("N.\tPeso\tTitolo\n2\t20\tSecondo\nTOTALE\t30") + BREAK + page("3\t5\tTerzo\n\nFine"),
    );
    const tables = allTables(doc);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ id: "p1-t1", page: 1, pages: [1, 2, 3], rowPages: [1, 1, 2, 2, 3] });
    expect(textGrid(tables[0]!).map((r) => r[0])).toEqual(["N.", "1", "2", "TOTALE", "3"]);
    expect(doc.messages.map((m) => m.code)).toEqual(["REPEATED_HEADER_DROPPED"]);
    expect(doc.pages[1]!.blocks).toEqual([]);
    expect(doc.pages[2]!.blocks.map((b) => b.kind)).toEqual(["line"]);
  });

  it("drops repeated header rows even when they sit below other rows of the table", () => {
    const doc = read(page("N. 1\tNome obiettivo\nN.\tFase\tGen\tFeb\n\t\tG\tF\n1\tAvvio\tX") + BREAK + page("N.\tFase\tGen\tFeb\n\t\tG\tF\n2\tFine\t\tX"));
    const t = allTables(doc)[0]!;
    expect(textGrid(t).map((r) => r[0])).toEqual(["N. 1", "N.", "", "1", "2"]);
    expect(t.rowPages).toEqual([1, 1, 1, 1, 2]);
  });

  it("does not stitch when text comes between, when the next table is much wider, or across an empty page", () => {
    const intervening = read(page("a\tb\n1\t2") + BREAK + page("Titolo nuovo\n\nc\td\n3\t4"));
    expect(allTables(intervening).map((t) => t.pages)).toEqual([[1], [2]]);
    const wider = read(page("a\tb\n1\t2") + BREAK + page("c\td\te\tf\tg\n3\t4\t5\t6\t7"));
    expect(allTables(wider).map((t) => t.pages)).toEqual([[1], [2]]);
    const gap = read(page("a\tb\n1\t2") + BREAK + page("") + BREAK + page("3\t4"));
    expect(allTables(gap).map((t) => t.pages)).toEqual([[1], [3]]);
  });

  it("rejects text with nothing but blank lines or headers as empty", () => {
    for (const text of ["", "\n\n  \n", HEADER + BREAK + HEADER]) {
      let kind = "";
      try {
        read(text);
      } catch (e) {
        kind = e instanceof DocumentError ? e.kind : "crash";
      }
      expect(kind).toBe("empty");
    }
  });

  it("copes with huge ragged rows and unbalanced markup without crashing", () => {
    const doc = read("a" + "\tx".repeat(3000) + "\n<ul><li><p>aperto\t<b>" + "<i>".repeat(1000) + "fine");
    expect(allTables(doc)[0]!.cols).toBe(3001);
  });
});

describe("readText: the Luzzara conversion", () => {
  const file = path.resolve(samplesDir, "luzzara-2024-piano-performance.converted.txt");
  const doc = readText(readFileSync(file, "utf8"), file, opts);

  it("numbers its pages by breaks and sets the repeated header apart on each", () => {
    expect(LayoutDocument.safeParse(doc).success).toBe(true);
    expect(doc.pageCount).toBe(doc.pages.length);
    expect(doc.pages.length).toBeGreaterThan(40);
    for (const p of doc.pages) expect(p.header).toHaveLength(3);
    const texts = doc.pages.flatMap((p) => p.blocks.filter((b): b is TextLine => b.kind === "line").map((l) => l.text));
    expect(texts).not.toContain(doc.pages[0]!.header[0]);
  });

  it("stitches the summary tables that run over page breaks", () => {
    const summaries = allTables(doc).filter((t) => /^n\. obiett/i.test(textGrid(t)[0]![0]!));
    expect(summaries.length).toBeGreaterThanOrEqual(3);
    for (const t of summaries) expect(t.pages.length).toBeGreaterThan(1);
  });

  it("matches the golden tables", () => {
    expectTablesGolden(doc, "tests/golden/text/luzzara-2024-piano-performance.tables.json");
  });
});
