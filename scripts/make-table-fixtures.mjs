#!/usr/bin/env node
// Small PDFs, one per table class the PDF reader must rebuild (docs/tables.md),
// drawn by hand the way Word's table styles export them, into
// tests/fixtures/tables/<name>.pdf, each with <name>.expected.json: the grid a person
// reads off the drawing, written here beside the drawing code (never from the
// reader's output). tests/extract/pdf/table-classes.test.ts checks the reader
// against them. The PDFs are committed; re-run after changing a drawing:
//   node scripts/make-table-fixtures.mjs [NAME…]
// Grid notation (as `piao tables` prints): "<" covered from the left, "^" from
// above, "[#]" a shaded cell, "[x]" a drawn mark.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pdf, writePdf } from "./fixtures/pdf-writer.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "tests/fixtures/tables");
const SIZE = 9;

/** Each row's texts written at the column starts, baseline `pad` below the row top. */
function rowTexts(xs, tops, rows, pad = 13) {
  let c = "";
  rows.forEach((r, i) => r.forEach((t, k) => (c += t ? pdf.text(xs[k] + 3, tops[i] - pad, SIZE, t) : "")));
  return c;
}

const heading = (t) => pdf.text(60, 760, 12, t, true);

const PLAN = [
  ["Codice", "Attività", "Responsabile", "Target"],
  ["A1", "Mappatura processi", "Ufficio qualità", "100%"],
  ["A2", "Revisione regolamento", "Segreteria", "31/12"],
  ["A3", "Formazione personale", "Ufficio personale", "20 ore"],
  ["A4", "Sportello unico", "URP", "Sì"],
];
const PLAN_X = [60, 140, 300, 440, 540];
const tops = (y, n, h = 20) => Array.from({ length: n + 1 }, (_, i) => y - i * h);

