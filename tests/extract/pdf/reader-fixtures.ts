/**
 * Small PDFs drawn the way Word 365 exports plans (borders as thin filled
 * rectangles, cell text under clipping paths), each showing one reader defect
 * seen on real files. tests/extract/pdf/reader-fixtures.test.ts checks them
 * against goldens; UPDATE_GOLDEN=1 also writes them to fixtures/reader/.
 */
import { buildPdf, draw } from "./pdf-builder.js";

/** Running header and footer of every page. */
export const pageHead = (n: number, total: number): string =>
  draw.text(220, 810, 12, "COMUNE DI PROVA", true) + draw.text(230, 797, 9, "Provincia di Esempio") + draw.text(480, 30, 9, `Pag. ${n} di ${total}`);

export const COLS = [50, 150, 350, 545];

/**
 * Rows of a 3-column Word table from `y` down (PDF coordinates), `rowH` tall;
 * a row of one string spans all columns. Returns the content and the rows' y edges.
 */
export function wordTable(y: number, rows: string[][], opts: { rowH?: number; omitH?: number[]; xs?: number[] } = {}): { content: string; ys: number[] } {
  const rowH = opts.rowH ?? 20;
  const xs = opts.xs ?? COLS;
  const ys = [y, ...rows.map((_, i) => y - (i + 1) * rowH)];
  let c = "";
  // Borders per row, so a full-width row gets no inner verticals.
  rows.forEach((r, i) => {
    const rx = r.length === 1 ? [xs[0]!, xs[xs.length - 1]!] : xs;
    const omit = (opts.omitH ?? []).flatMap((k) => (k === i ? [0] : k === i + 1 ? [1] : []));
    c += draw.wordGrid(rx, [ys[i]!, ys[i + 1]!], { omitH: omit });
  });
  rows.forEach((r, i) => r.forEach((t, k) => t.split("\n").forEach((line, j) => (c += line ? draw.text(xs[k]! + 3, ys[i]! - 13 - 10 * j, 9, line) : ""))));
  return { content: c, ys };
}

export const HEAD = ["N.", "Descrizione", "Indicatore"];
export const dataRows = (from: number, n: number): string[][] =>
  Array.from({ length: n }, (_, i) => [`${from + i}`, `Attivita ${from + i}`, `Valore ${from + i}`]);

/**
 * Defect 1: the table's last row moved alone to the top of page 2; on page 1
 * Word left the split row's empty first sliver (8 pt, closed by a rule) at the foot.
 */
export function loneLastRowPdf(): Uint8Array {
  const p1 = wordTable(740, [HEAD, ...dataRows(1, 32)]);
  const foot = p1.ys[p1.ys.length - 1]!;
  const stub = draw.wordGrid(COLS, [foot, foot - 8]);
  const p2 = wordTable(780, [["33", "Attivita 33", "Valore 33"]]);
  return buildPdf([
    { content: pageHead(1, 2) + draw.text(50, 760, 11, "SCHEDA SINTETICA", true) + p1.content + stub },
    { content: pageHead(2, 2) + p2.content + draw.text(50, 700, 10, "Testo dopo la tabella") },
  ]);
}

/** Defect 2: two objective boxes, one ending at page 1's foot, the next opening page 2; same columns. */
export function twoBoxesPdf(): Uint8Array {
  const box = (n: number, from: number, count: number, y: number) =>
    wordTable(y, [[`OBIETTIVO N. ${n} - Obiettivo di prova ${n}`], HEAD, ...dataRows(from, count)]).content;
  return buildPdf([
    { content: pageHead(1, 2) + box(1, 1, 31, 740) },
    { content: pageHead(2, 2) + box(2, 1, 4, 780) + draw.text(50, 600, 10, "Fine delle schede") },
  ]);
}

/**
 * Defect 3: Word 365 draws each cell's text under a clip of the cell. A long
 * word overflows a narrow cell sideways and a fixed-height row's third line
 * overflows downwards; neither is visible, and both would leak into the
 * neighbouring cell ("RicognizioneComune.").
 */
export function clippedCellsPdf(): Uint8Array {
  const xs = [50, 101, 300, 450];
  const ys = [700, 676, 652];
  let c = draw.text(50, 720, 11, "Tabella con celle ritagliate", true) + draw.wordGrid(xs, ys);
  const cell = (k: number, r: number, content: string) => {
    const t = 0.48;
    return draw.clipped(xs[k]! + t, ys[r + 1]! + t, xs[k + 1]! - xs[k]! - t, ys[r]! - ys[r + 1]! - t, content, true);
  };
  // Row 0: the long word runs past its cell's right edge up to the next cell's text.
  c += cell(0, 0, draw.text(55.4, 685, 9, "Ricognizione"));
  c += cell(1, 0, draw.text(107, 685, 9, "Comune."));
  c += cell(2, 0, draw.text(305.4, 685, 9, "2024"));
  // Row 1: a fixed-height row whose text has a third line below the row.
  c += cell(0, 1, draw.text(55.4, 665, 9, "Uffici"));
  c += cell(1, 1, draw.text(107, 665, 9, "Prima riga") + draw.text(107, 655, 9, "seconda riga") + draw.text(107, 645, 9, "terza riga nascosta"));
  c += cell(2, 1, draw.text(305.4, 665, 9, "2025"));
  c += draw.grid(xs, [652, 632]);
  c += draw.text(55.4, 638, 9, "Totale") + draw.text(107, 638, 9, "Riepilogo");
  return buildPdf([{ content: c }]);
}

/** Defect 4: one scanned sheet (an image, no text) among pages of text and tables. */
export function imagePagePdf(): Uint8Array {
  const page = (n: number) => ({ content: pageHead(n, 3) + draw.text(50, 760, 11, `Sezione ${n}`, true) + wordTable(740, [HEAD, ...dataRows(1, 3)]).content });
  return buildPdf([page(1), { content: pageHead(2, 3) + draw.image(40, 60, 515, 720) }, page(3)]);
}

/** Every fixture above, by the name of its golden (tests/golden/pdf/reader-<name>.tables.json). */
export const READER_FIXTURES: Record<string, () => Uint8Array> = {
  "lone-last-row": loneLastRowPdf,
  "two-boxes": twoBoxesPdf,
  "clipped-cells": clippedCellsPdf,
  "image-page": imagePagePdf,
};
