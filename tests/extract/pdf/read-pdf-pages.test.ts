/** Page-level behaviour on hand-written PDFs: running headers/footers, stitching, rotation, stream tables. */
import { describe, expect, it } from "vitest";
import { readPdf } from "../../../src/extract/pdf/read-pdf.js";
import { readerSettings } from "../../../src/extract/settings.js";
import { buildPdf, draw } from "./pdf-builder.js";
import { cellAt, tablesOf } from "./layout-helpers.js";

const header = (n: number, total: number) =>
  draw.text(220, 810, 12, "COMUNE DI PROVA", true) + draw.text(230, 797, 9, "Provincia di Esempio") + draw.text(480, 30, 9, `Pag. ${n} di ${total}`);

/**
 * A ruled 3-column table; rows listed top-down from y (PDF coordinates). The
 * first row is headH tall; "\n" in a cell text makes visual lines 10pt apart.
 */
function ruled(y: number, rows: string[][], rowH = 20, headH = rowH): string {
  const xs = [50, 150, 350, 545];
  const ys = [y, ...rows.map((_, i) => y - headH - i * rowH)];
  let c = draw.grid(xs, ys);
  rows.forEach((r, i) => r.forEach((t, k) => t.split("\n").forEach((line, j) => (c += draw.text(xs[k]! + 3, ys[i]! - 13 - 10 * j, 9, line)))));
  return c;
}

describe("running headers and footers", () => {
  it("moves repeated top lines and page numbers out of the blocks, keeps repeated body text", async () => {
    const pages = [1, 2, 3].map((n) => ({
      content: header(n, 3) + draw.text(50, 700, 10, `Testo della pagina ${n}`) + draw.text(50, 400, 10, "Nota ripetuta nel corpo"),
    }));
    const doc = await readPdf(buildPdf(pages), "h.pdf", readerSettings());
    for (const [i, p] of doc.pages.entries()) {
      expect(p.header).toEqual(["COMUNE DI PROVA", "Provincia di Esempio"]);
      expect(p.footer).toEqual([`Pag. ${i + 1} di 3`]);
      expect(p.blocks.map((b) => (b.kind === "line" ? b.text : b.id))).toEqual([`Testo della pagina ${i + 1}`, "Nota ripetuta nel corpo"]);
    }
  });

  it("recognises a bare page number even on a single page", async () => {
    const doc = await readPdf(buildPdf([{ content: draw.text(50, 700, 10, "Corpo") + draw.text(290, 30, 9, "- 4 -") }]), "one.pdf", readerSettings());
    expect(doc.pages[0]!.footer).toEqual(["- 4 -"]);
    expect(doc.pages[0]!.header).toEqual([]);
  });
});