export const FIXTURES = {
  /** (a) Word "Plain table"-like: a rule over the table and under each row, no vertical rule at all. */
  "rows-ruled-only"() {
    const ys = tops(700, PLAN.length);
    let c = heading("Tabella con sole righe orizzontali");
    for (const y of ys) c += pdf.line(60, y, 540, y);
    c += rowTexts(PLAN_X, ys, PLAN);
    return { pages: [{ content: c }], expected: { tables: [{ page: 1, grid: PLAN }] } };
  },
  /** (a) The same rows inside a ruled frame (left and right border) but no inner vertical rules. */
  "rows-ruled-framed"() {
    const ys = tops(700, PLAN.length);
    let c = heading("Tabella con cornice e righe orizzontali");
    for (const y of ys) c += pdf.line(60, y, 540, y);
    c += pdf.line(60, ys[0], 60, ys.at(-1)) + pdf.line(540, ys[0], 540, ys.at(-1));
    c += rowTexts(PLAN_X, ys, PLAN);
    return { pages: [{ content: c }], expected: { tables: [{ page: 1, grid: PLAN }] } };
  },
  /** (b) Inner rules only: full-width horizontals, inner verticals, no left/right frame. */
  "open-sides"() {
    const ys = tops(700, PLAN.length);
    let c = heading("Tabella senza bordi laterali");
    for (const y of ys) c += pdf.line(60, y, 540, y);
    for (const x of PLAN_X.slice(1, -1)) c += pdf.line(x, ys[0], x, ys.at(-1));
    c += rowTexts(PLAN_X, ys, PLAN);
    return { pages: [{ content: c }], expected: { tables: [{ page: 1, grid: PLAN }] } };
  },
  /**
   * (c) A ruled month grid (Gen…Giu) with the activity names in an unruled
   * column to its left; months in which an activity runs are shaded.
   */
  "label-column"() {
    const months = ["Gen", "Feb", "Mar", "Apr", "Mag", "Giu"];
    const xs = months.map((_, i) => 250 + i * 40).concat(490);
    const labels = ["Analisi fabbisogni", "Progettazione", "Realizzazione", "Verifica finale"];
    const active = [[0, 1], [1, 2, 3], [3, 4], [5]];
    const ys = tops(700, labels.length + 1);
    let c = heading("Cronoprogramma");
    active.forEach((ms, r) => ms.forEach((m) => (c += pdf.fillRect(xs[m], ys[r + 2], 40, 20, [0.6, 0.6, 0.6]))));
    for (const y of ys) c += pdf.line(xs[0], y, xs.at(-1), y);
    for (const x of xs) c += pdf.line(x, ys[0], x, ys.at(-1));
    c += pdf.text(63, ys[0] - 13, SIZE, "Fase");
    months.forEach((m, k) => (c += pdf.text(xs[k] + 3, ys[0] - 13, SIZE, m)));
    labels.forEach((l, r) => (c += pdf.text(63, ys[r + 1] - 13, SIZE, l)));
    const grid = [["Fase", ...months], ...labels.map((l, r) => [l, ...months.map((_, m) => (active[r].includes(m) ? "[#]" : ""))])];
    return { pages: [{ content: c }], expected: { tables: [{ page: 1, grid }] } };
  },
  /** (d) Every border drawn double (two lines 4 pt apart): no phantom columns or rows between the pairs. */
  "double-borders"() {
    const rows = PLAN.slice(0, 4).map((r) => r.slice(0, 3));
    const xs = [60, 140, 300, 440],
      ys = tops(700, rows.length, 24);
    let c = heading("Tabella con bordi doppi");
    for (const y of ys) c += pdf.line(60, y, 440, y) + pdf.line(60 - 4, y - 4, 440 + 4, y - 4).replace(/^/, "");
    for (const x of xs) c += pdf.line(x, ys[0], x, ys.at(-1)) + pdf.line(x + 4, ys[0] + 4, x + 4, ys.at(-1) - 4);
    c += rowTexts(
      xs.map((x) => x + 4),
      ys.map((y) => y - 2),
      rows,
    );
    return { pages: [{ content: c }], expected: { tables: [{ page: 1, grid: rows }] } };
  },
  /** (d) Grey spacer bands (5 pt tall, ruled above and below) between the rows of a ruled table. */
  "spacer-bands"() {
    const rows = PLAN.slice(0, 4).map((r) => r.slice(0, 3));
    const xs = [60, 140, 300, 440];
    let c = heading("Tabella con bande di separazione");
    let y = 700;
    const ys = [];
    rows.forEach((r, i) => {
      ys.push(y);
      c += rowTexts(xs, [y], [r]);
      y -= 20;
      if (i + 1 < rows.length) {
        c += pdf.fillRect(60, y - 5, 380, 5, [0.75, 0.75, 0.75]);
        ys.push(y);
        y -= 5;
      }
    });
    ys.push(y);
    for (const yy of ys) c += pdf.line(60, yy, 440, yy);
    for (const x of xs) c += pdf.line(x, 700, x, y);
    return { pages: [{ content: c }], expected: { tables: [{ page: 1, grid: rows }] } };
  },
  /**
   * (e) A ruled frame with column rules, a rule under the header and none
   * between the body rows: four short rows at a 14 pt pitch, columns aligned
   * row by row. Below, a table whose long descriptions really wrap: its rows
   * stay as drawn.
   */
  "rows-one-rule"() {
    const body = [
      ["1", "Avvio", "31/01"],
      ["2", "Analisi", "28/02"],
      ["3", "Sviluppo", "30/06"],
      ["4", "Collaudo", "30/09"],
    ];
    const xs = [60, 100, 300, 400];
    let c = heading("Righe sotto una sola riga");
    const top = 700,
      head = 680,
      bottom = head - 6 - body.length * 14;
    for (const y of [top, head, bottom]) c += pdf.line(60, y, 400, y);
    for (const x of xs) c += pdf.line(x, top, x, bottom);
    c += rowTexts(xs, [top], [["N.", "Fase", "Scadenza"]]);
    body.forEach((r, i) => r.forEach((t, k) => (c += pdf.text(xs[k] + 3, head - 14 - i * 14, SIZE, t))));
    // The wrapping table: each description (the first column) fills its
    // cell's first line, and the next word would not have fitted after it.
    const xs2 = [60, 200, 320];
    const ys2 = [560, 524, 488];
    const wrapped = [
      [["Ricognizione dei procedimenti", "amministrativi"], "Ufficio"],
      [["Aggiornamento delle schede di", "rischio corruttivo"], "Segreteria"],
    ];
    for (const y of ys2) c += pdf.line(60, y, 320, y);
    for (const x of xs2) c += pdf.line(x, ys2[0], x, ys2.at(-1));
    wrapped.forEach(([d, u], i) => {
      c += pdf.text(203, ys2[i] - 13, SIZE, u);
      d.forEach((l, j) => (c += pdf.text(63, ys2[i] - 13 - 11 * j, SIZE, l)));
    });
    return {
      pages: [{ content: c }],
      expected: {
        tables: [
          { page: 1, grid: [["N.", "Fase", "Scadenza"], ...body] },
          { page: 1, grid: wrapped.map(([d, u]) => [d.join(" "), u]) },
        ],
      },
    };
  },
  /** (f) Upright content on a page shown with /Rotate 90: the text runs down the shown page; the grid must not come out transposed. */
  "rotate-page"() {
    const ys = tops(700, PLAN.length);
    let c = heading("Tabella su pagina ruotata");
    for (const y of ys) c += pdf.line(60, y, 540, y);
    for (const x of PLAN_X) c += pdf.line(x, ys[0], x, ys.at(-1));
    c += rowTexts(PLAN_X, ys, PLAN);
    return { pages: [{ content: c, rotate: 90 }], expected: { tables: [{ page: 1, grid: PLAN }] } };
  },
  /** (f) A landscape table drawn rotated (text running up) on an upright portrait page. */
  "rotated-table"() {
    const ys = tops(700, PLAN.length);
    let t = "";
    for (const y of ys) t += pdf.line(60, y, 540, y);
    for (const x of PLAN_X) t += pdf.line(x, ys[0], x, ys.at(-1));
    t += rowTexts(PLAN_X, ys, PLAN);
    // (x, y) → (750 - y, 150 + x): the table stands on its left side, its first row at the page's left.
    const c = `q 0 1 -1 0 750 150 cm\n${t}Q\n`;
    return { pages: [{ content: c }], expected: { tables: [{ page: 1, grid: PLAN }] } };
  },
  /**
   * (g) A small two-column borderless table (label, value) inside the left
   * column of a two-column page of prose; the right column's prose runs on
   * beside it.
   */
  "whitespace-two-col"() {
    const prose = [
      "Il piano della performance definisce gli obiettivi",
      "che l'ente intende raggiungere nel corso dell'anno e",
      "gli indicatori con cui ne misura il raggiungimento,",
      "nel rispetto delle linee programmatiche di mandato.",
    ];
    const right = Array.from({ length: 16 }, (_, i) => prose[i % prose.length]);
    const table = [
      ["Indicatore", "Valore"],
      ["Pratiche evase", "120"],
      ["Tempo medio (giorni)", "18"],
      ["Reclami ricevuti", "4"],
      ["Utenti serviti", "2.350"],
    ];
    let c = heading("Relazione sulla performance");
    let y = 720;
    for (const l of prose) {
      c += pdf.text(60, y, 9, l);
      y -= 12;
    }
    y -= 10;
    for (const [a, b] of table) {
      c += pdf.text(60, y, 9, a, a === "Indicatore") + pdf.text(200, y, 9, b, b === "Valore");
      y -= 12;
    }
    y -= 10;
    for (const l of prose) {
      c += pdf.text(60, y, 9, l);
      y -= 12;
    }
    right.forEach((l, i) => (c += pdf.text(310, 720 - 12 * i, 9, l)));
    return { pages: [{ content: c }], expected: { tables: [{ page: 1, grid: table }] } };
  },
  /** (g) Two borderless tables one above the other, a title line between them, with different columns. */
  "whitespace-stacked"() {
    const t1 = [
      ["Area", "Obiettivi", "Peso"],
      ["Affari generali", "4", "30%"],
      ["Servizi sociali", "3", "40%"],
      ["Lavori pubblici", "2", "30%"],
    ];
    const t2 = [
      ["Fase", "Inizio", "Fine", "Stato"],
      ["Analisi", "01/02", "31/03", "concluso"],
      ["Sviluppo", "01/04", "30/09", "in corso"],
      ["Verifica", "01/10", "31/12", "da avviare"],
    ];
    let c = heading("Riepilogo");
    let y = 720;
    for (const r of t1) {
      r.forEach((t, k) => (c += pdf.text([60, 220, 330][k], y, 9, t)));
      y -= 13;
    }
    y -= 6;
    c += pdf.text(60, y, 10, "Cronoprogramma delle fasi", true);
    y -= 19;
    for (const r of t2) {
      r.forEach((t, k) => (c += pdf.text([60, 160, 260, 360][k], y, 9, t)));
      y -= 13;
    }
    return {
      pages: [{ content: c }],
      expected: {
        tables: [
          { page: 1, grid: t1 },
          { page: 1, grid: t2 },
        ],
      },
    };
  },
  /**
   * (e) A borderless table whose horizontal rules are sparse: one under the
   * header and one after every second row; the two rows between two rules
   * are rows of their own.
   */
  "rows-sparse-rules"() {
    const rows = [
      ["Area", "Responsabile", "Obiettivi"],
      ["Affari generali", "Dott. Bianchi", "4"],
      ["Ragioneria", "Dott.ssa Neri", "3"],
      ["Tributi", "Dott. Verdi", "2"],
      ["Lavori pubblici", "Ing. Russo", "5"],
      ["Polizia locale", "Comm. Gallo", "2"],
      ["Servizi sociali", "Dott.ssa Riva", "3"],
    ];
    const xs = [60, 200, 360];
    let c = heading("Aree e responsabili");
    let y = 700;
    const rules = [y];
    rows.forEach((r, i) => {
      r.forEach((t, k) => (c += pdf.text(xs[k] + 3, y - 12, SIZE, t)));
      y -= 16;
      if (i === 0 || i % 2 === 0) rules.push(y);
    });
    for (const ry of rules) c += pdf.line(60, ry, 460, ry);
    return { pages: [{ content: c }], expected: { tables: [{ page: 1, grid: rows }] } };
  },
  /** (h) Check boxes drawn as 9 pt squares, ticked ones crossed by two diagonals, outside any table. */
  checkboxes() {
    let c = heading("Stato di attuazione");
    const box = (x, y, ticked) => pdf.strokeRect(x, y, 9, 9) + (ticked ? pdf.line(x, y, x + 9, y + 9) + pdf.line(x, y + 9, x + 9, y) : "");
    c += box(60, 698, true) + pdf.text(75, 700, 10, "Obiettivo raggiunto");
    c += box(60, 678, false) + pdf.text(75, 680, 10, "Obiettivo parzialmente raggiunto");
    c += box(60, 658, false) + pdf.text(75, 660, 10, "Obiettivo non raggiunto");
    return {
      pages: [{ content: c }],
      expected: { tables: [], lines: ["☒ Obiettivo raggiunto", "☐ Obiettivo parzialmente raggiunto", "☐ Obiettivo non raggiunto"] },
    };
  },
};

function main() {
  const only = process.argv.slice(2);
  fs.mkdirSync(OUT, { recursive: true });
  for (const [name, make] of Object.entries(FIXTURES)) {
    if (only.length && !only.includes(name)) continue;
    const { pages, expected } = make();
    fs.writeFileSync(path.join(OUT, `${name}.pdf`), writePdf(pages));
    fs.writeFileSync(path.join(OUT, `${name}.expected.json`), JSON.stringify(expected, null, 1) + "\n");
    console.log(`tests/fixtures/tables/${name}.pdf`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
