/**
 * A reader's finding about cells names its row and column (1-based) where the
 * reader knows them, end to end: `piao extract` (the finding's `table`, `row`,
 * `column`), `piao import` (`table_id`, `row_index`, `column_index`), `piao check`
 * in Italian and English (text and HTML) and the served plan page. One small
 * generated document per case, its place known from how it was drawn or written:
 * every reader code that can be about a cell or a row has a case, with each reader
 * that emits it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import type { Anomaly } from "../../src/normalize/plan-schema.js";
import { planListCsv, planPage } from "../../src/serve/page-plan.js";
import { planRow } from "../../src/serve/plan-queries.js";
import { openDatabase } from "../../src/store/open-database.js";
import { makeDocx, para, tbl, tc, tr } from "../extract/docx/make-docx.js";
import { buildPdf, draw } from "../extract/pdf/pdf-builder.js";
import { COLS, dataRows, HEAD, pageHead, wordTable } from "../extract/pdf/reader-fixtures.js";
import { type PiaoRun, runPiao } from "../run-piao.js";

const dir = mkdtempSync(path.join(tmpdir(), "piao-finding-place-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ESC = "\u001b[31m";

function write(name: string, content: string | Uint8Array): string {
  const out = path.join(dir, name);
  writeFileSync(out, content);
  return out;
}

/** One finding a document must carry, with its place as written by hand, and its place's words in both languages. */
interface Case {
  name: string;
  code: string;
  file: () => string | Promise<string>;
  page: number | null;
  /** The table's id: its page (where it has one) and its number in reading order. */
  table: string;
  row: number | null;
  column: number | null;
  /** The place as the reports print it, in Italian and English. */
  it: string;
  en: string;
}

/** A tab-separated conversion: a table whose header row is printed again on page 2, an escape code in its 4th row's 2nd cell. */
const TAB_TEXT = [
  "COMUNE DI PROVA",
  "Piano della performance 2025",
  "",
  "N.\tObiettivo\tPeso",
  "1\tPrimo obiettivo\t30",
  "2\tSecondo obiettivo\t30",
  "\fN.\tObiettivo\tPeso",
  `3\tTerzo ${ESC}obiettivo\t40`,
  "4\tQuarto obiettivo\t0",
  "",
].join("\n");

/** A layout-preserving conversion (pdftotext -layout) whose table's header is printed again on page 2; `page2` are the rows under it. */
function layoutText(page2: string[]): string {
  const head = "  N.    Obiettivo                          Indicatore                     Peso";
  const page1 = [
    "                              COMUNE DI PROVA",
    "",
    "              Piano della performance 2025 - Obiettivi",
    "",
    head,
    "",
    "  1     Fascicolo elettronico              Servizi online                   30",
    "",
    "  2     Pagamenti con PagoPA               Entrate incassate                30",
    "",
  ];
  return `${page1.join("\n")}\n\f${[head, "", ...page2, ""].join("\n")}\n`;
}

/** An HTML plan: an objectives table (escape codes in two cells of its 3rd row), then a table whose spans overlap in its 2nd row's 1st cell. */
const HTML = `<!doctype html><html><head><meta charset="utf-8"><title>Piano</title></head><body>
<h1>Comune di Prova</h1><p>Piano della performance 2025</p>
<table>
<tr><th>N.</th><th>Obiettivo</th><th>Indicatore</th></tr>
<tr><td>1</td><td>Fascicolo elettronico</td><td>Servizi online</td></tr>
<tr><td>2${ESC}</td><td>Pagamenti con PagoPA</td><td>Entrate ${ESC}incassate</td></tr>
</table>
<p>Note</p>
<table><tr><td>x</td><td rowspan="2">alto</td></tr><tr><td colspan="3">largo</td></tr></table>
</body></html>`;

/** DOCX table cells, one paragraph each. */
const cells = (...texts: string[]) => texts.map((t) => tc(para(t))).join("");

/** The DOCX plans' objectives table: a header, objective 1, and objective 2's row as given (`thirdRow`'s cells). */
const objectivesTable = (thirdRow: string) =>
  tbl(tr(cells("N.", "Obiettivo", "Indicatore")) + tr(cells("1", "Fascicolo elettronico", "Servizi online")) + tr(thirdRow));

/**
 * A DOCX plan: an objectives table with an escape code (a character reference) in its
 * 3rd row's 2nd cell, then a table whose 2nd row's 2nd cell continues a vertical
 * merge (w:vMerge) the cell above never started.
 */
