/**
 * Stitching tables across page breaks as Word 365 draws them: a last row alone
 * on the next page, split-row slivers, borders given to the row below, and
 * separate boxes that merely meet at a page break.
 */
import { describe, expect, it } from "vitest";
import type { LayoutDocument, Table } from "../../../src/extract/layout.js";
import { readPdf } from "../../../src/extract/pdf/read-pdf.js";
import { readerSettings } from "../../../src/extract/settings.js";
import { buildPdf, draw } from "./pdf-builder.js";
import { cellAt, tablesOf } from "./layout-helpers.js";
import { COLS, dataRows, loneLastRowPdf, pageHead, twoBoxesPdf, wordTable } from "./reader-fixtures.js";

import { HEAD } from "./reader-fixtures.js";
const read = (bytes: Uint8Array) => readPdf(bytes, "word365.pdf", readerSettings());
const grid = (t: Table) => Array.from({ length: t.rows }, (_, r) => t.cells.filter((c) => c.row === r).map((c) => c.text));
const lines = (doc: LayoutDocument, page: number) => doc.pages[page - 1]!.blocks.flatMap((b) => (b.kind === "line" ? [b.text] : []));

describe("a table's last row alone at the top of the next page", () => {
  it("is kept as the last row, and the empty sliver Word left at the foot is no row", async () => {
    const doc = await read(loneLastRowPdf());
    const [t, ...more] = tablesOf(doc);
    expect(more).toHaveLength(0);
    expect(t!.pages).toEqual([1, 2]);
    expect(t!.rows).toBe(34);
    expect(grid(t!).slice(-2)).toEqual([
      ["32", "Attivita 32", "Valore 32"],
      ["33", "Attivita 33", "Valore 33"],
    ]);
    expect(t!.rowPages.slice(-2)).toEqual([1, 2]);
    expect(t!.cells.filter((c) => c.row > 0 && c.text === "")).toEqual([]);
    expect(lines(doc, 2)).toEqual(["Testo dopo la tabella"]);
  });

  it("stays a row of its own when page 1 ends without a bottom rule but the row has its top rule", async () => {
    // Word gives the rule between two rows to the lower one: at a break between rows it is drawn on page 2 only.
    const p1 = wordTable(740, [HEAD, ...dataRows(1, 32)], { omitH: [33] });
    const p2 = wordTable(780, [["33", "Attivita 33", "Valore 33"]]);
    const doc = await read(
      buildPdf([{ content: pageHead(1, 2) + p1.content }, { content: pageHead(2, 2) + p2.content + draw.text(50, 700, 10, "Testo dopo") }]),
    );
    const [t, ...more] = tablesOf(doc);
    expect(more).toHaveLength(0);
    expect(t!.rows).toBe(34);
    expect(grid(t!).slice(-2)).toEqual([
      ["32", "Attivita 32", "Valore 32"],
      ["33", "Attivita 33", "Valore 33"],
    ]);
  });

  it("is kept when it is one cell spanning the table", async () => {
    const p1 = wordTable(740, [HEAD, ...dataRows(1, 32)]);
    const p2 = wordTable(780, [["Note: valori provvisori al 31 dicembre"]]);
    const doc = await read(
      buildPdf([{ content: pageHead(1, 2) + p1.content }, { content: pageHead(2, 2) + p2.content + draw.text(50, 700, 10, "Testo dopo") }]),
    );
    const [t, ...more] = tablesOf(doc);
    expect(more).toHaveLength(0);
    expect(t!.rows).toBe(34);
    expect(cellAt(t!, 33, 0)).toMatchObject({ text: "Note: valori provvisori al 31 dicembre", colSpan: 3, page: 2 });
    expect(lines(doc, 2)).toEqual(["Testo dopo"]);
  });

  it("a page holding only that row (and a picture) is not taken for an image-only page", async () => {
    const p1 = wordTable(740, [HEAD, ...dataRows(1, 32)]);
    const p2 = wordTable(780, [["Note: valori provvisori"]]);
    const doc = await read(buildPdf([{ content: pageHead(1, 2) + p1.content }, { content: pageHead(2, 2) + p2.content + draw.image(250, 300, 100, 100) }]));
    expect(tablesOf(doc).map((t) => [t.id, t.rows])).toEqual([["p1-t1", 34]]);
    expect(doc.messages).toEqual([]);
  });

  it("a one-cell box opening a page after a table that does not end the page stays text", async () => {
    const p1 = wordTable(740, [HEAD, ...dataRows(1, 5)]);
    const p2 = wordTable(780, [["Riquadro di testo"]]);
    const doc = await read(
      buildPdf([
        { content: pageHead(1, 2) + p1.content + draw.text(50, 500, 10, "Paragrafo dopo la tabella") },
        { content: pageHead(2, 2) + p2.content + draw.text(50, 700, 10, "Testo dopo") },
      ]),
    );
    expect(tablesOf(doc).map((t) => [t.id, t.rows])).toEqual([["p1-t1", 6]]);
    expect(lines(doc, 2)).toEqual(["Riquadro di testo", "Testo dopo"]);
  });

  it("drops the empty end of a split row left at the top of the next page", async () => {
    // the row's text all fitted on page 1; only its bottom padding (8 pt, open above) went on to page 2
    const p1 = wordTable(740, [HEAD, ...dataRows(1, 32)], { omitH: [33] });
    const stub = draw.wordGrid(COLS, [780, 772], { omitH: [0] });
    const p2 = wordTable(772, dataRows(33, 3));
    const doc = await read(buildPdf([{ content: pageHead(1, 2) + p1.content }, { content: pageHead(2, 2) + stub + p2.content }]));
    const [t, ...more] = tablesOf(doc);
    expect(more).toHaveLength(0);
    expect(t!.rows).toBe(36);
    expect(grid(t!).slice(31, 34)).toEqual([
      ["31", "Attivita 31", "Valore 31"],
      ["32", "Attivita 32", "Valore 32"],
      ["33", "Attivita 33", "Valore 33"],
    ]);
  });

  it("a one-cell title box of the next sheet is not taken for the last row", async () => {
    const p1 = wordTable(740, [["OBIETTIVO N. 1 - Obiettivo di prova"], HEAD, ...dataRows(1, 31)]);
    const p2 =
      wordTable(780, [["OBIETTIVO N. 2 - Altro obiettivo"]]).content +
      draw.text(50, 740, 10, "Descrizione del secondo obiettivo") +
      wordTable(720, [HEAD, ...dataRows(1, 3)]).content;
    const doc = await read(buildPdf([{ content: pageHead(1, 2) + p1.content }, { content: pageHead(2, 2) + p2 }]));
    expect(tablesOf(doc).map((t) => [t.id, t.rows])).toEqual([
      ["p1-t1", 33],
      ["p2-t1", 4],
    ]);
    expect(lines(doc, 2)).toEqual(["OBIETTIVO N. 2 - Altro obiettivo", "Descrizione del secondo obiettivo"]);
  });

  it("joins the rest of a row the break split when both sides are open (browser print)", async () => {
    const p1 = wordTable(740, [HEAD, ...dataRows(1, 31), ["32", "Attivita 32 prima", "Valore"]], { omitH: [33] });
    const p2 = wordTable(780, [["", "parte seconda", "32"]], { omitH: [0] });
    const doc = await read(
      buildPdf([{ content: pageHead(1, 2) + p1.content }, { content: pageHead(2, 2) + p2.content + draw.text(50, 700, 10, "Testo dopo") }]),
    );
    const [t, ...more] = tablesOf(doc);
    expect(more).toHaveLength(0);
    expect(t!.rows).toBe(33);
    expect(grid(t!).at(-1)).toEqual(["32", "Attivita 32 prima\nparte seconda", "Valore\n32"]);
  });
});

