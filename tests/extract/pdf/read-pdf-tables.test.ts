/** Ruled tables end to end on small hand-written PDFs: spans, wrapped headers, shading, drawn marks. */
import { describe, expect, it } from "vitest";
import { readPdf } from "../../../src/extract/pdf/read-pdf.js";
import { readerSettings } from "../../../src/extract/settings.js";
import { buildPdf, draw } from "./pdf-builder.js";
import { cellAt, tablesOf } from "./layout-helpers.js";

const MONTHS = ["Gen", "Feb", "Mar", "Apr", "Mag", "Giu", "Lug", "Ago", "Set", "Ott", "Nov", "Dic"];

/** A Gantt sheet: N. | Fase | 12 months; header "Tempi" over the months; row 1 X glyphs; row 2 grey fill; row 3 drawn X. */
function ganttPdf(): Uint8Array {
  const mx = Array.from({ length: 13 }, (_, i) => 200 + i * 20); // month boundaries 200..440
  const top = 700,
    r1 = 685,
    r2 = 660,
    r3 = 640,
    r4 = 620,
    r5 = 600;
  let c = "";
  c += draw.fillRect(40, 560, 420, 160, [1, 1, 1]); // white background: must be ignored
  c += draw.text(50, 740, 11, "Scheda obiettivo 2024", true);
  // grey shading in row 3 (Gen, Feb) drawn before the rulings, as Word does
  c += draw.fillRect(200, r4, 40, r3 - r4, [0.8, 0.8, 0.8]);
  // outer box as thin filled rectangles (Word/Excel style), inner rulings stroked
  c += draw.fillRect(50, top - 0.25, 390, 0.5, [0, 0, 0]);
  c += draw.fillRect(50, r5 - 0.25, 390, 0.5, [0, 0, 0]);
  c += draw.fillRect(50 - 0.25, r5, 0.5, top - r5, [0, 0, 0]);
  c += draw.fillRect(440 - 0.25, r5, 0.5, top - r5, [0, 0, 0]);
  c += draw.line(200, r1, 440, r1); // under "Tempi" only
  for (const y of [r2, r3, r4]) c += draw.line(50, y, 440, y);
  c += draw.line(80, r5, 80, top);
  c += draw.line(200, r5, 200, top);
  for (const x of mx.slice(1, -1)) c += draw.line(x, r5, x, r1);
  c += draw.text(53, 690, 8, "N.", true);
  c += draw.text(83, 690, 8, "Fase", true);
  c += draw.text(290, 690, 8, "Tempi", true);
  MONTHS.forEach((m, i) => {
    if (i === 0) {
      // a month header too narrow for its word: wrapped as "Ge" / "n"
      c += draw.text(203, 676, 7, "Ge", true);
      c += draw.text(203, 668, 7, "n", true);
    } else c += draw.text(mx[i]! + 3, 672, 7, m, true);
  });
  c += draw.text(53, 648, 8, "1") + draw.text(83, 648, 8, "Analisi dei dati") + draw.text(83 + 0, 648 - 9.5, 8, "esistenti");
  c += draw.text(mx[2]! + 7, 648, 8, "X") + draw.text(mx[3]! + 7, 648, 8, "x");
  c += draw.text(53, 627, 8, "2") + draw.text(83, 627, 8, "Verifica");
  c += draw.text(53, 607, 8, "3") + draw.text(83, 607, 8, "Chiusura");
  // a drawn X (two crossing diagonals) in May of row 4
  c += draw.line(mx[4]! + 5, r5 + 4, mx[4]! + 15, r4 - 4) + draw.line(mx[4]! + 5, r4 - 4, mx[4]! + 15, r5 + 4);
  c += draw.text(50, 560, 9, "Indicatori di risultato: relazione finale");
  return buildPdf([{ content: c }]);
}