describe("stitching across a page break", () => {
  const head = ["N.", "Descrizione", "Indicatore"];
  const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => [`${from + i}`, `Attivita ${from + i}`, `Valore ${from + i}`]);
  const first = Array.from({ length: 32 }, (_, i) => [`${i + 1}`, `Attivita ${i + 1}`, `Valore ${i + 1}`]);
  const pdf = () =>
    buildPdf([
      { content: header(1, 2) + draw.text(50, 760, 11, "SCHEDA SINTETICA", true) + ruled(740, [head, ...first]) },
      {
        content:
          header(2, 2) +
          ruled(780, [head, ["33", "Attivita 33", "Valore 33"], ["34", "Attivita 34", "Valore 34"]]) +
          draw.text(50, 600, 10, "Fine della scheda"),
      },
    ]);

  it("joins the continuation, drops its repeated header row and keeps each row's page", async () => {
    const doc = await readPdf(pdf(), "s.pdf", readerSettings());
    const tables = tablesOf(doc);
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.id).toBe("p1-t1");
    expect(t.pages).toEqual([1, 2]);
    expect(t.rows).toBe(35);
    expect(t.rowPages).toEqual([...Array(33).fill(1), 2, 2]);
    expect(cellAt(t, 32, 1)).toMatchObject({ text: "Attivita 32", page: 1 });
    expect(cellAt(t, 33, 1)).toMatchObject({ text: "Attivita 33", page: 2 });
    expect(cellAt(t, 34, 2)!.text).toBe("Valore 34");
    expect(doc.pages[1]!.blocks.map((b) => (b.kind === "line" ? b.text : b.id))).toEqual(["Fine della scheda"]);
  });

  it("drops a repeated header row whose last wrapped line is clipped on the continuation", async () => {
    const bytes = buildPdf([
      { content: header(1, 2) + ruled(760, [["N.", "Prodotto\nintermedio\natteso", "Note"], ...first], 20, 36) },
      {
        content:
          header(2, 2) +
          ruled(
            780,
            [
              ["N.", "Prodotto\nintermedio", "Note"],
              ["33", "Attivita 33", "Valore 33"],
            ],
            20,
            24,
          ),
      },
    ]);
    const [t, ...more] = tablesOf(await readPdf(bytes, "clip.pdf", readerSettings()));
    expect(more).toHaveLength(0);
    expect(t!.rows).toBe(34);
    expect(cellAt(t!, 33, 0)!.text).toBe("33");
  });

  it("follows a table over three pages, and matches columns by count when a landscape page moves them", async () => {
    const landscape = (y: number, rs: string[][]) => {
      const xs = [60, 200, 500, 780];
      const ys = rs.map((_, i) => y - i * 20).concat(y - rs.length * 20);
      let c = draw.grid(xs, ys);
      rs.forEach((r, i) => r.forEach((t, k) => (c += draw.text(xs[k]! + 3, ys[i]! - 13, 9, t))));
      return c;
    };
    const bytes = buildPdf([
      { content: header(1, 3) + ruled(740, [head, ...rows(1, 32)]) },
      { content: header(2, 3) + ruled(780, [head, ...rows(33, 34)]) },
      {
        width: 842,
        height: 595,
        content:
          draw.text(330, 565, 12, "COMUNE DI PROVA", true) +
          draw.text(340, 552, 9, "Provincia di Esempio") +
          draw.text(730, 30, 9, "Pag. 3 di 3") +
          landscape(530, [head, ...rows(67, 3)]) +
          draw.text(60, 300, 10, "Fine"),
      },
    ]);
    const doc = await readPdf(bytes, "three.pdf", readerSettings());
    const tables = tablesOf(doc);
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.pages).toEqual([1, 2, 3]);
    expect(t.rows).toBe(1 + 32 + 34 + 3);
    expect(t.cols).toBe(3);
    expect(t.rowPages.slice(-4)).toEqual([2, 3, 3, 3]);
    expect(cellAt(t, t.rows - 1, 2)).toMatchObject({ text: "Valore 69", page: 3 });
  });

  it("keeps a heading row repeated at the top of every continuation page in the table, not in the page header", async () => {
    // the table starts at the top of every page, so its heading row recurs at the same place on all of them
    const pages = [1, 2, 3, 4, 5].map((p) => ({ content: header(p, 5) + ruled(780, [head, ...rows(1 + (p - 1) * 34, 34)]) }));
    const doc = await readPdf(buildPdf(pages), "long.pdf", readerSettings());
    for (const p of doc.pages) expect(p.header).toEqual(["COMUNE DI PROVA", "Provincia di Esempio"]);
    const [t, ...more] = tablesOf(doc);
    expect(more).toHaveLength(0);
    expect(t!.pages).toEqual([1, 2, 3, 4, 5]);
    expect(t!.rows).toBe(1 + 5 * 34);
    expect(cellAt(t!, 0, 1)!.text).toBe("Descrizione");
    expect(cellAt(t!, t!.rows - 1, 0)!.text).toBe("170");
  });

  it("does not join when text sits between the table and the page bottom", async () => {
    const bytes = buildPdf([
      { content: header(1, 2) + ruled(740, [head, ...first.slice(0, 5)]) + draw.text(50, 500, 10, "Paragrafo dopo la tabella") },
      { content: header(2, 2) + ruled(780, [head, ["31", "Attivita 31", "Valore 31"]]) },
    ]);
    const tables = tablesOf(await readPdf(bytes, "s2.pdf", readerSettings()));
    expect(tables.map((t) => t.id)).toEqual(["p1-t1", "p2-t1"]);
  });
});

