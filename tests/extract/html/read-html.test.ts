import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readHtml } from "../../../src/extract/html/read-html.js";
import { readerSettings } from "../../../src/extract/settings.js";
import { LayoutDocument, type Table, type TextLine } from "../../../src/extract/layout.js";
import { DocumentError } from "../../../src/shared/errors.js";
import { allTables, expectTablesGolden, samplesDir, textGrid } from "../common/golden.js";

const opts = readerSettings();
const read = (html: string) => readHtml(html, "test.html", opts);
const lines = (html: string) =>
  read(html)
    .pages[0]!.blocks.filter((b): b is TextLine => b.kind === "line")
    .map((l) => l.text);

describe("readHtml: running text", () => {
  it("gives one line per paragraph, heading and list item; <br> splits; whitespace collapses", () => {
    expect(
      lines(`<body><h1>Titolo</h1><p>Uno
      due&nbsp; tre<br>quattro</p><ul><li>primo<li>secondo</ul><div>fine</div></body>`),
    ).toEqual(["Titolo", "Uno due tre", "quattro", "primo", "secondo", "fine"]);
  });

  it("marks a line bold only when all its text is bold", () => {
    const doc = read(`<p><b>Peso </b><strong>15</strong></p><p><b>Nome:</b> testo</p>
      <p style="font-weight:700">pesante</p><p><b><span style="font-weight:normal">no</span></b></p>`);
    const bold = doc.pages[0]!.blocks.map((b) => (b as TextLine).bold);
    expect(bold).toEqual([true, false, true, false]);
  });

  it("reads font sizes from CSS and <font size>", () => {
    const doc = read(`<p style="font-size:14pt">a</p><p><font size="2">b</font></p><p style="font-size:16px">c</p><p>d</p>`);
    expect(doc.pages[0]!.blocks.map((b) => (b as TextLine).fontSize)).toEqual([14, 10, 12, null]);
  });

  it("handles Word 'Save as HTML' output: o:p, conditional comments, list markers, hidden text", () => {
    const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
      <!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>x</o:Author></o:DocumentProperties></xml><![endif]-->
      <style>p.MsoNormal{margin:0}</style></head>
      <body lang=IT style='tab-interval:35.4pt'><div class=WordSection1>
      <p class=MsoNormal><b><span style='font-size:11.0pt'>Scheda obiettivo<o:p></o:p></span></b></p>
      <p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
      style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>Indicatore uno<o:p></o:p></p>
      <p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><!--[if !supportLists]--><span>1.<span>&nbsp;&nbsp;</span></span><!--[endif]-->Indicatore due</p>
      <p class=MsoNormal><span style='display:none;mso-hide:all'>nascosto</span>visibile<o:p>&nbsp;</o:p></p>
      </div></body></html>`;
    expect(lines(html)).toEqual(["Scheda obiettivo", "Indicatore uno", "Indicatore due", "visibile"]);
  });

  it("keeps a literal '- ' marker but adds none for <ul> bullets or exported list labels", () => {
    expect(lines(`<ul><li>- scritto</li><li>non scritto</li></ul>`)).toEqual(["- scritto", "non scritto"]);
    expect(
      lines(`<ol><li><p><span class="ListLabel_20_4" style="display:block;float:left;">1.</span><span>Primo</span></p></li>
      <li><p><span style="float:left">b)</span>Secondo</p></li><li><p><span class="T2">3. scritto a mano</span></p></li></ol>`),
    ).toEqual(["Primo", "Secondo", "3. scritto a mano"]);
  });

  it("puts marked header/footer regions into page.header/footer, not the blocks", () => {
    const doc = read(`<body><div title="header"><p>ENTE</p><p>Provincia</p></div><p>Testo</p>
      <div style="mso-element:footer" id=f1><p>Pag. 1</p></div></body>`);
    const page = doc.pages[0]!;
    expect(page.header).toEqual(["ENTE", "Provincia"]);
    expect(page.footer).toEqual(["Pag. 1"]);
    expect(page.blocks.map((b) => (b as TextLine).text)).toEqual(["Testo"]);
    expect(page).toMatchObject({ number: null, width: null, height: null });
    expect(doc.pageCount).toBeNull();
  });

  it("rejects a document with no body text as empty", () => {
    for (const html of [
      "<html><head><title>x</title></head><body>  <p>&nbsp;</p></body></html>",
      "<!-- only a comment -->",
      "<table><tr><td></td></tr></table>",
    ]) {
      expect(() => read(html)).toThrowError(DocumentError);
      try {
        read(html);
      } catch (e) {
        expect((e as DocumentError).kind).toBe("empty");
      }
    }
  });

  it("refuses absurdly deep nesting with a DocumentError instead of overflowing the stack", () => {
    const deep = "<div>".repeat(5000) + "x" + "</div>".repeat(5000);
    expect(() => read(deep)).toThrowError(DocumentError);
    expect(() => read("<table><tr><td>".repeat(5000) + "x")).toThrowError(DocumentError);
    // 2000 tables each in the last cell of the one before: over the nesting limit, unless it is raised.
    const nestedTables = "<table><tr><td>a</td><td>".repeat(2000) + "x";
    expect(() => read(nestedTables)).toThrowError(/maxNestingDepth/);
    expect(allTables(readHtml(nestedTables, "t.html", readerSettings({ maxNestingDepth: 2100 })))).toHaveLength(2000);
  });
});

describe("readHtml: tables", () => {
  it("honours colspan/rowspan and joins cell paragraphs with newlines", () => {
    const doc = read(`<table>
      <thead><tr><th rowspan=2>N.</th><th colspan=3>Tempi</th></tr>
      <tr><td>Gen</td><td>Feb</td><td>Mar</td></tr></thead>
      <tbody><tr><td><p>1</p></td><td>X</td><td></td><td>x</td></tr>
      <tr><td><ul><li>uno</li><li>due</li></ul></td><td colspan=3>a<br>b</td></tr></tbody></table>`);
    const [t] = allTables(doc);
    expect(t).toMatchObject({ id: "t1", method: "html", rows: 4, cols: 4, page: null, bbox: null });
    expect(t!.rowPages).toEqual([null, null, null, null]);
    expect(textGrid(t!)).toEqual([
      ["N.", "Tempi", "", ""],
      ["", "Gen", "Feb", "Mar"],
      ["1", "X", "", "x"],
      ["uno\ndue", "a\nb", "", ""],
    ]);
    expect(t!.cells.find((c) => c.text === "N.")).toMatchObject({ rowSpan: 2, colSpan: 1 });
    expect(LayoutDocument.safeParse(doc).success).toBe(true);
  });

  it("reads fills from background, background-color, bgcolor and the row, ignoring white", () => {
    const doc = read(`<table><tr style="background:#FFFF00">
      <td style="background:#D9D9D9">a</td><td bgcolor="silver">b</td><td style="background-color:white">c</td>
      <td>d</td></tr><tr><td style="background:transparent">e</td><td bgcolor="#ffffff">f</td><td style="background: rgb(255,0,0)"></td><td>h</td></tr></table>`);
    const fills = allTables(doc)[0]!.cells.map((c) => c.fill);
    expect(fills).toEqual(["#d9d9d9", "#c0c0c0", null, "#ffff00", null, null, "#ff0000", null]);
    expect(allTables(doc)[0]!.cells.map((c) => c.shaded)).toEqual(fills.map((f) => f !== null));
  });

  it("emits a nested table after its outer table; the outer cell keeps its own text", () => {
    const doc = read(`<p>prima</p><table><tr><td>Fasi<table><tr><td>G</td><td>F</td></tr></table>fine</td><td>b</td></tr></table><p>dopo</p>`);
    const blocks = doc.pages[0]!.blocks;
    expect(blocks.map((b) => b.kind)).toEqual(["line", "table", "table", "line"]);
    expect(textGrid(blocks[1] as Table)).toEqual([["Fasi\nfine", "b"]]);
    expect(textGrid(blocks[2] as Table)).toEqual([["G", "F"]]);
    expect((blocks[2] as Table).id).toBe("t2");
  });

  it("reads a one-cell layout table as running text", () => {
    const doc = read(`<table><tr><td><p>Titolo</p><table><tr><td>a</td><td>b</td></tr></table></td></tr></table>`);
    expect(doc.pages[0]!.blocks.map((b) => b.kind)).toEqual(["line", "table"]);
  });

  it("keeps the rows of thead, tbody and tfoot in order and ignores empty tables", () => {
    const doc = read(
      `<table><tr><td></td></tr><tr><td></td></tr></table><table><thead><tr><td>h</td><td>h2</td></tr></thead><tbody><tr><td>b</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>`,
    );
    const tables = allTables(doc);
    expect(tables).toHaveLength(1);
    expect(textGrid(tables[0]!)).toEqual([
      ["h", "h2"],
      ["b", ""],
      ["f", ""],
    ]);
  });

  it("warns when spans overlap instead of failing", () => {
    const doc = read(`<table><tr><td>x</td><td rowspan=2>tall</td></tr><tr><td colspan=3>wide</td></tr></table>`);
    expect(doc.messages.map((m) => m.code)).toEqual(["TABLE_SPANS_OVERLAP"]);
  });
});

describe("readHtml: the Luzzara sample (LibreOffice export)", () => {
  const file = path.resolve(samplesDir, "luzzara-2024.html");
  const doc = readHtml(readFileSync(file, "utf8"), file, opts);

  it("is a valid layout with the running header and footer set apart", () => {
    expect(LayoutDocument.safeParse(doc).success).toBe(true);
    expect(doc.pages).toHaveLength(1);
    expect(doc.pages[0]!.header).toEqual(["COMUNE DI LUZZARA", "UNIONE BASSA REGGIANA", "Provincia di Reggio Emilia"]);
    expect(doc.messages).toEqual([]);
  });

  it("has a 12-month header above the marks of every objective sheet", () => {
    const sheets = allTables(doc).filter((t) => t.cells.some((c) => c.text.startsWith("Nome obiettivo")));
    expect(sheets.length).toBeGreaterThan(10);
    for (const t of sheets) {
      const grid = textGrid(t);
      const monthRow = grid.findIndex((r) => r.includes("Gen"));
      expect(monthRow).toBeGreaterThan(0);
      const months = grid[monthRow]!.slice(grid[monthRow]!.indexOf("Gen"));
      expect(months).toEqual(["Gen", "Feb", "Mar", "Apr", "Mag", "Giu", "Lug", "Ago", "Set", "Ott", "Nov", "Dic"]);
    }
  });

  it("matches the golden tables", () => {
    expectTablesGolden(doc, "tests/golden/html/luzzara-2024.tables.json");
  });
});

describe("readHtml: CSS rules in <style> blocks", () => {
  it("applies class and tag rules (fill, bold, hidden), inline style winning", () => {
    const doc = read(`<html><head><style>
      td.Tab_B2 { background-color:#7f7f7f; }
      .Forte { font-weight: bold }
      p.Nascosto { display:none }
      td.Bianco { background: #fff }
      span.T1 { font-weight:bold } span.T1 { font-weight: normal }
      div > p.Ignored { display:none }
    </style></head><body>
      <p class="Forte">titolo</p><p class="Nascosto">via</p><p><span class="T1">normale</span></p><p class="Ignored">resta</p>
      <table><tr><td class="Tab_B2"></td><td class="Tab_B2" style="background:#ffffff">b</td><td class="Bianco" bgcolor="red">c</td></tr></table>
    </body></html>`);
    const lines = doc.pages[0]!.blocks.filter((b): b is TextLine => b.kind === "line");
    expect(lines.map((l) => [l.text, l.bold])).toEqual([
      ["titolo", true],
      ["normale", false],
      ["resta", false],
    ]);
    expect(allTables(doc)[0]!.cells.map((c) => c.fill)).toEqual(["#7f7f7f", null, null]);
  });
});

describe("readHtml: a scanned page saved as a picture", () => {
  it("reports a page-sized <img> alone in its paragraph as UNREADABLE, not a logo or a captioned figure", () => {
    const scan = read(`<body><p>Scheda 2</p><p align="center"><img src="image1.png" width="591" height="835"></p></body>`);
    expect(scan.messages.map((m) => [m.code, m.severity, m.page])).toEqual([["UNREADABLE", "error", null]]);
    expect(scan.messages[0]!.reason).toMatch(/no text.*scanned page/);
    expect(read(`<body><p><img src="a.png" style="width:6.1in;height:8.7in"></p><p>x</p></body>`).messages.map((m) => m.code)).toEqual(["UNREADABLE"]);
    const logo = read(`<body><p><img src="logo.png" width="120" height="60"></p><p>Comune di Borgoverde</p></body>`);
    const captioned = read(`<body><p><img src="org.png" width="591" height="835"> Figura 1: organigramma</p></body>`);
    const unsized = read(`<body><p><img src="x.png"></p><p>testo</p></body>`);
    expect([...logo.messages, ...captioned.messages, ...unsized.messages]).toEqual([]);
  });
});
