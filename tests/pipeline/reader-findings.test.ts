/**
 * Every kind of reader message reaches the user: one document per kind, each a
 * real plan carrying one reader problem, goes through `piao extract` (the finding
 * in the export, with its place), `piao import` (the row in `anomalies`, with its
 * place) and `piao check` (the finding and its place in the report).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReaderCode } from "../../src/extract/reader-message.js";
import type { Anomaly } from "../../src/normalize/plan-schema.js";
import { openDatabase } from "../../src/store/open-database.js";
import { buildPdf, draw } from "../extract/pdf/pdf-builder.js";
import { REPO_ROOT, runPiao } from "../run-piao.js";

const dir = mkdtempSync(path.join(tmpdir(), "piao-reader-findings-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (rel: string) => path.join(REPO_ROOT, "fixtures", rel);

/** A PIAO objective table (three objectives, a ruled grid), as the PDF of a small plan. */
function planPage(): string {
  const xs = [50, 90, 300, 420, 545];
  const rows = [
    ["N.", "Obiettivo", "Indicatore di risultato", "Valore atteso"],
    ["1", "Fascicolo elettronico del cittadino", "Servizi consultabili online", "Almeno 10"],
    ["2", "Pagamenti elettronici con PagoPA", "Entrate incassate con PagoPA", "100%"],
    ["3", "Raccolta differenziata porta a porta", "Percentuale di raccolta differenziata", "Almeno 75%"],
  ];
  const ys = rows.map((_, i) => 700 - i * 30).concat(700 - rows.length * 30);
  let c = draw.text(50, 790, 14, "COMUNE DI PROVA", true) + draw.text(50, 770, 12, "Piano integrato di attività e organizzazione 2025-2027", true);
  c += draw.text(50, 740, 11, "Obiettivi di performance", true);
  c += draw.grid(xs, ys);
  rows.forEach((r, i) => r.forEach((t, j) => (c += draw.text(xs[j]! + 3, ys[i]! - 18, 8, t, i === 0))));
  return c;
}

/** What a document of one kind must show: the code, its severity and its place. */
interface Case {
  code: ReaderCode;
  file: () => Promise<string> | string;
  severity: Anomaly["severity"];
  page: number | null;
  table?: string;
  /** The place as `piao check` prints it, after the code. */
  shown: string;
  /** Whose plan the document is (`piao check --organization`). */
  organization: string;
}

async function docxWith(name: string, edit: (zip: JSZip, xml: string) => string | Promise<string>): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(fixture("fontebassa-2025/fontebassa-2025.docx")));
  const xml = await zip.file("word/document.xml")!.async("string");
  zip.file("word/document.xml", await edit(zip, xml));
  const out = path.join(dir, name);
  writeFileSync(out, await zip.generateAsync({ type: "uint8array" }));
  return out;
}

function copy(rel: string, name: string): string {
  const out = path.join(dir, name);
  copyFileSync(fixture(rel), out);
  return out;
}

const CASES: Case[] = [
  {
    code: "UNREADABLE",
    organization: "Prova",
    file: () => {
      // The plan, then a scanned page: an image and no text.
      const out = path.join(dir, "scanned.pdf");
      writeFileSync(out, buildPdf([{ content: planPage() }, { content: draw.image(40, 60, 515, 720) }]));
      return out;
    },
    severity: "error",
    page: 2,
    shown: "p. 2",
  },
  {
    code: "TABLE_SKIPPED",
    organization: "Prova",
    file: () => {
      // A page of 4,200 short dashes, rows 4 pt apart and 5 pt gaps (beyond the snap and join
      // tolerances, 3 pt): more rulings than maxRulings (4,000), a drawing.
      let map = draw.text(50, 800, 10, "Planimetria degli interventi");
      for (let row = 0; row < 175; row++) for (let k = 0; k < 24; k++) map += draw.line(30 + k * 23, 80 + row * 4, 48 + k * 23, 80 + row * 4, 0.1);
      const out = path.join(dir, "drawing.pdf");
      writeFileSync(out, buildPdf([{ content: planPage() }, { content: map }]));
      return out;
    },
    severity: "warning",
    page: 2,
    shown: "p. 2",
  },
  {
    code: "TABLE_GRID_OPEN",
    organization: "Prova",
    file: () => {
      // Under the plan, a box whose second row stops halfway: its right half has no ruled cell.
      let c = draw.line(50, 300, 250, 300) + draw.line(50, 280, 250, 280) + draw.line(50, 260, 150, 260);
      c += draw.line(50, 260, 50, 300) + draw.line(150, 260, 150, 300) + draw.line(250, 280, 250, 300);
      c += draw.text(53, 286, 9, "Note") + draw.text(153, 286, 9, "Allegato") + draw.text(53, 266, 9, "Vedi");
      const out = path.join(dir, "open-grid.pdf");
      writeFileSync(out, buildPdf([{ content: planPage() + c }]));
      return out;
    },
    severity: "warning",
    page: 1,
    table: "p1-t2",
    shown: "p. 1, tabella p1-t2",
  },
  {
    code: "TABLE_SPANS_OVERLAP",
    organization: "Fontebassa",
    file: () => {
      const html = readFileSync(fixture("fontebassa-2025/fontebassa-2025.html"), "utf8");
      const bad = `<table><tr><td>x</td><td rowspan=2>alto</td></tr><tr><td colspan=3>largo</td></tr></table>`;
      const out = path.join(dir, "spans.html");
      writeFileSync(out, html.replace(/<\/body>/i, `${bad}</body>`));
      return out;
    },
    severity: "warning",
    page: null,
    // The plan's layout holds seven tables (piao tables): the one added is the eighth.
    table: "t8",
    shown: "tabella t8",
  },
  {
    code: "REPEATED_HEADER_DROPPED",
    organization: "Borgoverde",
    file: () => copy("borgoverde-2024/borgoverde-2024.converted.txt", "repeated.txt"),
    severity: "info",
    page: 7,
    shown: "p. 7",
  },
  {
    code: "LAYOUT_CONVERSION",
    organization: "Borgoverde",
    file: () => copy("borgoverde-2024/borgoverde-2024.layout.txt", "layout.txt"),
    severity: "info",
    page: null,
    shown: "LAYOUT_CONVERSION",
  },
  {
    code: "DOCX_ALT_CHUNK",
    organization: "Fontebassa",
    file: () =>
      docxWith("alt-chunk.docx", async (zip, xml) => {
        // An embedded RTF part (w:altChunk), which the reader cannot read.
        zip.file("word/chunk.rtf", "{\\rtf1 testo rtf}");
        const rels = "word/_rels/document.xml.rels";
        const chunk = `<Relationship Id="rIdChunk" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk.rtf"/>`;
        zip.file(rels, (await zip.file(rels)!.async("string")).replace("</Relationships>", `${chunk}</Relationships>`));
        return xml.replace("</w:body>", `<w:altChunk r:id="rIdChunk"/></w:body>`);
      }),
    severity: "warning",
    page: null,
    shown: "DOCX_ALT_CHUNK",
  },
  {
    code: "DOCX_TEXT_DROPPED",
    organization: "Fontebassa",
    // A complex field that is opened and never closed: Word shows its text, the reader
    // (for which it is still the field's instruction) does not; the word count of the body's text elements has it.
    file: () =>
      docxWith("dropped.docx", (_zip, xml) => {
        const words = Array.from({ length: 150 }, (_, i) => `parola${i}`).join(" ");
        const at = xml.lastIndexOf("<w:sectPr");
        return `${xml.slice(0, at)}<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:t>${words}</w:t></w:r></w:p>${xml.slice(at)}`;
      }),
    severity: "warning",
    page: null,
    shown: "DOCX_TEXT_DROPPED",
  },
  {
    code: "CONTROL_CHARACTERS",
    organization: "Borgoverde",
    // A terminal escape pasted into the converted text of a plan, at the end of its first line (page 1).
    file: () => {
      const text = readFileSync(fixture("borgoverde-2024/borgoverde-2024.converted.txt"), "utf8").replace(/\S\n/, (m) => `${m[0]} \u001b[31mrosso\u001b[0m\n`);
      const out = path.join(dir, "control.txt");
      writeFileSync(out, text);
      return out;
    },
    severity: "warning",
    page: 1,
    shown: "p. 1",
  },
];