describe("rotated and landscape pages", () => {
  it("brings a /Rotate 90 page upright: width/height swapped, text on horizontal lines", async () => {
    // Portrait media box shown rotated: the text runs up the media box, so it reads left-to-right once rotated.
    const content = "BT /F1 12 Tf 0 1 -1 0 300 100 Tm (Piano della performance) Tj ET\n" + draw.line(100, 50, 100, 500) + draw.line(200, 50, 200, 500);
    const doc = await readPdf(buildPdf([{ content, rotate: 90 }]), "r.pdf", readerSettings());
    const p = doc.pages[0]!;
    expect([p.width, p.height]).toEqual([842, 595]);
    const lines = p.blocks.filter((b) => b.kind === "line");
    expect(lines.map((l) => l.text)).toEqual(["Piano della performance"]);
    const bb = lines[0]!.bbox!;
    expect(bb.x1 - bb.x0).toBeGreaterThan(3 * (bb.y1 - bb.y0)); // a horizontal line of text
  });

  it("reads a landscape media box as is", async () => {
    const doc = await readPdf(buildPdf([{ width: 842, height: 595, content: draw.text(50, 550, 10, "Cronoprogramma") }]), "l.pdf", readerSettings());
    expect([doc.pages[0]!.width, doc.pages[0]!.height]).toEqual([842, 595]);
    expect(doc.pages[0]!.blocks[0]).toMatchObject({ text: "Cronoprogramma", bbox: { x0: 50 } });
  });
});

