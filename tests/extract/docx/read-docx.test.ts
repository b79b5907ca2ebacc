import { readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readDocx } from "../../../src/extract/docx/read-docx.js";
import { readerSettings } from "../../../src/extract/settings.js";
import { LayoutDocument, type TextLine } from "../../../src/extract/layout.js";
import { DocumentError } from "../../../src/shared/errors.js";
import { allTables, expectTablesGolden, samplesDir, textGrid } from "../common/golden.js";
import { makeDocx, para, tbl, tc, tr, type DocxParts } from "./make-docx.js";

const opts = readerSettings();
const read = async (parts: DocxParts) => readDocx(await makeDocx(parts), "test.docx", opts);
const lineBlocks = (doc: LayoutDocument) => doc.pages[0]!.blocks.filter((b): b is TextLine => b.kind === "line");

async function kindOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "no error";
  } catch (e) {
    return e instanceof DocumentError ? e.kind : `crash: ${String(e)}`;
  }
}

describe("readDocx: paragraphs", () => {
  it("reads runs, tabs, breaks, bold and sizes; skips deleted, hidden and field-code text", async () => {
    const doc = await read({
      body:
        `<w:p><w:r><w:rPr><w:b/><w:sz w:val="24"/></w:rPr><w:t>Peso</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:tab/><w:t>15</w:t></w:r></w:p>` +
        `<w:p><w:r><w:t>uno</w:t><w:br/><w:t>due</w:t></w:r><w:del><w:r><w:delText>via</w:delText></w:r></w:del>` +
        `<w:r><w:rPr><w:vanish/></w:rPr><w:t>nascosto</w:t></w:r><w:ins><w:r><w:t xml:space="preserve"> tre</w:t></w:r></w:ins></w:p>` +
        `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
        `<w:p/>` +
        `<w:sdt><w:sdtContent>${para("dentro un controllo", `<w:b w:val="0"/>`)}</w:sdtContent></w:sdt>`,
    });
    expect(lineBlocks(doc).map((l) => [l.text, l.bold, l.fontSize])).toEqual([
      ["Peso 15", true, 12],
      ["uno", false, null],
      ["due tre", false, null],
      ["7", false, null],
      ["dentro un controllo", false, null],
    ]);
    expect(doc.pages[0]).toMatchObject({ number: null, width: null, height: null });
    expect(LayoutDocument.safeParse(doc).success).toBe(true);
  });

  it("takes bold and size from paragraph and character styles and the document defaults", async () => {
    const doc = await read({
      styles:
        `<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="20"/></w:rPr></w:rPrDefault></w:docDefaults>` +
        `<w:style w:type="paragraph" w:styleId="Titolo1"><w:basedOn w:val="Base"/></w:style>` +
        `<w:style w:type="paragraph" w:styleId="Base"><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>` +
        `<w:style w:type="character" w:styleId="Forte"><w:rPr><w:b/></w:rPr></w:style>`,
      body:
        `<w:p><w:pPr><w:pStyle w:val="Titolo1"/></w:pPr><w:r><w:t>Titolo</w:t></w:r></w:p>` +
        `<w:p><w:r><w:rPr><w:rStyle w:val="Forte"/></w:rPr><w:t>forte</w:t></w:r></w:p>` +
        `<w:p><w:pPr><w:pStyle w:val="Titolo1"/></w:pPr><w:r><w:rPr><w:b w:val="false"/></w:rPr><w:t>non</w:t></w:r></w:p>` +
        para("normale"),
    });
    expect(lineBlocks(doc).map((l) => [l.text, l.bold, l.fontSize])).toEqual([
      ["Titolo", true, 14],
      ["forte", true, 10],
      ["non", false, 14],
      ["normale", false, 10],
    ]);
  });

  it("turns Wingdings ticks (w:sym) into mark characters and reads text boxes once", async () => {
    const box = `<w:txbxContent>${para("nel riquadro")}</w:txbxContent>`;
    const doc = await read({
      body:
        `<w:p><w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:p>` +
        `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><x>${box}</x></w:drawing></mc:Choice>` +
        `<mc:Fallback><w:pict>${box}</w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>ancora</w:t></w:r></w:p>`,
    });
    expect(lineBlocks(doc).map((l) => l.text)).toEqual(["✓", "ancora", "nel riquadro"]);
  });

  it("works whatever prefix the generator binds to WordprocessingML", async () => {
    const body = `<ns0:p><ns0:r><ns0:t>altro prefisso</ns0:t></ns0:r></ns0:p>`;
    const doc = await read({ body, prefix: "ns0" });
    expect(lineBlocks(doc).map((l) => l.text)).toEqual(["altro prefisso"]);
  });

  it("puts header and footer parts into page.header/footer", async () => {
    const doc = await read({
      header: para("COMUNE DI ESEMPIO") + para("Provincia di Nessuna"),
      footer: `<w:p><w:r><w:t xml:space="preserve">Pag. </w:t></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>`,
      body: para("Corpo"),
    });
    expect(doc.pages[0]!.header).toEqual(["COMUNE DI ESEMPIO", "Provincia di Nessuna"]);
    expect(doc.pages[0]!.footer).toEqual(["Pag. 1"]);
    expect(lineBlocks(doc).map((l) => l.text)).toEqual(["Corpo"]);
  });
});

describe("readDocx: tables", () => {
  it("honours gridSpan and vMerge restart/continue", async () => {
    const doc = await read({
      body: tbl(
        tr(tc(para("N."), `<w:vMerge w:val="restart"/>`) + tc(para("Tempi"), `<w:gridSpan w:val="3"/>`)) +
          tr(tc("", `<w:vMerge/>`) + tc(para("Gen")) + tc(para("Feb")) + tc(para("Mar"))) +
          tr(tc(para("1")) + tc(para("X")) + tc("") + tc(para("x"))),
      ),
    });
    const t = allTables(doc)[0]!;
    expect(t).toMatchObject({ id: "t1", method: "docx", rows: 3, cols: 4, page: null });
    expect(textGrid(t)).toEqual([
      ["N.", "Tempi", "", ""],
      ["", "Gen", "Feb", "Mar"],
      ["1", "X", "", "x"],
    ]);
    expect(t.cells[0]).toMatchObject({ rowSpan: 2, colSpan: 1 });
    expect(doc.messages).toEqual([]);
  });

  it("ends a vertical merge where a row does not continue it, and places cells after gridBefore", async () => {
    const doc = await read({
      body: tbl(
        tr(tc(para("A"), `<w:vMerge w:val="restart"/>`) + tc(para("B"))) +
          tr(tc(para("C")) + tc(para("D"))) +
          tr(tc(para("E"), ""), `<w:gridBefore w:val="1"/>`),
      ),
    });
    const t = allTables(doc)[0]!;
    expect(textGrid(t)).toEqual([
      ["A", "B"],
      ["C", "D"],
      ["", "E"],
    ]);
    expect(t.cells.find((c) => c.text === "A")).toMatchObject({ rowSpan: 1 });
  });

  it("reads cell shading (w:shd fill, patterns, paragraph shading, table default) and ignores white/auto", async () => {
    const doc = await read({
      body:
        `<w:tbl><w:tblPr><w:shd w:val="clear" w:color="auto" w:fill="FFFF00"/></w:tblPr>` +
        tr(
          tc(para(""), `<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>`) +
            tc(para("b"), `<w:shd w:val="clear" w:color="auto" w:fill="FFFFFF"/>`) +
            tc(para("c"), `<w:shd w:val="pct50" w:color="auto" w:fill="auto"/>`) +
            tc(`<w:p><w:pPr><w:shd w:val="clear" w:fill="A6A6A6"/></w:pPr></w:p>`) +
            tc(para("e")),
        ) +
        `</w:tbl>`,
    });
    const cells = allTables(doc)[0]!.cells;
    expect(cells.map((c) => c.fill)).toEqual(["#d9d9d9", null, "#808080", "#a6a6a6", "#ffff00"]);
    expect(cells.map((c) => c.shaded)).toEqual([true, false, true, true, true]);
  });

  it("emits nested tables after the outer one, and joins a cell's paragraphs with newlines", async () => {
    const inner = tbl(tr(tc(para("i1")) + tc(para("i2"))));
    const doc = await read({ body: tbl(tr(tc(para("uno") + para("due") + inner) + tc(para("b")))) + para("dopo") });
    const blocks = doc.pages[0]!.blocks;
    expect(blocks.map((b) => b.kind)).toEqual(["table", "table", "line"]);
    expect(textGrid(allTables(doc)[0]!)).toEqual([["uno\ndue", "b"]]);
    expect(textGrid(allTables(doc)[1]!)).toEqual([["i1", "i2"]]);
  });

  it("warns about a vertical merge continuing nothing", async () => {
    const doc = await read({ body: tbl(tr(tc(para("a")) + tc(para("b"))) + tr(tc("", `<w:vMerge/>`) + tc(para("c")))) });
    expect(doc.messages.map((m) => m.code)).toContain("TABLE_SPANS_OVERLAP");
  });
});

describe("readDocx: unusable input", () => {
  it("gives DocumentError kinds, never a crash", async () => {
    expect(await kindOf(readDocx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), "x.docx", opts))).toBe("corrupt");
    const noDoc = new JSZip();
    noDoc.file("word/other.xml", "<x/>");
    expect(await kindOf(readDocx(await noDoc.generateAsync({ type: "uint8array" }), "x.docx", opts))).toBe("corrupt");
    const garbage = new JSZip();
    garbage.file("word/document.xml", "this is not xml <<<");
    expect(await kindOf(readDocx(await garbage.generateAsync({ type: "uint8array" }), "x.docx", opts))).toBe("corrupt");
    expect(await kindOf(read({ body: "<w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p>" }))).toBe("empty");
  });

  it("reports a truncated package as corrupt", async () => {
    const bytes = readFileSync(path.resolve(samplesDir, "luzzara-2024.docx"));
    expect(await kindOf(readDocx(new Uint8Array(bytes.subarray(0, bytes.length / 2)), "x.docx", opts))).toBe("corrupt");
  });
});

describe("readDocx: the Luzzara sample", () => {
  const file = path.resolve(samplesDir, "luzzara-2024.docx");
  const docP = readDocx(new Uint8Array(readFileSync(file)), file, opts);

  it("is a valid layout with header and footer parts set apart and no warnings", async () => {
    const doc = await docP;
    expect(LayoutDocument.safeParse(doc).success).toBe(true);
    expect(doc.pages[0]!.header).toEqual(["COMUNE DI LUZZARA", "UNIONE BASSA REGGIANA", "Provincia di Reggio Emilia"]);
    expect(doc.pages[0]!.footer).toEqual(["Pag. 1 di 1"]);
    expect(doc.messages).toEqual([]);
  });

  it("has a 12-month header on every objective sheet", async () => {
    const sheets = allTables(await docP).filter((t) => t.cells.some((c) => c.text.startsWith("Nome obiettivo")));
    expect(sheets.length).toBeGreaterThan(10);
    for (const t of sheets) {
      const grid = textGrid(t);
      const row = grid.find((r) => r.includes("Gen"))!;
      expect(row.slice(row.indexOf("Gen"))).toEqual(["Gen", "Feb", "Mar", "Apr", "Mag", "Giu", "Lug", "Ago", "Set", "Ott", "Nov", "Dic"]);
    }
  });

  it("matches the golden tables", async () => {
    expectTablesGolden(await docP, "tests/golden/docx/luzzara-2024.tables.json");
  });
});

describe("readDocx: marks and safety nets", () => {
  it("marks a cell crossed by diagonal borders", async () => {
    const doc = await read({
      body: tbl(
        tr(
          tc(para("a")) +
            tc("", `<w:tcBorders><w:tl2br w:val="single" w:sz="4"/><w:tr2bl w:val="single" w:sz="4"/></w:tcBorders>`) +
            tc("", `<w:tcBorders><w:tl2br w:val="nil"/></w:tcBorders>`),
        ),
      ),
    });
    expect(allTables(doc)[0]!.cells.map((c) => c.marked)).toEqual([false, true, false]);
  });

  it("warns when words of the body's text elements are not in the layout, wherever they sit; text left out on purpose counts as read", async () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `parola${i}`).join(" ");
    const codes = async (body: string) => (await read({ body })).messages.map((m) => [m.code, m.reason]);
    // Text inside an element the reader does not know (here a made-up wrapper): lost, and said.
    const lost = await codes(para("alfa beta gamma") + `<w:p><w:unknownWrapper><w:r><w:t>${words(10)}</w:t></w:r></w:unknownWrapper></w:p>`);
    expect(lost).toEqual([["DOCX_TEXT_DROPPED", expect.stringMatching(/^10 of 13 words .*\(e\.g\. parola0, parola1, parola2, parola3, parola4\)/)]]);
    // Left out on purpose: hidden runs, deletions and moves-from written with w:t, a deleted row,
    // a deleted cell, and the fallback of alternate content (which repeats the choice's text).
    const deliberate = await codes(
      para("alfa beta gamma") +
        `<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>${words(5)}</w:t></w:r></w:p>` +
        `<w:p><w:del><w:r><w:t>cancellato testo</w:t></w:r></w:del><w:moveFrom><w:r><w:t>spostato altrove</w:t></w:r></w:moveFrom></w:p>` +
        tbl(
          tr(tc(para("cella viva"))) +
            tr(tc(para("riga cancellata")), `<w:del w:id="1"/>`) +
            tr(tc(para("resta")) + tc(para("cella cancellata"), `<w:cellDel w:id="2"/>`)),
        ) +
        `<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>${para("casella scelta")}</w:txbxContent></w:drawing></mc:Choice>` +
        `<mc:Fallback><w:pict><w:txbxContent>${para("casella scelta")}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
    );
    expect(deliberate).toEqual([]);
  });

  it("reports a picture filling a page with no text (a pasted scan) as UNREADABLE, not a logo or a picture with a caption", async () => {
    const picture = (cx: number, cy: number, text = "") =>
      `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="${cx}" cy="${cy}"/><a:graphic/></wp:inline></w:drawing></w:r>${text ? `<w:r><w:t>${text}</w:t></w:r>` : ""}</w:p>`;
    const scan = await read({ body: para("Scheda 2") + picture(5630545, 7958455) });
    expect(scan.messages.map((m) => [m.code, m.severity, m.page])).toEqual([["UNREADABLE", "error", null]]);
    expect(scan.messages[0]!.reason).toMatch(/no text.*scanned page/);
    const vml = await read({
      body: para("x") + `<w:p><w:r><w:pict><v:shape style="width:440pt;height:620pt"><v:imagedata r:id="rId9"/></v:shape></w:pict></w:r></w:p>`,
    });
    expect(vml.messages.map((m) => m.code)).toEqual(["UNREADABLE"]);
    const logo = await read({ body: picture(1800000, 900000) + para("Comune di Borgoverde") });
    const captioned = await read({ body: picture(5630545, 7958455, "Figura 1: organigramma") });
    expect([...logo.messages, ...captioned.messages]).toEqual([]);
  });

  it("refuses absurdly deep nesting with a DocumentError naming the limit", async () => {
    const deep = "<w:sdt><w:sdtContent>".repeat(20000) + para("x") + "</w:sdtContent></w:sdt>".repeat(20000);
    expect(await kindOf(read({ body: deep }))).toBe("too-large");
    await expect(read({ body: deep })).rejects.toThrow(/maxNestingDepth = 400 \(raise it with --limit maxNestingDepth=N\)/);
  });
});
