/**
 * What real Word documents contain that hand-written fixtures do not: content
 * controls around rows and cells, tracked changes, fields, revision properties,
 * ragged rows, table-style shading, embedded chunks, symbol fonts.
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readDocx } from "../../../src/extract/docx/read-docx.js";
import { readerSettings } from "../../../src/extract/settings.js";
import type { LayoutDocument, TextLine } from "../../../src/extract/layout.js";
import { allTables, textGrid } from "../common/golden.js";
import { makeDocx, para, tbl, tc, tr, type DocxParts } from "./make-docx.js";

const opts = readerSettings();
const read = async (parts: DocxParts) => readDocx(await makeDocx(parts), "test.docx", opts);
const lines = (doc: LayoutDocument) => doc.pages[0]!.blocks.filter((b): b is TextLine => b.kind === "line").map((l) => l.text);
const sdt = (content: string) => `<w:sdt><w:sdtPr><w:alias w:val="campo"/><w:id w:val="1"/></w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

describe("content controls (w:sdt)", () => {
  it("reads through controls around paragraphs, runs, tables, rows and cells", async () => {
    const doc = await read({
      body:
        sdt(para("paragrafo")) +
        `<w:p>${run("prima ")}${sdt(run("dentro"))}${run(" dopo")}</w:p>` +
        sdt(
          `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>` +
            tr(tc(para("A")) + sdt(tc(para("B")))) +
            sdt(tr(tc(para("C")) + tc(sdt(para("D"))))) +
            `</w:tbl>`,
        ),
    });
    expect(lines(doc)).toEqual(["paragrafo", "prima dentro dopo"]);
    expect(textGrid(allTables(doc)[0]!)).toEqual([
      ["A", "B"],
      ["C", "D"],
    ]);
    expect(doc.messages).toEqual([]);
  });
});

describe("content controls: placeholders and check boxes", () => {
  it("leaves out a control still showing its placeholder prompt, and reads a check-box control's glyph", async () => {
    const placeholder = (content: string) => `<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
    const checkBox = (glyph: string, checked: string) =>
      `<w:sdt><w:sdtPr><w14:checkbox xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w14:checked w14:val="${checked}"/></w14:checkbox></w:sdtPr>` +
      `<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr><w:t>${glyph}</w:t></w:r></w:sdtContent></w:sdt>`;
    const doc = await read({
      body:
        `<w:p>${run("Indicatore: ")}${placeholder(`<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>Fare clic o toccare qui per immettere il testo.</w:t></w:r>`)}</w:p>` +
        placeholder(para("Scegliere un elemento.")) +
        tbl(tr(tc(`<w:p>${checkBox("☒", "1")}</w:p>`) + tc(`<w:p>${checkBox("☐", "0")}</w:p>`))),
    });
    expect(lines(doc)).toEqual(["Indicatore:"]);
    expect(textGrid(allTables(doc)[0]!)).toEqual([["☒", "☐"]]);
    expect(doc.messages).toEqual([]);
  });
});

describe("tracked changes", () => {
  it("drops deleted and moved-away text, keeps inserted and moved-here text", async () => {
    const doc = await read({
      body:
        `<w:p>${run("Peso ")}<w:del w:id="1" w:author="a"><w:r><w:delText>20</w:delText></w:r></w:del><w:ins w:id="2" w:author="a">${run("25")}</w:ins></w:p>` +
        `<w:p><w:moveFromRangeStart w:id="3" w:name="m"/><w:moveFrom w:id="4" w:author="a"><w:r><w:t>spostato via</w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="3"/>${run("resta")}</w:p>` +
        `<w:p><w:moveToRangeStart w:id="5" w:name="m"/><w:moveTo w:id="6" w:author="a">${run("spostato qui")}</w:moveTo><w:moveToRangeEnd w:id="5"/></w:p>`,
    });
    expect(lines(doc)).toEqual(["Peso 25", "resta", "spostato qui"]);
    expect(doc.messages).toEqual([]);
  });

  it("drops a table row deleted with changes tracked, and joins a paragraph whose mark was deleted", async () => {
    const doc = await read({
      body:
        `<w:p><w:pPr><w:rPr><w:del w:id="7" w:author="a"/></w:rPr></w:pPr>${run("Obiettivo")}</w:p>` +
        para(" strategico") +
        tbl(
          tr(tc(para("a")) + tc(para("b"))) +
            tr(
              tc(`<w:p><w:del w:id="8" w:author="a"><w:r><w:delText>x</w:delText></w:r></w:del></w:p>`) +
                tc(`<w:p><w:del w:id="9" w:author="a"><w:r><w:delText>y</w:delText></w:r></w:del></w:p>`),
              `<w:del w:id="10" w:author="a"/>`,
            ) +
            tr(tc(para("c")) + tc(para("d")), `<w:ins w:id="11" w:author="a"/>`),
        ),
    });
    expect(lines(doc)).toEqual(["Obiettivo strategico"]);
    expect(textGrid(allTables(doc)[0]!)).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });
});

describe("inline wrappers and fields", () => {
  it("reads hyperlinks, smart tags, custom XML, simple fields and a complex field's result, not its instruction", async () => {
    const doc = await read({
      body:
        `<w:p><w:bookmarkStart w:id="0" w:name="_Toc1"/><w:hyperlink w:anchor="_Toc1">${run("collegamento")}</w:hyperlink><w:bookmarkEnd w:id="0"/>` +
        `<w:proofErr w:type="spellStart"/><w:smartTag w:uri="urn:x" w:element="place">${run(" Luzzara")}</w:smartTag><w:proofErr w:type="spellEnd"/>` +
        `<w:customXml w:element="nome">${run(" servizio")}</w:customXml><w:fldSimple w:instr=" DOCPROPERTY Anno ">${run(" 2024")}</w:fldSimple></w:p>` +
        `<w:p>${run("Pag. ")}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
        `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run("3")}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
        // A field whose instruction and result both hold a nested field (Word writes IF fields so).
        `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> IF </w:instrText></w:r>` +
        `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD x </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run("istruzione")}<w:r><w:fldChar w:fldCharType="end"/></w:r>` +
        `<w:r><w:instrText> = 1 "sì" "no" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run("risultato")}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
    });
    expect(lines(doc)).toEqual(["collegamento Luzzara servizio 2024", "Pag. 3", "risultato"]);
  });

  it("reads a legacy check-box form field as a mark glyph", async () => {
    const box = (checked: string) =>
      `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="C1"/><w:checkBox><w:sizeAuto/>${checked}</w:checkBox></w:ffData></w:fldChar></w:r>` +
      `<w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const doc = await read({
      body: tbl(
        tr(
          tc(`<w:p>${box(`<w:default w:val="1"/>`)}</w:p>`) +
            tc(`<w:p>${box(`<w:default w:val="0"/>`)}</w:p>`) +
            tc(`<w:p>${box(`<w:default w:val="0"/><w:checked/>`)}</w:p>`) +
            tc(para("x")),
        ),
      ),
    });
    expect(textGrid(allTables(doc)[0]!)).toEqual([["☒", "☐", "☒", "x"]]);
  });
});

describe("grid: revisions, ragged rows, legacy merges", () => {
  it("is not confused by tblGridChange / tcPrChange / trPrChange revision properties", async () => {
    const doc = await read({
      body:
        `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblPrChange w:id="1" w:author="a"><w:tblPr><w:shd w:val="clear" w:fill="FF0000"/></w:tblPr></w:tblPrChange></w:tblPr>` +
        `<w:tblGrid><w:gridCol w:w="100"/><w:gridCol w:w="100"/><w:gridCol w:w="100"/><w:tblGridChange w:id="2"><w:tblGrid><w:gridCol w:w="300"/></w:tblGrid></w:tblGridChange></w:tblGrid>` +
        tr(
          tc(para("a"), `<w:tcPrChange w:id="3" w:author="a"><w:tcPr><w:gridSpan w:val="3"/><w:shd w:val="clear" w:fill="00FF00"/></w:tcPr></w:tcPrChange>`) +
            tc(para("b")) +
            tc(para("c")),
          `<w:trPrChange w:id="4" w:author="a"><w:trPr><w:gridBefore w:val="2"/></w:trPr></w:trPrChange>`,
        ) +
        tr(tc(para("d"), `<w:gridSpan w:val="2"/>`) + tc(para("e"))) +
        `</w:tbl>`,
    });
    const t = allTables(doc)[0]!;
    expect(textGrid(t)).toEqual([
      ["a", "b", "c"],
      ["d", "", "e"],
    ]);
    expect(t.cells.every((c) => !c.shaded)).toBe(true);
  });

  it("places the cells of rows that start or end short of the grid (gridBefore / gridAfter) in their columns", async () => {
    const grid = `<w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>`;
    const doc = await read({
      body:
        `<w:tbl><w:tblPr/>${grid}` +
        tr(tc(para("Obiettivo"), `<w:gridSpan w:val="2"/>`) + tc(para("Peso")), `<w:gridAfter w:val="1"/><w:wAfter w:w="500" w:type="dxa"/>`) +
        tr(tc(para("Gen")) + tc(para("Feb")), `<w:gridBefore w:val="2"/><w:wBefore w:w="500" w:type="dxa"/>`) +
        tr(tc(para("1")) + tc(para("2")) + tc(para("3")) + tc(para("4"))) +
        `</w:tbl>` +
        // Every row ends short: the grid still has the columns w:tblGrid declares.
        `<w:tbl><w:tblPr/>${grid}` +
        tr(tc(para("solo")), `<w:gridBefore w:val="1"/><w:gridAfter w:val="2"/>`) +
        `</w:tbl>`,
    });
    const [t1, t2] = allTables(doc);
    expect(textGrid(t1!)).toEqual([
      ["Obiettivo", "", "Peso", ""],
      ["", "", "Gen", "Feb"],
      ["1", "2", "3", "4"],
    ]);
    expect(t1!.cells[0]).toMatchObject({ colSpan: 2 });
    expect(textGrid(t2!)).toEqual([["", "solo", "", ""]]);
  });

  it("merges cells joined by legacy w:hMerge", async () => {
    const doc = await read({
      body: tbl(
        tr(tc(para("Fasi"), `<w:hMerge w:val="restart"/>`) + tc("", `<w:hMerge/>`) + tc("", `<w:hMerge w:val="continue"/>`) + tc(para("Peso"))) +
          tr(tc(para("1")) + tc(para("2")) + tc(para("3")) + tc(para("4"))),
      ),
    });
    const t = allTables(doc)[0]!;
    expect(textGrid(t)).toEqual([
      ["Fasi", "", "", "Peso"],
      ["1", "2", "3", "4"],
    ]);
    expect(t.cells[0]).toMatchObject({ colSpan: 3 });
  });
});

describe("shading", () => {
  it("counts solid and patterned non-white shading, not auto or white", async () => {
    const doc = await read({
      body: tbl(
        tr(
          tc(para("s"), `<w:shd w:val="solid" w:color="BFBFBF" w:fill="auto"/>`) +
            tc(para("p"), `<w:shd w:val="pct25" w:color="auto" w:fill="auto"/>`) +
            tc(para("h"), `<w:shd w:val="horzStripe" w:color="000000" w:fill="FFFFFF"/>`) +
            tc(para("t"), `<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9" w:themeFill="background1" w:themeFillShade="D9"/>`) +
            tc(para("a"), `<w:shd w:val="clear" w:color="auto" w:fill="auto"/>`) +
            tc(para("w"), `<w:shd w:val="clear" w:color="auto" w:fill="FFFFFF"/>`) +
            tc(para("w2"), `<w:shd w:val="solid" w:color="FFFFFF" w:fill="D9D9D9"/>`) +
            tc(para("n"), `<w:shd w:val="nil"/>`) +
            tc(sdt(`<w:p><w:pPr><w:shd w:val="clear" w:color="auto" w:fill="A6A6A6"/></w:pPr></w:p>`)),
        ),
      ),
    });
    const cells = allTables(doc)[0]!.cells;
    expect(cells.map((c) => c.shaded)).toEqual([true, true, true, true, false, false, false, false, true]);
    expect(cells[0]!.fill).toBe("#bfbfbf");
  });

  it("takes shading from the table style: whole table, header row, first column and row bands as w:tblLook enables them", async () => {
    const styles =
      `<w:style w:type="table" w:styleId="Base"><w:tblPr><w:tblStyleRowBandSize w:val="1"/></w:tblPr></w:style>` +
      `<w:style w:type="table" w:styleId="Griglia4"><w:basedOn w:val="Base"/>` +
      `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="4472C4"/></w:tcPr></w:tblStylePr>` +
      `<w:tblStylePr w:type="band1Horz"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/></w:tcPr></w:tblStylePr>` +
      `<w:tblStylePr w:type="firstCol"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="FFFFFF"/></w:tcPr></w:tblStylePr>` +
      `</w:style>`;
    const rows =
      tr(tc(para("N.")) + tc(para("Gen")) + tc(para("Feb"))) +
      tr(tc(para("1")) + tc("") + tc("")) +
      tr(tc(para("2")) + tc("") + tc("", `<w:shd w:val="clear" w:fill="FFFF00"/>`)) +
      tr(tc(para("3")) + tc("") + tc(""));
    const table = (look: string) => `<w:tbl><w:tblPr><w:tblStyle w:val="Griglia4"/>${look}</w:tblPr>${rows}</w:tbl>`;
    const doc = await read({
      styles,
      body:
        table(`<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>`) +
        para("-") +
        table(`<w:tblLook w:val="0600"/>`) +
        para("-") +
        table(""),
    });
    const [banded, plain, noLook] = allTables(doc);
    const fills = (t: typeof banded) => Array.from({ length: 4 }, (_, r) => t!.cells.filter((c) => c.row === r).map((c) => c.fill));
    expect(fills(banded)).toEqual([
      ["#4472c4", "#4472c4", "#4472c4"],
      [null, "#d9e2f3", "#d9e2f3"],
      [null, null, "#ffff00"],
      [null, "#d9e2f3", "#d9e2f3"],
    ]);
    expect(fills(plain)).toEqual([
      [null, null, null],
      [null, null, null],
      [null, null, "#ffff00"],
      [null, null, null],
    ]);
    // No w:tblLook: bands only, counted from the first row.
    expect(fills(noLook)).toEqual([
      ["#d9e2f3", "#d9e2f3", "#d9e2f3"],
      [null, null, null],
      ["#d9e2f3", "#d9e2f3", "#ffff00"],
      [null, null, null],
    ]);
  });
});

describe("symbols", () => {
  it("maps Wingdings and Wingdings 2 symbols, and text in a symbol font, to mark glyphs", async () => {
    const sym = (font: string, ch: string) => `<w:p><w:r><w:sym w:font="${font}" w:char="${ch}"/></w:r></w:p>`;
    const inFont = (font: string, text: string) => `<w:p><w:r><w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}"/></w:rPr><w:t>${text}</w:t></w:r></w:p>`;
    const doc = await read({
      body: tbl(
        tr(
          tc(sym("Wingdings", "F0FC")) +
            tc(sym("Wingdings", "F078")) +
            tc(sym("Wingdings 2", "F050")) +
            tc(sym("Wingdings 2", "F054")) +
            tc(sym("Symbol", "F0B4")) +
            tc(inFont("Wingdings", "ü")) +
            tc(inFont("Wingdings 2", "P")) +
            tc(inFont("Wingdings", "l")),
        ),
      ),
    });
    expect(textGrid(allTables(doc)[0]!)).toEqual([["✓", "☒", "✓", "☒", "×", "✓", "✓", "●"]]);
  });

  it("maps text whose symbol font comes from a character or paragraph style", async () => {
    const doc = await read({
      styles:
        `<w:style w:type="character" w:styleId="Spunta"><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr></w:style>` +
        `<w:style w:type="paragraph" w:styleId="Segni"><w:rPr><w:rFonts w:ascii="Wingdings 2" w:hAnsi="Wingdings 2"/></w:rPr></w:style>`,
      body: tbl(
        tr(
          tc(`<w:p><w:r><w:rPr><w:rStyle w:val="Spunta"/></w:rPr><w:t>ü</w:t></w:r></w:p>`) +
            tc(`<w:p><w:pPr><w:pStyle w:val="Segni"/></w:pPr><w:r><w:t>P</w:t></w:r></w:p>`) +
            tc(`<w:p><w:pPr><w:pStyle w:val="Segni"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr><w:t>P</w:t></w:r></w:p>`),
        ),
      ),
    });
    expect(textGrid(allTables(doc)[0]!)).toEqual([["✓", "✓", "P"]]);
  });
});

describe("embedded chunks (w:altChunk)", () => {
  it("reads an embedded HTML chunk in place, and names an embedded part it cannot read", async () => {
    const zip = await JSZip.loadAsync(await makeDocx({ body: para("prima") + `<w:altChunk r:id="rIdA"/><w:altChunk r:id="rIdB"/>` + para("dopo") }));
    const rels = (await zip.file("word/_rels/document.xml.rels")!.async("string")).replace(
      "</Relationships>",
      `<Relationship Id="rIdA" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk1.htm"/>` +
        `<Relationship Id="rIdB" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk2.rtf"/></Relationships>`,
    );
    zip.file("word/_rels/document.xml.rels", rels);
    zip.file("word/chunk1.htm", `<html><body><p>Testo incorporato</p><table><tr><td>Gen</td><td style="background:#D9D9D9"></td></tr></table></body></html>`);
    zip.file("word/chunk2.rtf", `{\\rtf1 testo rtf}`);
    const doc = await readDocx(new Uint8Array(await zip.generateAsync({ type: "uint8array" })), "test.docx", opts);
    expect(lines(doc)).toEqual(["prima", "Testo incorporato", "dopo"]);
    const t = allTables(doc)[0]!;
    expect(textGrid(t)).toEqual([["Gen", ""]]);
    expect(t.cells[1]!.fill).toBe("#d9d9d9");
    expect(doc.messages.map((m) => m.code)).toEqual(["DOCX_ALT_CHUNK"]);
    expect(doc.messages[0]!.reason).toMatch(/chunk2\.rtf/);
  });

  it("reads an embedded DOCX, a plain-text and an MHT chunk in place, numbering their tables in sequence", async () => {
    const zip = await JSZip.loadAsync(
      await makeDocx({ body: tbl(tr(tc(para("a")) + tc(para("b")))) + `<w:altChunk r:id="rIdD"/><w:altChunk r:id="rIdT"/><w:altChunk r:id="rIdM"/>` }),
    );
    const rels = (await zip.file("word/_rels/document.xml.rels")!.async("string")).replace(
      "</Relationships>",
      `<Relationship Id="rIdD" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="afchunk.docx"/>` +
        `<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="note.txt"/>` +
        `<Relationship Id="rIdM" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk.mht"/></Relationships>`,
    );
    zip.file("word/_rels/document.xml.rels", rels);
    zip.file("word/afchunk.docx", await makeDocx({ body: para("Scheda incorporata") + tbl(tr(tc(para("c")) + tc(para("d")))) }));
    zip.file("word/note.txt", "Nota uno\r\n\r\nNota due\r\n");
    zip.file(
      "word/chunk.mht",
      [
        "MIME-Version: 1.0",
        `Content-Type: multipart/related;`,
        `\tboundary="----=_NextPart_01"`,
        "",
        "------=_NextPart_01",
        "Content-Location: file:///C:/chunk.htm",
        "Content-Transfer-Encoding: quoted-printable",
        `Content-Type: text/html; charset="windows-1252"`,
        "",
        `<html><body><p class=3DMsoNormal>Attivit=E0 del servizio, fase con un nome molto lungo che va a =`,
        `capo</p></body></html>`,
        "",
        "------=_NextPart_01",
        "Content-Location: file:///C:/image001.png",
        "Content-Transfer-Encoding: base64",
        "Content-Type: image/png",
        "",
        "iVBORw0KGgo=",
        "",
        "------=_NextPart_01--",
        "",
      ].join("\r\n"),
    );
    const doc = await readDocx(new Uint8Array(await zip.generateAsync({ type: "uint8array" })), "test.docx", opts);
    expect(lines(doc)).toEqual(["Scheda incorporata", "Nota uno", "Nota due", "Attività del servizio, fase con un nome molto lungo che va a capo"]);
    expect(allTables(doc).map((t) => [t.id, textGrid(t)])).toEqual([
      ["t1", [["a", "b"]]],
      ["t2", [["c", "d"]]],
    ]);
    expect(doc.messages).toEqual([]);
  });
});