async function orphanMergeDocx(): Promise<string> {
  const objectives = objectivesTable(cells("2", "Pagamenti &#x1B;[31mcon PagoPA", "Entrate incassate"));
  const orphan = tbl(tr(cells("Allegato", "Sopra")) + tr(tc(para("Nota")) + tc(para("Sotto"), "<w:vMerge/>")));
  const body = para("Comune di Prova") + para("Piano della performance 2025") + objectives + para("Note") + orphan;
  return write("orphan-merge.docx", await makeDocx({ body }));
}

/** A DOCX plan embedding an HTML part (w:altChunk) after its objectives table: the part's table has spans overlapping in its 2nd row's 1st cell. */
async function htmlChunkDocx(): Promise<string> {
  const objectives = objectivesTable(cells("2", "Pagamenti con PagoPA", "Entrate incassate"));
  const body = para("Comune di Prova") + para("Piano della performance 2025") + objectives + `<w:altChunk r:id="rIdChunk"/>`;
  const zip = await JSZip.loadAsync(await makeDocx({ body }));
  zip.file(
    "word/chunk.html",
    `<html><body><p>Allegato</p><table><tr><td>x</td><td rowspan="2">alto</td></tr><tr><td colspan="3">largo</td></tr></table></body></html>`,
  );
  const rel = `<Relationship Id="rIdChunk" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk.html"/>`;
  const rels = "word/_rels/document.xml.rels";
  zip.file(rels, (await zip.file(rels)!.async("string")).replace("</Relationships>", `${rel}</Relationships>`));
  return write("html-chunk.docx", await zip.generateAsync({ type: "uint8array" }));
}

/** A DOCX plan whose objectives table holds, in its 3rd row's 3rd cell, an embedded RTF part (w:altChunk), which the reader cannot read. */
async function rtfInCellDocx(): Promise<string> {
  const objectives = objectivesTable(cells("2", "Pagamenti con PagoPA") + tc(`<w:altChunk r:id="rIdRtf"/>`));
  const zip = await JSZip.loadAsync(await makeDocx({ body: para("Comune di Prova") + para("Piano della performance 2025") + objectives }));
  zip.file("word/indicatore.rtf", "{\\rtf1 Entrate incassate}");
  const rel = `<Relationship Id="rIdRtf" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="indicatore.rtf"/>`;
  const rels = "word/_rels/document.xml.rels";
  zip.file(rels, (await zip.file(rels)!.async("string")).replace("</Relationships>", `${rel}</Relationships>`));
  return write("rtf-in-cell.docx", await zip.generateAsync({ type: "uint8array" }));
}

/**
 * A one-page PDF: a full table (an escape code in its 3rd row's 2nd cell), and under
 * it a box of two columns whose second row has only its first cell.
 */
function openGridPdf(): string {
  const rows = [HEAD, ...dataRows(1, 3)];
  rows[2] = ["2", `Attivita ${ESC}2`, "Valore 2"];
  const full = wordTable(740, rows);
  let box = draw.line(50, 500, 250, 500) + draw.line(50, 480, 250, 480) + draw.line(50, 460, 150, 460);
  box += draw.line(50, 460, 50, 500) + draw.line(150, 460, 150, 500) + draw.line(250, 480, 250, 500);
  box += draw.text(53, 486, 9, "Note") + draw.text(153, 486, 9, "Allegato") + draw.text(53, 466, 9, "Vedi");
  return write("open-grid.pdf", buildPdf([{ content: pageHead(1, 1) + full.content + box }]));
}