describe("borderless (stream) tables", () => {
  it("finds aligned columns, keeps a wrapped header as one row and joins wrapped cell lines", async () => {
    let c = draw.text(50, 760, 10, "Fasi e tempi del progetto", true);
    const cols = [50, 90, 260, 300, 340, 380];
    const row = (y: number, cells: string[]) => cells.map((t, k) => (t ? draw.text(cols[k]!, y, 9, t) : "")).join("");
    c += row(730, ["N.", "Descrizione", "Ge", "Feb", "Mar", "Apr"]);
    c += row(719, ["", "fase", "n", "", "", ""]);
    c += row(700, ["1", "Raccolta dei dati", "X", "X", "", ""]);
    c += row(689, ["", "presso gli uffici", "", "", "", ""]);
    c += row(670, ["2", "Analisi", "", "", "X", "X"]);
    c += row(651, ["3", "Relazione finale", "", "", "", "X"]);
    c += draw.text(50, 600, 10, "Il presente cronoprogramma potra essere aggiornato in corso d'anno.");
    const doc = await readPdf(buildPdf([{ content: c }]), "stream.pdf", readerSettings());
    const [t, ...more] = tablesOf(doc);
    expect(more).toHaveLength(0);
    expect(t!.method).toBe("stream");
    expect([t!.rows, t!.cols]).toEqual([4, 6]);
    const grid = Array.from({ length: t!.rows }, (_, r) => Array.from({ length: t!.cols }, (_, k) => cellAt(t!, r, k)?.text ?? "?"));
    expect(grid).toEqual([
      ["N.", "Descrizione\nfase", "Ge\nn", "Feb", "Mar", "Apr"],
      ["1", "Raccolta dei dati\npresso gli uffici", "X", "X", "", ""],
      ["2", "Analisi", "", "", "X", "X"],
      ["3", "Relazione finale", "", "", "", "X"],
    ]);
    const lines = doc.pages[0]!.blocks.filter((b) => b.kind === "line").map((b) => b.kind === "line" && b.text);
    expect(lines).toEqual(["Fasi e tempi del progetto", "Il presente cronoprogramma potra essere aggiornato in corso d'anno."]);
  });

  it("separates a dense 12-month borderless grid into 12 columns with marks under their months", async () => {
    const months = ["Gen", "Feb", "Mar", "Apr", "Mag", "Giu", "Lug", "Ago", "Set", "Ott", "Nov", "Dic"];
    const mx = (k: number) => 250 + 20 * k;
    let c = draw.text(50, 730, 7, "N.", true) + draw.text(70, 730, 7, "Descrizione fase", true);
    months.forEach((m, k) => (c += draw.text(mx(k) + 3, 730, 7, m, true)));
    const rows: [string, string, number[]][] = [
      ["1", "Rilevazione dei fabbisogni", [0, 1, 2]],
      ["2", "Erogazione dei corsi", [3, 4, 5, 6, 7, 8]],
      ["3", "Valutazione finale", [11]],
    ];
    rows.forEach(([n, d, ms], i) => {
      const y = 715 - i * 12;
      c += draw.text(50, y, 8, n) + draw.text(70, y, 8, d);
      for (const k of ms) c += draw.text(mx(k) + 7, y, 8, "x");
    });
    const doc = await readPdf(buildPdf([{ content: c }]), "dense.pdf", readerSettings());
    const [t] = tablesOf(doc);
    expect(t!.method).toBe("stream");
    expect([t!.rows, t!.cols]).toEqual([4, 14]);
    expect(Array.from({ length: 12 }, (_, k) => cellAt(t!, 0, 2 + k)!.text)).toEqual(months);
    rows.forEach(([n, d, ms], i) => {
      expect(cellAt(t!, i + 1, 0)!.text).toBe(n);
      expect(cellAt(t!, i + 1, 1)!.text).toBe(d);
      const marked = Array.from({ length: 12 }, (_, k) => k).filter((k) => cellAt(t!, i + 1, 2 + k)!.text === "x");
      expect(marked).toEqual(ms);
    });
  });

  it("marks shaded month cells of a borderless Gantt", async () => {
    const cols = [50, 200, 230, 260, 290];
    let c = "";
    // bars filling the month cells of a Gantt drawn without borders (rows 20pt apart)
    c += draw.fillRect(230, 685, 30, 19, [0.6, 0.6, 0.6]) + draw.fillRect(260, 685, 30, 19, [0.6, 0.6, 0.6]);
    c += draw.fillRect(290, 665, 30, 19, [0.2, 0.4, 0.8]);
    const row = (y: number, cells: string[]) => cells.map((t, k) => (t ? draw.text(cols[k]! + 3, y, 9, t) : "")).join("");
    c += row(720, ["Fase", "Gen", "Feb", "Mar", "Apr"]);
    c += row(698, ["Analisi", "a", "", "", ""]);
    c += row(678, ["Sviluppo", "b", "", "", ""]);
    c += row(658, ["Collaudo", "c", "", "", "d"]);
    const doc = await readPdf(buildPdf([{ content: c }]), "sg.pdf", readerSettings());
    const [t] = tablesOf(doc);
    expect(t!.method).toBe("stream");
    expect([t!.rows, t!.cols]).toEqual([4, 5]);
    const shaded = t!.cells.filter((x) => x.shaded).map((x) => [x.row, x.col, x.fill]);
    expect(shaded).toEqual([
      [1, 2, "#999999"],
      [1, 3, "#999999"],
      [2, 4, "#3366cc"],
    ]);
  });

  it("uses horizontal rules between rows when a table has no vertical borders", async () => {
    const cols = [50, 110, 260, 420];
    let c = "";
    const row = (y: number, cells: string[]) => cells.map((t, k) => (t ? draw.text(cols[k]!, y, 9, t) : "")).join("");
    // Word's "horizontal borders only" style: one rule per row, drawn in pieces per cell
    const rule = (y: number) => [50, 110, 260, 420].map((x, k, xs) => draw.line(x, y, xs[k + 1] ?? 540, y)).join("");
    c += rule(745) + row(735, ["Area", "Obiettivo", "Indicatore", "Peso"]) + rule(729);
    c +=
      row(718, ["Servizi", "Digitalizzazione", "Pratiche online", "40"]) + row(707, ["Finanziari", "PNRR Misura 1.4.1", "Tempi di rilascio", ""]) + rule(701);
    c += row(690, ["Tecnica", "Manutenzione strade", "Km asfaltati", "30"]) + row(679, ["", "Intercomunali", "", ""]) + rule(673);
    c += row(662, ["Tecnica", "Protezione civile", "Piano aggiornato", "30"]) + rule(656);
    const doc = await readPdf(buildPdf([{ content: c }]), "hrules.pdf", readerSettings());
    const [t, ...more] = tablesOf(doc);
    expect(more).toHaveLength(0);
    expect(t!.method).toBe("stream");
    const grid = Array.from({ length: t!.rows }, (_, r) => Array.from({ length: t!.cols }, (_, k) => cellAt(t!, r, k)?.text ?? "?"));
    expect(grid).toEqual([
      ["Area", "Obiettivo", "Indicatore", "Peso"],
      ["Servizi\nFinanziari", "Digitalizzazione\nPNRR Misura 1.4.1", "Pratiche online\nTempi di rilascio", "40"],
      ["Tecnica", "Manutenzione strade\nIntercomunali", "Km asfaltati", "30"],
      ["Tecnica", "Protezione civile", "Piano aggiornato", "30"],
    ]);
  });

  it("leaves plain paragraphs alone", async () => {
    const text = [
      "Il Piano della Performance e' il documento",
      "programmatico triennale che individua gli",
      "obiettivi specifici dell'amministrazione",
      "e gli indicatori per la misurazione.",
    ];
    const c = text.map((t, i) => draw.text(50, 700 - i * 12, 10, t)).join("");
    const doc = await readPdf(buildPdf([{ content: c }]), "para.pdf", readerSettings());
    expect(tablesOf(doc)).toHaveLength(0);
    expect(doc.pages[0]!.blocks.map((b) => b.kind === "line" && b.text)).toEqual(text);
  });
});