describe("ruled tables", () => {
  it("reads a Gantt sheet: spans, a wrapped month header as one cell, X glyphs, shading and drawn marks", async () => {
    const doc = await readPdf(ganttPdf(), "gantt.pdf", readerSettings());
    expect(doc.messages).toEqual([]);
    const [t, ...more] = tablesOf(doc);
    expect(more).toHaveLength(0);
    expect(t!.method).toBe("lattice");
    expect(t!.id).toBe("p1-t1");
    expect([t!.rows, t!.cols]).toEqual([5, 14]);
    expect(cellAt(t!, 0, 0)).toMatchObject({ text: "N.", rowSpan: 2, colSpan: 1 });
    expect(cellAt(t!, 0, 2)).toMatchObject({ text: "Tempi", rowSpan: 1, colSpan: 12 });
    const header = Array.from({ length: 12 }, (_, k) => cellAt(t!, 1, 2 + k)!.text);
    expect(header).toEqual(["Ge\nn", ...MONTHS.slice(1)]);
    expect(cellAt(t!, 2, 1)!.text).toBe("Analisi dei dati\nesistenti");
    const marks = (row: number) => Array.from({ length: 12 }, (_, k) => cellAt(t!, row, 2 + k)!);
    expect(marks(2).map((c) => c.text)).toEqual(["", "", "X", "x", "", "", "", "", "", "", "", ""]);
    expect(marks(3).map((c) => c.shaded)).toEqual([true, true, false, false, false, false, false, false, false, false, false, false]);
    expect(marks(3)[0]!.fill).toBe("#cccccc");
    expect(marks(4).map((c) => c.marked)).toEqual([false, false, false, false, true, false, false, false, false, false, false, false]);
    // nothing else is shaded or marked: the white background is ignored
    expect(t!.cells.filter((c) => c.shaded)).toHaveLength(2);
    expect(t!.cells.filter((c) => c.marked)).toHaveLength(1);
    // text around the table stays as lines, in reading order
    const blocks = doc.pages[0]!.blocks.map((b) => (b.kind === "line" ? b.text : b.id));
    expect(blocks).toEqual(["Scheda obiettivo 2024", "p1-t1", "Indicatori di risultato: relazione finale"]);
    const title = doc.pages[0]!.blocks[0]!;
    expect(title).toMatchObject({ kind: "line", bold: true, fontSize: 11, page: 1 });
  });

  it("rounds every coordinate to 2 decimals", async () => {
    const doc = await readPdf(ganttPdf(), "gantt.pdf", readerSettings());
    const nums: number[] = [];
    JSON.stringify(doc, (_k, v) => {
      if (typeof v === "number") nums.push(v);
      return v;
    });
    expect(nums.every((n) => Math.round(n * 100) / 100 === n)).toBe(true);
  });
});

describe("producer variants", () => {
  /** A 2x3 grid as in camelot's foo.pdf: thin eoFill rectangles under a 0.1-scale CTM. */
  it("reads rulings drawn as thin filled rectangles under a scaled CTM", async () => {
    let c = "q 0.1 0 0 0.1 0 0 cm 0 0 0 rg\n";
    for (const y of [7000, 6800, 6600]) c += `1000 ${y - 2.4} 3000 4.8 re\n`;
    for (const x of [1000, 2000, 3000, 4000]) c += `${x - 2.4} 6600 4.8 400 re\n`;
    c += "f* Q\n"; // one eoFill path with seven rectangle subpaths
    c += draw.text(105, 686, 9, "Fase") + draw.text(205, 686, 9, "Inizio") + draw.text(305, 686, 9, "Fine");
    c += draw.text(105, 666, 9, "Analisi") + draw.text(205, 666, 9, "Gen") + draw.text(305, 666, 9, "Mar");
    const doc = await readPdf(buildPdf([{ content: c }]), "foo-like.pdf", readerSettings());
    const [t] = tablesOf(doc);
    expect([t!.rows, t!.cols]).toEqual([2, 3]);
    expect(t!.bbox).toEqual({ x0: 100, y0: 142, x1: 400, y1: 182 });
    expect(t!.cells.map((x) => x.text)).toEqual(["Fase", "Inizio", "Fine", "Analisi", "Gen", "Mar"]);
  });

  it("ignores text painted twice in the same place (fake bold) and text outside the page", async () => {
    let c = draw.grid([50, 150, 250], [700, 680, 660]);
    c += draw.text(53, 686, 9, "Fase") + draw.text(53.2, 686, 9, "Fase") + draw.text(153, 686, 9, "Mese");
    c += draw.text(53, 666, 9, "Uno") + draw.text(153, 666, 9, "Gen");
    c += draw.text(-300, 500, 9, "fuori pagina");
    const doc = await readPdf(buildPdf([{ content: c }]), "dup.pdf", readerSettings());
    expect(tablesOf(doc)[0]!.cells.map((x) => x.text)).toEqual(["Fase", "Mese", "Uno", "Gen"]);
    expect(doc.pages[0]!.blocks).toHaveLength(1);
  });
});

describe("rotated text in cells", () => {
  it("assigns month names written bottom-to-top to their narrow header cells", async () => {
    const months = ["Gennaio", "Febbraio", "Marzo"];
    let c = draw.grid([50, 150, 170, 190, 210], [700, 640, 620]);
    c += draw.text(53, 665, 9, "Fase") + draw.text(53, 626, 9, "Analisi") + draw.text(175, 626, 9, "X");
    // text direction up the page: Tm = [0 1 -1 0 x y]
    months.forEach((m, k) => (c += `BT /F1 8 Tf 0 1 -1 0 ${163 + 20 * k} 644 Tm (${m}) Tj ET\n`));
    const doc = await readPdf(buildPdf([{ content: c }]), "vertical.pdf", readerSettings());
    const [t] = tablesOf(doc);
    expect([t!.rows, t!.cols]).toEqual([2, 4]);
    expect(t!.cells.filter((x) => x.row === 0).map((x) => x.text)).toEqual(["Fase", ...months]);
    expect(t!.cells.filter((x) => x.row === 1).map((x) => x.text)).toEqual(["Analisi", "", "X", ""]);
  });
});