const CASES: Case[] = [
  {
    name: "PDF: a ruled table whose 2nd row stops halfway",
    code: "TABLE_GRID_OPEN",
    file: openGridPdf,
    page: 1,
    table: "p1-t2",
    row: 2,
    column: 2,
    it: "p. 1, tabella p1-t2, riga 2, colonna 2",
    en: "p. 1, table p1-t2, row 2, column 2",
  },
  {
    name: "PDF: a table running over a page break, open in its last row on page 2",
    code: "TABLE_GRID_OPEN",
    file: () => {
      // Page 1: the header and rows 1–32 down to the foot; page 2: rows 33, 34 and a row 35 of two cells, under three columns.
      const p1 = wordTable(740, [HEAD, ...dataRows(1, 32)]);
      const p2 = wordTable(780, dataRows(33, 2));
      const last = wordTable(740, [["35", "Attivita 35"]], { xs: COLS.slice(0, 3) });
      return write(
        "open-continued.pdf",
        buildPdf([
          { content: pageHead(1, 2) + p1.content },
          { content: pageHead(2, 2) + p2.content + last.content + draw.text(50, 650, 10, "Testo dopo la tabella") },
        ]),
      );
    },
    // The header is row 1, data row n is row n + 1: row 35 is the table's 36th, its 3rd column open.
    page: 2,
    table: "p1-t1",
    row: 36,
    column: 3,
    it: "p. 2, tabella p1-t1, riga 36, colonna 3",
    en: "p. 2, table p1-t1, row 36, column 3",
  },
  {
    name: "HTML: a cell whose span overlaps the cell above",
    code: "TABLE_SPANS_OVERLAP",
    file: () => write("plan.html", HTML),
    page: null,
    table: "t2",
    row: 2,
    column: 1,
    it: "tabella t2, riga 2, colonna 1",
    en: "table t2, row 2, column 1",
  },
  {
    name: "DOCX: a vertical merge with no start",
    code: "TABLE_SPANS_OVERLAP",
    file: orphanMergeDocx,
    page: null,
    table: "t2",
    row: 2,
    column: 2,
    it: "tabella t2, riga 2, colonna 2",
    en: "table t2, row 2, column 2",
  },
  {
    name: "DOCX: an embedded HTML part's table, numbered in the document",
    code: "TABLE_SPANS_OVERLAP",
    file: htmlChunkDocx,
    // The part's own first table is the document's second.
    page: null,
    table: "t2",
    row: 2,
    column: 1,
    it: "tabella t2, riga 2, colonna 1",
    en: "table t2, row 2, column 1",
  },
  {
    name: "DOCX: an embedded part it cannot read, held in a table cell",
    code: "DOCX_ALT_CHUNK",
    file: rtfInCellDocx,
    page: null,
    table: "t1",
    row: 3,
    column: 3,
    it: "tabella t1, riga 3, colonna 3",
    en: "table t1, row 3, column 3",
  },
  {
    name: "HTML: control characters in two cells of one row",
    code: "CONTROL_CHARACTERS",
    file: () => write("plan.html", HTML),
    page: null,
    table: "t1",
    row: 3,
    column: null,
    it: "tabella t1, riga 3",
    en: "table t1, row 3",
  },
  {
    name: "PDF: a control character in one cell",
    code: "CONTROL_CHARACTERS",
    file: openGridPdf,
    page: 1,
    table: "p1-t1",
    row: 3,
    column: 2,
    it: "p. 1, tabella p1-t1, riga 3, colonna 2",
    en: "p. 1, table p1-t1, row 3, column 2",
  },
  {
    name: "DOCX: a control character in one cell",
    code: "CONTROL_CHARACTERS",
    file: orphanMergeDocx,
    page: null,
    table: "t1",
    row: 3,
    column: 2,
    it: "tabella t1, riga 3, colonna 2",
    en: "table t1, row 3, column 2",
  },
  {
    name: "text: control characters in one cell of a table continued on page 2",
    code: "CONTROL_CHARACTERS",
    file: () => write("table-continued.txt", TAB_TEXT),
    page: 2,
    table: "p1-t1",
    row: 4,
    column: 2,
    it: "p. 2, tabella p1-t1, riga 4, colonna 2",
    en: "p. 2, table p1-t1, row 4, column 2",
  },
  {
    name: "text: the header row printed again on page 2",
    code: "REPEATED_HEADER_DROPPED",
    file: () => write("table-continued.txt", TAB_TEXT),
    // Header, rows 1 and 2 on page 1: page 2's first row (3) is the table's 4th.
    page: 2,
    table: "p1-t1",
    row: 4,
    column: null,
    it: "p. 2, tabella p1-t1, riga 4",
    en: "p. 2, table p1-t1, row 4",
  },
  {
    name: "layout text: the header line printed again on page 2",
    code: "REPEATED_HEADER_DROPPED",
    file: () =>
      write(
        "repeated.layout.txt",
        layoutText([
          "  3     Raccolta differenziata             Percentuale raccolta             20",
          "",
          "  4     Sportello unico                    Pratiche evase                   20",
        ]),
      ),
    page: 2,
    table: "p1-t1",
    row: 4,
    column: null,
    it: "p. 2, tabella p1-t1, riga 4",
    en: "p. 2, table p1-t1, row 4",
  },
  {
    name: "layout text: the header line printed again on page 2, above the rest of the row the break split",
    code: "REPEATED_HEADER_DROPPED",
    file: () =>
      write(
        "repeated-split.layout.txt",
        layoutText(["        e con app IO                       con PagoPA", "  3     Raccolta differenziata             Percentuale raccolta             20"]),
      ),
    // Page 2 opens with the rest of row 2 (no number): the table's 3rd row.
    page: 2,
    table: "p1-t1",
    row: 3,
    column: null,
    it: "p. 2, tabella p1-t1, riga 3",
    en: "p. 2, table p1-t1, row 3",
  },
];