describe("two boxes meeting at a page break", () => {
  it("stay two tables when the second opens with a title row like the first's", async () => {
    const doc = await read(twoBoxesPdf());
    const tables = tablesOf(doc);
    expect(tables.map((t) => [t.id, t.pages, t.rows])).toEqual([
      ["p1-t1", [1], 33],
      ["p2-t1", [2], 6],
    ]);
    expect(cellAt(tables[1]!, 0, 0)!.text).toBe("OBIETTIVO N. 2 - Obiettivo di prova 2");
  });

  it("stay two tables when the second opens with the first's numbered label row", async () => {
    const box = (n: number, count: number, y: number) =>
      wordTable(y, [[`Obiettivo n. ${n}`, `Descrizione dell'obiettivo ${n}`, "Peso 20"], HEAD, ...dataRows(1, count)]).content;
    const doc = await read(buildPdf([{ content: pageHead(1, 2) + box(1, 31, 740) }, { content: pageHead(2, 2) + box(2, 3, 780) }]));
    expect(tablesOf(doc).map((t) => [t.id, t.rows])).toEqual([
      ["p1-t1", 33],
      ["p2-t1", 5],
    ]);
  });

  it("stay two tables when the second box opens with a numbered heading row", async () => {
    const p1 = wordTable(740, [HEAD, ...dataRows(1, 32)]);
    const p2 = wordTable(780, [["OBIETTIVO N. 2"], HEAD, ...dataRows(1, 3)]);
    const doc = await read(buildPdf([{ content: pageHead(1, 2) + p1.content }, { content: pageHead(2, 2) + p2.content }]));
    expect(tablesOf(doc).map((t) => [t.id, t.rows])).toEqual([
      ["p1-t1", 33],
      ["p2-t1", 5],
    ]);
  });

  it("a table grouped by numbered section rows goes on across the break", async () => {
    const rows = [HEAD, ["AREA 1 - Servizi generali"], ...dataRows(1, 15), ["AREA 2 - Servizi finanziari"], ...dataRows(16, 15)];
    const p1 = wordTable(740, rows);
    const p2 = wordTable(780, [["AREA 3 - Servizi tecnici"], ...dataRows(31, 3)]);
    const doc = await read(buildPdf([{ content: pageHead(1, 2) + p1.content }, { content: pageHead(2, 2) + p2.content }]));
    const [t, ...more] = tablesOf(doc);
    expect(more).toHaveLength(0);
    expect(t!.rows).toBe(33 + 4);
    expect(cellAt(t!, 33, 0)).toMatchObject({ text: "AREA 3 - Servizi tecnici", colSpan: 3 });
  });

  it("a continuation without a repeated header and the same columns is joined", async () => {
    const p1 = wordTable(740, [["OBIETTIVO N. 1 - Obiettivo di prova"], HEAD, ...dataRows(1, 31)]);
    const p2 = wordTable(780, dataRows(32, 3));
    const doc = await read(buildPdf([{ content: pageHead(1, 2) + p1.content }, { content: pageHead(2, 2) + p2.content }]));
    const [t, ...more] = tablesOf(doc);
    expect(more).toHaveLength(0);
    expect(t!.rows).toBe(33 + 3);
  });

  it("a continuation on a page with mirrored margins (columns shifted) is joined", async () => {
    const p1 = wordTable(740, [HEAD, ...dataRows(1, 32)]);
    const p2 = wordTable(780, dataRows(33, 3), { xs: COLS.map((x) => x + 20) });
    const doc = await read(buildPdf([{ content: pageHead(1, 2) + p1.content }, { content: pageHead(2, 2) + p2.content }]));
    const [t, ...more] = tablesOf(doc);
    expect(more).toHaveLength(0);
    expect(t!.rows).toBe(33 + 3);
    expect(t!.cols).toBe(3);
  });
});