describe("reader findings end to end", () => {
  it("covers every reader code", () => {
    expect(CASES.map((c) => c.code).sort()).toEqual([...ReaderCode.options].sort());
  });

  // The documents are imported a few to a database, one `piao import` each (its worker reads
  // them one after another). Never two of one organization in a database: they would be
  // versions of one plan there, and `piao check --db` reports only the latest.
  const files = new Map<ReaderCode, string>();
  const databases = new Map<ReaderCode, string>();
  beforeAll(async () => {
    const groups: Case[][] = [];
    for (const c of CASES) {
      files.set(c.code, await c.file());
      const group = groups.find((g) => g.every((o) => o.organization !== c.organization));
      if (group) group.push(c);
      else groups.push([c]);
    }
    for (const [i, group] of groups.entries()) {
      const db = path.join(dir, `plans-${i + 1}.sqlite`);
      const imported = await runPiao(["import", ...group.map((c) => files.get(c.code)!), "--db", db, "--jobs", "1"]);
      expect(imported.stdout).toBe(`imported ${group.length}, unchanged 0, failed 0\n`);
      expect(imported.code).toBe(0);
      for (const c of group) databases.set(c.code, db);
    }
  });

  for (const c of CASES) {
    it(`${c.code}: piao extract, the database and piao check show it with its place`, async () => {
      const file = files.get(c.code)!;
      const extracted = await runPiao(["extract", file]);
      expect(extracted.stderr).toBe("");
      expect(extracted.code).toBe(0);
      const found = (JSON.parse(extracted.stdout) as { anomalies: Anomaly[] }).anomalies.filter((a) => a.code === c.code);
      expect(found.length).toBeGreaterThan(0);
      const f = found[0]!;
      expect([f.severity, f.page, f.unit, f.objective]).toEqual([c.severity, c.page, null, null]);
      if (c.table) expect(f.table).toBe(c.table);

      const db = databases.get(c.code)!;
      const d = openDatabase(db, { readonly: true });
      try {
        const row = d
          .prepare(
            `SELECT a.severity, a.page, a.table_id, a.message FROM anomalies a JOIN plans p ON p.id = a.plan_id JOIN documents d ON d.id = p.document_id
             WHERE a.code = ? AND d.path = ? ORDER BY a.position LIMIT 1`,
          )
          .get(c.code, file);
        expect(row).toEqual({ severity: c.severity, page: c.page, table_id: f.table ?? null, message: f.message });
      } finally {
        d.close();
      }

      // The database's only plan of this organization: the report is this document's alone.
      const checked = await runPiao(["check", "--db", db, "--organization", c.organization]);
      expect(checked.stdout).toContain(file);
      for (const other of files.values()) if (other !== file) expect(checked.stdout).not.toContain(other);
      const line = checked.stdout.split("\n").find((l) => l.includes(c.code));
      expect(line, checked.stdout).toBeDefined();
      expect(line).toContain(c.shown);
      expect(checked.stdout).toContain(f.message.slice(0, 40));
    });
  }
});