/** `piao extract` and `piao import` of one file, once for the cases that share it. */
const runs = new Map<string, Promise<{ extracted: PiaoRun; db: string }>>();
function extractAndImport(file: string): Promise<{ extracted: PiaoRun; db: string }> {
  let run = runs.get(file);
  if (!run) {
    const db = path.join(dir, `${path.basename(file)}.sqlite`);
    run = (async () => {
      const extracted = await runPiao(["extract", file]);
      const imported = await runPiao(["import", file, "--db", db, "--jobs", "1"]);
      expect(imported.code, imported.stderr).toBe(0);
      return { extracted, db };
    })();
    runs.set(file, run);
  }
  return run;
}

/** `piao check` of one database, once for the cases that share it. */
const checks = new Map<string, Promise<PiaoRun>>();
function check(db: string, lang: "it" | "en", format: "text" | "html"): Promise<PiaoRun> {
  const key = `${db} ${lang} ${format}`;
  let run = checks.get(key);
  if (!run) checks.set(key, (run = runPiao(["check", "--db", db, "--lang", lang, "--format", format])));
  return run;
}

describe("a reader's finding about cells names its row and column", () => {
  for (const c of CASES) {
    it(`${c.code}, ${c.name}: piao extract, the database, piao check and the plan page show the place`, async () => {
      const { extracted, db } = await extractAndImport(await c.file());
      const table = c.table;
      expect(extracted.stderr).toBe("");
      expect(extracted.code).toBe(0);
      const found = (JSON.parse(extracted.stdout) as { anomalies: Anomaly[] }).anomalies.filter((a) => a.code === c.code);
      expect(found).toHaveLength(1);
      const f = found[0]!;
      expect({ page: f.page, table: f.table, row: f.row ?? null, column: f.column ?? null }).toEqual({ page: c.page, table, row: c.row, column: c.column });

      const d = openDatabase(db, { readonly: true });
      try {
        const row = d.prepare("SELECT page, table_id, row_index, column_index, message FROM anomalies WHERE code = ?").all(c.code);
        expect(row).toEqual([{ page: c.page, table_id: table, row_index: c.row, column_index: c.column, message: f.message }]);
        // The served plan page lists the place in the catalogue's Italian words (after the page, in a column of its own), its CSV too.
        const place = c.it.replace(/^p\. \d+, /, "");
        expect(planPage(d, planRow(d, 1)!, false)).toContain(`<td>${place}</td>`);
        expect(planListCsv(d, 1, "rilievi")).toContain(`,"${place}",`);
      } finally {
        d.close();
      }

      for (const lang of ["it", "en"] as const) {
        const full = c[lang];
        const text = await check(db, lang, "text");
        const line = text.stdout.split("\n").find((l) => l.includes(c.code));
        expect(line, text.stdout).toBeDefined();
        expect(line!.trimEnd().endsWith(`${c.code}  ${full}`), line).toBe(true);
        if (lang === "en") continue; // the HTML report takes the same words from the same catalogue
        // The HTML report: the page (a link into a PDF source), a comma, the rest of the place.
        const html = await check(db, lang, "html");
        const rest = full.replace(/^p\. \d+, /, "");
        const at =
          c.page === null
            ? [`<span><span class="place">${rest}</span></span>`]
            : [`p. ${c.page}</a>, `, `p. ${c.page}</span>, `].map((p) => `${p}<span class="place">${rest}</span>`);
        expect(
          at.some((s) => html.stdout.includes(s)),
          html.stdout.match(/<li class="finding[\s\S]*?<\/li>/g)?.find((l) => l.includes(c.code)),
        ).toBe(true);
      }
    });
  }

  it("names no row or column where the cells at fault share none: control characters in two rows and two columns", async () => {
    const file = write("control-spread.txt", TAB_TEXT.replace("2\tSecondo obiettivo\t30", `2\tSecondo obiettivo\t30${ESC}`));
    const extracted = await runPiao(["extract", file]);
    const f = (JSON.parse(extracted.stdout) as { anomalies: Anomaly[] }).anomalies.filter((a) => a.code === "CONTROL_CHARACTERS");
    // One cell on page 1 (row 3, column 3), one on page 2 (row 4, column 2): the table's page, the table, nothing more.
    expect(f.map((a) => [a.page, a.table, a.row, a.column])).toEqual([[1, "p1-t1", undefined, undefined]]);
    expect(f[0]!.message).toMatch(/^2 control character/);
  });
});
